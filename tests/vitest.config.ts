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
  },
});
