import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, setUpFirstAdmin, signIn, test } from './fixtures';
import { shot, conversationRow } from './steps';

// The demo office (src/main/whatsapp/demo/demo-seed-data.ts): «ماجد العمري» is أحمد الحربي's
// customer, with three texts of his and one answer of ours. The thread header's demo menu
// makes him send each kind (src/main/whatsapp/demo/demo-kinds.ts), through the simulated
// WhatsApp Client and the same transport as a real number.
test.use({ demo: true });

const majed = 'ماجد العمري';
const ahmed = 'أحمد الحربي';
const maha = 'مها الرشيد';
const adminName = 'نورة القحطاني';
const firstLine = 'السلام عليكم، شفت إعلانكم عن شقة النرجس، للحين متوفرة؟';
const secondLine = 'فيها مصعد وموقف خاص؟';
const thirdLine = 'وأبي أعاين بكرة بعد العصر إذا أمكن';
/** Names inside a sentence are Unicode-isolated, so mixed Arabic and English keep their order. */
const iso = (name: string) => `\u2068${name}\u2069`;

/** The customer sends a kind, through the demo menu. */
async function customerSends(page: Page, kind: string): Promise<void> {
  await page.getByTestId('demo-customer-sends').selectOption(kind);
}

function bubbles(page: Page): Locator {
  return page.getByTestId('thread').locator('[data-testid^="message-"][data-sender]');
}

function bubble(page: Page, text: string): Locator {
  return bubbles(page).filter({ hasText: text });
}

test('each kind of WhatsApp message shows as what it is, in Arabic and in English; replies, edits, deletions, reactions, calls and transfers', async ({ page, host }) => {
  test.setTimeout(120_000);
  await setUpFirstAdmin(page, host);
  await conversationRow(page, majed).click();
  const thread = page.getByTestId('thread');
  await expect(thread.getByTestId('thread-name')).toHaveText(majed);
  await expect(bubble(page, thirdLine)).toHaveCount(1);
  // The demo number is linked; its simulated phone is ready a moment after the host starts.
  await expect(thread.locator('.thread-badges .badge-green')).toBeVisible({ timeout: 20_000 });

  // A place: its name and address, and a link to the map at its coordinates — never the thumbnail WhatsApp puts in the body.
  await customerSends(page, 'location');
  const place = thread.getByTestId('message-location');
  await expect(place).toContainText('حي النرجس');
  await expect(place).toContainText('الرياض، طريق الملك سلمان');
  const mapLink = place.getByRole('link');
  await expect(mapLink).toHaveText('فتح في الخرائط');
  await expect(mapLink).toHaveAttribute('href', /query=24\.8255,46\.6521$/);
  await expect(thread).not.toContainText('/9j/');

  // A contact card: name and phone; "add to contacts" makes the contact.
  await customerSends(page, 'contact');
  const card = thread.getByTestId('message-contact-card');
  await expect(card).toContainText('سالم العتيبي');
  await expect(card).toContainText('+966512345678');
  await expect(thread).not.toContainText('BEGIN:VCARD');
  await card.getByRole('button', { name: 'إضافة إلى جهات الاتصال' }).click();
  await expect(card.getByRole('button', { name: 'أُضيفت' })).toBeDisabled();

  // A reply quoting his first message: the snippet shows it, a click brings the original into view, highlighted.
  await customerSends(page, 'reply');
  const reply = bubble(page, 'أعيد سؤالي هذا، ما وصلني رد');
  await expect(reply.getByTestId('message-quoted')).toContainText(firstLine);
  await expect(reply.getByTestId('message-quoted')).toContainText('العميل');
  await reply.getByTestId('message-quoted').click();
  const original = bubble(page, firstLine).and(page.locator(':not(:has([data-testid="message-quoted"]))'));
  await expect(original).toBeInViewport();
  await expect(page.locator('.thread-row.is-flashing')).toContainText(firstLine);

  // A missed call: a system line in the middle, no bubble, nothing unread.
  await customerSends(page, 'call');
  const call = thread.locator('[data-sender="system"][data-kind="call"]');
  await expect(call).toContainText('مكالمة صوتية فائتة');
  await expect(conversationRow(page, majed)).toHaveAttribute('data-unread', '0');

  // The admin answers quoting his second question. The conversation is أحمد's: asked first.
  const count = await bubbles(page).count();
  const second = bubble(page, secondLine);
  await second.hover();
  await second.locator('[data-testid^="message-reply-"]').click();
  await expect(page.getByTestId('composer-reply')).toContainText(secondLine);
  await page.getByTestId('composer-input').fill('نعم، فيها مصعد وموقفين خاصة');
  await page.getByTestId('composer-send').click();
  const confirm = page.getByTestId('composer-others-confirm');
  await expect(confirm).toContainText(`هذه المحادثة مُسندة إلى ${iso(ahmed)}. هل ترسل رغم ذلك؟`);
  await expect(bubbles(page)).toHaveCount(count);
  await shot(page, 'kinds-1-confirm-ar');
  await confirm.getByTestId('composer-send-anyway').click();
  const answer = page.getByTestId('thread').locator('[data-sender="agent"]', { hasText: 'نعم، فيها مصعد وموقفين خاصة' });
  await expect(answer).toHaveCount(1);
  await expect(answer.getByTestId('message-quoted')).toContainText(secondLine);
  await expect(page.getByTestId('composer-reply')).toHaveCount(0);
  await expect(answer).toHaveAttribute('data-status', /^(sent|delivered|read)$/, { timeout: 20_000 });

  // He reacts to it: a chip under our bubble, not a new bubble; then replies quoting it.
  const before = await bubbles(page).count();
  await customerSends(page, 'reaction');
  await expect(answer.getByTestId('message-reactions')).toContainText('👍');
  await expect(bubbles(page)).toHaveCount(before);
  await customerSends(page, 'replyToAgent');
  const toUs = bubble(page, 'تمام، هذا اللي أبغاه بالضبط');
  await expect(toUs.getByTestId('message-quoted')).toContainText('أنت');
  await expect(toUs.getByTestId('message-quoted')).toContainText('نعم، فيها مصعد وموقفين خاصة');

  // He edits his last question: the new text, marked edited, the earlier one on demand.
  await customerSends(page, 'edit');
  const edited = bubble(page, `${thirdLine}، لو سمحت`);
  await expect(edited.getByTestId('message-edited')).toHaveText('معدّلة');
  await edited.getByTestId('message-edited').click();
  await expect(edited.getByRole('dialog', { name: 'النسخ السابقة' }).locator('.version')).toHaveText([thirdLine]);

  // He deletes the other question: the bubble stays, saying so.
  await customerSends(page, 'revoke');
  await expect(thread.getByTestId('message-deleted')).toHaveText('حُذفت هذه الرسالة');
  await expect(bubbles(page).filter({ hasText: secondLine }).and(page.locator(':not(:has([data-testid="message-quoted"]))'))).toHaveCount(0);

  // The admin transfers the conversation to مها: a line in the thread says who did what.
  const assign = page.getByTestId('thread-assign');
  await assign.selectOption((await assign.locator('option', { hasText: maha }).getAttribute('value'))!);
  await expect(thread.locator('[data-sender="system"][data-kind="notice"]')).toContainText(`حُوّلت من ${iso(ahmed)} إلى ${iso(maha)} بواسطة ${iso(adminName)}`);
  await shot(page, 'kinds-2-thread-ar');
  await page.getByTestId('thread-messages').evaluate((el) => el.scrollTo(0, 0));
  await shot(page, 'kinds-3-thread-top-ar');

  // The same thread in English (the top half, then the bottom: rows far out of view are not mounted).
  await page.getByTestId('language-toggle').click();
  await expect(edited.getByTestId('message-edited')).toHaveText('Edited');
  await expect(thread.getByTestId('message-deleted')).toHaveText('This message was deleted');
  await expect(mapLink).toHaveText('Open in maps');
  await expect(card.getByRole('button', { name: 'Added' })).toBeVisible();
  await shot(page, 'kinds-4-thread-top-en');
  await page.getByTestId('thread-messages').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(call).toContainText('Missed voice call');
  await expect(reply.getByTestId('message-quoted')).toContainText('Customer');
  await expect(toUs.getByTestId('message-quoted')).toContainText('You');
  await expect(thread.locator('[data-sender="system"][data-kind="notice"]')).toContainText(`Transferred from ${iso(ahmed)} to ${iso(maha)} by ${iso(adminName)}`);
  await shot(page, 'kinds-5-thread-en');
  if (process.env.SCREENSHOT_DIR) await thread.locator('[data-sender="system"][data-kind="notice"]').screenshot({ path: path.join(process.env.SCREENSHOT_DIR, 'kinds-6-notice-en.png') });

  // In English too, a colleague's conversation asks first; "Cancel" sends nothing and keeps the text.
  await conversationRow(page, 'Faisal Alotaibi').click();
  await expect(thread.getByTestId('thread-name')).toHaveText('Faisal Alotaibi');
  // Counted once his messages are on screen (the thread loads them after the name shows).
  await expect(bubbles(page).first()).toBeVisible();
  const faisalCount = await bubbles(page).count();
  await page.getByTestId('composer-input').fill('The floor plan is on its way.');
  await page.getByTestId('composer-send').click();
  await expect(page.getByTestId('composer-others-confirm')).toContainText(`This conversation is ${iso(maha)}'s. Send anyway?`);
  await page.getByTestId('composer-dont-send').click();
  await expect(page.getByTestId('composer-others-confirm')).toHaveCount(0);
  await expect(page.getByTestId('composer-input')).toHaveValue('The floor plan is on its way.');
  await expect(bubbles(page)).toHaveCount(faisalCount);

  // The card's contact is in the contacts.
  await page.getByTestId('nav-contacts').click();
  await page.getByTestId('contacts-search').fill('سالم');
  await expect(page.getByTestId('contact-list').locator('[data-testid^="contact-row-"]').filter({ hasText: 'سالم العتيبي' })).toHaveCount(1);
});

test('a click on a reply\'s quote brings its original into view even when it is pages back, loading older messages, and highlights it', async ({ page, host, browser }) => {
  test.setTimeout(150_000);
  const hessa = 'Hessa Almansour';
  const opening = 'Good morning, what are the rents for 2-bedroom apartments in Al Narjis?';
  await setUpFirstAdmin(page, host);
  // More than a page of missed calls (the thread loads 50 at a time). The host allows each
  // user 30 changes a minute, so the admin and both demo agents share the clicking.
  const agents = await Promise.all(
    ['agent1@demo.meras', 'agent2@demo.meras'].map(async (email) => {
      const agentPage = await (await browser.newContext()).newPage();
      await agentPage.goto(host.url);
      await signIn(agentPage, email, 'demo-pass-123');
      return agentPage;
    }),
  );
  for (const [who, calls] of [[page, 25], [agents[0]!, 25], [agents[1]!, 5]] as const) {
    await conversationRow(who, hessa).click();
    await expect(who.getByTestId('thread').locator('.thread-badges .badge-green')).toBeVisible({ timeout: 20_000 });
    for (let i = 0; i < calls; i++) await customerSends(who, 'call');
  }
  await expect.poll(async () => Number(await page.getByTestId('thread-messages').getAttribute('data-loaded-count')), { timeout: 30_000 }).toBe(56);
  await customerSends(page, 'reply');
  const reply = bubble(page, 'Asking this again, no answer yet');
  await expect(reply.getByTestId('message-quoted')).toContainText(opening);

  // Opened afresh, the thread holds only its newest page: the opening is not there.
  await page.reload();
  await conversationRow(page, hessa).click();
  await expect(reply).toBeVisible();
  await expect(page.getByTestId('thread-messages')).toHaveAttribute('data-loaded-count', '50');
  const original = bubble(page, opening).and(page.locator(':not(:has([data-testid="message-quoted"]))'));
  await expect(original).toHaveCount(0);

  await reply.getByTestId('message-quoted').click();
  await expect(original).toBeInViewport();
  await expect(page.locator('.thread-row.is-flashing')).toContainText(opening);
  await shot(page, 'kinds-7-jumped-to-original');
  for (const agentPage of agents) await agentPage.context().close();
});
