import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, setUpFirstAdmin, signIn, test } from './fixtures';
import { advanceClock, demoAgent, linkNumber, newCustomerWrites, openConversation, shot } from './steps';

// Issue 15 in the demo office (src/main/whatsapp/demo/demo-seed-data.ts): its number is linked,
// «رسالة ترحيب» greets {{customer_name}}, «موعد معاينة» names the viewing, and Umm Faisal has a
// viewing at the next working day's opening (demo-deals.ts). Random arrivals are off so the
// test counts exactly the customers it makes write (the number card's "a new customer writes").
test.use({ demo: true, demoArrivals: false });

const demoNumber = 'المبيعات – العرض التجريبي';
/** Linked in the test: with arrivals off nobody has written to it, so its rule counts only our customers. */
const reception = 'الاستقبال';
const welcomeRule = 'ترحيب بالاستفسار الجديد';
const reminderRule = 'تذكير قبل المعاينة';
const ummFaisal = 'أم فيصل';
const followUpRule = 'متابعة يطلبها الموظف';

function ruleRow(page: Page, name: string): Locator {
  return page.getByTestId('rules-list').locator(`[data-rule-name="${name}"]`);
}

test('an admin automates a welcome, a reminder is listed on the conversation and cancelled there; in Arabic, then English', async ({ page, host }) => {
  test.setTimeout(180_000);
  await setUpFirstAdmin(page, host);

  // The demo number is linked; its simulated phone is ready a moment after the host starts.
  await page.getByTestId('nav-numbers').click();
  await expect(page.getByTestId(`number-status-${demoNumber}-label`)).toHaveText('متصل', { timeout: 20_000 });
  await linkNumber(page, reception);

  // The Rules page, from the side nav: empty, with the stats card.
  await page.getByTestId('nav-automation').click();
  await expect(page.getByRole('heading', { name: 'الرسائل الآلية', level: 1 })).toBeVisible();
  await expect(page.getByTestId('rules-empty')).toHaveText('لا توجد قواعد بعد.');
  await expect(page.getByTestId('automation-stats')).toBeVisible();

  // "New inquiry, 1 minute, welcome template", in Arabic.
  await page.getByTestId('rule-add').click();
  const form = page.getByTestId('rule-form');
  await form.getByTestId('rule-name').fill(welcomeRule);
  await expect(form.getByTestId('rule-trigger')).toHaveValue('new_inquiry');
  await expect(form.getByTestId('rule-trigger').locator('option:checked')).toHaveText('استفسار جديد');
  await form.getByTestId('rule-delay-amount').fill('1');
  await form.getByTestId('rule-delay-unit').selectOption('minutes');
  await expect(form.getByTestId('rule-delay-summary')).toHaveText('تُرسل بعد دقيقة واحدة');
  await form.getByTestId('rule-template').selectOption({ label: 'رسالة ترحيب' });
  // Every number: the preview is filled with a real conversation's values (no {{customer_name}}
  // left), and the dry run lists the demo office's customers still waiting on a first answer.
  await expect(form.getByTestId('rule-number')).toHaveValue('');
  await expect(form.getByTestId('rule-preview-text')).toContainText('أهلاً');
  await expect(form.getByTestId('rule-preview-text')).not.toContainText('{{');
  await form.getByTestId('dry-run').click();
  await expect(form.getByTestId('dry-run-count')).toHaveText(/^(لن تُطلق الآن لأي محادثة|ستُطلق الآن ل.+)$/);
  await shot(page, 'automation-form-ar');
  if (process.env.SCREENSHOT_DIR) await form.getByTestId('rule-dry-run').screenshot({ path: path.join(process.env.SCREENSHOT_DIR, 'automation-dry-run-ar.png') });
  // Only the reception number, which nobody has written to yet: it would fire for no one.
  await form.getByTestId('rule-number').selectOption({ label: reception });
  await form.getByTestId('dry-run').click();
  await expect(form.getByTestId('dry-run-count')).toHaveText('لن تُطلق الآن لأي محادثة');
  await form.getByTestId('rule-form-submit').click();
  await expect(form).toHaveCount(0);

  const welcome = ruleRow(page, welcomeRule);
  await expect(welcome.getByTestId('rule-trigger')).toHaveText('استفسار جديد');
  await expect(welcome.getByTestId('rule-delay')).toHaveText('بعد دقيقة واحدة');
  await expect(welcome.getByTestId('rule-switch')).toBeChecked();
  await expect(welcome.getByTestId('rule-counts')).toHaveText('0/0');

  // A new customer writes; a minute later (the demo clock moved on) the welcome reaches them by name.
  const first = await newCustomerWrites(page, reception);
  await advanceClock(page, 2);
  // The page stays open while the job is sent: its counts follow live.
  await expect(welcome.getByTestId('rule-counts')).toHaveText('1/1');
  await openConversation(page, first);
  const thread = page.getByTestId('thread');
  await expect(thread.locator('[data-testid^="message-"][data-sender]').filter({ hasText: `أهلاً ${first}،` })).toHaveCount(1);
  await page.getByTestId('nav-automation').click();
  await expect(welcome.getByTestId('rule-counts')).toHaveText('1/1');
  await expect(welcome.getByTestId('rule-last-triggered')).toContainText('آخر إطلاق');
  await shot(page, 'automation-rules-ar');
  // The rule's jobs: nothing upcoming; the past one sent to the first customer.
  await welcome.getByTestId('rule-jobs').click();
  const jobs = page.getByTestId('rule-jobs-dialog');
  await expect(jobs.getByTestId('rule-jobs-empty')).toHaveText('لا رسائل مجدولة.');
  await jobs.getByTestId('rule-jobs-past').click();
  const sent = jobs.getByTestId('rule-jobs-list').locator('[data-status]');
  await expect(sent).toHaveCount(1);
  await expect(sent).toContainText(first);
  await expect(sent.getByTestId('job-status')).toHaveText('أُرسلت');
  await shot(page, 'automation-jobs-ar');
  await jobs.getByTestId('rule-jobs-close').click();

  // Switched off: the next new customer gets nothing, nothing is even scheduled for them.
  await welcome.getByTestId('rule-switch').click();
  await expect(welcome.getByTestId('rule-switch')).not.toBeChecked();
  const second = await newCustomerWrites(page, reception);
  await advanceClock(page, 2);
  await openConversation(page, second);
  await page.getByTestId('contact-panel-toggle').click();
  const automations = page.getByTestId('conversation-automations');
  await expect(automations).toContainText('لا رسائل آلية لهذه المحادثة.');
  await expect(thread.locator('[data-testid^="message-"][data-sender="system"]')).toHaveCount(0);
  await page.getByTestId('nav-automation').click();
  await expect(welcome.getByTestId('rule-counts')).toHaveText('1/1');

  // A reminder an hour before each viewing: switching it on arms Umm Faisal's, listed on her conversation.
  await page.getByTestId('rule-add').click();
  await form.getByTestId('rule-name').fill(reminderRule);
  // First a no-response rule an hour after: the core refuses it under the delay, nothing saved.
  await form.getByTestId('rule-trigger').selectOption('no_response_24h');
  await expect(form.getByTestId('rule-delay-summary')).toHaveText('تُرسل بعد يوم واحد');
  await form.getByTestId('rule-delay-amount').fill('1');
  await form.getByTestId('rule-template').selectOption({ label: 'متابعة العميل' });
  await form.getByTestId('rule-form-submit').click();
  await expect(form.getByTestId('field-error-delayMinutes')).toHaveText('لا يقل التأخير في متابعة عدم الرد عن مدة انتظارها (1440 دقيقة).');
  await form.getByTestId('rule-trigger').selectOption('appointment_reminder');
  await form.getByTestId('rule-delay-amount').fill('1');
  await form.getByTestId('rule-delay-unit').selectOption('hours');
  await expect(form.getByTestId('rule-delay-direction')).toHaveValue('before');
  await expect(form.getByTestId('rule-delay-summary')).toHaveText('تُرسل ساعة واحدة قبل المعاينة');
  await form.getByTestId('rule-template').selectOption({ label: 'موعد معاينة' });
  await form.getByTestId('rule-form-submit').click();
  await expect(form).toHaveCount(0);
  await expect(ruleRow(page, reminderRule).getByTestId('rule-delay')).toHaveText('ساعة واحدة قبل المعاينة');
  await expect(ruleRow(page, reminderRule).getByTestId('rule-pending')).not.toHaveText('لا رسائل مجدولة');
  await expect(page.getByTestId('rules-meta')).toHaveText('قاعدتان — مفعّلة 1، متوقفة 1');
  await page.getByTestId('rules-list').scrollIntoViewIfNeeded();
  await shot(page, 'automation-rules-list-ar');

  // A follow-up rule, for the agents' "follow up in …".
  await page.getByTestId('rule-add').click();
  await form.getByTestId('rule-name').fill(followUpRule);
  await form.getByTestId('rule-trigger').selectOption('follow_up');
  await form.getByTestId('rule-delay-amount').fill('0');
  await expect(form.getByTestId('rule-delay-summary')).toHaveText('تُرسل فورًا');
  await form.getByTestId('rule-template').selectOption({ label: 'متابعة العميل' });
  await form.getByTestId('rule-form-submit').click();
  await expect(form).toHaveCount(0);

  await openConversation(page, ummFaisal);
  const reminder = automations.locator('[data-status]').filter({ hasText: reminderRule });
  await expect(reminder).toHaveAttribute('data-status', 'pending');
  await expect(reminder.getByTestId('job-status')).toHaveText('مجدولة');
  await automations.scrollIntoViewIfNeeded();
  await shot(page, 'automation-side-panel-ar');
  await automations.getByRole('button', { name: `إلغاء «${reminderRule}»` }).click();
  await expect(reminder).toHaveAttribute('data-status', 'cancelled');
  await expect(reminder.getByTestId('job-status')).toHaveText('أُلغيت');
  await expect(reminder.getByTestId('job-reason')).toHaveText('ألغاها موظف');
  await expect(automations.getByRole('button', { name: `إلغاء «${reminderRule}»` })).toHaveCount(0);

  // "Follow up in …": tomorrow at this time, listed at once as scheduled.
  await automations.getByTestId('follow-up-open').click();
  const followUp = page.getByTestId('follow-up-dialog');
  await followUp.getByTestId('follow-up-choice').selectOption('tomorrow');
  await shot(page, 'automation-follow-up-ar');
  await followUp.getByTestId('follow-up-submit').click();
  await expect(followUp).toHaveCount(0);
  const followUpJob = automations.locator('[data-status]').filter({ hasText: followUpRule });
  await expect(followUpJob).toHaveAttribute('data-status', 'pending');
  await expect(followUpJob.getByTestId('job-status')).toHaveText('مجدولة');

  // English: the same screens in the other language.
  await page.getByTestId('language-toggle').click();
  await expect(reminder.getByTestId('job-status')).toHaveText('Cancelled');
  await expect(reminder.getByTestId('job-reason')).toHaveText('Cancelled by a team member');
  await expect(automations.getByRole('heading', { name: 'Scheduled automations' })).toBeVisible();
  await page.getByTestId('nav-automation').click();
  await expect(page.getByRole('heading', { name: 'Automation', level: 1 })).toBeVisible();
  await expect(welcome.getByTestId('rule-trigger')).toHaveText('New inquiry');
  await expect(welcome.getByTestId('rule-delay')).toHaveText('after 1 minute');
  await expect(ruleRow(page, reminderRule).getByTestId('rule-delay')).toHaveText('1 hour before the viewing');
  await expect(welcome.getByTestId('rule-counts')).toHaveText('1/1');
  await page.getByTestId('stats-view-toggle').click();
  await expect(page.getByTestId('stats-table')).toBeVisible();
  await shot(page, 'automation-rules-en');

  // An agent reads the rules touching their numbers (every-number rules and theirs), no switch, no stats.
  await page.getByTestId('signout').click();
  await signIn(page, demoAgent.email, demoAgent.password);
  await page.getByTestId('nav-automation').click();
  await expect(ruleRow(page, reminderRule)).toBeVisible();
  await expect(ruleRow(page, reminderRule).getByTestId('rule-state')).toHaveText('On');
  await expect(ruleRow(page, welcomeRule)).toHaveCount(0);
  await expect(page.getByTestId('rule-switch')).toHaveCount(0);
  await expect(page.getByTestId('rule-add')).toHaveCount(0);
  await expect(page.getByTestId('automation-stats')).toHaveCount(0);
});
