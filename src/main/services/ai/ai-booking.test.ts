import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { asksForViewing, pickedSlot } from './booking/viewing-request';
import { aiOffice, type AiOffice } from './testing/ai-office';

let office: AiOffice | null = null;
afterEach(async () => {
  await office?.t.close();
  await office?.fake.close();
  office = null;
});

// The process runs in UTC; the office (the default calendar) in Riyadh: Sunday–Thursday,
// 09:00–13:00 and 16:30–21:00. The clock starts on Wednesday 25 Nov 2026, 09:00 UTC = 12:00 in Riyadh.
let previousTz: string | undefined;
beforeAll(() => {
  previousTz = process.env.TZ;
  process.env.TZ = 'UTC';
});
afterAll(() => {
  if (previousTz === undefined) delete process.env.TZ;
  else process.env.TZ = previousTz;
});

const customer = '966501112233';
const riyadh = (iso: string) => Date.parse(`${iso}+03:00`);

/** The office with an agent who owns the number and already shows a viewing at 16:30 today. */
async function bookingOffice() {
  office = await aiOffice();
  const { t, admin, number, villa } = office;
  const agent = await t.createUser(admin.token, 'agent', 'agent@office.test');
  await t.call('numbers.update', { id: number.id, employeeId: agent.user.id }, admin.token);
  const earlier = office.customerWrites('966509998877', 'مرحبا');
  await office.quietTimePasses();
  await t.call('viewings.book', { conversationId: earlier.conversationId, propertyId: villa.id, agentId: agent.user.id, date: '2026-11-25', time: '16:30', durationMinutes: 60, status: 'confirmed' }, admin.token);
  return { ...office, agent };
}

const viewingsOf = (o: AiOffice, conversationId: number) =>
  o.sqlite.prepare<[number], { status: string; start_at: number; agent_id: number; property_id: number; created_by: number | null }>('select status, start_at, agent_id, property_id, created_by from viewings where conversation_id = ?').all(conversationId);

describe('appointmentBooking: the AI offers free viewing slots and books the one picked, tentatively', () => {
  it('offers free slots inside office hours in Riyadh, one a day, around the agent’s own viewings', async () => {
    const o = await bookingOffice();
    const { fake, customerWrites, quietTimePasses, aiMessages, logs } = o;
    const asked = fake.requests.length;
    const { conversationId } = customerWrites(customer, 'أبي أعاين فيلا النرجس، متى ممكن؟');
    await quietTimePasses();
    // No model call: times come from the calendar, not from a model.
    expect(fake.requests).toHaveLength(asked);
    const offer = aiMessages(conversationId).at(-1)!.content;
    // 13:00 closes the morning; 16:30 is the agent's; Friday and Saturday are closed.
    expect(offer).toBe(
      ['يسعدنا ترتيب معاينة فيلا النرجس. المواعيد المتاحة:', '1) الأربعاء، 25 نوفمبر، 17:30', '2) الخميس، 26 نوفمبر، 09:00', '3) الأحد، 29 نوفمبر، 09:00', 'أرسل رقم الموعد المناسب لك.'].join('\n'),
    );
    expect(logs().at(-1)).toMatchObject({ outcome: 'replied', scenario: 'appointmentBooking' });
    expect(viewingsOf(o, conversationId)).toEqual([]);
  });

  it('books the slot the customer picks as one tentative viewing for the agent; the same message again books nothing new', async () => {
    const o = await bookingOffice();
    const { t, agent, villa, customerWrites, quietTimePasses, aiMessages, notificationsOf } = o;
    const { conversationId } = customerWrites(customer, 'أبي أعاين فيلا النرجس');
    await quietTimePasses();
    customerWrites(customer, '2');
    await quietTimePasses();
    expect(viewingsOf(o, conversationId)).toEqual([{ status: 'tentative', start_at: riyadh('2026-11-26T09:00:00'), agent_id: agent.user.id, property_id: villa.id, created_by: null }]);
    const booked = 'تم حجز موعد مبدئي لمعاينة فيلا النرجس يوم الخميس، 26 نوفمبر، 09:00. سيتواصل معك أحد زملائنا لتأكيده.';
    expect(aiMessages(conversationId).at(-1)!.content).toBe(booked);
    // The agent is told the AI booked a viewing for them, to confirm (besides the one the admin booked).
    expect(notificationsOf('viewing_booked').filter((n) => n.user_id === agent.user.id && JSON.parse(n.params).byAi === 1)).toHaveLength(1);

    customerWrites(customer, '2');
    await quietTimePasses();
    expect(viewingsOf(o, conversationId)).toHaveLength(1);
    expect(aiMessages(conversationId).at(-1)!.content).toBe(booked);

    // The agent confirms it in the viewings page's way.
    const [viewing] = (await t.call('viewings.forConversation', { conversationId }, agent.token)).viewings;
    expect(viewing).toMatchObject({ status: 'tentative' });
    expect(await t.call('viewings.setStatus', { id: viewing!.id, status: 'confirmed' }, agent.token)).toMatchObject({ status: 'confirmed' });
    // The conversation's interest in the villa follows the booking.
    expect(o.sqlite.prepare('select status from conversation_property_interests where conversation_id = ? and property_id = ?').get(conversationId, villa.id)).toEqual({ status: 'viewing_scheduled' });
  });

  it('picks by time too ("17:30"), and hands a viewing request to people when the scenario is off', async () => {
    const o = await bookingOffice();
    const { customerWrites, quietTimePasses, aiMessages, logs, configure, fake } = o;
    const first = customerWrites(customer, 'ممكن موعد لمعاينة فيلا النرجس؟');
    await quietTimePasses();
    customerWrites(customer, 'الساعة 17:30 يناسبني');
    await quietTimePasses();
    expect(viewingsOf(o, first.conversationId)).toEqual([expect.objectContaining({ status: 'tentative', start_at: riyadh('2026-11-25T17:30:00') })]);

    await configure({ scenarios: { appointmentBooking: false } });
    const asked = fake.requests.length;
    const other = customerWrites('966502223344', 'أبي أعاين فيلا النرجس');
    await quietTimePasses();
    expect(fake.requests).toHaveLength(asked);
    expect(aiMessages(other.conversationId).map((m) => m.content)).toEqual(['سأحوّلك الآن إلى أحد زملائي في الفريق، وسيتواصل معك قريبًا.']);
    expect(logs().at(-1)).toMatchObject({ outcome: 'handed_off', reason: 'scenario_off', scenario: 'appointmentBooking' });
    expect(viewingsOf(o, other.conversationId)).toEqual([]);
  });
});

describe('the test console and appointmentBooking', () => {
  it('shows the slots it would offer for a viewing request, sending nothing, booking nothing, keeping no offer', async () => {
    const o = await bookingOffice();
    const { t, admin, number, fake, aiMessages, logs, sqlite } = o;
    const before = { asked: fake.requests.length, sent: aiMessages().length, logged: logs().length, viewings: sqlite.prepare('select count(*) as n from viewings').get() };
    const result = await t.call('ai.console', { numberId: number.id, question: 'أبي أعاين فيلا النرجس، متى ممكن؟' }, admin.token);
    expect(result).toMatchObject({ decision: 'reply', scenario: 'appointmentBooking', recordsUsed: [expect.objectContaining({ kind: 'property', title: 'فيلا النرجس' })] });
    // The number's owner shows it: the same three times a customer would be offered (16:30 is theirs already).
    expect(result.viewingOffer).toEqual({
      propertyId: o.villa.id,
      propertyName: 'فيلا النرجس',
      slots: [riyadh('2026-11-25T17:30:00'), riyadh('2026-11-26T09:00:00'), riyadh('2026-11-29T09:00:00')].map((ms) => new Date(ms).toISOString()),
    });
    expect(result.answer).toContain('1) الأربعاء، 25 نوفمبر، 17:30');
    expect({ asked: fake.requests.length, sent: aiMessages().length, logged: logs().length, viewings: sqlite.prepare('select count(*) as n from viewings').get() }).toEqual(before);
    expect(sqlite.prepare('select count(*) as n from ai_conversation_state where viewing_offer is not null').get()).toEqual({ n: 0 });

    // With the scenario off the console shows the hand-off a customer would get.
    await o.configure({ scenarios: { appointmentBooking: false } });
    const off = await t.call('ai.console', { numberId: number.id, question: 'أبي أعاين فيلا النرجس' }, admin.token);
    expect(off).toMatchObject({ decision: 'handoff', reason: 'scenario_off' });
    expect(off.viewingOffer).toBeUndefined();
  });
});

describe('what counts as asking for a viewing, and as picking a slot', () => {
  it('knows a viewing request from a question about the office hours, and a pick by number, order or time', () => {
    expect(asksForViewing('أبي أعاين الفيلا بكرة', null)).toBe(true);
    expect(asksForViewing('Can I book a viewing?', null)).toBe(true);
    expect(asksForViewing('متى موعد الدوام عندكم؟', null)).toBe(false);
    // A yes answers the AI's own offer of a viewing, and nothing else.
    expect(asksForViewing('نعم', 'هل تود ترتيب موعد لمعاينتها؟')).toBe(true);
    expect(asksForViewing('نعم', 'أهلاً بك! كيف أخدمك؟')).toBe(false);
    const times = ['17:30', '09:00', '09:00'];
    expect(pickedSlot('٢', times)).toBe(1);
    expect(pickedSlot('رقم 1 لو سمحت', times)).toBe(0);
    expect(pickedSlot('الثالث', times)).toBe(2);
    expect(pickedSlot('الساعة 17:30', times)).toBe(0);
    // Two slots at 09:00: the time alone picks neither; a number out of range picks nothing.
    expect(pickedSlot('9:00', times)).toBeNull();
    expect(pickedSlot('5', times)).toBeNull();
    expect(pickedSlot('مرحبا', times)).toBeNull();
  });
});
