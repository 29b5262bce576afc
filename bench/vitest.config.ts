import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Measurements with a correctness check that are too slow for the unit suite, run in the unit tests' environment
// (WXT's fake browser, fake-indexeddb): `npm run bench:bulk-scale`.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['bench/**/*.test.ts'],
    setupFiles: ['fake-indexeddb/auto'],
    environment: 'node',
    testTimeout: 300_000,
  },
});
