// `npx tsx bench/bulk-cpu.ts`: the options page's bulk check in Chromium against the bench's lists, measured in
// rows per second of wall time and per second of the page's main-thread CPU time. On a shared, loaded machine the
// wall time mostly says how busy the neighbours were; the CPU time compares two builds fairly (HEED_EXT_DIR points
// at another build's .output/chrome-mv3-bench). HEED_BENCH_BULK_REPEAT runs the check that many times.
import { openBenchBrowser } from './bench-browser';
import { bulkCpuFigures } from './bulk-figures';

const N = Number(process.env.HEED_BENCH_N ?? 200_000);
const ROWS = Number(process.env.HEED_BENCH_BULK_ROWS ?? 50_000);
const REPEAT = Number(process.env.HEED_BENCH_BULK_REPEAT ?? 1);

async function main() {
  const { context, page, call, close } = await openBenchBrowser(process.env.HEED_EXT_DIR || undefined);
  try {
    await call('reset');
    await call('importMd5', N);
    await call('importEmails', N);
    for (let i = 0; i < REPEAT; i++)
      console.log(JSON.stringify(await bulkCpuFigures(context, page, call, ROWS, N)));
    await call('reset');
  } finally {
    await close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
