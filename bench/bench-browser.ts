// Chromium with the bench build of the extension loaded and its benchmark page open: what bench/bulk-cpu.ts and
// bench/profile-bulk.ts share (bench/run.ts keeps its own, typed against every bench call).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { chromiumArgs } from '../tests/e2e/support/browser';
import { chromiumPath } from '../tests/e2e/support/global-setup';
import { startFixtureServer } from '../tests/e2e/support/server';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface BenchBrowser {
  context: BrowserContext;
  page: Page;
  /** Calls `heedBench[name](...args)` on the benchmark page. */
  call(name: string, ...args: unknown[]): Promise<unknown>;
  close(): Promise<void>;
}

/** Builds the bench build unless HEED_NO_BUILD is set; `extDir` points at another build to compare. */
export async function openBenchBrowser(
  extDir = join(root, '.output/chrome-mv3-bench'),
): Promise<BenchBrowser> {
  if (!process.env.HEED_NO_BUILD)
    execFileSync('npx', ['wxt', 'build', '--mode', 'bench'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  const server = await startFixtureServer();
  const profileDir = mkdtempSync(join(tmpdir(), 'heed-bench-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: chromiumArgs(server.port, extDir),
  });
  const close = async () => {
    await context.close();
    await server.close();
    rmSync(profileDir, { recursive: true, force: true });
  };
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const page = await context.newPage();
    await page.goto(`chrome-extension://${new URL(worker.url()).host}/bench.html`);
    await page.waitForFunction(() => 'heedBench' in globalThis);
    const call = (name: string, ...args: unknown[]) =>
      page.evaluate(
        ([n, a]) =>
          (globalThis as unknown as { heedBench: Record<string, (...x: unknown[]) => unknown> }).heedBench[
            n
          ]!(...a),
        [name, args] as const,
      );
    return { context, page, call, close };
  } catch (e) {
    await close();
    throw e;
  }
}
