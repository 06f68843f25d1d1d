/**
 * The app's core in a process of its own, for the webhook crash test: on the core's clock fixed
 * at `start`, it signs the admin in and adds customers, each a `contact.created` event queued
 * for the office's CRM endpoint, then stays up with POSTs in flight until the test kills it
 * with SIGKILL.
 */
import { createCore } from '../../core/create-core';
import { silentLogger } from '../../base/logger';
import { manualClock } from '../../testing/test-core';
import { defaultWebhookRetryPolicy } from './webhook-retry';

export interface WebhookCrashChildConfig {
  dataDir: string;
  migrationsDir: string;
  email: string;
  password: string;
  contacts: number;
  start: number;
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '{}') as WebhookCrashChildConfig;
  const core = createCore({
    dataDir: config.dataDir,
    migrationsDir: config.migrationsDir,
    logger: silentLogger,
    clock: manualClock(config.start),
    // The receiver holds some POSTs open: they must still be in flight when the kill lands.
    webhookRetryPolicy: { ...defaultWebhookRetryPolicy, requestTimeoutMs: 10 * 60_000 },
  });
  const signIn = await core.router.call('auth.signIn', { email: config.email, password: config.password }, { clientKey: 'crash' });
  if (!signIn.result.success) throw new Error('sign-in failed');
  const token = (signIn.result.data as { token: string }).token;
  for (let i = 1; i <= config.contacts; i++) {
    const created = await core.router.call('contacts.create', { name: `عميل ${i}`, phone: `+96650200${String(i).padStart(4, '0')}` }, { clientKey: 'crash', token });
    if (!created.result.success) throw new Error(`contact ${i} failed: ${JSON.stringify(created.result.error)}`);
  }
  process.stdout.write('queued\n');
  // Nothing else keeps the process up once the held POSTs are all that is left: wait for the kill.
  setInterval(() => undefined, 60_000);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
