import { afterEach, describe, expect, it } from 'vitest';
import { facetsOf } from './engine/question-facets';
import { demoBrain } from './testing/demo-brain';
import { FakeProvider } from './testing/fake-provider';
import { aiOffice, type AiOffice } from './testing/ai-office';

let office: AiOffice | null = null;
afterEach(async () => {
  await office?.t.close();
  await office?.fake.close();
  office = null;
});

/** The demo's case: the customer asks for a villa in Al Yasmin; the office lists none there. */
const villaInYasmin = 'مرحبا، عندكم فلل للبيع في حي الياسمين؟';
const narjisApartment = { name: 'شقة ٤ غرف – حي النرجس', type: 'apartment', price: '950000', bedrooms: 4, area: 210, city: 'الرياض', district: 'النرجس', listing: 'sale' } as const;

describe('the AI answers only with a property that matches the question', () => {
  it('reads the type and the district a customer names, in Arabic and English', () => {
    expect(facetsOf(villaInYasmin)).toMatchObject({ types: ['villa'], districts: ['ياسمين'] });
    expect(facetsOf('Hi, do you have villas for sale in Al Yasmin?')).toMatchObject({ types: ['villa'], districts: ['ياسمين'] });
    expect(facetsOf('كم سعر الشقة بحي الندى؟')).toMatchObject({ types: ['apartment'], districts: ['ندي'] });
    expect(facetsOf('السلام عليكم')).toMatchObject({ types: [], districts: [] });
  });

  it('says no villa is listed in Al Yasmin instead of offering the Al Narjis apartment the customer is interested in (demo model)', async () => {
    const fake = new FakeProvider(demoBrain);
    await fake.start();
    office = await aiOffice({ provider: fake });
    const { t, admin, customerWrites, quietTimePasses, aiMessages, logs, notificationsOf } = office;
    const apartment = await t.call('properties.create', narjisApartment, admin.token);
    // The customer looked at the Al Narjis apartment before: an interest comes first in retrieval.
    const first = customerWrites('966501112233', 'السلام عليكم');
    await t.call('conversations.setInterest', { conversationId: first.conversationId, propertyId: apartment.id }, admin.token);
    await quietTimePasses();
    customerWrites('966501112233', villaInYasmin);
    await quietTimePasses();

    const prompt = fake.requests.at(-1)!.messages[0]!.content;
    // Neither the interest nor the Al Narjis villa is offered as an answer to a villa in Al Yasmin.
    expect(prompt).not.toContain(`[P${apartment.id}]`);
    expect(prompt).toContain('MATCHING RECORDS: none');
    const reply = aiMessages(first.conversationId).at(-1)!.content;
    expect(reply).toContain('لا توجد لدينا حالياً فلل');
    expect(reply).toContain('الياسمين');
    expect(reply).not.toContain('نعم');
    expect(reply).not.toContain('النرجس');
    expect(logs().at(-1)).toMatchObject({ outcome: 'replied', scenario: 'propertyInquiryResponse' });
    expect(notificationsOf('ai_handoff')).toHaveLength(0);
  });

  it('quotes the villa in the district asked about, not another record (demo model)', async () => {
    const fake = new FakeProvider(demoBrain);
    await fake.start();
    office = await aiOffice({ provider: fake });
    const { t, admin, customerWrites, quietTimePasses, aiMessages, villa } = office;
    await t.call('properties.create', narjisApartment, admin.token);
    const { conversationId } = customerWrites('966501112233', 'عندكم فلل في النرجس؟');
    await quietTimePasses();
    expect(fake.requests[0]!.messages[0]!.content).toContain(`MATCHING RECORDS: P${villa.id}`);
    expect(aiMessages(conversationId).map((m) => m.content)).toEqual(['نعم، فيلا النرجس متاحة بسعر 2,500,000 ريال. هل تود ترتيب موعد لمعاينتها؟']);
  });

  it('hands off, sending nothing of it, when a model answers «نعم» for a villa in Al Yasmin with the Al Narjis apartment', async () => {
    office = await aiOffice();
    const { t, admin, fake, answer, customerWrites, quietTimePasses, aiMessages, logs, notificationsOf } = office;
    const apartment = await t.call('properties.create', narjisApartment, admin.token);
    const first = customerWrites('966501112233', 'السلام عليكم');
    await t.call('conversations.setInterest', { conversationId: first.conversationId, propertyId: apartment.id }, admin.token);
    fake.enqueue(answer({ reply: 'أهلاً بك!', scenario: 'initialGreeting' }));
    await quietTimePasses();
    // A model that ignores the prompt's note and cites the apartment (offered or not, it does not match).
    fake.enqueue(answer({ reply: 'نعم، شقة ٤ غرف – حي النرجس متاحة بسعر 950,000 ريال.', scenario: 'propertyInquiryResponse', usedRecordIds: [`P${apartment.id}`] }));
    customerWrites('966501112233', villaInYasmin);
    await quietTimePasses();
    const sent = aiMessages(first.conversationId).map((m) => m.content);
    expect(sent.join(' ')).not.toContain('النرجس');
    expect(sent.at(-1)).toBe('سأحوّلك الآن إلى أحد زملائي في الفريق، وسيتواصل معك قريبًا.');
    expect(logs().at(-1)).toMatchObject({ outcome: 'handed_off', reason: 'no_matching_record', handed_off: 1 });
    expect(notificationsOf('ai_handoff')).toHaveLength(1);
  });

  it('hands off with "no matching record" when a model claims a villa in Al Yasmin that no record holds', async () => {
    office = await aiOffice();
    const { t, admin, fake, answer, customerWrites, quietTimePasses, logs } = office;
    await t.call('properties.create', narjisApartment, admin.token);
    fake.enqueue(answer({ reply: 'نعم، عندنا فلل متاحة في الياسمين، تفضل بزيارتنا.', scenario: 'propertyInquiryResponse' }));
    customerWrites('966501112233', villaInYasmin);
    await quietTimePasses();
    expect(logs().at(-1)).toMatchObject({ outcome: 'handed_off', reason: 'no_matching_record' });
  });
});
