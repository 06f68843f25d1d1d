/**
 * The app's core in a process of its own, for the AI crash test: it starts on a data folder whose
 * conversation has a due quiet-time wait, asks the provider, and stops dead (a blocked event
 * loop, as a process frozen by the kernel) at the point the test names, so the SIGKILL lands
 * exactly there: after the provider answered but before the decision committed, or just after.
 */
import { createCore } from '../../../core/create-core';
import { silentLogger } from '../../../base/logger';

interface ChildConfig {
  dataDir: string;
  migrationsDir: string;
  pauseAt: 'answered' | 'committed';
}

/** Blocks this thread for good: nothing after this line runs, not even a pending timer or write. */
function freeze(): never {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  throw new Error('unreachable');
}

function main(): void {
  const config = JSON.parse(process.argv[2] ?? '{}') as ChildConfig;
  const core = createCore({ dataDir: config.dataDir, migrationsDir: config.migrationsDir, logger: silentLogger });
  // stdout to a pipe is synchronous on Linux: the line is out before the thread freezes.
  core.services.ai.runner.probes[config.pauseAt] = () => {
    process.stdout.write(`${config.pauseAt}\n`);
    freeze();
  };
}

main();
