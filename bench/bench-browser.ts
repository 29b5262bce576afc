// Chromium with the bench build of the extension loaded and its benchmark page open: what bench/bulk-cpu.ts and
// bench/profile-bulk.ts share (bench/run.ts keeps its own, typed against every bench call); and a tab with Heed's
// content script reachable, which the page and service-worker benches share.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';
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

/** A tab whose Heed content script can be reached: `Runtime.evaluate` with `contextId` runs in its world. */
export interface HeedTab {
  page: Page;
  cdp: CDPSession;
  /** Navigates and waits until Heed's content script has started there; the id of its execution context. */
  goto(url: string, options?: { waitUntil?: 'load' | 'commit'; timeoutMs?: number }): Promise<number>;
  /** Detaches; closes the page too when it was opened here. */
  close(): Promise<void>;
}

/** Watches `page` (a new one if none) for the execution context Heed's content scripts run in ('Heed'). */
export async function heedTab(context: BrowserContext, existing?: Page): Promise<HeedTab> {
  const page = existing ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  let contextId: number | undefined;
  cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; name: string } }) => {
    if (e.context.name === 'Heed') contextId = e.context.id;
  });
  await cdp.send('Runtime.enable');
  return {
    page,
    cdp,
    async goto(url, { waitUntil = 'load', timeoutMs = 10_000 } = {}) {
      contextId = undefined;
      await page.goto(url, { waitUntil });
      const deadline = Date.now() + timeoutMs;
      while (contextId === undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
      if (contextId === undefined) throw new Error(`Heed's content script did not start on ${url}`);
      return contextId;
    },
    async close() {
      await cdp.detach();
      if (!existing) await page.close();
    },
  };
}

/** Runs `run` under Chromium's trace of `categories`; its result and the trace as the browser wrote it (JSON). */
export async function traced<T>(
  context: BrowserContext,
  page: Page,
  categories: readonly string[],
  run: () => Promise<T>,
): Promise<{ value: T; text: string }> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: [...categories], recordMode: 'recordContinuously' },
  });
  const value = await run();
  const done = new Promise<string>((resolve) =>
    cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream as string)),
  );
  await cdp.send('Tracing.end');
  const stream = await done;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  return { value, text };
}
