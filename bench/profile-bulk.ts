// `npx tsx bench/profile-bulk.ts`: a CPU profile of the options page's bulk check in Chromium, against the bench's
// lists (HEED_BENCH_N entries of each kind), summarised by self time per function. Writes the .cpuprofile too, for
// DevTools. The bench measures; this says where the time goes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBenchBrowser } from './bench-browser';
import {
  type CpuProfile,
  cpuProfileLines,
  type HeapProfileNode,
  heapProfileLines,
} from './cpu-profile-lines';

const root = fileURLToPath(new URL('..', import.meta.url));
const N = Number(process.env.HEED_BENCH_N ?? 200_000);
const ROWS = Number(process.env.HEED_BENCH_BULK_ROWS ?? 50_000);

async function main() {
  const { context, page, call, close } = await openBenchBrowser(process.env.HEED_EXT_DIR || undefined);
  try {
    await call('reset');
    console.log(`importing ${N} MD5 and ${N} emails…`);
    await call('importMd5', N);
    await call('importEmails', N);
    // As bulk-figures.ts: the persisted index made, and its garbage left behind in the page before this one.
    await call('keepIndex');
    await page.reload();
    await page.waitForFunction(() => 'heedBench' in globalThis);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    if (process.env.HEED_PROF === 'heap') {
      // Where the garbage comes from: sampled allocations by function (self bytes).
      await cdp.send('HeapProfiler.enable');
      await cdp.send('HeapProfiler.startSampling', {
        samplingInterval: 4096,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      });
      console.log('bulk check:', await call('bulkCheck', ROWS, N));
      const { profile } = (await cdp.send('HeapProfiler.stopSampling')) as unknown as {
        profile: { head: HeapProfileNode };
      };
      for (const l of heapProfileLines(profile.head).lines) console.log(l);
      await cdp.send('Profiler.stop');
      await call('reset');
      return;
    }
    const figures = await call('bulkCheck', ROWS, N);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    console.log('bulk check:', figures);
    const file = join(root, 'bench/results', `bulk-${Date.now()}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    for (const line of cpuProfileLines(profile)) console.log(line);
    console.log(`profile: ${file}`);
    await call('reset');
  } finally {
    await close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
