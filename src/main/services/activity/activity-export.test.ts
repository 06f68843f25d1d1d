import { afterEach, describe, expect, it } from 'vitest';
import { manualClock, startTestCore } from '../../testing/test-core';
import { parseCsv } from '../contacts/csv';

let t: ReturnType<typeof startTestCore>;
afterEach(async () => {
  await t?.close();
});

const minute = 60_000;

/** Three properties and an edit of one, by a supervisor, starting 23:58 on 25 November in Riyadh (20:58 UTC). */
async function office() {
  const clock = manualClock(Date.UTC(2026, 10, 25, 20, 58, 0));
  t = startTestCore({ clock });
  const admin = await t.setupAdmin();
  const noura = await t.createUser(admin.token, 'supervisor', 'noura@office.test');
  const villa = await t.call('properties.create', { name: 'فيلا الملقا', type: 'villa' }, noura.token);
  clock.advance(minute);
  const trap = await t.call('properties.create', { name: '=HYPERLINK("http://evil.example")', type: 'land' }, noura.token);
  clock.advance(minute); // 00:00 on the 26th in Riyadh
  await t.call('properties.update', { id: villa.id, name: 'فيلا الملقا الكبرى' }, noura.token);
  clock.advance(minute);
  await t.call('properties.create', { name: 'شقة النرجس', type: 'apartment' }, admin.token);
  return { admin, noura, villa, trap, sqlite: t.core.database.sqlite };
}

describe('the activity viewer’s filters and CSV export', () => {
  it('shows one record’s history, or every record of a kind, and needs the kind with an id', async () => {
    const { admin, noura, villa } = await office();
    const history = await t.call('activity.list', { entityType: 'property', entityId: villa.id }, noura.token);
    expect(history.map((e) => e.action)).toEqual(['property.updated', 'property.created']);
    expect(history.every((e) => e.entityId === villa.id)).toBe(true);

    const properties = await t.call('activity.list', { entityType: 'property' }, admin.token);
    expect(properties.map((e) => e.action)).toEqual(['property.created', 'property.updated', 'property.created', 'property.created']);
    // Combined with who and when: the supervisor's, on the office's 26 November.
    const hers = await t.call('activity.list', { entityType: 'property', userId: noura.user.id, from: '2026-11-26', to: '2026-11-26' }, admin.token);
    expect(hers.map((e) => e.action)).toEqual(['property.updated']);

    expect(await t.failure('activity.list', { entityId: villa.id }, admin.token)).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'entityType' }] });
    expect(await t.failure('activity.export', { entityType: 'Property; drop table users' }, admin.token)).toMatchObject({ code: 'VALIDATION_ERROR' });
  });

  it('exports the filtered rows as CSV in the reader’s language, office times, spreadsheet-safe, page by page', async () => {
    const { admin, noura, sqlite } = await office();
    const filters = { entityType: 'property' } as const;
    const first = await t.call('activity.export', { ...filters, limit: 3 }, noura.token);
    expect(first).toMatchObject({ rows: 3, total: 4 });
    expect(first.nextBeforeId).not.toBeNull();
    const second = await t.call('activity.export', { ...filters, limit: 3, beforeId: first.nextBeforeId! }, noura.token);
    expect(second).toMatchObject({ rows: 1, total: null, nextBeforeId: null });
    expect(second.csv.startsWith('\uFEFF')).toBe(false);

    expect(first.csv.startsWith('\uFEFF')).toBe(true);
    const records = parseCsv((first.csv + second.csv).slice(1));
    expect(records[0]).toEqual(['المعرف', 'الوقت', 'معرف المستخدم', 'المستخدم', 'الإجراء', 'نوع السجل', 'معرف السجل', 'اسم السجل', 'التفاصيل', 'البصمة']);
    const body = records.slice(1);
    const stored = sqlite.prepare("select id, hash from activity_log where entity_type = 'property' order by id desc").all() as { id: number; hash: string }[];
    expect(body.map((r) => [Number(r[0]), r[9]])).toEqual(stored.map((r) => [r.id, r.hash]));
    expect(body.map((r) => [r[1], r[3], r[4]])).toEqual([
      ['2026-11-26T00:01:00+03:00', 'مدير المكتب', 'property.created'],
      ['2026-11-26T00:00:00+03:00', 'User noura@office.test', 'property.updated'],
      ['2026-11-25T23:59:00+03:00', 'User noura@office.test', 'property.created'],
      ['2026-11-25T23:58:00+03:00', 'User noura@office.test', 'property.created'],
    ]);
    // A name a spreadsheet would run as a formula is written inert.
    expect(body[2]![7]).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(JSON.parse(body[1]![8]!)).toMatchObject({ name: 'فيلا الملقا الكبرى' });

    // In English for a reader who chose English.
    await t.call('profile.update', { language: 'en' }, admin.token);
    const english = await t.call('activity.export', { ...filters, entityId: 1 }, admin.token);
    expect(parseCsv(english.csv.slice(1))[0]).toEqual(['ID', 'Time', 'User ID', 'User', 'Action', 'Record type', 'Record ID', 'Record name', 'Details', 'Hash']);
  });
});
