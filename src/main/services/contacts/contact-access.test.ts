import { afterEach, describe, expect, it } from 'vitest';
import { startTestCore } from '../../testing/test-core';
import { customerWritesIn, twoNumbersOffice } from '../../testing/two-numbers-office';

let t: ReturnType<typeof startTestCore>;
afterEach(() => t?.close());

describe('who sees which contacts', () => {
  it('an agent sees the customers of their numbers and those they added, until such a customer writes in on another number', async () => {
    t = startTestCore();
    const w = await twoNumbersOffice(t);
    const mineId = w.mine.contact.id;
    const added = await t.call('contacts.create', { name: 'عميل أضافه الموظف', phone: '0507770001', tags: ['جديد'] }, w.agent.token);
    const listed = async (token: string) => (await t.call('contacts.list', {}, token)).data.map((c) => c.id).sort((a, b) => a - b);

    expect(await listed(w.agent.token)).toEqual([mineId, added.id]);
    expect((await t.call('contacts.list', {}, w.agent.token)).meta.total).toBe(2);
    // The Rentals agent neither sees what the Sales agent added.
    expect(await listed(w.rentalsAgent.token)).toEqual([w.theirContactId]);
    expect(await t.failure('contacts.get', { id: added.id }, w.rentalsAgent.token)).toMatchObject({ code: 'FORBIDDEN', details: 'contact_not_allowed' });

    // The customer writes in on Rentals: from now on the numbers decide.
    customerWritesIn(t, w.rentals.id, '966507770001', 'مرحبا', 'عميل أضافه الموظف');
    expect(await listed(w.agent.token)).toEqual([mineId]);
    expect(await t.failure('contacts.update', { id: added.id, name: 'x' }, w.agent.token)).toMatchObject({ code: 'FORBIDDEN', details: 'contact_not_allowed' });
    expect(await listed(w.rentalsAgent.token)).toEqual([w.theirContactId, added.id].sort((a, b) => a - b));
    expect((await t.call('contacts.tags', {}, w.agent.token)).map((tag) => tag.tag)).not.toContain('جديد');

    // Admins and supervisors see every contact.
    const supervisor = await t.createUser(w.admin.token, 'supervisor', 'sup@office.test');
    const everyone = [mineId, w.theirContactId, added.id].sort((a, b) => a - b);
    expect(await listed(w.admin.token)).toEqual(everyone);
    expect(await listed(supervisor.token)).toEqual(everyone);
    expect((await t.call('contacts.tags', {}, supervisor.token)).map((tag) => tag.tag).sort()).toEqual(['إيجار-خاص', 'جديد'].sort());
  });

  it("tells a contact's change only to those who may see the contact", async () => {
    t = startTestCore();
    const w = await twoNumbersOffice(t);
    t.events.length = 0;
    await t.call('contacts.addNote', { contactId: w.mine.contact.id, content: 'يريد فيلا' }, w.agent.token);
    const told = t.events.find((e) => e.event === 'contact.changed');
    expect(told?.audience).toEqual({ kind: 'users', userIds: [w.admin.user.id, w.agent.user.id] });
  });
});
