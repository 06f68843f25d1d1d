import { afterEach, describe, expect, it } from 'vitest';
import { automationOffice, type AutomationOffice } from '../../../testing/automation-office';
import { eventually } from '../../../testing/test-core';

let office: AutomationOffice;
afterEach(async () => {
  await office?.t.close();
});

const reason = 'موعد خاص بطلب العميل';

async function withViewing(daysAhead: number) {
  office = await automationOffice();
  const { t, admin, customerWrites } = office;
  const { conversationId } = customerWrites('966500000201', 'أبغى أشوف الشقة');
  const property = await t.call('properties.create', { name: 'شقة الياسمين', type: 'apartment', price: '850,000' }, admin.token);
  const day = new Date(office.clock.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);
  const viewing = await t.call('viewings.book', { conversationId, propertyId: property.id, date: day, time: '17:00', outsideHoursReason: reason }, admin.token);
  return { conversationId, property, viewing, start: Date.parse(viewing.start) };
}

describe('appointment reminder', () => {
  it('is due a day before the start (−1440), follows a reschedule (viewing_moved) and a cancellation (viewing_cancelled)', async () => {
    const { viewing, start } = await withViewing(3);
    const { t, admin, addRule, settle, jobs, minutes } = office;
    const rule = addRule({ trigger: 'appointment_reminder', delayMinutes: -1440 });
    expect(jobs()).toEqual([expect.objectContaining({ viewing_id: viewing.id, status: 'pending', due_at: start - minutes(1440), idempotency_key: `${rule.id}:appointment_reminder:v${viewing.id}:${start}` })]);
    const moved = await t.call('viewings.reschedule', { id: viewing.id, date: viewing.officeDate, time: '19:00', outsideHoursReason: reason }, admin.token);
    const newStart = Date.parse(moved.start);
    await eventually(() => expect(jobs()).toHaveLength(2));
    settle();
    expect(jobs().map((j) => [j.status, j.reason, j.due_at])).toEqual([
      ['cancelled', 'viewing_moved', start - minutes(1440)],
      ['pending', null, newStart - minutes(1440)],
    ]);
    await t.call('viewings.setStatus', { id: viewing.id, status: 'cancelled' }, admin.token);
    await eventually(() => expect(jobs()[1]).toEqual(expect.objectContaining({ status: 'cancelled', reason: 'viewing_cancelled' })));
  });

  it('a viewing booked inside the window is reminded at once, never after its start', async () => {
    office = await automationOffice();
    const { t, admin, clock, addRule, customerWrites, jobs } = office;
    addRule({ trigger: 'appointment_reminder', delayMinutes: -1440 });
    const { conversationId } = customerWrites('966500000202', 'متى أقدر أشوفها؟');
    const property = await t.call('properties.create', { name: 'فيلا النرجس', type: 'villa' }, admin.token);
    const today = new Date(clock.now()).toISOString().slice(0, 10);
    const viewing = await t.call('viewings.book', { conversationId, propertyId: property.id, date: today, time: '20:00', outsideHoursReason: reason }, admin.token);
    // Due at once (the runner may already have taken it): one reminder, never expired.
    await eventually(() => expect(jobs()).toEqual([expect.objectContaining({ viewing_id: viewing.id, due_at: clock.now() })]));
    expect(jobs()[0]!.due_at).toBeLessThan(Date.parse(viewing.start));
    expect(jobs()[0]!.status).not.toBe('expired');
  });

  it('a repeated change of the same viewing arms nothing new', async () => {
    const { viewing } = await withViewing(3);
    const { t, admin, addRule, settle, jobs } = office;
    addRule({ trigger: 'appointment_reminder', delayMinutes: -60 });
    await t.call('viewings.update', { id: viewing.id, notes: 'أحضر المفتاح' }, admin.token);
    await t.call('viewings.setStatus', { id: viewing.id, status: 'confirmed' }, admin.token);
    settle();
    settle();
    expect(jobs()).toHaveLength(1);
    expect(jobs()[0]!.status).toBe('pending');
  });
});

describe('follow-up after a viewing marked done (rule-004)', () => {
  it('arms at the time it was marked done + delay, with the viewing on the job', async () => {
    const { viewing, start, conversationId } = await withViewing(1);
    const { t, clock, addRule, jobs, minutes, signIn } = office;
    addRule({ trigger: 'follow_up', delayMinutes: 120 });
    clock.advance(start - clock.now() + minutes(90));
    await t.call('viewings.setStatus', { id: viewing.id, status: 'done' }, await signIn());
    const doneAt = clock.now();
    await eventually(() =>
      expect(jobs()).toEqual([expect.objectContaining({ trigger: 'follow_up', viewing_id: viewing.id, conversation_id: conversationId, due_at: doneAt + minutes(120), status: 'pending' })]),
    );
  });
});
