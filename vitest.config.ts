import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: on 2 cores (.ci/run's machine) that is a
    // single worker, the suite ran one file at a time and a core stood idle (382 s there; 226 s with
    // two workers). More cores keep the default.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    setupFiles: ['__tests__/setup.ts'],
    // What a test logs (its figures beside the assertions) shows only when it fails; a passing
    // run prints the results alone. `--silent=false` shows every test's log.
    silent: 'passed-only',
  },
});
