/**
 * The app's core in a process of its own, for the automation crash test: once its demo number is
 * connected it arms one due welcome job, and the runner stops dead (a blocked event loop, as a
 * process frozen by the kernel) at the point the test names, so the SIGKILL lands exactly there:
 * inside the claim transaction, or after its commit but before the outbox hands the message to
 * WhatsApp.
 */
import { createCore } from '../../../core/create-core';
import { silentLogger } from '../../../base/logger';
import { fastCatchUpPolicy, fastDemoTimings, fastOutboxPolicy, fastSessionPolicy } from '../../../testing/test-core';
import { createDemoClientFactory } from '../../../whatsapp/demo/demo-client-factory';
import { DemoWorld } from '../../../whatsapp/demo/demo-world';

interface ChildConfig {
  dataDir: string;
  migrationsDir: string;
  journalFile: string;
  conversationId: number;
  pauseAt: 'claim' | 'commit';
}

/** Blocks this thread for good: nothing after this line runs, not even a pending timer or write. */
function freeze(): never {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  throw new Error('unreachable');
}

function main(): void {
  const config = JSON.parse(process.argv[2] ?? '{}') as ChildConfig;
  const world = new DemoWorld({ journalFile: config.journalFile, pollJournalMs: 5 });
  const factory = createDemoClientFactory({ world, customers: false, timings: fastDemoTimings });
  const core = createCore({
    dataDir: config.dataDir,
    migrationsDir: config.migrationsDir,
    logger: silentLogger,
    whatsapp: { factory, demo: factory, sessionPolicy: fastSessionPolicy, outboxPolicy: fastOutboxPolicy, catchUpPolicy: fastCatchUpPolicy, restoreSessions: true },
  });
  const { automation } = core.services;
  // stdout to a pipe is synchronous on Linux: the line is out before the thread freezes.
  if (config.pauseAt === 'claim') {
    automation.runner.probes.claimed = () => {
      process.stdout.write('claimed\n');
      freeze();
    };
  } else {
    automation.runner.probes.committed = (ids) => {
      if (ids.length === 0) return;
      process.stdout.write('committed\n');
      freeze();
    };
  }
  let armed = false;
  core.bus.subscribe(({ event, data }) => {
    if (event !== 'number.status' || armed) return;
    if ((data as { number: { connection: { state: string } } }).number.connection.state !== 'CONNECTED') return;
    armed = true;
    const sqlite = core.database.sqlite;
    const conversation = sqlite.prepare<[number], { contact_id: number; whatsapp_number_id: number }>('select contact_id, whatsapp_number_id from conversations where id = ?').get(config.conversationId)!;
    const templateId = Number(sqlite.prepare("insert into message_templates (name, content, variables, created_at, updated_at) values ('ترحيب', 'مرحباً {{customer_name}}', '[\"customer_name\"]', 0, 0)").run().lastInsertRowid);
    const ruleId = Number(
      sqlite.prepare("insert into automation_rules (name, trigger, delay_minutes, template_id, created_at, updated_at) values ('ترحيب', 'new_inquiry', 0, ?, 0, 0)").run(templateId).lastInsertRowid,
    );
    automation.store.arm({
      ruleId,
      ruleName: 'ترحيب',
      trigger: 'new_inquiry',
      whatsappNumberId: conversation.whatsapp_number_id,
      conversationId: config.conversationId,
      contactId: conversation.contact_id,
      key: `${ruleId}:new_inquiry:c${config.conversationId}:crash`,
      dueAt: core.clock.now(),
    });
    process.stdout.write('armed\n');
  });
}

main();
