import { expect, setUpFirstAdmin, signIn, test } from './fixtures';
import { demoAgent } from './steps';

// The demo office: a linked demo number owned by the first demo agent, customers with history, acks that come back.
test.use({ demo: true });

/** A seeded customer of the demo number, in the first demo agent's conversations. */
const customerName = 'ماجد العمري';
const template = {
  name: 'تأكيد موعد المعاينة',
  // The date written with its Arabic name: the same variable as {{appointment_date}}.
  content: 'مرحباً {{customer_name}}، نؤكد موعد معاينة {{property_name}} يوم {{ موعد_المعاينة }}. هل يناسبك الموعد؟',
};

test('a supervisor writes a template with an Arabic variable; an agent sends it with the customer’s name filled in and the day picked from a calendar, and it is delivered', async ({ page, host }) => {
  test.setTimeout(120_000);
  await setUpFirstAdmin(page, host);

  await page.getByTestId('nav-templates').click();
  await expect(page.getByTestId('templates-page')).toBeVisible();
  // The demo office keeps a few templates of its own.
  await expect(page.getByTestId('template-row-رسالة ترحيب')).toBeVisible();
  await page.getByTestId('templates-add').click();
  const form = page.getByTestId('template-form-dialog');
  await form.getByTestId('template-form-name').fill(template.name);
  await form.getByTestId('template-form-category').selectOption('appointment');
  await form.getByTestId('template-form-content').fill(template.content);
  // The variables and the preview follow the text as it is typed.
  // Each variable reads by its Arabic label, whichever language it was written in.
  const chips = form.getByTestId('template-form-variables').locator('[data-variable]');
  await expect(chips).toHaveText(['اسم العميل', 'اسم العقار', 'موعد المعاينة']);
  await expect(chips.nth(2)).toHaveAttribute('data-variable', 'appointment_date');
  await expect(form.getByTestId('template-form-preview')).toContainText('مرحباً محمد أحمد، نؤكد موعد معاينة شقة فاخرة في حي النرجس يوم الأحد 25 يناير.');
  await form.getByTestId('template-form-submit').click();
  await expect(form).toHaveCount(0);
  const card = page.getByTestId(`template-row-${template.name}`);
  await expect(card.getByTestId('template-variables').locator('[data-variable]')).toHaveText(['اسم العميل', 'اسم العقار', 'موعد المعاينة']);
  await expect(card.getByTestId('template-usage')).toHaveText('لم يُستخدم بعد');
  await expect(card.getByTestId('template-usage')).toHaveAttribute('data-count', '0');

  // Search ignores hamza forms and ta marbuta: "معاينه" finds "المعاينة".
  await page.getByTestId('templates-search').fill('معاينه');
  await expect(card).toBeVisible();
  await page.getByTestId('templates-search').fill('فيلا');
  await expect(page.getByTestId('templates-empty')).toBeVisible();
  await page.getByTestId('templates-search').fill('');
  await page.getByTestId('templates-category-filter').selectOption('greeting');
  await expect(page.getByTestId('template-row-رسالة ترحيب')).toBeVisible();
  await expect(card).toHaveCount(0);
  await page.getByTestId('templates-category-filter').selectOption('appointment');
  await expect(card).toBeVisible();
  await expect(page.getByTestId('template-row-رسالة ترحيب')).toHaveCount(0);

  await page.getByTestId('signout').click();
  await signIn(page, demoAgent.email, demoAgent.password);
  await expect(page.getByTestId('inbox-page')).toBeVisible();

  // Agents use templates but do not write them.
  await page.getByTestId('nav-templates').click();
  await expect(page.getByTestId('templates-read-only')).toBeVisible();
  await expect(page.getByTestId(`template-row-${template.name}`)).toBeVisible();
  await expect(page.getByTestId('templates-add')).toHaveCount(0);
  await expect(page.getByTestId(`template-edit-${template.name}`)).toHaveCount(0);

  await page.getByTestId('nav-inbox').click();
  await page.getByTestId('conversation-list').locator('[data-testid^="conversation-row-"]', { hasText: customerName }).click();
  const thread = page.getByTestId('thread');
  await expect(thread.getByTestId('thread-name')).toHaveText(customerName);

  // Ctrl+/ opens the picker from the thread.
  await page.getByTestId('composer-input').click();
  await page.keyboard.press('Control+/');
  const picker = page.getByTestId('template-picker');
  await expect(picker).toBeVisible();
  await picker.getByTestId('template-picker-search').fill('تاكيد موعد');
  await picker.getByTestId(`template-option-${template.name}`).click();

  const fill = page.getByTestId('template-fill');
  await expect(fill.getByTestId('template-var-customer_name')).toHaveValue(customerName);
  await fill.getByTestId('template-var-property_name').fill('شقة النرجس');
  // A variable left empty is refused, and nothing is sent.
  await fill.getByTestId('template-fill-send').click();
  await expect(fill.getByTestId('field-error-variables.appointment_date')).toBeVisible();
  await expect(thread.locator('[data-sender="agent"]', { hasText: 'نؤكد موعد معاينة' })).toHaveCount(0);

  // The day comes from a calendar and is written out as the customer reads it.
  const day = fill.getByTestId('template-var-appointment_date');
  await expect(day).toHaveAttribute('type', 'date');
  await day.fill('2027-01-24');
  const filled = `مرحباً ${customerName}، نؤكد موعد معاينة شقة النرجس يوم الأحد، 24 يناير. هل يناسبك الموعد؟`;
  await expect(fill.getByTestId('template-fill-preview')).toHaveText(filled);
  await fill.getByTestId('template-fill-send').click();
  await expect(fill).toHaveCount(0);

  const sent = thread.locator('[data-sender="agent"]', { hasText: filled });
  await expect(sent).toHaveCount(1);
  await expect(sent).toHaveAttribute('data-status', /^(delivered|read)$/, { timeout: 20_000 });

  await page.getByTestId('nav-templates').click();
  await expect(page.getByTestId(`template-row-${template.name}`).getByTestId('template-usage')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId(`template-row-${template.name}`).getByTestId('template-usage')).toHaveText('استُخدم مرة واحدة');
});

test('the templates page and the picker read right to left in Arabic and left to right in English', async ({ page, host }) => {
  await setUpFirstAdmin(page, host);
  await page.getByTestId('nav-templates').click();
  await expect(page.getByTestId('nav-templates')).toHaveText('قوالب الرسائل');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByTestId('templates-add').click();
  await page.getByTestId('template-form-name').fill('ترحيب');
  await page.getByTestId('template-form-content').fill('أهلاً {{customer_name}} {{');
  // A half-typed placeholder is pointed out while typing, and refused on save.
  await expect(page.getByTestId('template-form-dialog')).toContainText('الأقواس غير متوازنة');
  await page.getByTestId('template-form-submit').click();
  await expect(page.getByTestId('field-error-content')).toBeVisible();
  // "Insert a variable" puts the Arabic placeholder where the cursor is.
  await page.getByTestId('template-form-content').fill('أهلاً وسهلاً ! كيف نقدر نخدمك اليوم؟');
  await page.getByTestId('template-form-content').evaluate((area: HTMLTextAreaElement) => area.setSelectionRange(13, 13));
  await page.getByTestId('template-insert-variable').selectOption('customer_name');
  await expect(page.getByTestId('template-form-content')).toHaveValue('أهلاً وسهلاً {{اسم_العميل}}! كيف نقدر نخدمك اليوم؟');
  await page.getByTestId('template-form-submit').click();
  await expect(page.getByTestId('template-row-ترحيب')).toBeVisible();

  await page.getByTestId('language-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByTestId('templates-page')).toContainText('Message templates');
  await expect(page.getByTestId('template-row-ترحيب')).toContainText('Greeting');

  await page.getByTestId('nav-inbox').click();
  await page.getByTestId('conversation-list').locator('[data-testid^="conversation-row-"]').first().click();
  await page.getByTestId('composer-templates').click();
  await expect(page.getByTestId('template-picker')).toContainText('Send a template');
  await page.getByTestId('template-option-ترحيب').click();
  await expect(page.getByTestId('template-fill')).toContainText('Customer name');
  await page.getByTestId('template-fill-back').click();
  await expect(page.getByTestId('template-option-ترحيب')).toBeVisible();
});
