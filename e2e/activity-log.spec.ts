import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { admin, expect, setUpFirstAdmin, signIn, test } from './fixtures';
import { shot, demoAgent } from './steps';

// The demo office: its agents and seeded conversations (src/main/whatsapp/demo/demo-seed-data.ts).
test.use({ demo: true });

const nasser = 'ناصر السهلي';

const sentences = (page: Page) => page.getByTestId('activity-table').getByTestId('activity-sentence');
/** The list is virtualised: only rows near the view are in the page, so the oldest need a scroll. */
const scrollToEnd = (page: Page) => page.getByTestId('activity-table').evaluate((list) => list.scrollTo({ top: list.scrollHeight }));

test('the activity log says who did what to whom in words, in Arabic and English, and filters by who did it', async ({ page, host, browser }) => {
  await setUpFirstAdmin(page, host);
  await page.getByTestId('conversation-list').locator('[data-testid^="conversation-row-"]', { hasText: nasser }).click();
  await page.getByTestId('thread-status').selectOption('resolved');
  await expect(page.getByTestId('thread-status')).toHaveValue('resolved');

  // An agent signs in elsewhere.
  const other = await browser.newPage();
  await other.goto(host.url);
  await signIn(other, demoAgent.email, demoAgent.password);
  await expect(other.getByTestId('app-shell')).toBeVisible();
  await other.close();

  await page.getByTestId('nav-activity').click();
  await expect(sentences(page).first()).toHaveText(`${demoAgent.name}: تسجيل الدخول`);
  await expect(sentences(page).filter({ hasText: nasser })).toHaveText([`${admin.name}: تغيير حالة المحادثة مع ${nasser} إلى «تم حلها»`]);
  await expect(sentences(page).filter({ hasText: 'إعداد المكتب كأول مدير' })).toHaveText([`${admin.name}: إعداد المكتب كأول مدير`]);
  // The oldest entries are the demo's own viewings and offers, logged as the office was seeded.
  await scrollToEnd(page);
  await expect(sentences(page).last()).toHaveText(new RegExp(`^${demoAgent.name}: حجز معاينة للعقار .+ مع ماجد العمري`));
  // Never an action's code, nor a type and an id in place of a name.
  await expect(page.getByTestId('activity-table')).not.toContainText('conversation.');
  await expect(page.getByTestId('activity-table')).not.toContainText('#');
  await page.getByTestId('activity-table').evaluate((list) => list.scrollTo({ top: 0 }));
  await shot(page, 'activity-ar');

  await page.getByTestId('activity-filter-user').selectOption({ label: demoAgent.name });
  // Only what agent1 did: this sign-in, and the demo's viewing and offers he logged as it was seeded.
  await expect(sentences(page).first()).toHaveText(`${demoAgent.name}: تسجيل الدخول`);
  await expect(sentences(page)).toHaveCount(5);
  await expect(sentences(page).filter({ hasNotText: demoAgent.name })).toHaveCount(0);
  await expect(page.getByTestId('activity-count')).not.toHaveText('عملية واحدة معروضة');
  await page.getByTestId('activity-clear').click();
  await page.getByTestId('activity-filter-action').selectOption('conversation');
  await expect(sentences(page).first()).toHaveText(`${admin.name}: تغيير حالة المحادثة مع ${nasser} إلى «تم حلها»`);
  await expect(sentences(page).filter({ hasText: 'تسجيل الدخول' })).toHaveCount(0);

  await page.getByTestId('language-toggle').click();
  await expect(sentences(page).first()).toHaveText(`${admin.name} changed the status of the conversation with ${nasser} to Resolved`);
  await page.getByTestId('activity-clear').click();
  await expect(sentences(page).first()).toHaveText(`${demoAgent.name} signed in`);
  await shot(page, 'activity-en');
});

test('the activity log pages past the latest 100 entries as the list scrolls, down to the first, keeping only the rows in view in the page', async ({ page, host }) => {
  await setUpFirstAdmin(page, host);
  // A busy office's history: 130 profile edits written straight into the office's database.
  const db = new Database(path.join(host.dataDir, 'meras.db'));
  const adminId = (db.prepare('select id from users where email = ?').get(admin.email) as { id: number }).id;
  const insert = db.prepare("insert into activity_log (user_id, action, entity_type, entity_id, created_at) values (?, 'profile.updated', 'user', ?, ?)");
  db.transaction(() => {
    for (let i = 0; i < 130; i++) insert.run(adminId, adminId, Date.now() - (130 - i) * 60_000);
  })();
  const total = (db.prepare('select count(*) as n from activity_log').get() as { n: number }).n;
  db.close();

  await page.getByTestId('nav-activity').click();
  await expect(page.getByTestId('activity-count')).toHaveText('100 عملية معروضة');
  await expect(page.getByTestId('activity-end')).toHaveCount(0);
  // Scrolling to the end of the list brings the next page, without a button.
  await scrollToEnd(page);
  await expect(page.getByTestId('activity-count')).toHaveText(`${total} عملية معروضة`);
  await scrollToEnd(page);
  await expect(page.getByTestId('activity-end')).toBeVisible();
  // Down to the first: the demo's first viewing, booked as the office was seeded.
  await expect(sentences(page).last()).toHaveText(new RegExp(`^${demoAgent.name}: حجز معاينة للعقار .+ مع ماجد العمري`));
  // Only the rows in view are in the page, however long the log.
  expect(await page.getByTestId('activity-table').locator('[data-testid^="activity-row-"]').count()).toBeLessThan(40);
});
