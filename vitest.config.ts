import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // Each test file opens its own SQLite files in a temp folder; scrypt hashing is deliberately slow.
    testTimeout: 20_000,
    pool: 'forks',
  },
});
