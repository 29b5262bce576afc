// The bulk check's figures with the CPU time they cost: shared by `npx tsx bench/bulk-cpu.ts` and
// `HEED_BENCH_ONLY=bulk npm run bench`. On this shared 2-core machine the wall time mostly says how busy the
// neighbours were; the page's main-thread CPU time (Chromium's ThreadTime) compares two builds fairly.
import type { BrowserContext, Page } from 'playwright-core';

export interface BulkCpuFigures {
  rows: number;
  wallMs: number;
  rowsPerWallSecond: number;
  mainThreadCpuSeconds: number;
  rowsPerCpuSecond: number;
  heapGrowthMB: number;
  heapPeakGrowthMB: number;
  maxLagMs: number;
}

/** Runs the bench page's bulkCheck(rows, listedUpTo) once, with the main thread's CPU time around it. */
export async function bulkCpuFigures(
  context: BrowserContext,
  page: Page,
  call: (name: 'bulkCheck' | 'keepIndex', ...args: number[]) => Promise<unknown>,
  rows: number,
  listedUpTo: number,
): Promise<BulkCpuFigures> {
  // The persisted index the check loads, made in this page and then left behind with its garbage (at 10M entries
  // building it reads every bucket: a gigabyte the collector would otherwise clear during the check).
  await call('keepIndex');
  await page.reload();
  await page.waitForFunction(() => 'heedBench' in globalThis);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const cpu = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as {
      metrics: { name: string; value: number }[];
    };
    return metrics.find((m) => m.name === 'ThreadTime')?.value ?? Number.NaN;
  };
  const before = await cpu();
  const f = (await call('bulkCheck', rows, listedUpTo)) as {
    ms: number;
    perSecond: number;
    heapGrowthBytes: number;
    heapPeakGrowthBytes: number;
    maxLagMs: number;
  };
  const seconds = (await cpu()) - before;
  await cdp.detach();
  return {
    rows,
    wallMs: f.ms,
    rowsPerWallSecond: f.perSecond,
    mainThreadCpuSeconds: Math.round(seconds * 100) / 100,
    rowsPerCpuSecond: Math.round(rows / seconds),
    heapGrowthMB: Math.round(f.heapGrowthBytes / 1e5) / 10,
    heapPeakGrowthMB: Math.round(f.heapPeakGrowthBytes / 1e5) / 10,
    maxLagMs: f.maxLagMs,
  };
}
