import path from 'node:path';
import type { Page } from '@playwright/test';
import { addUser, expect, setUpFirstAdmin, signIn, test } from './fixtures';

// Issue 16 in the demo office (src/main/whatsapp/demo/demo-seed-data.ts): its number is linked and
// worked by both demo agents. Random arrivals are off so the test counts only the customers it
// makes write.
test.use({ demo: true, demoArrivals: false });

const demoNumber = 'المبيعات – العرض التجريبي';
const agent1 = { name: 'أحمد الحربي', email: 'agent1@demo.meras', password: 'demo-pass-123' };
const supervisor = { name: 'هند العتيبي', email: 'hind@office.test', password: 'hind-pass-2026' };

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

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
  await signIn(page, agent1.email, agent1.password);
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await expect(page.getByTestId('nav-ai')).toHaveCount(0);
});
