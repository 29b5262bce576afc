import { defineConfig } from 'vitest/config';

// Real-browser suite: one Chromium at a time (2 cores here), each file launches its own
// browser with the built extension from .output/chrome-mv3.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A real browser on a busy 2-core machine: waiting conditions get 10 s, not Vitest's default 1 s.
    expect: { poll: { timeout: 10_000, interval: 50 } },
    globalSetup: ['tests/e2e/support/global-setup.ts'],
  },
});
