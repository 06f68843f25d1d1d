import { afterEach, describe, expect, it } from 'vitest';
import { startTestCore } from '../../testing/test-core';

type TestCore = ReturnType<typeof startTestCore>;

/** What the import dialog does first: the file goes up in pieces like any upload; its id is what the import names. */
async function csvUpload(t: TestCore, token: string, csv: string | Buffer, mimeType = 'text/csv'): Promise<string> {
  const bytes = typeof csv === 'string' ? Buffer.from(csv) : csv;
  const { uploadId, chunkBytes } = await t.call('media.uploadStart', { name: 'عملاء.csv', mimeType, size: bytes.length }, token);
  for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
    await t.call('media.uploadChunk', { uploadId, offset, data: bytes.subarray(offset, offset + chunkBytes).toString('base64') }, token);
  }
  await t.call('media.uploadFinish', { uploadId }, token);
  return uploadId;
}

const contactCount = (t: TestCore) => (t.core.database.sqlite.prepare('select count(*) as n from contacts').get() as { n: number }).n;

const fileWithBadRows = [
  'الاسم,رقم الجوال,البريد,الوسوم,تاريخ المتابعة',
  'أحمد الحربي,0501234567,ahmed@example.com,"شراء، حطين",2026-12-01',
  'سارة,12345,,,',
  'قديم,+966 55 000 0001,,,',
  'مكرر,966501234567,,,',
  'بريد خطأ,0502222222,not-an-email,,',
  ',,,,',
  'بلا رقم,,,,',
  'تاريخ خطأ,0503333333,,,31/02/2026',
  'فاطمة,٠٥٠٤٤٤٤٤٤٤,,VIP,15/01/2027',
].join('\r\n');

describe('contacts CSV import', () => {
  let t: TestCore;
  afterEach(() => t.close());

  it('reports bad rows in the preview, guessing the Arabic columns, and imports nothing until confirmed', async () => {
    t = startTestCore();
    const { token } = await t.setupAdmin();
    await t.call('contacts.create', { name: 'قديم', phone: '0550000001' }, token);

    const uploadId = await csvUpload(t, token, fileWithBadRows);
    const preview = await t.call('contacts.importPreview', { uploadId }, token);
    expect(preview.columns).toEqual(['الاسم', 'رقم الجوال', 'البريد', 'الوسوم', 'تاريخ المتابعة']);
    expect(preview.mapping).toEqual({ name: 0, phone: 1, email: 2, tags: 3, followUpDate: 4 });
    // The blank line is left out; rows keep the spreadsheet's numbering.
    expect(preview.totalRows).toBe(8);
    expect(preview.rows[0]).toEqual({ row: 2, cells: ['أحمد الحربي', '0501234567', 'ahmed@example.com', 'شراء، حطين', '2026-12-01'] });
    expect(preview.problems).toEqual([
      { row: 3, field: 'phone', code: 'invalid_phone' },
      { row: 4, field: 'phone', code: 'duplicate_existing' },
      { row: 5, field: 'phone', code: 'duplicate_in_file' },
      { row: 6, field: 'email', code: 'invalid_email' },
      { row: 8, field: 'phone', code: 'phone_required' },
      { row: 9, field: 'followUpDate', code: 'invalid_date' },
    ]);
    expect(preview.counts).toEqual({ new: 2, existing: 1, invalid: 5 });
    expect(contactCount(t)).toBe(1);

    const result = await t.call('contacts.import', { uploadId, mapping: preview.mapping, onDuplicate: 'skip' }, token);
    expect(result).toMatchObject({ created: 2, updated: 0, skipped: 1 });
    expect(result.errors.map((e) => [e.row, e.code])).toEqual([
      [3, 'invalid_phone'],
      [5, 'duplicate_in_file'],
      [6, 'invalid_email'],
      [8, 'phone_required'],
      [9, 'invalid_date'],
    ]);
    const list = (await t.call('contacts.list', { limit: 200 }, token)).data;
    expect(list.map((c) => [c.name, c.phone, c.email, c.tags, c.followUpDate])).toEqual([
      ['أحمد الحربي', '+966501234567', 'ahmed@example.com', ['شراء', 'حطين'], '2026-12-01'],
      ['فاطمة', '+966504444444', null, ['VIP'], '2027-01-15'],
      ['قديم', '+966550000001', null, [], null],
    ]);
    const entry = (await t.call('activity.list', {}, token)).find((e) => e.action === 'contact.imported');
    expect(entry?.details).toMatchObject({ created: 2, skipped: 1, errors: 5 });
    // The file was imported: its upload cannot be imported again.
    expect(await t.failure('contacts.import', { uploadId, mapping: preview.mapping }, token)).toMatchObject({ details: [{ field: 'uploadId', code: 'invalid' }] });
  });

  it('updates existing contacts when asked, adding the file’s tags to theirs', async () => {
    t = startTestCore();
    const { token } = await t.setupAdmin();
    const existing = await t.call('contacts.create', { name: 'قديم', phone: '0550000001', tags: ['إيجار'], email: 'old@example.com' }, token);
    const csv = 'name,phone,tags\nالاسم الجديد,+966550000001,VIP\n';
    const result = await t.call('contacts.import', { uploadId: await csvUpload(t, token, csv), mapping: { name: 0, phone: 1, tags: 2 }, onDuplicate: 'update' }, token);
    expect(result).toEqual({ created: 0, updated: 1, skipped: 0, errors: [] });
    const { contact } = await t.call('contacts.get', { id: existing.id }, token);
    expect(contact).toMatchObject({ name: 'الاسم الجديد', email: 'old@example.com', tags: ['إيجار', 'VIP'] });
  });

  it('imports all rows or none: a failure while writing leaves the contacts as they were', async () => {
    t = startTestCore();
    const { token } = await t.setupAdmin();
    await t.call('contacts.create', { name: 'قبل', phone: '0550000001' }, token);
    // The database refuses the third new row, as a full disk or a constraint would.
    t.core.database.sqlite.exec("create temp trigger refuse_third before insert on main.contacts when new.name = 'الثالث' begin select raise(abort, 'refused'); end");
    const csv = ['name,phone', 'الأول,0501000001', 'الثاني,0501000002', 'الثالث,0501000003', 'الرابع,0501000004'].join('\n');

    const failed = await t.failure('contacts.import', { uploadId: await csvUpload(t, token, csv), mapping: { name: 0, phone: 1 } }, token);
    expect(failed.code).toBe('INTERNAL_ERROR');
    expect(contactCount(t)).toBe(1);
    expect((await t.call('activity.list', {}, token)).some((e) => e.action === 'contact.imported')).toBe(false);

    t.core.database.sqlite.exec('drop trigger refuse_third');
    expect((await t.call('contacts.import', { uploadId: await csvUpload(t, token, csv), mapping: { name: 0, phone: 1 } }, token)).created).toBe(4);
    expect(contactCount(t)).toBe(5);
  });

  it('tells only the importing window how far it got, ending at every row', async () => {
    t = startTestCore();
    const { token } = await t.setupAdmin();
    const { session } = await t.core.router.call('auth.state', {}, { clientKey: 'test', token });
    const rows = Array.from({ length: 1_200 }, (_, i) => `عميل ${i},05${String(10_000_000 + i)}`);
    t.events.length = 0;
    const result = await t.call('contacts.import', { uploadId: await csvUpload(t, token, ['الاسم,الجوال', ...rows].join('\n')), mapping: { name: 0, phone: 1 } }, token);
    expect(result.created).toBe(1_200);

    const progress = t.events.filter((e) => e.event === 'contacts.import.progress');
    expect(progress.map((e) => e.data)).toEqual([
      { done: 500, total: 1_200 },
      { done: 1_000, total: 1_200 },
      { done: 1_200, total: 1_200 },
    ]);
    expect(progress.every((e) => e.audience.kind === 'sessions' && e.audience.sessionIds.length === 1 && e.audience.sessionIds[0] === session!.sessionId)).toBe(true);
    // One change event for the whole import, not 1,200.
    expect(t.events.filter((e) => e.event === 'contact.changed').map((e) => e.data)).toEqual([{ contactId: null }]);
    // What was imported is searchable at once.
    expect((await t.call('contacts.list', { search: 'عميل 1199' }, token)).data.map((c) => c.name)).toContain('عميل 1199');
  });

  it('exports to a CSV Excel reads as UTF-8 and imports it back unchanged: Arabic, commas, quotes and line breaks', async () => {
    t = startTestCore();
    const { token } = await t.setupAdmin();
    const contacts = [
      { name: 'الحربي، أحمد بن "سعد"', phone: '0501234567', email: 'ahmed@example.com', tags: ['شراء', 'VIP'], followUpDate: '2026-12-01' },
      { name: 'سطر أول\nسطر ثانٍ', phone: '+966559876543', tags: [] },
      { name: 'Smith, John', phone: '+44 20 7946 0958', email: 'john@example.co.uk', tags: ['english speaker'] },
      { name: '=HYPERLINK("http://evil")', phone: '0533333333', tags: ['@risk'] },
    ];
    for (const c of contacts) await t.call('contacts.create', c, token);
    await t.call('contacts.addNote', { contactId: 1, content: 'ملاحظة لا تُصدَّر' }, token);

    const { csv } = await t.call('contacts.export', {}, token);
    // The property preferences (issue 15) follow the original five columns.
    expect(csv.startsWith('\uFEFFالاسم,الجوال,البريد الإلكتروني,الوسوم,تاريخ المتابعة,الميزانية من,')).toBe(true);
    // Nothing a spreadsheet would run as a formula, and phones stay text.
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain('\u200E+966501234567');
    const before = (await t.call('contacts.list', { limit: 200 }, token)).data;

    const other = startTestCore();
    try {
      const otherAdmin = await other.setupAdmin();
      const preview = await other.call('contacts.importPreview', { uploadId: await csvUpload(other, otherAdmin.token, csv) }, otherAdmin.token);
      expect(preview.problems).toEqual([]);
      expect(await other.call('contacts.import', { uploadId: await csvUpload(other, otherAdmin.token, csv), mapping: preview.mapping }, otherAdmin.token)).toMatchObject({ created: 4, errors: [] });
      const after = (await other.call('contacts.list', { limit: 200 }, otherAdmin.token)).data;
      const fields = (c: (typeof before)[number]) => ({ name: c.name, phone: c.phone, email: c.email, tags: c.tags, followUpDate: c.followUpDate });
      expect(after.map(fields)).toEqual(before.map(fields));
    } finally {
      await other.close();
    }
  });

  it('refuses malformed, empty and oversize files, uploads that are not the caller\'s CSV, wrong mappings, and agents', async () => {
    t = startTestCore();
    const admin = await t.setupAdmin();
    const agent = await t.createUser(admin.token, 'agent', 'agent@office.test');
    const supervisor = await t.createUser(admin.token, 'supervisor', 'supervisor@office.test');
    expect(await t.failure('contacts.importPreview', { uploadId: await csvUpload(t, admin.token, 'name,phone\n"أحمد,0501234567\n') }, admin.token)).toMatchObject({
      code: 'VALIDATION_ERROR',
      details: [{ field: 'csv', code: 'csv_malformed', params: { row: 2 } }],
    });
    expect(await t.failure('contacts.importPreview', { uploadId: await csvUpload(t, admin.token, 'name,phone\r\n\r\n') }, admin.token)).toMatchObject({ details: [{ field: 'csv', code: 'csv_empty' }] });
    const oversize = await csvUpload(t, admin.token, 'x'.repeat(5 * 1024 * 1024 + 1));
    expect(await t.failure('contacts.importPreview', { uploadId: oversize }, admin.token)).toMatchObject({ details: [{ field: 'file', code: 'media_too_large', params: { maxMb: 5 } }] });
    expect(await t.failure('contacts.importPreview', { uploadId: 42 }, admin.token)).toMatchObject({ details: [{ field: 'uploadId', code: 'invalid' }] });
    expect(await t.failure('contacts.importPreview', { csv: 'name,phone\nعلي,0501234567\n' }, admin.token)).toMatchObject({ code: 'VALIDATION_ERROR' });
    // Another user's upload, an upload not finished, and a file that is not a CSV.
    const others = await csvUpload(t, supervisor.token, 'name,phone\nعلي,0501234567\n');
    expect(await t.failure('contacts.importPreview', { uploadId: others }, admin.token)).toMatchObject({ details: [{ field: 'uploadId', code: 'invalid' }] });
    const { uploadId: unfinished } = await t.call('media.uploadStart', { name: 'a.csv', mimeType: 'text/csv', size: 10 }, admin.token);
    expect(await t.failure('contacts.importPreview', { uploadId: unfinished }, admin.token)).toMatchObject({ details: [{ field: 'uploadId', code: 'invalid' }] });
    const pdf = await csvUpload(t, admin.token, Buffer.from('%PDF-1.4\n%%EOF\n'), 'application/pdf');
    expect(await t.failure('contacts.importPreview', { uploadId: pdf }, admin.token)).toMatchObject({ details: [{ field: 'file', code: 'media_type_not_allowed' }] });
    expect(await t.failure('contacts.import', { uploadId: await csvUpload(t, admin.token, 'a,b\n1,2\n'), mapping: { name: 0 } }, admin.token)).toMatchObject({ details: [{ field: 'mapping.phone', code: 'required' }] });
    expect(await t.failure('contacts.import', { uploadId: await csvUpload(t, admin.token, 'a,b\n1,2\n'), mapping: { phone: 5 } }, admin.token)).toMatchObject({ details: [{ field: 'mapping.phone', code: 'invalid' }] });
    const agentsFile = await csvUpload(t, agent.token, 'a,b\n1,0501234567\n');
    for (const [channel, input] of [
      ['contacts.importPreview', { uploadId: agentsFile }],
      ['contacts.import', { uploadId: agentsFile, mapping: { phone: 1 } }],
      ['contacts.export', {}],
    ] as const) {
      expect((await t.failure(channel, input, agent.token)).code, channel).toBe('FORBIDDEN');
    }
    expect(contactCount(t)).toBe(0);
  });

  it('reads a UTF-16 file from Excel ("Unicode Text") and a Windows-1256 one', async () => {
    t = startTestCore();
    const { token } = await t.setupAdmin();
    const text = 'الاسم,الجوال\r\nسلمان,0501234567\r\n';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const preview = await t.call('contacts.importPreview', { uploadId: await csvUpload(t, token, utf16) }, token);
    expect(preview.rows).toEqual([{ row: 2, cells: ['سلمان', '0501234567'] }]);
    // "سلمان,0501234567" after a header, in Windows-1256
    const cp1256 = Buffer.concat([Buffer.from('name,phone\r\n'), Buffer.from([0xd3, 0xe1, 0xe3, 0xc7, 0xe4]), Buffer.from(',0501234567\r\n')]);
    const result = await t.call('contacts.import', { uploadId: await csvUpload(t, token, cp1256), mapping: { name: 0, phone: 1 } }, token);
    expect(result.created).toBe(1);
    expect((await t.call('contacts.list', {}, token)).data.map((c) => c.name)).toEqual(['سلمان']);
  });

  it('guesses English headers and leaves unknown columns unmapped', async () => {
    t = startTestCore();
    const { token } = await t.setupAdmin();
    const preview = await t.call('contacts.importPreview', { uploadId: await csvUpload(t, token, 'Notes,Customer Name,Mobile Number,E-mail,Follow-up date\nx,Ali,0501234567,ali@example.com,2026-12-01\n') }, token);
    expect(preview.mapping).toEqual({ name: 1, phone: 2, email: 3, followUpDate: 4 });
    expect(preview.counts).toEqual({ new: 1, existing: 0, invalid: 0 });
  });
});
