// @ts-check
/**
 * Mutation testing (README "Mutation testing"): Stryker changes the code of the modules that
 * keep the product's promises one small mutant at a time and runs the tests that cover it; a
 * mutant the tests do not notice is a promise nothing checks. `npm run mutate` runs them all;
 * `npm run mutate -- --mutate <file>` one file. Add a module by adding it to this list.
 */
const promiseKeepers = [
  'src/main/outbox/outbox.ts', // order, pacing, quota, retries, crash recovery
  'src/main/outbox/send-errors.ts', // which refusals fail at once
  'src/main/ingest/ingest.ts', // inbound stored once, echoes matched
  'src/main/services/inbox/number-access.ts', // agents work only their numbers
  'src/main/search/search-index.ts', // every change is found by its new text
  'src/shared/search-text.ts', // Arabic normalisation
  'src/shared/search-forms.ts', // a word behind the article and clitics
  'src/main/services/auth/login-throttle.ts', // repeated failed sign-ins slowed, then refused
  'src/main/services/automation/runner/job-claim.ts', // automated messages: the guards, once per job
  'src/main/services/automation/runner/batch-subjects.ts', // a batch's reads: the per-contact cap counts its own sends
  'src/main/services/automation/runner/job-variables.ts', // never a literal {{price}} to a customer
  'src/main/services/automation/runner/send-outcomes.ts', // success counted once, failures marked
  'src/main/services/automation/automation-runner.ts', // due jobs sent; missed or doubled wakes change nothing
  'src/main/services/automation/armings/arming-store.ts', // one row per episode; its per-rule jobs written once, when due
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutate.config.ts', related: true },
  mutate: promiseKeepers,
  // Each mutant runs only the tests that reached its code in the first run.
  coverageAnalysis: 'perTest',
  // The machine's two cores; more only trades one slow run for two.
  concurrency: 2,
  // Tests open SQLite files and hash passwords: allow a slow machine some room before a mutant counts as a timeout.
  timeoutMS: 20_000,
  timeoutFactor: 2,
  // The first run, with coverage, runs every chosen test once; on a busy machine that takes minutes.
  dryRunTimeoutMinutes: 20,
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  clearTextReporter: { allowColor: false, reportTests: false, reportMutants: true, reportScoreTable: true },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
