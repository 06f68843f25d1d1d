import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../src/main/core/create-core';
import type { InboundMessage } from '../src/main/whatsapp/transport';
import { heading, line, target, thousands } from './report';

/**
 * Issue 20: a backup of the big database while messages stream in (a catch-up: a few messages
 * per turn of the event loop), its time, and the longest pause of the event loop meanwhile,
 * beside the longest pause with the same stream and no backup; then a restore of that backup
 * (checks, the safety backup of the current data, the swap and the restart), timed.
 */
export async function benchBackup(core: Core, cacheDir: string): Promise<void> {
  heading('Backup and restore (issue 20)');
  const folder = path.join(cacheDir, 'backups');
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  await core.backups.updateSettings({ folder, dailyEnabled: false, passphrase: null });
  const numberId = (core.database.sqlite.prepare('select id from whatsapp_numbers order by id limit 1').get() as { id: number }).id;

  const stream = startStream(core, numberId);
  const idle = await pausesFor(() => new Promise((resolve) => setTimeout(resolve, 3_000)));
  line('longest event-loop pause, ingest alone (3 s)', `${idle.worst.toFixed(1)} ms`);
  const ingestedBefore = stream.ingested();
  const started = performance.now();
  let backupId = '';
  const during = await pausesFor(async () => {
    backupId = (await core.backups.backUpNow('manual')).id;
  });
  const seconds = (performance.now() - started) / 1000;
  const bytes = fs.statSync(path.join(folder, backupId, 'meras.db')).size;
  await stream.stop();
  line('backup of the database', `${seconds.toFixed(1)} s, ${(bytes / 2 ** 20).toFixed(0)} MiB (${(bytes / 2 ** 20 / seconds).toFixed(0)} MiB/s), checked with quick_check`);
  line('messages ingested while it ran', thousands(stream.ingested() - ingestedBefore));
  target('longest event-loop pause during the backup', `${during.worst.toFixed(1)} ms`, during.worst < 20, '< 20 ms');
  const copy = core.backups.lastCopy;
  if (copy) line('the snapshot in the worker', `${(copy.copyMs / 1000).toFixed(1)} s`);

  const restoreStarted = performance.now();
  await core.backups.restore({ id: backupId });
  const restoreSeconds = (performance.now() - restoreStarted) / 1000;
  line('restore (sha256, integrity_check, a backup of the current data, swap, migrate, restart)', `${restoreSeconds.toFixed(1)} s`);
  fs.rmSync(folder, { recursive: true, force: true });
}

/** A steady stream of customer messages, five per turn of the event loop. */
function startStream(core: Core, numberId: number) {
  let running = true;
  let count = 0;
  const ingest = core.whatsapp.ingest;
  const base = Date.now();
  const message = (i: number): InboundMessage => {
    const phone = `9665${String(70_000_000 + (i % 5_000)).padStart(8, '0')}`;
    return {
      providerId: `false_${phone}@c.us_BENCHBK${base}_${i}`,
      chatId: `${phone}@c.us`,
      fromMe: false,
      chatKind: 'user',
      customerPhone: phone,
      customerLid: null,
      profileName: `عميل ${i % 5_000}`,
      body: `رسالة ${i}: هل ما زالت الشقة في حي الملقا متاحة للإيجار؟`,
      type: 'chat',
      hasMedia: false,
      timestamp: base + i,
    };
  };
  const done = (async () => {
    while (running) {
      for (let k = 0; k < 5; k++) ingest.ingest(numberId, message(count++));
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  return {
    ingested: () => count,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

/** The longest time the event loop did not come back to a 1 ms timer while `work` ran. */
async function pausesFor(work: () => Promise<unknown>): Promise<{ worst: number }> {
  let worst = 0;
  let last = performance.now();
  let probing = true;
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 1);
    last = now;
    if (probing) timer = setTimeout(tick, 1);
  };
  timer = setTimeout(tick, 1);
  try {
    await work();
  } finally {
    probing = false;
    clearTimeout(timer);
  }
  return { worst };
}
