import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { admin, expect, setUpFirstAdmin, test } from './fixtures';
import { shot } from './steps';

test('the activity log is verified intact, exported as CSV, filtered to one record, and names the row changed outside the app', async ({ page, host }) => {
  await setUpFirstAdmin(page, host);
  await page.getByTestId('nav-activity').click();
  const rows = page.getByTestId('activity-table').locator('[data-testid^="activity-row-"]');
  await expect(rows.first()).toBeVisible();
  const shown = await rows.count();

  await page.getByTestId('activity-verify').click();
  await expect(page.getByTestId('activity-verify-result')).toHaveText(/^السجل سليم/);

  // The export holds what the list shows, with an Arabic header, for a spreadsheet.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('activity-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^سجل-النشاط-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(csv.startsWith('\uFEFFالمعرف,الوقت,معرف المستخدم,المستخدم,الإجراء')).toBe(true);
  const lines = csv.trimEnd().split('\r\n');
  expect(lines).toHaveLength(shown + 1);
  expect(lines.slice(1).every((line) => line.includes(admin.name))).toBe(true);

  // One record's history: the admin's own user record.
  await page.getByTestId('activity-filter-record').selectOption('user');
  await expect(page.getByTestId('activity-filter-record-id')).toBeVisible();
  await page.getByTestId('activity-filter-record-id').fill('1');
  await expect(rows.getByTestId('activity-sentence')).toHaveText([`${admin.name}: تسجيل الدخول`, `${admin.name}: إعداد المكتب كأول مدير`]);
  await page.getByTestId('activity-filter-record-id').fill('99');
  await expect(page.getByText('لا يوجد نشاط يطابق التصفية.')).toBeVisible();
  await page.getByTestId('activity-clear').click();
  // Or from any row: its record's whole history.
  await rows.first().getByTestId('activity-record-history').click();
  await expect(page.getByTestId('activity-filter-record')).toHaveValue('user');
  await expect(page.getByTestId('activity-filter-record-id')).toHaveValue('1');
  await expect(rows).toHaveCount(2);
  await page.getByTestId('activity-clear').click();

  // Someone with the database file changes an entry, dropping the app's guard first.
  const db = new Database(path.join(host.dataDir, 'meras.db'));
  const target = db.prepare('select id from activity_log order by id limit 1').get() as { id: number };
  db.exec('drop trigger activity_log_no_update');
  db.prepare("update activity_log set action = 'auth.signed_out' where id = ?").run(target.id);
  db.close();

  await page.getByTestId('activity-verify').click();
  await expect(page.getByTestId('activity-verify-result')).toHaveText(new RegExp(`^السجل غير سليم: العملية رقم ${target.id} \\(.+\\) غُيِّر محتواها خارج التطبيق\\.$`));
  await shot(page, 'activity-verify-ar');

  await page.getByTestId('language-toggle').click();
  await page.getByTestId('activity-verify').click();
  await expect(page.getByTestId('activity-verify-result')).toHaveText(new RegExp(`^The log was tampered with: action #${target.id} \\(.+\\) was changed outside the app\\.$`));
  await shot(page, 'activity-verify-en');
});
