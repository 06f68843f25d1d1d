import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../../testing/test-core';
import { cloudCredentials, cloudOffice } from './testing/cloud-office';

let office: Awaited<ReturnType<typeof cloudOffice>> | undefined;
afterEach(async () => {
  await office?.close();
  office = undefined;
});

const hour = 60 * 60_000;
const messagesPath = new RegExp(`^/${cloudCredentials.phoneNumberId}/messages$`);

/** Meta's shape of a WABA's templates: one approved with header, body and a URL button; one still pending. */
const wabaTemplates = [
  {
    id: '9001',
    name: 'viewing_follow_up',
    language: 'ar',
    status: 'APPROVED',
    category: 'UTILITY',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'معاينة {{1}}' },
      { type: 'BODY', text: 'مرحباً {{1}}، هل ما زلت مهتماً بـ{{2}}؟' },
      { type: 'FOOTER', text: 'ميراس للعقار' },
      { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'تفاصيل العقار', url: 'https://meras.example/p/{{1}}' }, { type: 'QUICK_REPLY', text: 'نعم' }] },
    ],
  },
  { id: '9002', name: 'new_listing', language: 'en', status: 'PENDING', category: 'MARKETING', components: [{ type: 'BODY', text: 'New listing: {{1}}' }] },
];

async function silentCustomer() {
  office = await cloudOffice();
  const o = office;
  o.graph.templates.set(cloudCredentials.wabaId, wabaTemplates);
  const linked = await o.link();
  await eventually(async () => expect((await o.t.call('numbers.list', {}, o.admin.token))[0]!.connection.state).toBe('CONNECTED'));
  const conversationId = o.customerWrites(linked.numberId, 'أبغى شقة في الملقا');
  return { ...o, numberId: linked.numberId, conversationId };
}

/** A day later the admin's session has ended: they sign in again, as they would. */
const signInAgain = async (o: Awaited<ReturnType<typeof silentCustomer>>) => (await o.t.call('auth.signIn', { email: 'admin@office.test', password: 'admin-pass-123' })).token;

const queued = (o: Awaited<ReturnType<typeof silentCustomer>>) => o.t.core.database.sqlite.prepare("select count(*) as n from messages where sender != 'customer'").get() as { n: number };

describe('the 24-hour customer-service window', () => {
  it('is open for 24 hours after the customer’s last message, then free text is refused and nothing is written', async () => {
    const o = await silentCustomer();
    const open = await o.t.call('cloud.window', { conversationId: o.conversationId }, o.admin.token);
    expect(open).toMatchObject({ cloud: true, open: true, lastCustomerMessageAt: new Date(o.clock.now()).toISOString(), closesAt: new Date(o.clock.now() + 24 * hour).toISOString() });

    o.clock.advance(24 * hour + 1);
    const token = await signInAgain(o);
    expect(await o.t.call('cloud.window', { conversationId: o.conversationId }, token)).toMatchObject({ cloud: true, open: false });
    const refused = await o.t.failure('messages.send', { conversationId: o.conversationId, content: 'هل ما زلت مهتماً؟' }, token);
    expect(refused).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'content', code: 'window_closed' }] });
    expect(queued(o).n).toBe(0);

    // The customer writes again: the window opens again.
    o.customerWrites(o.numberId, 'نعم ما زلت مهتماً');
    await o.t.call('messages.send', { conversationId: o.conversationId, content: 'ممتاز، نحدد موعداً؟' }, token);
    expect(queued(o).n).toBe(1);
  });

  it('offers the approved templates synced from the WABA, with the values each part needs', async () => {
    const o = await silentCustomer();
    const synced = await o.t.call('cloud.syncTemplates', { numberId: o.numberId }, o.admin.token);
    expect(synced).toMatchObject({ wabaId: cloudCredentials.wabaId, count: 2 });
    const [request] = o.graph.requestsTo('GET', new RegExp(`^/${cloudCredentials.wabaId}/message_templates$`));
    expect(request!.query.fields).toContain('components');

    const offered = await o.t.call('cloud.templates', { numberId: o.numberId }, o.admin.token);
    expect(offered).toHaveLength(1);
    expect(offered[0]).toMatchObject({
      name: 'viewing_follow_up',
      language: 'ar',
      status: 'APPROVED',
      bodyText: 'مرحباً {{1}}، هل ما زلت مهتماً بـ{{2}}؟',
      parameters: { headerFormat: 'text', header: 1, body: 2, buttons: [{ index: 0, kind: 'url', parameters: 1 }, { index: 1, kind: 'quick_reply', parameters: 0 }] },
    });
    expect(await o.t.call('cloud.templates', { numberId: o.numberId, approvedOnly: false }, o.admin.token)).toHaveLength(2);
  });

  it('sends an approved template outside the window by name and language with its values, and the thread shows it filled', async () => {
    const o = await silentCustomer();
    await o.t.call('cloud.syncTemplates', { numberId: o.numberId }, o.admin.token);
    const [template] = await o.t.call('cloud.templates', { numberId: o.numberId }, o.admin.token);
    o.clock.advance(30 * hour);
    const token = await signInAgain(o);
    expect(await o.t.call('cloud.window', { conversationId: o.conversationId }, token)).toMatchObject({ open: false });
    const sent = await o.t.call(
      'cloud.sendTemplate',
      { conversationId: o.conversationId, templateId: template!.id, header: ['الملقا'], body: ['سارة', 'شقة الملقا'], buttons: [{ index: 0, value: '42' }] },
      token,
    );
    expect(sent.content).toBe('معاينة الملقا\nمرحباً سارة، هل ما زلت مهتماً بـشقة الملقا؟\nميراس للعقار');
    await eventually(() => expect(o.messageRow(sent.id).status).toBe('sent'));
    const [request] = o.graph.requestsTo('POST', messagesPath);
    expect(request!.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '966501234567',
      biz_opaque_callback_data: `meras:${sent.id}`,
      type: 'template',
      template: {
        name: 'viewing_follow_up',
        language: { code: 'ar' },
        components: [
          { type: 'header', parameters: [{ type: 'text', text: 'الملقا' }] },
          { type: 'body', parameters: [{ type: 'text', text: 'سارة' }, { type: 'text', text: 'شقة الملقا' }] },
          { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: '42' }] },
        ],
      },
    });
  });

  it('refuses a template given the wrong number of values before sending, saying how many it needs', async () => {
    const o = await silentCustomer();
    await o.t.call('cloud.syncTemplates', { numberId: o.numberId }, o.admin.token);
    const [template] = await o.t.call('cloud.templates', { numberId: o.numberId }, o.admin.token);
    const refused = await o.t.failure('cloud.sendTemplate', { conversationId: o.conversationId, templateId: template!.id, header: ['الملقا'], body: ['سارة'], buttons: [{ index: 0, value: '42' }] }, o.admin.token);
    expect(refused).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'body', code: 'parameter_count', params: { expected: 2, given: 1 } }] });
    const noButton = await o.t.failure('cloud.sendTemplate', { conversationId: o.conversationId, templateId: template!.id, header: ['الملقا'], body: ['سارة', 'شقة'] }, o.admin.token);
    expect(noButton).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'buttons.0', code: 'parameter_count' }] });
    expect(queued(o).n).toBe(0);
    expect(o.graph.requestsTo('POST', messagesPath)).toHaveLength(0);
  });

  it('does not offer a template Meta has not approved', async () => {
    const o = await silentCustomer();
    await o.t.call('cloud.syncTemplates', { numberId: o.numberId }, o.admin.token);
    const pending = (await o.t.call('cloud.templates', { numberId: o.numberId, approvedOnly: false }, o.admin.token)).find((t) => t.status === 'PENDING')!;
    const refused = await o.t.failure('cloud.sendTemplate', { conversationId: o.conversationId, templateId: pending.id, body: ['فيلا'] }, o.admin.token);
    expect(refused).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'templateId', code: 'template_inactive' }] });
  });
});
