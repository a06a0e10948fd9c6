import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Test files run in parallel: one more worker than cores (vitest's default is one fewer, i.e. a
 * single worker on a 2-core machine), since many tests spend their time waiting for a child
 * process (dist/ runs, the Python worker, Chromium). Timeouts are safety nets for a loaded
 * machine, never a speed requirement: no test asserts on wall-clock time.
 */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    maxWorkers: availableParallelism() + 1,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
