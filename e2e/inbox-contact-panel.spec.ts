import { admin, expect, setUpFirstAdmin, test } from './fixtures';

// The demo office: seeded conversations with their contacts (src/main/whatsapp/demo/demo-seed-data.ts).
test.use({ demo: true });

/** Seeded with the tag «إيجار». */
const nasser = 'ناصر السهلي';

test('inbox contact panel: hidden on a narrow window until toggled, shows the conversation’s contact; a note with its author, a new tag', async ({ page, host }) => {
  // Below 1500 px (a laptop screen) the panel waits for the toggle.
  await page.setViewportSize({ width: 1000, height: 800 });
  await setUpFirstAdmin(page, host);
  const row = page.getByTestId('conversation-list').locator('[data-testid^="conversation-row-"]').filter({ has: page.getByTestId('conversation-name').getByText(nasser, { exact: true }) });
  await row.click();
  await expect(page.getByTestId('thread-name')).toHaveText(nasser);

  const toggle = page.getByTestId('contact-panel-toggle');
  const side = page.getByTestId('inbox-contact-panel');
  await expect(side).toHaveCount(0);
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const panel = side.getByTestId('contact-panel');
  await expect(panel.getByTestId('contact-panel-name')).toHaveText(nasser);
  await expect(panel.getByTestId('contact-panel-phone')).toHaveText('+966548803659');
  await expect(panel.getByTestId('contact-panel-tags')).toContainText('إيجار');
  // The open conversation is not among the "other conversations".
  await expect(panel.getByTestId('contact-conversations').locator('[data-testid^="contact-conversation-"]')).toHaveCount(0);
  expect(await page.evaluate(() => window.localStorage.getItem('meras.inbox.contactPanel'))).toBe('open');

  // A note, listed with who wrote it.
  await panel.getByTestId('note-input').fill('يريد شقة بثلاث غرف قريبة من المدارس.');
  await panel.getByTestId('note-submit').click();
  const note = panel.getByTestId('contact-notes').locator('li.note').filter({ hasText: 'بثلاث غرف' });
  await expect(note).toBeVisible();
  await expect(note.getByTestId('note-meta')).toContainText(admin.name);
  await expect(panel.getByTestId('note-input')).toHaveValue('');

  // A tag, through the Contacts page's edit dialog.
  await panel.getByTestId('contact-edit').click();
  await page.getByTestId('contact-form-tags').fill('إيجار، عاجل');
  await page.getByTestId('contact-form-submit').click();
  await expect(page.getByTestId('contact-form-dialog')).toHaveCount(0);
  await expect(panel.getByTestId('contact-panel-tags')).toContainText('عاجل');

  // Closing is remembered too.
  await toggle.click();
  await expect(side).toHaveCount(0);
  expect(await page.evaluate(() => window.localStorage.getItem('meras.inbox.contactPanel'))).toBe('closed');
});
