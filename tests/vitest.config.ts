import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    setupFiles: [
      'fake-indexeddb/auto',
      'tests/unit/fast-check-setup.ts',
      'tests/unit/english-locales-setup.ts',
    ],
    environment: 'node',
    testTimeout: 60_000,
    // Vitest's default leaves a core for its main process: one worker on these 2-core machines. The main process
    // is idle while files run, and two workers took the suite from ~140 s to ~92 s here (npm test must stay < 8 min).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
