import { expect, setUpFirstAdmin, signIn, test } from './fixtures';
import { shot, demoAgent } from './steps';

test.use({ demo: true });

test('an admin turns on start at login, sets an https update server and the app’s own Chromium; an http address is refused under its field, and a reload shows what was saved', async ({ page, host }) => {
  await setUpFirstAdmin(page, host);
  await page.getByTestId('nav-desktop').click();
  await expect(page.getByTestId('desktop-page')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

  // The defaults: off, the installer's server, the system browser.
  await expect(page.getByTestId('desktop-start-at-login')).not.toBeChecked();
  await expect(page.getByTestId('desktop-update-url')).toHaveValue('');
  await expect(page.getByTestId('desktop-browser-system-browser')).toBeChecked();
  await expect(page.getByText('يُطبَّق عند التشغيل التالي للتطبيق')).toBeVisible();
  await expect(page.getByText('يُعاد ربط كل رقم بمسح رمز QR')).toBeVisible();

  await page.getByTestId('desktop-start-at-login').check();
  await page.getByTestId('desktop-update-url').fill('https://updates.office.test/meras');
  await page.getByTestId('desktop-browser-electron-window').check();
  await page.getByTestId('desktop-settings-save').click();
  await expect(page.getByTestId('desktop-settings-saved')).toBeVisible();

  // Not https: refused under the field, nothing sent.
  await page.getByTestId('desktop-update-url').fill('http://updates.office.test/meras');
  await page.getByTestId('desktop-start-at-login').uncheck();
  await page.getByTestId('desktop-settings-save').click();
  await expect(page.getByTestId('desktop-settings-saved')).toHaveCount(0);
  await expect(page.getByTestId('field-error-updateUrl')).toHaveText('أدخل عنوانًا يبدأ بـ \u2066https://\u2069');
  await shot(page, 'desktop-settings-refused');

  await page.reload();
  await expect(page.getByTestId('desktop-page')).toBeVisible();
  await expect(page.getByTestId('desktop-start-at-login')).toBeChecked();
  await expect(page.getByTestId('desktop-update-url')).toHaveValue('https://updates.office.test/meras');
  await expect(page.getByTestId('desktop-browser-electron-window')).toBeChecked();
  await shot(page, 'desktop-settings');

  // The activity log says what changed, old → new.
  await page.getByTestId('nav-activity').click();
  await expect(page.getByText('https://updates.office.test/meras').first()).toBeVisible();
});

test('an agent has no desktop app settings in the menu and is refused the page', async ({ page, host, browser }) => {
  await setUpFirstAdmin(page, host);
  const agentContext = await browser.newContext();
  page = await agentContext.newPage();
  await page.goto(host.url);
  await signIn(page, demoAgent.email, demoAgent.password);
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await expect(page.getByTestId('nav-desktop')).toHaveCount(0);
  await page.goto(`${host.url}/#/desktop`);
  await expect(page.getByTestId('forbidden-page')).toBeVisible();
  await agentContext.close();
});
