// `npx tsx bench/bulk-cpu.ts`: the options page's bulk check in Chromium against the bench's lists, measured in
// rows per second of wall time and per second of the page's main-thread CPU time. On a shared, loaded machine the
// wall time mostly says how busy the neighbours were; the CPU time compares two builds fairly (HEED_EXT_DIR points
// at another build's .output/chrome-mv3-bench).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs } from '../tests/e2e/support/browser';
import { chromiumPath } from '../tests/e2e/support/global-setup';
import { startFixtureServer } from '../tests/e2e/support/server';

const root = fileURLToPath(new URL('..', import.meta.url));
const N = Number(process.env.HEED_BENCH_N ?? 200_000);
const ROWS = Number(process.env.HEED_BENCH_BULK_ROWS ?? 50_000);

async function main() {
  if (!process.env.HEED_NO_BUILD)
    execFileSync('npx', ['wxt', 'build', '--mode', 'bench'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  const extDir = process.env.HEED_EXT_DIR ?? join(root, '.output/chrome-mv3-bench');
  const server = await startFixtureServer();
  const profileDir = mkdtempSync(join(tmpdir(), 'heed-cpu-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: chromiumArgs(server.port, extDir),
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/bench.html`);
    await page.waitForFunction(() => 'heedBench' in globalThis);
    const call = (name: string, ...args: unknown[]) =>
      page.evaluate(
        ([n, a]) =>
          (globalThis as unknown as { heedBench: Record<string, (...x: unknown[]) => unknown> }).heedBench[
            n
          ]!(...a),
        [name, args] as const,
      );
    await call('reset');
    await call('importMd5', N);
    await call('importEmails', N);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const cpu = async () => {
      const { metrics } = (await cdp.send('Performance.getMetrics')) as {
        metrics: { name: string; value: number }[];
      };
      return metrics.find((m) => m.name === 'ThreadTime')?.value ?? Number.NaN;
    };
    const before = await cpu();
    const figures = (await call('bulkCheck', ROWS, N)) as {
      ms: number;
      perSecond: number;
      heapGrowthBytes: number;
    };
    const seconds = (await cpu()) - before;
    console.log(
      JSON.stringify({
        rows: ROWS,
        wallMs: figures.ms,
        rowsPerWallSecond: figures.perSecond,
        mainThreadCpuSeconds: Math.round(seconds * 100) / 100,
        rowsPerCpuSecond: Math.round(ROWS / seconds),
        heapGrowthMB: Math.round(figures.heapGrowthBytes / 1e5) / 10,
      }),
    );
    await call('reset');
  } finally {
    await context.close();
    await server.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
