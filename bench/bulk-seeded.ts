// `npx tsx bench/bulk-seeded.ts`: the bulk check's figures (as HEED_BENCH_ONLY=bulk npm run bench) against lists
// imported once into a kept Chromium profile, so that alternating two builds at 10M entries costs a bulk run each
// instead of a ten-minute import each.
//
// HEED_BENCH_PROFILE_DIR (required): the profile to keep. Seeded with HEED_BENCH_N MD5 and HEED_BENCH_N emails (and
// the persisted lookup index) the first time, or when it was seeded with another N; delete it when done.
// HEED_BENCH_EXT_DIR: the build to measure (a copy of .output/chrome-mv3-bench; default: this worktree's, built
// first). An unpacked extension's id comes from its directory, and the database belongs to that id: each build is
// copied to the same place (<profile>-ext) before the browser starts, so every build sees the same database.
// HEED_BENCH_PROF=cpu: a CPU profile of one check instead, summarised by function; =heap: where it allocates.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs } from '../tests/e2e/support/browser';
import { chromiumPath } from '../tests/e2e/support/global-setup';
import { startFixtureServer } from '../tests/e2e/support/server';
import { bulkCpuFigures } from './bulk-figures';
import {
  type CpuProfile,
  cpuProfileLines,
  type HeapProfileNode,
  heapProfileLines,
} from './cpu-profile-lines';

const root = fileURLToPath(new URL('..', import.meta.url));
const N = Number(process.env.HEED_BENCH_N ?? 1_000_000);
const ROWS = Number(process.env.HEED_BENCH_BULK_ROWS ?? Math.min(1_000_000, N));
const REPEAT = Number(process.env.HEED_BENCH_BULK_REPEAT ?? 1);

async function main() {
  const profileDir = process.env.HEED_BENCH_PROFILE_DIR;
  if (!profileDir) throw new Error('set HEED_BENCH_PROFILE_DIR to the profile directory to keep');
  let source = process.env.HEED_BENCH_EXT_DIR;
  if (!source) {
    execFileSync('npx', ['wxt', 'build', '--mode', 'bench'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    source = join(root, '.output/chrome-mv3-bench');
  }
  const extDir = `${profileDir.replace(/\/+$/, '')}-ext`;
  rmSync(extDir, { recursive: true, force: true });
  cpSync(source, extDir, { recursive: true });
  const marker = join(profileDir, 'heed-seeded-n');
  const seeded = existsSync(marker) && Number(readFileSync(marker, 'utf8')) === N;

  const server = await startFixtureServer();
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: chromiumArgs(server.port, extDir),
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const page = await context.newPage();
    // HEED_BENCH_CONSOLE=1: the page's console messages (timings added while experimenting).
    if (process.env.HEED_BENCH_CONSOLE === '1') page.on('console', (m) => console.log(`[page] ${m.text()}`));
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
    if (!seeded) {
      rmSync(marker, { force: true });
      console.log(`seeding ${N} MD5 and ${N} emails into ${profileDir}…`);
      await call('reset');
      await call('importMd5', N);
      await call('importEmails', N);
      await call('keepIndex');
      writeFileSync(marker, String(N));
    }
    if (process.env.HEED_BENCH_PROF === 'heap') {
      // Where the garbage comes from: sampled allocations by function (self bytes), as bench/profile-bulk.ts.
      await call('keepIndex');
      await page.reload();
      await page.waitForFunction(() => 'heedBench' in globalThis);
      const cdp = await context.newCDPSession(page);
      await cdp.send('HeapProfiler.enable');
      await cdp.send('HeapProfiler.startSampling', {
        samplingInterval: 4096,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      });
      console.log('bulk check:', JSON.stringify(await call('bulkCheck', ROWS, N)));
      const { profile } = (await cdp.send('HeapProfiler.stopSampling')) as unknown as {
        profile: { head: HeapProfileNode };
      };
      // The total is a steadier figure than the heap's peak, which depends on when the collector ran.
      const { total, lines } = heapProfileLines(profile.head);
      console.log(
        `allocated ${(total / 1e6).toFixed(1)} MB in all, ${Math.round(total / ROWS)} bytes per row`,
      );
      for (const l of lines) console.log(l);
      return;
    }
    if (process.env.HEED_BENCH_PROF === 'cpu') {
      // Where the main thread's time goes in one check (as bench/profile-bulk.ts, without its import).
      await call('keepIndex');
      await page.reload();
      await page.waitForFunction(() => 'heedBench' in globalThis);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
      console.log('bulk check:', JSON.stringify(await call('bulkCheck', ROWS, N)));
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
      for (const line of cpuProfileLines(profile)) console.log(line);
      return;
    }
    for (let i = 0; i < REPEAT; i++)
      console.log(JSON.stringify(await bulkCpuFigures(context, page, call, ROWS, N)));
  } finally {
    await context.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
