// Issue 18's service-worker figures: the first verdict after Chrome stopped the worker (it then starts again on
// the content script's message, opens the database and loads the persisted lookup index), and the worker's memory
// once the index is in it, with N MD5 entries stored. Baseline in the same run: the same first verdict with an
// empty store. Called by bench/run.ts (HEED_BENCH_ONLY=worker runs only this; HEED_BENCH_WORKER_N sets its N).
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { servePage } from '../tests/e2e/support/sites';
import { heedTab } from './bench-browser';
import type { workerPageBench } from './worker-page';

type PageBench = typeof workerPageBench;
type SeedFigures = Awaited<ReturnType<PageBench['seed']>>;
type IndexFigures = Awaited<ReturnType<PageBench['persistIndex']>>;

export interface VerdictTimes {
  /** Navigation start to the badge showing a level, per run (ms); `fromDocument`: from DOMContentLoaded. */
  runs: number[];
  median: number;
  p95: number;
  /** Runs whose verdict was already there when the probe started (their time is an upper bound). */
  late: number;
}

export type FirstVerdicts = VerdictTimes & { fromDocument: VerdictTimes };

export interface HeapFigures {
  /** V8 heap in use plus ArrayBuffer backing stores (the index's typed arrays live there). */
  usedBytes: number;
  backingBytes: number;
  /** The same after a forced garbage collection: what the worker keeps. */
  afterGcBytes: number;
  afterGcBackingBytes: number;
  /** From the stopped worker's first verdict to the index being in its memory (polled; null: not seen). */
  indexInMemoryAfterMs: number | null;
}

export interface WorkerFigures {
  n: number;
  seed: SeedFigures;
  index: IndexFigures;
  /** Content script's message → answer, the worker stopped before each (the figure issue 18 targets). */
  message: {
    emptyStore: VerdictTimes & { levels: string[] };
    afterStop: VerdictTimes & { levels: string[] };
    warm: VerdictTimes & { levels: string[] };
  };
  emptyStore: FirstVerdicts;
  afterStop: FirstVerdicts;
  /** The worker running with its index loaded: the same page, no stop. */
  warm: FirstVerdicts;
  heap: HeapFigures;
  /** The same worker with an empty store (its index is empty). */
  emptyHeap: HeapFigures;
  /** Self time per function during the import, when HEED_BENCH_WORKER_PROFILE=1. */
  importProfile?: { fn: string; selfMs: number }[];
}

const RUNS = Number(process.env.HEED_BENCH_WORKER_RUNS ?? 11);

function pageCall<K extends keyof PageBench>(page: Page, name: K, ...args: Parameters<PageBench[K]>) {
  return page.evaluate(
    ([n, a]) =>
      (globalThis as unknown as { heedWorkerBench: Record<string, (...x: unknown[]) => unknown> })
        .heedWorkerBench[n]!(...a),
    [name, args] as const,
  ) as ReturnType<PageBench[K]>;
}

function times(runs: number[], late: number): VerdictTimes {
  const s = [...runs].sort((a, b) => a - b);
  const at = (p: number) => Math.round(s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN);
  return { runs: runs.map(Math.round), median: at(0.5), p95: at(0.95), late };
}

const isExtensionWorker = (url: string) => url.startsWith('chrome-extension://');

async function workerTarget(cdp: CDPSession): Promise<string | undefined> {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string; url: string }[];
  };
  return targetInfos.find((t) => t.type === 'service_worker' && isExtensionWorker(t.url))?.targetId;
}

/** Stops every service worker (as Chrome does to an idle one after 30 s) and waits until ours is gone. */
async function stopWorker(cdp: CDPSession): Promise<void> {
  await cdp.send('ServiceWorker.stopAllWorkers');
  const deadline = Date.now() + 5000;
  while ((await workerTarget(cdp)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  if (await workerTarget(cdp)) throw new Error('the service worker did not stop');
}

// In the content script's world (chrome.dom opens the badge's closed shadow root), checked every few ms: the
// navigation-relative time at which the badge first shows a level.
const PROBE = `new Promise((resolve) => {
  let first = true;
  const tick = () => {
    for (const h of document.querySelectorAll('h1 > span')) {
      const root = chrome.dom.openOrClosedShadowRoot(h);
      const el = root && root.querySelector('[data-level]');
      if (el) {
        const nav = performance.getEntriesByType('navigation')[0];
        return resolve({ t: performance.now(), dcl: nav ? nav.domContentLoadedEventEnd : 0, late: first });
      }
    }
    first = false;
    setTimeout(tick, 1);
  };
  tick();
})`;

/** Opens a new tab on a fresh profile URL per run and times navigation → verdict; `stop` stops the worker first. */
async function firstVerdicts(
  context: BrowserContext,
  control: CDPSession,
  html: string,
  label: string,
  stop: boolean,
  after?: (run: number) => Promise<void>,
): Promise<FirstVerdicts> {
  const runs: number[] = [];
  const afterDcl: number[] = [];
  let late = 0;
  for (let run = 0; run < RUNS; run++) {
    const slug = `bench-sw-${label}-${run}`;
    const url = `https://www.linkedin.com/in/${slug}/`;
    servePage(url, html.replaceAll('jane-doe-1a2b3c', slug));
    const tab = await heedTab(context);
    const { cdp } = tab;
    if (stop) await stopWorker(control);
    const contextId = await tab.goto(url, { waitUntil: 'commit' });
    const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
      contextId,
      expression: PROBE,
      awaitPromise: true,
      returnByValue: true,
      timeout: 30_000,
    })) as { result: { value: { t: number; dcl: number; late: boolean } }; exceptionDetails?: unknown };
    if (exceptionDetails) throw new Error(`probe failed: ${JSON.stringify(exceptionDetails)}`);
    runs.push(result.value.t);
    // A content script at document_idle starts once the document is parsed: the time from there is the
    // extension's own (script start, reading the page, the message, waking the worker, the lookup, the badge).
    afterDcl.push(result.value.t - result.value.dcl);
    if (result.value.late) late++;
    await after?.(run);
    await tab.close();
  }
  return { ...times(runs, late), fromDocument: times(afterDcl, late) };
}

const listedEmail = (k: number) => `listed.${k}@bench-sw.example`;

/**
 * The worker's part alone: a content script's look-up message to its answer, for an email (so the MD5 list is
 * searched), every other run a listed one; `stop` stops the worker before each message, so each is a cold start
 * (the worker starts, opens the database, loads its index in the background and answers).
 */
async function messageVerdicts(
  context: BrowserContext,
  control: CDPSession,
  html: string,
  stop: boolean,
  seeded: boolean,
): Promise<VerdictTimes & { levels: string[] }> {
  const url = `https://www.linkedin.com/in/bench-sw-message-${stop ? 'cold' : 'warm'}/`;
  servePage(url, html);
  const tab = await heedTab(context);
  const { cdp } = tab;
  const contextId = await tab.goto(url);
  await new Promise((r) => setTimeout(r, 1000)); // the page's own look-up is done
  const runs: number[] = [];
  const levels: string[] = [];
  for (let run = 0; run < RUNS; run++) {
    if (stop) await stopWorker(control);
    const email = run % 2 ? listedEmail(run) : `nobody.${run}.${stop}@bench-sw.example`;
    const person = {
      identifiers: { emails: [email], profileUrls: [], salesNavUrls: [], phones: [] },
      hints: { source: 'generic' },
    };
    const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
      contextId,
      awaitPromise: true,
      returnByValue: true,
      expression: `(async () => {
        const t0 = performance.now();
        const r = await chrome.runtime.sendMessage({ type: 'page-person', person: ${JSON.stringify(person)} });
        return { ms: performance.now() - t0, level: r && r.ok && r.value ? r.value.level : JSON.stringify(r) };
      })()`,
    })) as { result: { value: { ms: number; level: string } }; exceptionDetails?: unknown };
    if (exceptionDetails) throw new Error(`message failed: ${JSON.stringify(exceptionDetails)}`);
    // A listed email must come back blocked, an unlisted one not: a fast wrong answer is no figure.
    if ((result.value.level === 'blocked') !== (seeded && run % 2 === 1))
      throw new Error(`run ${run} (${email}) answered ${result.value.level}`);
    runs.push(result.value.ms);
    levels.push(result.value.level);
    if (!stop) await new Promise((r) => setTimeout(r, 200));
  }
  await tab.close();
  return { ...times(runs, 0), levels };
}

/** Runtime.getHeapUsage on the extension's service worker, through the Target domain of a page session. */
async function workerHeap(control: CDPSession, backingAtLeast: number, t0: number): Promise<HeapFigures> {
  const targetId = await workerTarget(control);
  if (!targetId) throw new Error('no running extension service worker');
  const { sessionId } = (await control.send('Target.attachToTarget', {
    targetId,
    flatten: false,
  })) as { sessionId: string };
  let id = 0;
  const pending = new Map<number, (r: unknown) => void>();
  const onMessage = (e: { sessionId: string; message: string }) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message) as { id?: number; result?: unknown };
    if (m.id !== undefined) pending.get(m.id)?.(m.result);
  };
  control.on('Target.receivedMessageFromTarget', onMessage);
  const send = <T>(method: string): Promise<T> =>
    new Promise((resolve) => {
      const mine = ++id;
      pending.set(mine, resolve as (r: unknown) => void);
      void control.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id: mine, method }),
      });
    });
  type Usage = { usedSize: number; backingStorageSize?: number };
  try {
    let usage = await send<Usage>('Runtime.getHeapUsage');
    let indexInMemoryAfterMs: number | null = null;
    const deadline = Date.now() + 60_000;
    // The index is loaded once the backing stores hold its typed arrays on top of what an empty worker holds.
    while (Date.now() < deadline) {
      if ((usage.backingStorageSize ?? 0) >= backingAtLeast) {
        indexInMemoryAfterMs = Math.round(performance.now() - t0);
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
      usage = await send<Usage>('Runtime.getHeapUsage');
    }
    await new Promise((r) => setTimeout(r, 1000));
    usage = await send<Usage>('Runtime.getHeapUsage');
    await send('HeapProfiler.enable');
    await send('HeapProfiler.collectGarbage');
    const gc = await send<Usage>('Runtime.getHeapUsage');
    return {
      usedBytes: usage.usedSize + (usage.backingStorageSize ?? 0),
      backingBytes: usage.backingStorageSize ?? 0,
      afterGcBytes: gc.usedSize + (gc.backingStorageSize ?? 0),
      afterGcBackingBytes: gc.backingStorageSize ?? 0,
      indexInMemoryAfterMs,
    };
  } finally {
    control.off('Target.receivedMessageFromTarget', onMessage);
    await control.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
  }
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** Self time per function (top 25) from a CPU profile of the bench page. */
function selfTimes(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }) {
  const byNode = new Map<number, number>();
  profile.samples.forEach((nodeId, i) => {
    byNode.set(nodeId, (byNode.get(nodeId) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const byFn = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = byNode.get(node.id) ?? 0;
    if (!us) continue;
    const f = node.callFrame;
    const file = f.url.split('/').at(-1) ?? '';
    const key = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + us);
  }
  return [...byFn.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([fn, us]) => ({ fn, selfMs: Math.round(us / 1000) }));
}

/**
 * Fills the extension's database with `n` random MD5 entries and persists their lookup index, as before a worker
 * stop at that size (bench/worker-start.ts at 10M). `benchPage` is the extension's bench.html.
 */
export async function seedWorkerStore(benchPage: Page, n: number) {
  await benchPage.waitForFunction(() => 'heedWorkerBench' in globalThis);
  await pageCall(benchPage, 'clear');
  const seed = await pageCall(benchPage, 'seed', n, []);
  const index = await pageCall(benchPage, 'persistIndex');
  return { n, importMs: seed.ms, indexBytes: index.bytes };
}

/**
 * Runs the figures: the first verdict after a stop with an empty store (baseline), then with `n` MD5 entries and
 * their persisted index, the worker's heap once the index is loaded, and the warm verdict for comparison.
 * It drives the extension's bench.html (same origin as the worker, so the same database).
 */
export async function workerBench(
  context: BrowserContext,
  extensionId: string,
  n: number,
  profileHtml: string,
  profileTo?: string,
): Promise<WorkerFigures> {
  const benchPage = await context.newPage();
  await benchPage.goto(`chrome-extension://${extensionId}/bench.html`);
  await benchPage.waitForFunction(() => 'heedWorkerBench' in globalThis);
  const control = await context.newCDPSession(benchPage);
  await control.send('ServiceWorker.enable');
  try {
    await pageCall(benchPage, 'clear');
    await pageCall(benchPage, 'persistIndex');
    console.log(`  first verdict after a stop, empty store (${RUNS} runs)…`);
    let emptyHeap: HeapFigures | undefined;
    const emptyStore = await firstVerdicts(context, control, profileHtml, 'empty', true, async (run) => {
      if (run === RUNS - 1) emptyHeap = await workerHeap(control, 0, performance.now());
    });
    if (!emptyHeap) throw new Error('the worker heap was not read');
    const baseBacking = emptyHeap.backingBytes;
    const emptyMessage = await messageVerdicts(context, control, profileHtml, true, false);

    console.log(`  importing ${n.toLocaleString('en')} MD5 into the extension's database…`);
    if (profileTo) {
      await control.send('Profiler.enable');
      await control.send('Profiler.setSamplingInterval', { interval: 1000 });
      await control.send('Profiler.start');
    }
    const known = Array.from({ length: RUNS }, (_, k) =>
      createHash('md5').update(listedEmail(k)).digest('hex'),
    );
    const seed = await pageCall(benchPage, 'seed', n, known);
    let importProfile: WorkerFigures['importProfile'];
    if (profileTo) {
      const { profile } = (await control.send('Profiler.stop')) as {
        profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
      };
      writeFileSync(profileTo, JSON.stringify(profile));
      importProfile = selfTimes(profile);
    }
    console.log('  building and persisting the lookup index…');
    const index = await pageCall(benchPage, 'persistIndex');

    console.log(`  first verdict after a stop, ${n.toLocaleString('en')} entries (${RUNS} runs)…`);
    let heap: HeapFigures | undefined;
    const afterStop = await firstVerdicts(context, control, profileHtml, 'full', true, async (run) => {
      // After the last run the restarted worker is loading its index: watch its memory until it is in.
      // An index under 1 MB is lost in the worker's other buffers (they vary by a few hundred KB): not timed.
      const visible = index.bytes >= 1024 * 1024;
      if (run === RUNS - 1)
        heap = await workerHeap(control, visible ? 0.8 * baseBacking + index.bytes : 0, performance.now());
      if (heap && !visible) heap.indexInMemoryAfterMs = null;
    });
    if (!heap) throw new Error('the worker heap was not read');
    console.log('  a look-up message to a stopped worker, and to a running one…');
    const coldMessage = await messageVerdicts(context, control, profileHtml, true, true);
    const warmMessage = await messageVerdicts(context, control, profileHtml, false, true);
    console.log('  the same page with the worker running and its index loaded…');
    const warm = await firstVerdicts(context, control, profileHtml, 'warm', false);
    return {
      n,
      seed,
      index,
      message: { emptyStore: emptyMessage, afterStop: coldMessage, warm: warmMessage },
      emptyStore,
      afterStop,
      warm,
      heap,
      emptyHeap,
      ...(importProfile ? { importProfile } : {}),
    };
  } finally {
    await control.detach();
    await benchPage.close();
  }
}

const mb = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;

/** Console lines for the figures. */
export function workerLines(w: WorkerFigures): string[] {
  const t = (v: FirstVerdicts) =>
    `median ${v.fromDocument.median} ms, p95 ${v.fromDocument.p95} ms after DOMContentLoaded (${v.fromDocument.runs.join(' / ')}); from navigation ${v.median} / ${v.p95} ms${v.late ? `, ${v.late} late` : ''}`;
  const m = (v: VerdictTimes & { levels: string[] }) =>
    `median ${v.median} ms, p95 ${v.p95} ms (${v.runs.join(' / ')}; ${[...new Set(v.levels)].join(', ')})`;
  return [
    `service worker, ${w.n.toLocaleString('en')} MD5 entries`,
    `  look-up message → answer, worker stopped first: ${m(w.message.afterStop)}`,
    `  baseline, empty store:                          ${m(w.message.emptyStore)}`,
    `  worker running:                                 ${m(w.message.warm)}`,
    `  page → badge (index ${mb(w.index.bytes)} MB, built in ${w.index.buildMs} ms, persisted in ${w.index.persistMs} ms):`,
    `  first verdict after a stop: ${t(w.afterStop)}`,
    `  baseline, empty store:      ${t(w.emptyStore)}`,
    `  worker running, index in:   ${t(w.warm)}`,
    `  worker heap with the index: ${mb(w.heap.usedBytes)} MB (${mb(w.heap.backingBytes)} MB in array buffers), after GC ${mb(w.heap.afterGcBytes)} MB; index in memory ${w.heap.indexInMemoryAfterMs === null ? '(not seen)' : `${w.heap.indexInMemoryAfterMs} ms`} after the verdict; empty store ${mb(w.emptyHeap.afterGcBytes)} MB after GC`,
    `  import through importFile: ${Math.round(w.seed.ms / 100) / 10} s (parse+sort ${w.seed.parseAndSortMs} ms, then ${w.seed.beforeWriteMs} ms, writes ${w.seed.writeMs} ms), longest block ${w.seed.maxLagMs} ms, longest progress gap ${w.seed.maxProgressGapMs} ms`,
    ...(w.importProfile
      ? [
          '  import profile (self time):',
          ...w.importProfile.map((p) => `    ${String(p.selfMs).padStart(7)} ms  ${p.fn}`),
        ]
      : []),
  ];
}
