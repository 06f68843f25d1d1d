import fs from 'node:fs';
import { houseSketchPng, simplePdf } from '../src/main/whatsapp/demo/demo-files';
import { expect, setUpFirstAdmin, signIn, test } from './fixtures';
import { shot, conversationRow, demoAgent } from './steps';

// The demo office (src/main/whatsapp/demo/demo-seed-data.ts): a linked demo number, seeded
// conversations and templates. «بدر المطيري» wrote «أبغى فِلّة دُبلكس…», with tashkeel.
test.use({ demo: true });

const badr = 'بدر المطيري';

test('an agent finds a conversation by an Arabic word typed without tashkeel, takes it, and sends a template and a photo that are both delivered', async ({ page, host, browser }) => {
  test.setTimeout(120_000);
  await setUpFirstAdmin(page, host);
  const context = await browser.newContext();
  const agentPage = await context.newPage();
  await agentPage.goto(host.url);
  await signIn(agentPage, demoAgent.email, demoAgent.password);
  await expect(agentPage.getByTestId('inbox-page')).toBeVisible();

  // «فله» typed plainly finds «فِلّة», and only that conversation.
  await agentPage.getByTestId('inbox-search').fill('فله');
  const found = conversationRow(agentPage, badr);
  await expect(found.getByTestId('conversation-match').locator('mark')).toHaveText('فِلّة');
  await expect(agentPage.getByTestId('conversation-list').locator('[data-testid^="conversation-row-"]')).toHaveCount(1);
  await found.click();
  const thread = agentPage.getByTestId('thread');
  await expect(thread.getByTestId('thread-name')).toHaveText(badr);

  // The agent takes the conversation.
  const assign = agentPage.getByTestId('thread-assign');
  const mine = await assign.locator('option', { hasText: demoAgent.name }).getAttribute('value');
  await assign.selectOption(mine!);
  await expect(found.getByTestId('conversation-assignee')).toBeVisible();

  // A template, the customer's name filled in.
  await agentPage.getByTestId('composer-input').click();
  await agentPage.keyboard.press('Control+/');
  const picker = agentPage.getByTestId('template-picker');
  await picker.getByTestId('template-picker-search').fill('ترحيب');
  // Clicked once the search has narrowed the list, not while the whole list is being replaced under the pointer.
  await expect(picker.getByTestId('template-picker-list').getByRole('button')).toHaveCount(1);
  await picker.getByTestId('template-option-رسالة ترحيب').click();
  const fill = agentPage.getByTestId('template-fill');
  await expect(fill.getByTestId('template-var-customer_name')).toHaveValue(badr);
  await fill.getByTestId('template-fill-send').click();
  const greeting = thread.locator('[data-sender="agent"]', { hasText: `أهلاً ${badr}، شكراً لتواصلك` });
  await expect(greeting).toHaveCount(1);

  // A photo with a caption: chosen, previewed, uploaded with progress, sent.
  const photo = houseSketchPng(480, 320);
  await agentPage.getByTestId('composer-file').setInputFiles({ name: 'فيلا-القيروان.png', mimeType: 'image/png', buffer: photo });
  await expect(agentPage.getByTestId('composer-attachment')).toContainText('فيلا-القيروان.png');
  await agentPage.getByTestId('composer-input').fill('هذي صورة الفيلا من الخارج');
  await shot(agentPage, 'answer-1-photo-attached');
  await agentPage.getByTestId('composer-send').click();
  const sentPhoto = thread.locator('[data-sender="agent"]', { hasText: 'هذي صورة الفيلا من الخارج' });
  await expect(sentPhoto).toHaveCount(1);
  await expect(agentPage.getByTestId('composer-attachment')).toHaveCount(0);
  // Shown inline from the office's own copy.
  const image = sentPhoto.getByTestId('attachment-image');
  await expect(image).toBeVisible();
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(480);

  // Both reach the customer's phone.
  await expect(greeting).toHaveAttribute('data-status', /^(delivered|read)$/, { timeout: 20_000 });
  await expect(sentPhoto).toHaveAttribute('data-status', /^(delivered|read)$/, { timeout: 20_000 });
  await shot(agentPage, 'answer-2-delivered');

  // A click shows the photo large, with a way to save it.
  await image.click();
  const viewer = agentPage.getByTestId('attachment-viewer');
  await expect(viewer).toBeVisible();
  const download = agentPage.waitForEvent('download');
  await viewer.locator('[data-testid^="attachment-save-"]').click();
  expect((await download).suggestedFilename()).toBe('فيلا-القيروان.png');
  await context.close();
});

test('a file WhatsApp would refuse is refused before upload, in Arabic and in English; a document goes with its name and size and can be saved', async ({ page, host }) => {
  await setUpFirstAdmin(page, host);
  await conversationRow(page, badr).click();
  const thread = page.getByTestId('thread');
  // Counted once the thread has loaded, so nothing arriving later is taken for a sent file.
  await expect(thread.locator('[data-sender]').first()).toBeVisible();
  const before = await thread.locator('[data-sender]').count();

  await page.getByTestId('composer-file').setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: Buffer.alloc(5 * 1024 * 1024 + 1) });
  await expect(page.getByTestId('composer-error')).toContainText('الحد الأقصى لهذا النوع 5 ميجابايت');
  await expect(page.getByTestId('composer-attachment')).toHaveCount(0);

  await page.getByTestId('language-toggle').click();
  await page.getByTestId('composer-file').setInputFiles({ name: 'tool.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') });
  await expect(page.getByTestId('composer-error')).toContainText('This kind of file cannot be sent');
  await expect(page.getByTestId('composer-send')).toBeDisabled();
  await expect(thread.locator('[data-sender]')).toHaveCount(before);

  // A PDF: shown by its name and size, and saved under its name.
  const pdf = simplePdf('Al Qairawan villa floor plan');
  await page.getByTestId('composer-file').setInputFiles({ name: 'floor-plan.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(page.getByTestId('composer-error')).toHaveCount(0);
  await page.getByTestId('composer-send').click();
  const sent = thread.locator('[data-sender="agent"]').filter({ has: page.locator('[data-type="document"]') });
  await expect(sent.locator('[data-type="document"]')).toContainText('floor-plan.pdf');
  await expect(sent.locator('[data-type="document"]')).toContainText(/\d+(\.\d)? (byte|kB)/);
  const download = page.waitForEvent('download');
  await sent.locator('[data-testid^="attachment-save-"]').click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('floor-plan.pdf');
  expect(fs.readFileSync((await saved.path())!)).toEqual(pdf);
  await expect(sent).toHaveAttribute('data-status', /^(sent|delivered|read)$/, { timeout: 20_000 });
});
