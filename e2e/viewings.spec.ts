import type { Locator, Page } from '@playwright/test';
import { expect, setUpFirstAdmin, signIn, test } from './fixtures';
import { shot, openConversation, demoAgent } from './steps';

// The demo office (src/main/whatsapp/demo/demo-seed-data.ts): agent1 works the demo number.
test.use({ demo: true });

const dayMs = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();
/** The office's next working day (Sunday–Thursday) after `date`. */
function nextWorkingDay(date: string): string {
  let next = addDays(date, 1);
  while (weekday(next) === 5 || weekday(next) === 6) next = addDays(next, 1);
  return next;
}
/** A day's Hijri (Umm al-Qura) day and month as the calendar's day heads show them. */
const hijri = (date: string, locale: string) => new Intl.DateTimeFormat(`${locale}-u-ca-islamic-umalqura-nu-latn`, { timeZone: 'UTC', day: 'numeric', month: 'short' }).format(Date.parse(`${date}T12:00:00Z`));
/** The Friday of `date`'s week (Sunday first): always in the same row of the month grid, and never open. */
const fridayOf = (date: string) => addDays(date, 5 - weekday(date));

/** Books from the side panel in two clicks (the property and the next free slot are filled in); returns the viewing's id and office date. */
async function bookFromPanel(page: Page): Promise<{ id: number; date: string; time: string }> {
  const viewings = page.getByTestId('conversation-viewings');
  await viewings.getByTestId('book-viewing').click();
  const dialog = page.getByTestId('book-viewing-dialog');
  await expect(dialog.getByTestId('book-viewing-date')).not.toHaveValue('');
  const date = await dialog.getByTestId('book-viewing-date').inputValue();
  const time = await dialog.getByTestId('book-viewing-time').inputValue();
  await dialog.getByTestId('book-viewing-submit').click();
  await expect(dialog).toHaveCount(0);
  const item = viewings.locator('li.viewing-item');
  await expect(item).toHaveCount(1);
  const id = Number((await item.getAttribute('data-testid'))!.replace('viewing-', ''));
  return { id, date, time };
}

/** Steps the calendar forward until it shows `date` (the next free slot may be next week, or next month). */
async function showDay(page: Page, date: string): Promise<void> {
  // The calendar's days first: counting them before it has drawn would step past the date's week.
  await expect(page.locator('[data-testid^="calendar-day-"]').first()).toBeVisible();
  for (let i = 0; i < 3 && (await page.getByTestId(`calendar-day-${date}`).count()) === 0; i++) {
    const range = await page.getByTestId('calendar-range').textContent();
    await page.getByTestId('calendar-next').click();
    await expect(page.getByTestId('calendar-range')).not.toHaveText(range ?? '');
  }
}

async function dragTo(page: Page, chip: Locator, target: Locator): Promise<void> {
  await chip.dragTo(target, { targetPosition: { x: 40, y: 60 } });
}

test('an agent books a viewing from the conversation, sees it on the calendar with its Hijri date, drags it to another day and marks it done — in Arabic, then in English', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1600, height: 1000 });
  await setUpFirstAdmin(page, host);
  await page.getByTestId('signout').click();
  await signIn(page, demoAgent.email, demoAgent.password);
  await expect(page.getByTestId('inbox-page')).toBeVisible();

  // Arabic. This customer has no interest yet: booking waits for one.
  await openConversation(page, 'سعد القرني');
  const panel = page.getByTestId('conversation-viewings');
  await expect(panel.getByTestId('book-viewing')).toBeDisabled();
  await expect(panel).toContainText('أضف عقاراً يهتم به العميل أولاً');
  await page.getByTestId('property-interest-pick').selectOption({ label: 'شقة للإيجار – حي الملقا' });
  await page.getByTestId('property-interest-add').click();
  await expect(panel.getByTestId('book-viewing')).toBeEnabled();
  const booked = await bookFromPanel(page);
  await expect(panel.getByTestId(`viewing-status-${booked.id}`)).toHaveText('مبدئي');
  await expect(panel.getByTestId(`viewing-when-${booked.id}`)).toContainText('هـ');
  // The interest follows the booking.
  await expect(page.getByTestId('property-interests').locator('select[data-testid^="property-interest-status-"]')).toHaveValue('viewing_scheduled');
  await shot(page, 'viewings-ar-panel');

  await page.getByTestId('nav-calendar').click();
  await showDay(page, booked.date);
  const chip = page.getByTestId(`calendar-viewing-${booked.id}`);
  await expect(chip).toBeVisible();
  await expect(chip).toContainText(booked.time);
  await expect(page.getByTestId(`calendar-hijri-${booked.date}`)).toHaveText(hijri(booked.date, 'ar-SA'));
  await expect(page.getByTestId('calendar-range')).toContainText('هـ');
  await shot(page, 'viewings-ar-week');

  // The month keeps a viewing's time when it is dropped on another day. Friday is closed: the drop is refused and says why.
  await page.getByTestId('calendar-span-month').click();
  await showDay(page, booked.date);
  await expect(chip).toBeVisible();
  await dragTo(page, chip, page.getByTestId(`calendar-day-${fridayOf(booked.date)}`));
  await expect(page.getByTestId('calendar-notice-error')).toContainText('خارج ساعات عمل المكتب');
  await expect(page.getByTestId(`calendar-day-${booked.date}`).getByTestId(`calendar-viewing-${booked.id}`)).toBeVisible();
  await shot(page, 'viewings-ar-refused');
  const moved = nextWorkingDay(booked.date);
  await dragTo(page, chip, page.getByTestId(`calendar-day-${moved}`));
  await expect(page.getByTestId('calendar-notice-success')).toBeVisible();
  await expect(page.getByTestId(`calendar-day-${moved}`).getByTestId(`calendar-viewing-${booked.id}`)).toBeVisible();
  await shot(page, 'viewings-ar-month');

  await page.getByTestId(`calendar-viewing-${booked.id}`).click();
  const details = page.getByTestId('viewing-details');
  await details.getByTestId(`viewing-done-${booked.id}`).click();
  await expect(details.getByTestId(`viewing-status-${booked.id}`)).toHaveText('تمت المعاينة');
  await details.getByTestId('viewing-details-close').click();

  // English: a customer already interested in a villa.
  await page.getByTestId('language-toggle').click();
  await openConversation(page, 'Faisal Alotaibi');
  const second = await bookFromPanel(page);
  await expect(panel.getByTestId(`viewing-status-${second.id}`)).toHaveText('Tentative');
  await expect(panel.getByTestId(`viewing-when-${second.id}`)).toContainText('AH');
  await page.getByTestId('nav-calendar').click();
  await page.getByTestId('calendar-span-week').click();
  await showDay(page, second.date);
  const englishChip = page.getByTestId(`calendar-viewing-${second.id}`);
  await expect(englishChip).toBeVisible();
  await expect(page.getByTestId(`calendar-hijri-${second.date}`)).toHaveText(hijri(second.date, 'en-GB'));
  await expect(page.getByTestId('calendar-range')).toContainText('AH');
  await shot(page, 'viewings-en-week');
  await page.getByTestId('calendar-span-month').click();
  await showDay(page, second.date);
  const target = nextWorkingDay(second.date) === moved ? nextWorkingDay(moved) : nextWorkingDay(second.date);
  await dragTo(page, englishChip, page.getByTestId(`calendar-day-${target}`));
  await expect(page.getByTestId(`calendar-day-${target}`).getByTestId(`calendar-viewing-${second.id}`)).toBeVisible();
  // By keyboard: Shift with the arrow that points to the next day moves it a day; a closed day or the agent's other viewing refuses it.
  const from = target;
  await page.getByTestId(`calendar-day-${target}`).getByTestId(`calendar-viewing-${second.id}`).focus();
  await page.keyboard.press('Shift+ArrowRight');
  const next = addDays(from, 1);
  if (weekday(next) === 5 || weekday(next) === 6 || (next === moved && second.time === booked.time)) {
    await expect(page.getByTestId('calendar-notice-error')).toContainText('The viewing was not moved');
    await expect(page.getByTestId(`calendar-day-${from}`).getByTestId(`calendar-viewing-${second.id}`)).toBeVisible();
  } else {
    await expect(page.getByTestId(`calendar-day-${next}`).getByTestId(`calendar-viewing-${second.id}`)).toBeVisible();
    await expect(page.getByTestId(`calendar-viewing-${second.id}`)).toBeFocused();
  }
  await englishChip.click();
  await page.getByTestId('viewing-details').getByTestId(`viewing-done-${second.id}`).click();
  await expect(page.getByTestId('viewing-details').getByTestId(`viewing-status-${second.id}`)).toHaveText('Done');
  await shot(page, 'viewings-en-done');
});
