/**
 * The app's core in a process of its own, for the dashboard crash test: it takes in the customer
 * messages it is given (their counts staged, not flushed), says so, and stops dead (a blocked
 * event loop, as a process frozen by the kernel), so the SIGKILL lands before any flush.
 */
import { createCore } from '../../core/create-core';
import { silentLogger } from '../../base/logger';

interface ChildConfig {
  dataDir: string;
  migrationsDir: string;
  numberId: number;
  phones: string[];
  at: number;
}

function freeze(): never {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  throw new Error('unreachable');
}

const config = JSON.parse(process.argv[2] ?? '{}') as ChildConfig;
const core = createCore({ dataDir: config.dataDir, migrationsDir: config.migrationsDir, logger: silentLogger });
config.phones.forEach((phone, i) => {
  core.whatsapp.ingest.ingest(config.numberId, {
    providerId: `false_${phone}@c.us_crash${i}`,
    chatId: `${phone}@c.us`,
    fromMe: false,
    chatKind: 'user',
    customerPhone: phone,
    customerLid: null,
    profileName: null,
    body: `رسالة ${i}`,
    type: 'chat',
    hasMedia: false,
    timestamp: config.at + i,
  });
});
// stdout to a pipe is synchronous on Linux: the line is out before the thread freezes.
process.stdout.write('staged\n');
freeze();
