import type { Page } from '@playwright/test';
import { addUser, expect, setUpFirstAdmin, signIn, test } from './fixtures';
import { customerSays, demoAgent, linkNumber, newCustomerWrites, openConversation, shot } from './steps';

// Issue 16 in the demo office (src/main/whatsapp/demo/demo-seed-data.ts): its number is linked and
// worked by both demo agents. Random arrivals are off so the test counts only the customers it
// makes write.
test.use({ demo: true, demoArrivals: false });

const demoNumber = 'المبيعات – العرض التجريبي';
/** Linked in the test, worked by agent 1: nobody has written to it, so its AI counts only this test's customers. */
const reception = 'الاستقبال';
const supervisor = { name: 'هند العتيبي', email: 'hind@office.test', password: 'hind-pass-2026' };

async function openAiTab(page: Page, tab: 'settings' | 'provider' | 'faq' | 'console' | 'stats' | 'logs'): Promise<void> {
  await page.getByTestId('nav-ai').click();
  await page.getByTestId(`ai-tab-${tab}`).click();
  await expect(page.getByTestId(`ai-tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
}

test('an admin sets the AI up in Arabic: the number’s settings refuse a bad time under its field, a provider that cannot be reached is named, the FAQ grows; a supervisor reads it all and an agent does not see it', async ({ page, host }) => {
  test.setTimeout(150_000);
  await setUpFirstAdmin(page, host);
  await page.getByTestId('nav-numbers').click();
  await expect(page.getByTestId(`number-status-${demoNumber}-label`)).toHaveText('متصل', { timeout: 20_000 });

  // The page, from the side nav, right to left.
  await page.getByTestId('nav-ai').click();
  await expect(page.getByRole('heading', { name: 'المساعد الذكي', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const settings = page.getByTestId('ai-config');
  await expect(page.getByTestId('ai-number').locator('option:checked')).toHaveText(demoNumber);
  // The defaults until saved: off, friendly, every scenario with people, a person after five minutes.
  await expect(settings.getByTestId('ai-config-state')).toHaveText('متوقف');
  await expect(settings.getByTestId('ai-tone').locator('option:checked')).toHaveText('ودود');
  await expect(settings.getByTestId('ai-scenario-propertyInquiryResponse')).not.toBeChecked();
  await expect(settings.getByTestId('ai-fallback-delay')).toHaveValue('5');

  // A start time that is no time: refused under the field, nothing saved.
  await settings.getByTestId('ai-hours-mode').selectOption('inside');
  await settings.getByTestId('ai-hours-start').fill('09:00');
  await settings.getByTestId('ai-hours-end').fill('');
  await settings.getByTestId('ai-config-save').click();
  await expect(settings.getByTestId('field-error-businessHours.end')).toBeVisible();
  await expect(settings.getByTestId('ai-config-saved')).toHaveCount(0);

  // Always on, the customer's language, a counter under the instructions.
  await settings.getByTestId('ai-hours-mode').selectOption('always');
  await settings.getByTestId('ai-language').selectOption('both');
  await settings.getByTestId('ai-instructions').fill('كن مختصرًا');
  await expect(settings.locator('.field-hint, .field-help').filter({ hasText: '/ 2,000' })).toContainText('10 / 2,000');
  for (const scenario of ['initialGreeting', 'faqResponses', 'propertyInquiryResponse']) await settings.getByTestId(`ai-scenario-${scenario}`).check();
  await settings.getByTestId('ai-enabled').check();
  await settings.getByTestId('ai-config-save').click();
  await expect(settings.getByTestId('ai-config-saved')).toHaveText('حُفظ.');
  await expect(settings.getByTestId('ai-config-state')).toHaveText('يعمل');
  await shot(page, 'ai-settings-ar');

  // The switch turns it off and on again without touching the rest.
  await settings.getByTestId('ai-toggle').click();
  await expect(settings.getByTestId('ai-config-state')).toHaveText('متوقف');
  await settings.getByTestId('ai-toggle').click();
  await expect(settings.getByTestId('ai-config-state')).toHaveText('يعمل');
  await expect(settings.getByTestId('ai-language')).toHaveValue('both');

  // The provider: a local preset fills the URL; a port nobody listens on is named in Arabic; nothing is saved by a test.
  await openAiTab(page, 'provider');
  const provider = page.getByTestId('ai-provider');
  await provider.getByTestId('ai-preset-ollama').click();
  await expect(provider.getByTestId('ai-base-url')).toHaveValue('http://localhost:11434/v1');
  await provider.getByTestId('ai-base-url').fill('http://127.0.0.1:9/v1');
  await provider.getByTestId('ai-model').fill('qwen2.5:7b');
  await provider.getByTestId('ai-timeout').fill('3000');
  await provider.getByTestId('ai-test-connection').click();
  await expect(provider.getByTestId('ai-test-result')).toHaveText(/تعذّر الوصول إلى عنوان الخدمة|انتهت المهلة/);
  await expect(provider.getByTestId('ai-provider-key-saved')).toHaveCount(0);
  // A key is write-only: saved, it shows as "saved" and the field stays empty.
  await provider.getByTestId('ai-api-key').fill('sk-test-123');
  await provider.getByTestId('ai-budget').fill('٢٥');
  await provider.getByTestId('ai-provider-save').click();
  await expect(provider.getByTestId('ai-provider-saved')).toHaveText('حُفظ.');
  await expect(provider.getByTestId('ai-provider-key-saved')).toHaveText('المفتاح محفوظ');
  await expect(provider.getByTestId('ai-api-key')).toHaveValue('');
  await expect(provider.getByTestId('ai-budget')).toHaveValue('25.00');
  await shot(page, 'ai-provider-ar');

  // The FAQ: an entry in Arabic, listed at once.
  await openAiTab(page, 'faq');
  const faq = page.getByTestId('ai-faq');
  await expect(faq.getByTestId('faq-empty')).toHaveText('لا أسئلة شائعة بعد.');
  await faq.getByTestId('faq-add').click();
  const faqForm = page.getByTestId('faq-form');
  await faqForm.getByTestId('faq-form-submit').click();
  await expect(faqForm.getByTestId('field-error-question')).toBeVisible();
  await faqForm.getByTestId('faq-question').fill('ما هي أوقات الدوام؟');
  await faqForm.getByTestId('faq-answer').fill('من الأحد إلى الخميس، ٩ صباحًا إلى ٩ مساءً.');
  await faqForm.getByTestId('faq-form-submit').click();
  await expect(faqForm).toHaveCount(0);
  await expect(faq.locator('[data-question="ما هي أوقات الدوام؟"]')).toBeVisible();
  await expect(faq.getByTestId('faq-count')).toHaveText('سؤال واحد');
  await shot(page, 'ai-faq-ar');

  // Stats before anything happened: zero, and satisfaction "not rated yet" rather than a made-up figure.
  await openAiTab(page, 'stats');
  const stats = page.getByTestId('ai-stats');
  await expect(stats.getByTestId('ai-stats-total')).toHaveText('0');
  await expect(stats.getByTestId('ai-stats-satisfaction')).toHaveText('لم يُقيَّم بعد');
  await expect(stats.getByTestId('ai-stats-avg-time')).toHaveText('0 ثانية');
  await shot(page, 'ai-stats-empty-ar');

  // English: the same page in the other language.
  await page.getByTestId('language-toggle').click();
  await expect(page.getByRole('heading', { name: 'AI assistant', level: 1 })).toBeVisible();
  await expect(stats.getByTestId('ai-stats-satisfaction')).toHaveText('Not rated yet');
  await openAiTab(page, 'settings');
  await expect(settings.getByTestId('ai-config-state')).toHaveText('On');
  await expect(settings.getByTestId('ai-language').locator('option:checked')).toHaveText('The customer\'s (Arabic or English)');
  await shot(page, 'ai-settings-en');
  await page.getByTestId('language-toggle').click();

  // A supervisor reads the same settings, unable to change them, and has no console.
  await page.getByTestId('nav-users').click();
  await addUser(page, supervisor, 'supervisor');
  await page.getByTestId('signout').click();
  await signIn(page, supervisor.email, supervisor.password);
  await openAiTab(page, 'settings');
  await expect(settings.getByTestId('ai-language')).toHaveValue('both');
  await expect(settings.getByTestId('ai-language')).toBeDisabled();
  await expect(settings.getByTestId('ai-config-save')).toHaveCount(0);
  await expect(settings.getByTestId('ai-toggle')).toHaveCount(0);
  await expect(page.getByTestId('ai-tab-console')).toHaveCount(0);
  await openAiTab(page, 'faq');
  await expect(faq.locator('[data-question="ما هي أوقات الدوام؟"]')).toBeVisible();
  await expect(faq.getByTestId('faq-add')).toHaveCount(0);

  // An agent has no AI page in the menu.
  await page.getByTestId('signout').click();
  await signIn(page, demoAgent.email, demoAgent.password);
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await expect(page.getByTestId('nav-ai')).toHaveCount(0);
});

/** The demo catalogue's prices as the demo model quotes them (src/main/whatsapp/demo/demo-seed.ts). */
const demoPrices: Record<string, string> = {
  'شقة ٤ غرف – حي النرجس': '950,000',
  'فيلا دوبلكس – حي حطين': '3,200,000',
  'شقة للإيجار – حي الملقا': '65,000',
  'أرض سكنية – حي القيروان': '1,800,000',
};

async function unreadCount(page: Page): Promise<number> {
  const badge = page.getByTestId('notification-count');
  return (await badge.count()) === 0 ? 0 : Number(await badge.textContent());
}

test('a customer asks about a property: the AI answers with the catalogue’s price, badged, and never with a property other than the one asked for; the customer asks for a person: one hand-off, the agent is notified and answers, the AI stays paused; ratings survive a reload; stats count the replies and the hand-off; in Arabic, then English', async ({ page, host, browser }) => {
  test.setTimeout(240_000);
  await setUpFirstAdmin(page, host);
  await page.getByTestId('nav-numbers').click();
  await expect(page.getByTestId(`number-status-${demoNumber}-label`)).toHaveText('متصل', { timeout: 20_000 });
  // A number of its own, worked by agent 1, so the AI and its stats see only this test's customer.
  await linkNumber(page, reception, demoAgent.name);

  // Demo mode's local model is the office's provider; its connection works.
  await openAiTab(page, 'provider');
  const provider = page.getByTestId('ai-provider');
  await expect(provider.getByTestId('ai-may-quote-prices')).toBeChecked();
  await provider.getByTestId('ai-test-connection').click();
  await expect(provider.getByTestId('ai-test-result')).toHaveText(/^نجح الاتصال بالنموذج /);
  await expect(provider.getByTestId('ai-provider-state')).toHaveText('يعمل');

  // On for the demo number, at any time, for greetings, FAQ and property questions, in the customer's language;
  // no time limit (the hand-off here is the customer's own request).
  await openAiTab(page, 'settings');
  await page.getByTestId('ai-number').selectOption({ label: reception });
  const settings = page.getByTestId('ai-config');
  await settings.getByTestId('ai-hours-mode').selectOption('always');
  await settings.getByTestId('ai-language').selectOption('both');
  for (const scenario of ['initialGreeting', 'faqResponses', 'propertyInquiryResponse', 'appointmentBooking']) await settings.getByTestId(`ai-scenario-${scenario}`).check();
  await settings.getByTestId('ai-fallback').uncheck();
  // Switched on, it takes only what arrives from now on, and says so.
  await expect(settings.getByTestId('ai-switch-note')).toContainText('العملاء المنتظرون قبلها يبقون للفريق');
  await settings.getByTestId('ai-enabled').check();
  await settings.getByTestId('ai-config-save').click();
  await expect(settings.getByTestId('ai-config-state')).toHaveText('يعمل');

  // The console: a question answered from the catalogue, with the records, tokens and checks; nothing sent.
  await openAiTab(page, 'console');
  const consoleCard = page.getByTestId('ai-console');
  await consoleCard.getByTestId('ai-console-question').fill('كم سعر فيلا حطين؟');
  await consoleCard.getByTestId('ai-console-ask').click();
  const result = consoleCard.getByTestId('ai-console-result');
  await expect(result.getByTestId('ai-console-decision')).toHaveText('سيرد المساعد');
  await expect(result.getByTestId('ai-console-answer')).toContainText('3,200,000');
  await expect(result.getByTestId('ai-console-records')).toContainText('فيلا دوبلكس – حي حطين');
  await expect(result.getByTestId('ai-console-tokens')).toContainText('الرموز:');
  await expect(result.getByTestId('ai-console-checks').locator('[data-ok="false"]')).toHaveCount(0);
  await shot(page, 'ai-console-ar');
  // Asking for a person: the console says it would hand off, and why.
  await consoleCard.getByTestId('ai-console-question').fill('أبي أكلم موظف');
  await consoleCard.getByTestId('ai-console-ask').click();
  await expect(result.getByTestId('ai-console-decision')).toHaveText('سيحوّل إلى موظف');
  await expect(result.getByTestId('ai-console-reason')).toHaveText('السبب: طلب العميل موظفًا');
  // A viewing request: the three free times it would offer, and nothing booked.
  await consoleCard.getByTestId('ai-console-question').fill('أبي أعاين فيلا حطين');
  await consoleCard.getByTestId('ai-console-ask').click();
  await expect(result.getByTestId('ai-console-decision')).toHaveText('سيرد المساعد');
  await expect(result.getByTestId('ai-console-slots').locator('li')).toHaveCount(3);
  await expect(result.getByTestId('ai-console-nothing-booked')).toHaveText('لم يُحجز أي موعد.');
  await expect(result.getByTestId('ai-console-answer')).toContainText('فيلا دوبلكس – حي حطين');
  // Nothing was sent and nothing counted.
  await openAiTab(page, 'stats');
  await page.getByTestId('ai-number').selectOption({ label: reception });
  await expect(page.getByTestId('ai-stats-total')).toHaveText('0');

  // The agent of the demo number, signed in elsewhere.
  const agentContext = await browser.newContext();
  const agentPage = await agentContext.newPage();
  await agentPage.goto(host.url);
  await signIn(agentPage, demoAgent.email, demoAgent.password);
  await expect(agentPage.getByTestId('app-shell')).toBeVisible();

  // A new customer writes (an apartment to rent in north Riyadh, or villas in Al Yasmin, where the
  // catalogue has none): after the quiet time, one reply from the AI, badged, that agrees with the question.
  const customer = await newCustomerWrites(page, reception);
  await openConversation(page, customer);
  const thread = page.getByTestId('thread');
  const aiReply = thread.locator('[data-sender="ai"]');
  await expect(aiReply).toHaveCount(1, { timeout: 30_000 });
  await expect(aiReply.getByTestId('message-ai-badge')).toHaveText('المساعد الذكي');
  const opening = (await thread.locator('[data-sender="customer"] .message-text').first().textContent()) ?? '';
  const firstText = (await aiReply.locator('.message-text').textContent()) ?? '';
  if (opening.includes('الياسمين')) {
    expect(firstText).toMatch(/^لا توجد لدينا حالياً فلل مدرجة في حي الياسمين/);
  } else {
    const offered = /^نعم، (.+?) متاحة بسعر ([\d,]+) ريال/.exec(firstText);
    expect(offered, firstText).not.toBeNull();
    expect(offered![1]).toMatch(/^شقة/);
    expect(offered![2]).toBe(demoPrices[offered![1]!]);
  }
  const strip = page.getByTestId('ai-strip');
  await expect(strip).toHaveAttribute('data-holder', 'ai');
  await expect(strip.getByTestId('ai-strip-holder')).toHaveText('يرد المساعد الذكي على هذه المحادثة');
  await expect(strip.getByTestId('ai-resume')).toHaveCount(0);

  // The customer asks about a property by name (typed through the demo's «the customer sends…»): the catalogue's price.
  await customerSays(page, 'كم سعر فيلا حطين؟', 'demo-customer-says-ar');
  await expect(aiReply).toHaveCount(2, { timeout: 30_000 });
  await expect(aiReply.nth(1).locator('.message-text')).toHaveText(`نعم، فيلا دوبلكس – حي حطين متاحة بسعر ${demoPrices['فيلا دوبلكس – حي حطين']} ريال. هل تود ترتيب موعد لمعاينتها؟`);
  await shot(page, 'ai-thread-ar');

  // The agent rates the AI's price reply; the rating comes back after a reload.
  await openConversation(agentPage, customer);
  const agentThread = agentPage.getByTestId('thread');
  const agentAiReply = agentThread.locator('[data-sender="ai"]');
  await agentAiReply.nth(1).getByTestId('ai-rate-up').click();
  await expect(agentAiReply.nth(1).getByTestId('ai-rate-up')).toHaveAttribute('aria-pressed', 'true');
  await agentPage.reload();
  await openConversation(agentPage, customer);
  await expect(agentAiReply.nth(1).getByTestId('ai-rate-up')).toHaveAttribute('aria-pressed', 'true');
  await expect(agentAiReply.first().getByTestId('ai-rate-up')).toHaveAttribute('aria-pressed', 'false');
  await agentPage.getByTestId('nav-contacts').click();

  // The customer asks for a person: one hand-off, without asking the model. The customer is told in their
  // language, and the agent is notified once.
  const before = await unreadCount(agentPage);
  await customerSays(page, 'أبي أكلم موظف');
  await expect(aiReply).toHaveCount(3, { timeout: 30_000 });
  await expect(aiReply.nth(2).locator('.message-text')).toHaveText('سأحوّلك الآن إلى أحد زملائي في الفريق، وسيتواصل معك قريبًا.');
  await expect(strip).toHaveAttribute('data-holder', 'person');
  await expect.poll(() => unreadCount(agentPage), { timeout: 30_000 }).toBeGreaterThan(before);
  await agentPage.getByTestId('notification-bell').click();
  const told = agentPage.getByTestId('notification-row').and(agentPage.locator('[data-type="ai_handoff"]')).filter({ hasText: customer });
  await expect(told).toHaveCount(1);
  await expect(told).toContainText('المساعد الذكي');
  await shot(agentPage, 'ai-handoff-bell-ar');
  await told.click();
  await expect(agentPage.getByTestId('thread-name')).toHaveText(customer);
  const agentStrip = agentPage.getByTestId('ai-strip');
  await expect(agentStrip).toHaveAttribute('data-holder', 'person');
  await expect(agentStrip.getByTestId('ai-strip-holder')).toHaveText('يتولى موظف هذه المحادثة؛ المساعد متوقف فيها');
  await expect(agentStrip.getByTestId('ai-strip-handed-off')).toContainText('طلب العميل موظفًا');
  await expect(agentAiReply).toHaveCount(3);

  // The agent answers; the AI stays out of the conversation until someone resumes it, also when the customer writes again.
  await agentPage.getByTestId('composer-input').fill('أهلاً، معك أحمد من المكتب. أخدمك بنفسي.');
  await agentPage.getByTestId('composer-send').click();
  await expect(agentThread.locator('[data-sender="agent"]')).toHaveCount(1);
  await expect(agentStrip).toHaveAttribute('data-paused', 'true');
  await expect(agentStrip.getByTestId('ai-resume')).toBeVisible();
  await customerSays(page, 'شكراً');
  await expect(agentThread.locator('[data-sender="customer"]').last()).toHaveText(/شكراً/);
  await expect(agentAiReply).toHaveCount(3);
  await shot(agentPage, 'ai-thread-paused-ar');

  // Stats for this number: two replies and one hand-off; the rated reply up.
  await openAiTab(page, 'stats');
  await page.getByTestId('ai-number').selectOption({ label: reception });
  const stats = page.getByTestId('ai-stats');
  await expect(stats.getByTestId('ai-stats-total')).toHaveText('2');
  await expect(stats.getByTestId('ai-stats-handoffs')).toHaveText('1');
  await expect(stats.getByTestId('ai-stats-satisfaction')).toHaveText('100٪');
  await expect(stats.getByTestId('ai-stats-scenarios').locator('[data-key="propertyInquiryResponse"]')).toContainText('استفسار عقاري');
  await shot(page, 'ai-stats-ar');
  await openAiTab(page, 'logs');
  await page.getByTestId('ai-number').selectOption({ label: reception });
  const logs = page.getByTestId('ai-logs-table');
  await expect(logs.locator('[data-outcome="replied"]')).toHaveCount(2);
  await expect(logs.locator('[data-outcome="handed_off"]')).toHaveCount(1);
  await expect(logs.locator('[data-outcome="handed_off"]')).toContainText('طلب العميل موظفًا');
  await shot(page, 'ai-logs-ar');

  // English: the same thread in the other language; "Resume AI" gives the conversation back to the AI.
  await agentPage.getByTestId('language-toggle').click();
  await expect(agentAiReply.first().getByTestId('message-ai-badge')).toHaveText('AI assistant');
  await expect(agentStrip.getByTestId('ai-strip-holder')).toHaveText('A person has this conversation; the assistant is paused here');
  await expect(agentStrip.getByTestId('ai-strip-handed-off')).toContainText('The customer asked for a person');
  await agentStrip.getByTestId('ai-resume').click();
  await expect(agentStrip).toHaveAttribute('data-paused', 'false');
  await expect(agentStrip.getByTestId('ai-resume')).toHaveCount(0);
  await page.getByTestId('language-toggle').click();
  await openAiTab(page, 'stats');
  await page.getByTestId('ai-number').selectOption({ label: reception });
  await expect(page.getByRole('heading', { name: 'Assistant statistics' })).toBeVisible();
  await expect(stats.getByTestId('ai-stats-satisfaction')).toHaveText('100%');
  // Hand-offs per decision: one of three (two replies and the hand-off).
  await expect(stats.getByTestId('ai-stats-handoff-rate')).toHaveText('33.3%');
  await stats.getByTestId('ai-stats-view-toggle').click();
  await expect(stats.getByTestId('ai-stats-daily-table')).toBeVisible();
  await shot(page, 'ai-stats-en');
  await agentContext.close();
});
