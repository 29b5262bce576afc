// `HEED_BENCH_ONLY=import npm run bench`: only the options page's import at HEED_BENCH_N (issue 18: ten million
// entries), N plain emails and then N MD5 (HEED_BENCH_IMPORT=emails or md5 for one), each into an emptied store,
// through the path the full bench uses. Prints the time, the longest main-thread block and the page's JS heap.
// The heap is polled from outside (Runtime.getHeapUsage) so that a build of main, whose bench page knows nothing of
// this file, is measured the same way: alternate it with HEED_BENCH_EXT_DIR.
import { loadavg } from 'node:os';
import type { BrowserContext, Page } from 'playwright-core';

type Call = (name: 'reset' | 'importEmails' | 'importMd5', n?: number) => Promise<unknown>;
type Figures = {
  added: number;
  ms: number;
  maxLagMs: number;
  maxProgressGapMs: number;
  progressEvents: number;
};

const MB = 1024 * 1024;

export async function importScale(
  context: BrowserContext,
  page: Page,
  call: Call,
  n: number,
): Promise<string[]> {
  const cdp = await context.newCDPSession(page);
  const which = process.env.HEED_BENCH_IMPORT;
  const kinds = (['importEmails', 'importMd5'] as const).filter(
    (k) => !which || k === (which === 'md5' ? 'importMd5' : 'importEmails'),
  );
  const lines: string[] = [];
  for (const kind of kinds) {
    await call('reset');
    const load = loadavg().map((l) => l.toFixed(2));
    const samples: number[] = [];
    let polling = true;
    // A sample waits while the page's thread is blocked: the series thins out in a long block, it does not lie.
    const poll = (async () => {
      while (polling) {
        const h = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
        samples.push(h.usedSize);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const f = (await call(kind, n)) as Figures;
    polling = false;
    await poll;
    const peak = Math.round(Math.max(0, ...samples) / MB);
    lines.push(
      `${kind} ${n.toLocaleString('en')}: ${(f.ms / 1000).toFixed(1)} s, longest main-thread block ${f.maxLagMs} ms, ` +
        `longest progress gap ${f.maxProgressGapMs} ms (${f.progressEvents} reports), heap peak ${peak} MB ` +
        `(${samples.length} samples), load ${load.join(' ')} → ` +
        `${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}`,
    );
    console.log(lines.at(-1));
  }
  await call('reset');
  await cdp.detach();
  return lines;
}
