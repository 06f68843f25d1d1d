import { defineConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The tests Stryker runs against each mutant (stryker.config.mjs): those that prove the
 * promises of the mutated modules, on the test clock and real SQLite. Left out: the crash and
 * demo-WhatsApp flow tests, which start child processes and simulated sessions and would make
 * every mutant cost seconds (the outbox's own tests cover its recovery paths directly).
 */
const promiseTests = [
  'src/main/outbox/*.test.ts',
  // Files sent through the outbox (its media path: read from the store, failed when gone).
  'src/main/media/media.test.ts',
  'src/main/ingest/*.test.ts',
  'src/main/search/*.test.ts',
  'src/main/services/inbox/*.test.ts',
  'src/main/services/auth/*.test.ts',
  'src/shared/search-*.test.ts',
  // Automation's engine (its SIGKILL tests stay out, as the outbox's crash tests do).
  'src/main/services/automation/runner/job-variables.test.ts',
  'src/main/services/automation/runner/automation-runner.test.ts',
  'src/main/services/automation/jobs/*.test.ts',
  'src/main/services/automation/armings/*.test.ts',
];

/**
 * Every test imports the whole core (through test-core), so `vitest related` cannot narrow the
 * set: MUTATE_TESTS (comma-separated globs) narrows it by hand for a quicker run on one module,
 * e.g. MUTATE_TESTS=src/main/outbox/outbox.test.ts npm run mutate -- --mutate src/main/outbox/outbox.ts
 */
const chosen = process.env.MUTATE_TESTS?.split(',').map((glob) => glob.trim()).filter(Boolean);

export default defineConfig({
  test: {
    ...base.test,
    include: chosen?.length ? chosen : promiseTests,
    exclude: ['src/main/outbox/crash*.test.ts'],
  },
});
