import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    setupFiles: ['__tests__/setup.ts'],
    // What a test logs (its figures beside the assertions) shows only when it fails; a passing
    // run prints the results alone. `--silent=false` shows every test's log.
    silent: 'passed-only',
  },
});
