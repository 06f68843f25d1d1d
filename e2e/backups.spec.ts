import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addUser, admin, expect, setUpFirstAdmin, test } from './fixtures';

const passphrase = 'office-backup-2026';
const newcomer = { name: 'سارة الدوسري', email: 'sara@office.test', password: 'sara-pass-2026' };

test('an admin backs up with a passphrase, changes something, restores, and sees the earlier data', async ({ page, host }) => {
  test.setTimeout(180_000);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'meras-e2e-backups-'));
  await setUpFirstAdmin(page, host);

  await page.getByTestId('nav-backups').click();
  await expect(page.getByTestId('backups-page')).toBeVisible();
  await expect(page.getByTestId('backup-no-folder')).toBeVisible();
  await expect(page.getByTestId('backup-now')).toBeDisabled();

  // A folder that is not there is refused, in Arabic, under the field.
  await page.getByTestId('backup-folder').fill(path.join(folder, 'no-such-disk'));
  await page.getByTestId('backup-settings-save').click();
  await expect(page.getByTestId('field-error-folder')).toHaveText('هذا المجلد غير موجود (هل القرص موصول؟).');
  await page.getByTestId('backup-folder').fill(folder);
  await page.getByTestId('backup-daily-time').fill('02:30');
  await page.getByTestId('backup-settings-save').click();
  await expect(page.getByTestId('backup-settings-saved')).toBeVisible();
  await expect(page.getByTestId('backup-next-run')).toContainText('2:30');

  await page.getByTestId('backup-passphrase').fill(passphrase);
  await page.getByTestId('backup-passphrase-save').click();
  await expect(page.getByTestId('backup-encryption-state')).toHaveText('النسخ مشفّرة بعبارة مرور.');

  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backup-progress')).toBeVisible();
  const row = page.getByTestId('backup-row');
  // scrypt (age's work factor 18) and the encryption run in a worker: seconds on a busy machine.
  await expect(row).toHaveCount(1, { timeout: 60_000 });
  await expect(row).toHaveAttribute('data-result', 'ok');
  await expect(row).toContainText('مشفّرة');
  await expect(row).toContainText('يدوية');
  await page.screenshot({ path: test.info().outputPath('backups-page.png'), fullPage: true });

  // Something changes after the backup: a new colleague.
  await page.getByTestId('nav-users').click();
  await addUser(page, newcomer, 'agent');

  await page.getByTestId('nav-backups').click();
  await page.getByTestId('backup-row').getByTestId('backup-restore').click();
  const dialog = page.getByTestId('restore-dialog');
  await expect(dialog.getByTestId('restore-whatsapp-note')).toContainText('رمز QR');
  // A wrong passphrase changes nothing and says so.
  await dialog.getByTestId('restore-passphrase').fill('not-the-passphrase');
  await dialog.getByTestId('restore-submit').click();
  await expect(dialog.getByTestId('restore-error')).toHaveText('عبارة المرور لا تفتح هذه النسخة. لم يتغير شيء.', { timeout: 60_000 });
  await page.screenshot({ path: test.info().outputPath('restore-dialog.png') });

  await dialog.getByTestId('restore-passphrase').fill(passphrase);
  await dialog.getByTestId('restore-submit').click();
  await expect(dialog.getByTestId('backup-progress')).toBeVisible();
  // The app starts over on the restored database.
  await expect(page.getByTestId('backup-restored')).toBeVisible({ timeout: 60_000 });
  // The current data was kept as a backup of its own before the restore.
  await expect(page.getByTestId('backup-row')).toHaveCount(2);
  await expect(page.getByTestId('backup-row').first()).toContainText('قبل الاستعادة');

  await page.getByTestId('nav-users').click();
  await expect(page.getByTestId(`user-row-${admin.email}`)).toBeVisible();
  await expect(page.getByTestId(`user-row-${newcomer.email}`)).toHaveCount(0);
  fs.rmSync(folder, { recursive: true, force: true });
});
