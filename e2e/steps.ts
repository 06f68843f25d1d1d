import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

// Steps many specs take in the same words: one place, so a changed screen is mended once.

/** The demo office's first agent (src/main/whatsapp/demo/demo-seed-data.ts). */
export const demoAgent = { name: 'أحمد الحربي', email: 'agent1@demo.meras', password: 'demo-pass-123' };

/** A screenshot for a person to look at, when SCREENSHOT_DIR is set. */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** The inbox list's row of a customer, by their name. */
export function conversationRow(page: Page, customer: string): Locator {
  return page.getByTestId('conversation-list').locator('[data-testid^="conversation-row-"]').filter({ has: page.getByTestId('conversation-name').getByText(customer, { exact: true }) });
}

/** Opens a customer's conversation from the inbox and waits for its thread. */
export async function openConversation(page: Page, customer: string): Promise<void> {
  await page.getByTestId('nav-inbox').click();
  await conversationRow(page, customer).click();
  await expect(page.getByTestId('thread-name')).toHaveText(customer);
}

/** Demo mode: the open conversation's simulated customer types `text` (the thread's «the customer sends…» menu). */
export async function customerSays(page: Page, text: string, screenshot?: string): Promise<void> {
  await page.getByTestId('demo-customer-sends').selectOption('text');
  const dialog = page.getByTestId('demo-says');
  await dialog.getByTestId('demo-says-text').fill(text);
  if (screenshot) await shot(page, screenshot);
  await dialog.getByTestId('demo-says-submit').click();
  await expect(dialog).toHaveCount(0);
}

/** A demo number's card: a customer it never heard from writes now; returns their name. */
export async function newCustomerWrites(page: Page, numberName: string): Promise<string> {
  await page.getByTestId('nav-numbers').click();
  const card = page.getByTestId(`number-row-${numberName}`);
  const wrote = card.getByTestId(`demo-new-customer-wrote-${numberName}`);
  const before = (await wrote.count()) > 0 ? await wrote.textContent() : null;
  await card.getByTestId(`demo-new-customer-${numberName}`).click();
  await expect(wrote).toBeVisible();
  // The note names this press's customer (its phone is new each time).
  if (before !== null) await expect(wrote).not.toHaveText(before);
  return (await wrote.getAttribute('data-name'))!;
}

/** Adds a number (worked by `owner`, when given) and links it with the demo phone: nobody has written to it yet. */
export async function linkNumber(page: Page, numberName: string, owner?: string): Promise<void> {
  await page.getByTestId('nav-numbers').click();
  await page.getByTestId('numbers-add').click();
  await page.getByTestId('number-form-name').fill(numberName);
  if (owner) await page.getByTestId('number-form-employee').selectOption({ label: owner });
  await page.getByTestId('number-form-submit').click();
  const card = page.getByTestId(`number-row-${numberName}`);
  await card.getByTestId(`number-connect-${numberName}`).click();
  const dialog = page.getByTestId('qr-dialog');
  await dialog.getByTestId('qr-demo-scan').click();
  // The dialog closes by itself once the number is ready (pressing its close button could land on nothing).
  await expect(dialog).toHaveCount(0, { timeout: 20_000 });
  await expect(card.getByTestId(`number-status-${numberName}-label`)).toHaveText('متصل', { timeout: 20_000 });
}

/** demo.advanceClock from the Automation page: the demo host's clock moves on, so what waits on it falls due now. */
export async function advanceClock(page: Page, minutes: number): Promise<void> {
  await page.getByTestId('nav-automation').click();
  const clock = page.getByTestId('demo-clock');
  // A fresh page: the note shows only once the core answered this move.
  await expect(clock.getByTestId('demo-clock-now')).toHaveCount(0);
  await clock.getByTestId('demo-clock-minutes').fill(String(minutes));
  await clock.getByTestId('demo-clock-advance').click();
  await expect(clock.getByTestId('demo-clock-now')).toBeVisible();
}
