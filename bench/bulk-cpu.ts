// `npx tsx bench/bulk-cpu.ts`: the options page's bulk check in Chromium against the bench's lists, measured in
// rows per second of wall time and per second of the page's main-thread CPU time. On a shared, loaded machine the
// wall time mostly says how busy the neighbours were; the CPU time compares two builds fairly (HEED_EXT_DIR points
// at another build's .output/chrome-mv3-bench).
import { openBenchBrowser } from './bench-browser';

const N = Number(process.env.HEED_BENCH_N ?? 200_000);
const ROWS = Number(process.env.HEED_BENCH_BULK_ROWS ?? 50_000);

async function main() {
  const { context, page, call, close } = await openBenchBrowser(process.env.HEED_EXT_DIR || undefined);
  try {
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
    await close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
