import { defineConfig } from 'vitest/config';

// The Firefox suite: Firefox ESR driven over WebDriver BiDi (puppeteer-core), the built MV2 extension from
// .output/firefox-mv2 installed as a temporary add-on, the same hermetic fixture server as the Chromium suite.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/firefox/**/*.firefox.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ['tests/firefox/global-setup.ts'],
  },
});
