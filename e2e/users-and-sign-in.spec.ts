import { addUser, admin, expect, setUpFirstAdmin, signIn, test } from './fixtures';

const agent = { name: 'خالد العمري', email: 'khaled@office.test', password: 'khaled-pass-2026' };

test('first run: the admin sets up, creates an agent, signs out; the agent signs in and cannot open user administration', async ({ page, host }) => {
  await page.goto(host.url);
  // Nothing but the first-admin form is reachable on a fresh install.
  await expect(page.getByTestId('setup-submit')).toBeVisible();
  await expect(page.getByTestId('signin-submit')).toHaveCount(0);

  await setUpFirstAdmin(page, host);
  await page.getByTestId('nav-users').click();
  await addUser(page, agent, 'agent');
  await expect(page.getByTestId(`user-row-${agent.email}`)).toContainText(agent.name);
  await expect(page.getByTestId(`user-row-${agent.email}`)).toContainText('موظف');

  // Editing with the password left empty keeps it; a bad phone is refused under its field.
  await page.getByTestId(`user-edit-${agent.email}`).click();
  await expect(page.getByTestId('user-form-password')).toHaveValue('');
  await page.getByTestId('user-form-phone').fill('abc');
  await page.getByTestId('user-form-submit').click();
  await expect(page.getByTestId('field-error-phone')).toBeVisible();
  await page.getByTestId('user-form-phone').fill('+966 55 123 4567');
  await page.getByTestId('user-form-submit').click();
  await expect(page.getByTestId('user-form-dialog')).toHaveCount(0);

  await page.getByTestId('signout').click();
  await expect(page.getByTestId('signin-submit')).toBeVisible();

  await signIn(page, agent.email, agent.password);
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await expect(page.getByTestId('nav-users')).toHaveCount(0);
  // Typing the address does not help: the core refuses, and the page says so.
  await page.goto(`${host.url}/#/users`);
  await expect(page.getByTestId('forbidden-page')).toBeVisible();
  await expect(page.getByTestId('users-add')).toHaveCount(0);
});

test('the app opens in Arabic right to left, switches to English left to right, and remembers it', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  const arabicFont = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  expect(arabicFont).toContain('IBM Plex Sans Arabic');

  await page.getByTestId('language-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('setup-submit')).toContainText(/[A-Za-z]/);

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
});

test('a wrong password and bad fields show readable messages next to what they concern', async ({ page, host }) => {
  await setUpFirstAdmin(page, host);
  await page.getByTestId('nav-users').click();
  await page.getByTestId('users-add').click();
  await page.getByTestId('user-form-name').fill('سعد');
  await page.getByTestId('user-form-email').fill(admin.email);
  await page.getByTestId('user-form-password').fill('short');
  await page.getByTestId('user-form-submit').click();
  await expect(page.getByTestId('field-error-password')).toContainText('8');
  await page.getByTestId('user-form-password').fill('long-enough-1');
  await page.getByTestId('user-form-submit').click();
  await expect(page.getByTestId('field-error-email')).toBeVisible();
  await expect(page.getByTestId('field-error-email')).not.toContainText('email');

  await page.keyboard.press('Escape');
  await page.getByTestId('signout').click();
  await signIn(page, admin.email, 'not-the-password');
  await expect(page.getByTestId('signin-error')).toContainText('كلمة المرور');
  await expect(page.getByTestId('app-shell')).toHaveCount(0);
});

test('an agent who is deactivated while signed in is sent back to sign-in and told why', async ({ page, host, browser }) => {
  await setUpFirstAdmin(page, host);
  await page.getByTestId('nav-users').click();
  await addUser(page, agent, 'agent');

  const agentContext = await browser.newContext();
  const agentPage = await agentContext.newPage();
  await agentPage.goto(host.url);
  await signIn(agentPage, agent.email, agent.password);
  await expect(agentPage.getByTestId('app-shell')).toBeVisible();

  await page.getByTestId(`user-toggle-active-${agent.email}`).click();
  await page.getByTestId('confirm-ok').click();

  await expect(agentPage.getByTestId('signin-submit')).toBeVisible();
  await expect(agentPage.getByTestId('session-notice')).toContainText('تعطيل');
  await signIn(agentPage, agent.email, agent.password);
  await expect(agentPage.getByTestId('signin-error')).toBeVisible();
  await agentContext.close();
});

test('a user changes their own password, which needs the current one', async ({ page, host }) => {
  await setUpFirstAdmin(page, host);
  await page.getByTestId('nav-profile').click();
  await page.getByTestId('password-old').fill('wrong-current-1');
  await page.getByTestId('password-new').fill('new-pass-2027');
  await page.getByTestId('password-confirm').fill('new-pass-2027');
  await page.getByTestId('password-submit').click();
  await expect(page.getByTestId('field-error-oldPassword')).toBeVisible();

  await page.getByTestId('password-old').fill(admin.password);
  await page.getByTestId('password-submit').click();
  await expect(page.getByTestId('password-success')).toBeVisible();
  await expect(page.getByTestId('field-error-oldPassword')).toHaveCount(0);
  await page.getByTestId('signout').click();
  await signIn(page, admin.email, 'new-pass-2027');
  await expect(page.getByTestId('app-shell')).toBeVisible();
});
