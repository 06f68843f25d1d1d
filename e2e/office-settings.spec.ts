import { expect, setUpFirstAdmin, signIn, test } from './fixtures';
import { shot, demoAgent } from './steps';

test.use({ demo: true });

/** The wall clock in Riyadh, the demo office's zone, `minutes` from now: "HH:MM". */
function riyadhClock(minutes: number): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Riyadh', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(Date.now() + minutes * 60_000);
}
function riyadhDay(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Riyadh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(Date.now() + days * 86_400_000);
}

const arabicIndic = /[٠-٩]/;
const latin = /[0-9]/;

test('an admin sets split shifts and an Eid holiday, sees the office open then closed, and dates everywhere turn Hijri with Arabic-Indic digits — in Arabic, then English', async ({ page, host }) => {
  await setUpFirstAdmin(page, host);
  await page.getByTestId('nav-office').click();
  await expect(page.getByTestId('office-page')).toBeVisible();
  const status = page.getByTestId('office-status');
  await expect(status).toBeVisible();

  // Every day a working day, and a split shift around now: open from an hour ago to an hour from now, again later.
  for (const day of [5, 6]) {
    await expect(page.getByTestId(`office-day-${day}`)).toHaveAttribute('aria-pressed', 'false');
    await page.getByTestId(`office-day-${day}`).click();
    await expect(page.getByTestId(`office-day-${day}`)).toHaveAttribute('aria-pressed', 'true');
  }
  await page.getByTestId('office-shift-0-start').fill(riyadhClock(-60));
  await page.getByTestId('office-shift-0-end').fill(riyadhClock(60));
  await page.getByTestId('office-shift-1-start').fill(riyadhClock(180));
  await page.getByTestId('office-shift-1-end').fill(riyadhClock(240));
  await page.getByTestId('office-hours-save').click();
  await expect(page.getByTestId('office-hours-saved')).toHaveText('تم الحفظ.');
  await expect(status).toHaveAttribute('data-open', 'true');
  await expect(status).toContainText('مفتوح الآن، ويغلق');

  // Eid: yesterday, today and the three days after it. Yesterday too, because just after Riyadh
  // midnight the shift around now began yesterday, and a shift belongs to the day it starts on.
  await page.getByTestId('office-holiday-add').click();
  await page.getByTestId('office-holiday-0-from').fill(riyadhDay(-1));
  await page.getByTestId('office-holiday-0-to').fill(riyadhDay(3));
  await page.getByTestId('office-holiday-0-name').fill('عيد الفطر');
  await page.getByTestId('office-hours-save').click();
  await expect(status).toHaveAttribute('data-open', 'false');
  await expect(status).toContainText('مغلق الآن، ويفتح');
  await expect(status).toContainText('إجازة اليوم: عيد الفطر.');

  // Arabic-Indic digits and Hijri beside Gregorian, previewed before saving.
  await page.getByTestId('office-digits').selectOption('arab');
  await page.getByTestId('office-calendar').selectOption('both');
  await expect(page.getByTestId('office-display-sample')).toContainText('هـ');
  await page.getByTestId('office-display-save').click();
  await expect(page.getByTestId('office-display-saved')).toBeVisible();
  // The open/closed line itself now reads in Arabic-Indic digits.
  await expect(status).toContainText(arabicIndic);
  await shot(page, 'office-ar');

  // Elsewhere: the activity log's times are Hijri and Gregorian, in Arabic-Indic digits, and say what changed.
  await page.getByTestId('nav-activity').click();
  const firstRow = page.getByTestId('activity-table').locator('[data-testid^="activity-row-"]').first();
  await expect(firstRow.getByTestId('activity-sentence')).toContainText('تعديل إعدادات المكتب');
  await expect(firstRow.getByTestId('activity-sentence')).toContainText('الأرقام من لاتينية (0 1 2 3) إلى عربية هندية (٠ ١ ٢ ٣)');
  const when = firstRow.locator('time');
  await expect(when).toContainText('هـ');
  await expect(when).toContainText(arabicIndic);
  await expect(when).not.toContainText(latin);
  // And the inbox's list of conversations.
  await page.getByTestId('nav-inbox').click();
  await expect(page.getByTestId('conversation-list').locator('[data-testid^="conversation-row-"]').first()).toContainText(arabicIndic);
  await shot(page, 'office-inbox-ar');

  // English: the same office, the same choices.
  await page.getByTestId('language-toggle').click();
  await page.getByTestId('nav-activity').click();
  await expect(page.getByTestId('activity-table').locator('[data-testid^="activity-row-"]').first().locator('time')).toContainText('AH');
  await page.getByTestId('nav-office').click();
  await expect(status).toContainText('Closed now, opens');
  await expect(status).toContainText('Holiday today: عيد الفطر.');
  // The holiday ends: open again; Latin digits, Hijri only.
  await page.getByTestId('office-holiday-0-remove').click();
  await page.getByTestId('office-hours-save').click();
  await expect(status).toHaveAttribute('data-open', 'true');
  await expect(status).toContainText('Open now, closes');
  await page.getByTestId('office-digits').selectOption('latn');
  await page.getByTestId('office-calendar').selectOption('islamic-umalqura');
  await page.getByTestId('office-display-save').click();
  await expect(page.getByTestId('office-display-saved')).toHaveText('Saved.');
  await shot(page, 'office-en');
  await page.getByTestId('nav-activity').click();
  const latest = page.getByTestId('activity-table').locator('[data-testid^="activity-row-"]').first();
  await expect(latest.getByTestId('activity-sentence')).toContainText('changed the office settings — Digits from Arabic-Indic (٠ ١ ٢ ٣) to Latin (0 1 2 3), Calendar from Hijri beside Gregorian to Hijri (Umm al-Qura)');
  await expect(latest.locator('time')).toContainText('AH');
  await expect(latest.locator('time')).toContainText(latin);
  await expect(latest.locator('time')).not.toContainText(arabicIndic);
});

test('a shift overlapping another is refused under its field and nothing is saved; a bad phone is refused by the core under its field', async ({ page, host }) => {
  await setUpFirstAdmin(page, host);
  await page.getByTestId('nav-office').click();
  await page.getByTestId('office-shift-1-start').fill('12:00');
  await page.getByTestId('office-hours-save').click();
  await expect(page.getByTestId('field-error-hours.shifts.1.start')).toHaveText('هذه الفترة تتداخل مع فترة أخرى.');
  await expect(page.getByTestId('office-hours-saved')).toHaveCount(0);

  await page.getByTestId('office-profile-phone').fill('12345');
  await page.getByTestId('office-profile-save').click();
  await expect(page.getByTestId('field-error-profile.phone')).toHaveText('أدخل رقم جوال صحيحًا بالصيغة الدولية أو المحلية.');
  await page.getByTestId('office-profile-phone').fill('0112345678');
  await page.getByTestId('office-profile-save').click();
  await expect(page.getByTestId('office-profile-saved')).toBeVisible();
  await expect(page.getByTestId('office-profile-phone')).toHaveValue('+966112345678');

  // What was refused was not saved: a reload shows the default shifts.
  await page.reload();
  await expect(page.getByTestId('office-shift-1-start')).toHaveValue('16:30');
  await shot(page, 'office-errors');
});

test('an agent has no office settings in the menu and is refused the page', async ({ page, host, browser }) => {
  await setUpFirstAdmin(page, host);
  const agentContext = await browser.newContext();
  page = await agentContext.newPage();
  await page.goto(host.url);
  await signIn(page, demoAgent.email, demoAgent.password);
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await expect(page.getByTestId('nav-activity')).toHaveCount(0);
  await expect(page.getByTestId('nav-office')).toHaveCount(0);
  await page.goto(`${host.url}/#/office`);
  await expect(page.getByTestId('forbidden-page')).toBeVisible();
  await agentContext.close();
});
