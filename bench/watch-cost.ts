// The steady-state main-thread cost of Heed's page watchers (lib/content/watch.ts and the work each change wakes)
// on a page that never stops mutating, like LinkedIn's feed: posts added and dropped, reaction counts and
// timestamps rewritten, classes toggled, many times a second. The same page is measured at a LinkedIn address
// (every LinkedIn content script runs there: badge, row markers, replies, send check) and at a host Heed does not
// touch, in the same browser, rounds interleaved; Heed's cost is the difference in main-thread busy time per second
// of page activity. A CPU profile of the LinkedIn rounds also reports the time spent in Heed's own scripts.
//
// `npx tsx bench/watch-cost.ts` (uses the built extension in .output/chrome-mv3; run `npx wxt build` first), or
// part of `npm run bench`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { chromiumArgs, EXTENSION_DIR } from '../tests/e2e/support/browser';
import { chromiumPath } from '../tests/e2e/support/global-setup';
import { startFixtureServer } from '../tests/e2e/support/server';
import { fixturePage, servePage } from '../tests/e2e/support/sites';

/** The target (issue 16, item 8). */
export const WATCH_COST_TARGET_MS_PER_S = 2;

const ROUNDS = Number(process.env.HEED_BENCH_WATCH_ROUNDS ?? 5);
const ROUND_MS = 4000;
const WARM_UP_MS = 3000;
const WITH_HEED = 'https://www.linkedin.com/in/jane-doe-1a2b3c/?bench=busy';
const WITHOUT = 'https://acme.example/bench/busy';

/**
 * Jane's profile (a badge is shown, so every change re-reads a page with a person on it) with a feed below it
 * that changes 20 times a second: a post of a dozen nodes added, the oldest beyond 40 removed, five reaction
 * counts and a timestamp rewritten, a class toggled. `__busy(true|false)` starts and stops it.
 */
function busyPage(): string {
  const script = `
    (() => {
      let timer = 0, n = 0;
      const feed = document.createElement('section');
      feed.className = 'scaffold-finite-scroll feed';
      document.body.append(feed);
      const post = (i) => {
        const d = document.createElement('div');
        d.className = 'feed-shared-update-v2';
        d.innerHTML = '<div class="actor"><a href="/in/someone-' + i + '/"><span>Someone ' + i + '</span></a>' +
          '<span class="time">' + (i % 59) + 'm</span></div><p class="text">Post ' + i + ': quarterly numbers are in, ' +
          'thanks to the whole team.</p><ul class="social"><li><span class="count">' + i + '</span> reactions</li>' +
          '<li><span class="count">' + (i % 7) + '</span> comments</li></ul>';
        return d;
      };
      for (; n < 40; n++) feed.append(post(n));
      const tick = () => {
        feed.append(post(n++));
        feed.firstElementChild.remove();
        const counts = feed.querySelectorAll('.count');
        for (let k = 0; k < 5; k++) counts[(n * 7 + k * 13) % counts.length].textContent = String(n + k);
        feed.lastElementChild.querySelector('.time').textContent = 'now';
        feed.children[n % 40].classList.toggle('is-visible');
      };
      window.__busy = (on) => { clearInterval(timer); if (on) timer = setInterval(tick, 50); };
    })();`;
  return fixturePage('linkedin-profile-jane.html').replace('</body>', `<script>${script}</script></body>`);
}

interface Round {
  /** Main-thread task time per second of page activity (ms/s). */
  busy: number;
  /** Time in Heed's scripts per second, from a CPU profile (ms/s); 0 where Heed does not run. */
  heed: number;
  /** The same by content script. */
  byScript?: Record<string, number>;
}

type ProfileNode = { id: number; callFrame: { url: string }; children?: number[] };

/** Milliseconds of the profile's samples whose stack holds a frame of the extension's scripts. */
function extensionTime(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }): {
  total: number;
  byScript: Record<string, number>;
} {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  // The outermost extension script on each node's stack: the content script whose work it is.
  const scriptOf = new Map<number, string>();
  const mark = (id: number, script: string | undefined) => {
    const node = byId.get(id);
    if (!node) return;
    const url = node.callFrame.url;
    const here = script ?? (url.startsWith('chrome-extension://') ? url.replace(/^.*\//, '') : undefined);
    if (here) scriptOf.set(id, here);
    for (const c of node.children ?? []) mark(c, here);
  };
  const [root] = profile.nodes;
  if (root) mark(root.id, undefined);
  const byScript: Record<string, number> = {};
  let total = 0;
  profile.samples.forEach((id, i) => {
    const script = scriptOf.get(id);
    if (!script) return;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    byScript[script] = (byScript[script] ?? 0) + ms;
    total += ms;
  });
  return { total, byScript };
}

async function measure(page: Page, profile: boolean): Promise<Round> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    }
    await page.evaluate(() => (window as unknown as { __busy(on: boolean): void }).__busy(true));
    // Warm-up: the watchers' burst allowance (lib/content/watch.ts, BURST_MS) is spent first; the steady state of
    // a page that never stops changing is what is measured.
    await page.waitForTimeout(WARM_UP_MS);
    const metric = async () => {
      const { metrics } = (await cdp.send('Performance.getMetrics')) as {
        metrics: { name: string; value: number }[];
      };
      return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
    };
    if (profile) await cdp.send('Profiler.start');
    const t0 = Date.now();
    const before = await metric();
    await page.waitForTimeout(ROUND_MS);
    const after = await metric();
    const seconds = (Date.now() - t0) / 1000;
    let heed = 0;
    let byScript: Record<string, number> | undefined;
    if (profile) {
      const { profile: p } = (await cdp.send('Profiler.stop')) as {
        profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
      };
      const t = extensionTime(p);
      heed = t.total / seconds;
      byScript = Object.fromEntries(Object.entries(t.byScript).map(([k, v]) => [k, r2(v / seconds)]));
    }
    await page.evaluate(() => (window as unknown as { __busy(on: boolean): void }).__busy(false));
    return { busy: (after - before) / seconds, heed, ...(byScript ? { byScript } : {}) };
  } finally {
    await cdp.detach();
  }
}

export interface WatchCost {
  /** Median main-thread ms per second of page activity, without Heed (the same page on a host Heed skips). */
  withoutMsPerS: number;
  /** The same at the LinkedIn address, every LinkedIn content script running. */
  withMsPerS: number;
  /** withMsPerS − withoutMsPerS: Heed's cost. */
  costMsPerS: number;
  /** Median time in Heed's own scripts per second (CPU profile): less noisy than the difference. */
  heedScriptMsPerS: number;
  /** Of that, the scripts that watch with watchPage (badge, row markers, replies): what the target is about. */
  watchPageMsPerS: number;
  /** Of that, the send check (lib/compose/run.ts has its own observer, not watchPage). */
  sendCheckMsPerS: number;
  rounds: { with: Round[]; without: Round[] };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};
const r2 = (x: number) => Math.round(x * 100) / 100;
const share = (r: Round, which: (file: string) => boolean) =>
  Object.entries(r.byScript ?? {})
    .filter(([f]) => which(f))
    .reduce((a, [, ms]) => a + ms, 0);

/** Measures in `context` (a browser with Heed loaded, serving the fixture hosts). */
export async function watchCost(context: BrowserContext): Promise<WatchCost> {
  const html = busyPage();
  servePage(WITH_HEED, html);
  servePage(WITHOUT, html);
  const withPage = await context.newPage();
  await withPage.goto(WITH_HEED);
  // The badge is drawn before measuring (Heed has read the page and had its answer).
  await withPage.waitForFunction(() => document.querySelector('h1 > span') !== null);
  const withoutPage = await context.newPage();
  await withoutPage.goto(WITHOUT);
  const rounds = { with: [] as Round[], without: [] as Round[] };
  for (let i = 0; i < ROUNDS; i++) {
    await withPage.bringToFront();
    rounds.with.push(await measure(withPage, true));
    await withoutPage.bringToFront();
    rounds.without.push(await measure(withoutPage, false));
  }
  await withPage.close();
  await withoutPage.close();
  const withMsPerS = median(rounds.with.map((r) => r.busy));
  const withoutMsPerS = median(rounds.without.map((r) => r.busy));
  return {
    withoutMsPerS: r2(withoutMsPerS),
    withMsPerS: r2(withMsPerS),
    costMsPerS: r2(withMsPerS - withoutMsPerS),
    heedScriptMsPerS: r2(median(rounds.with.map((r) => r.heed))),
    watchPageMsPerS: r2(median(rounds.with.map((r) => share(r, (f) => !f.startsWith('compose-'))))),
    sendCheckMsPerS: r2(median(rounds.with.map((r) => share(r, (f) => f.startsWith('compose-'))))),
    rounds,
  };
}

/** The verdict for bench/targets.ts (issue 16's target, beside issue 18's). */
export function watchCostVerdict(c: WatchCost) {
  // Judged on the CPU profile: the page's own busy time varies between rounds by more than the target, so the
  // with/without difference is shown but cannot decide 2 ms/s on a shared machine.
  return {
    figure: 'watchPage cost on a busy page',
    value: `${c.watchPageMsPerS} ms/s in the watching scripts (send check's own observer ${c.sendCheckMsPerS} ms/s more); page main thread ${c.withMsPerS} ms/s with Heed, ${c.withoutMsPerS} without (same run)`,
    target: `≤ ${WATCH_COST_TARGET_MS_PER_S} ms/s`,
    met: c.watchPageMsPerS <= WATCH_COST_TARGET_MS_PER_S,
  };
}

/** The console line, as bench/targets.ts's verdictLines writes it. */
export function watchCostLine(c: WatchCost): string {
  const v = watchCostVerdict(c);
  return `${(v.met ? 'met' : 'NOT met').padEnd(12)} ${v.figure}: ${v.value} (target ${v.target})`;
}

async function main() {
  const server = await startFixtureServer();
  const profile = mkdtempSync(join(tmpdir(), 'heed-watch-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: chromiumArgs(server.port, process.env.HEED_EXTENSION_DIR ?? EXTENSION_DIR),
  });
  try {
    const c = await watchCost(context);
    const row = (r: Round[]) =>
      r.map((x) => `${r2(x.busy)}${x.heed ? ` (Heed ${r2(x.heed)})` : ''}`).join(', ');
    console.log(`rounds with Heed (ms/s): ${row(c.rounds.with)}`);
    console.log(`rounds without (ms/s):   ${row(c.rounds.without)}`);
    console.log(
      `Heed's scripts, by script (ms/s): ${c.rounds.with.map((r) => JSON.stringify(r.byScript)).join(' ')}`,
    );
    console.log(watchCostLine(c));
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
