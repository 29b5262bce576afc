// Where a stopped service worker's first answer goes (issue 18: first verdict after a stop ≤ 150 ms): the worker is
// stopped, a content script's look-up message starts it again, and the worker's own performance marks
// (entrypoints/background.ts: heed:start when its main runs, heed:message and heed:answer for the first message)
// split the time into starting the worker and evaluating its script, its start-up until the message is
// dispatched, and the answer. Whatever the store holds (HEED_BENCH_ONLY=worker-start npm run bench runs it on an
// empty store, so the figures are the worker's floor; with HEED_BENCH_WORKER_N=10000000 on that many MD5 entries
// and their persisted index); HEED_BENCH_EXT_DIR runs an already built extension instead of building this tree,
// so two builds can be alternated in the same hour.
import type { BrowserContext, CDPSession } from 'playwright-core';
import { servePage } from '../tests/e2e/support/sites';
import { heedTab } from './bench-browser';

const isExtensionWorker = (url: string) => url.startsWith('chrome-extension://');

async function workerTarget(cdp: CDPSession): Promise<string | undefined> {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string; url: string }[];
  };
  return targetInfos.find((t) => t.type === 'service_worker' && isExtensionWorker(t.url))?.targetId;
}

/** Evaluates `expression` in the running extension worker (a non-flat session through the page's CDP session). */
async function inWorker<T>(control: CDPSession, expression: string): Promise<T> {
  const targetId = await workerTarget(control);
  if (!targetId) throw new Error('no running extension service worker');
  const { sessionId } = (await control.send('Target.attachToTarget', { targetId, flatten: false })) as {
    sessionId: string;
  };
  try {
    return await new Promise<T>((resolve, reject) => {
      const onMessage = (e: { sessionId: string; message: string }) => {
        if (e.sessionId !== sessionId) return;
        const m = JSON.parse(e.message) as {
          id?: number;
          result?: { result: { value: T } };
          error?: unknown;
        };
        if (m.id !== 1) return;
        control.off('Target.receivedMessageFromTarget', onMessage);
        if (m.result) resolve(m.result.result.value);
        else reject(new Error(JSON.stringify(m.error)));
      };
      control.on('Target.receivedMessageFromTarget', onMessage);
      void control.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({
          id: 1,
          method: 'Runtime.evaluate',
          params: { expression, returnByValue: true },
        }),
      });
    });
  } finally {
    await control.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
  }
}

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => Math.round(s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN);
  return { median: at(0.5), p95: at(0.95) };
}

export interface StartSplit {
  /** The content script's sendMessage → its answer. */
  total: number;
  /** sendMessage → the worker's time origin (Chrome starting the worker). */
  toWorker: number;
  /** Time origin → heed:start (loading, compiling and evaluating background.js up to its main). */
  toMain: number;
  /** heed:start → heed:message (the listeners registered; the message dispatched once the worker is ready). */
  toMessage: number;
  /** heed:message → heed:answer (the look-up itself, with whatever start-up work runs beside it). */
  answer: number;
}

/** `runs` cold starts with an unlisted person's look-up; per run the split, then the medians and p95s. */
export async function workerStartSplit(
  context: BrowserContext,
  control: CDPSession,
  html: string,
  runs: number,
) {
  const url = 'https://www.linkedin.com/in/bench-sw-start/';
  servePage(url, html);
  const tab = await heedTab(context);
  const { cdp } = tab;
  const contextId = await tab.goto(url);
  await new Promise((r) => setTimeout(r, 1000));
  const splits: StartSplit[] = [];
  // With a background.js that marks each module's start (m:<path>), each module's evaluation time per run.
  const modules = new Map<string, number[]>();
  try {
    for (let run = 0; run < runs; run++) {
      await control.send('ServiceWorker.stopAllWorkers');
      const stopBy = Date.now() + 5000;
      while ((await workerTarget(control)) && Date.now() < stopBy)
        await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 200));
      const person = {
        identifiers: {
          emails: [`nobody.${run}@bench-sw.example`],
          profileUrls: [],
          salesNavUrls: [],
          phones: [],
        },
        hints: { source: 'generic' },
      };
      const { result } = (await cdp.send('Runtime.evaluate', {
        contextId,
        awaitPromise: true,
        returnByValue: true,
        expression: `(async () => {
          const t0 = performance.timeOrigin + performance.now();
          const r = await chrome.runtime.sendMessage({ type: 'page-person', person: ${JSON.stringify(person)} });
          return { t0, t1: performance.timeOrigin + performance.now(), ok: !!(r && r.ok) };
        })()`,
      })) as { result: { value: { t0: number; t1: number; ok: boolean } } };
      if (!result.value.ok) throw new Error('the look-up failed');
      const marks = await inWorker<{ origin: number; marks: Record<string, number> }>(
        control,
        `({ origin: performance.timeOrigin, marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])) })`,
      );
      const { t0, t1 } = result.value;
      const m = marks.marks;
      const seq = Object.entries(m)
        .filter(([k]) => k.startsWith('m:') || k === 'heed:start')
        .sort((a, b) => a[1] - b[1]);
      for (let i = 0; i + 1 < seq.length; i++) {
        const [name, at] = seq[i] as [string, number];
        const list = modules.get(name) ?? [];
        list.push((seq[i + 1] as [string, number])[1] - at);
        modules.set(name, list);
      }
      splits.push({
        total: t1 - t0,
        toWorker: marks.origin - t0,
        toMain: m['heed:start'] ?? NaN,
        toMessage: (m['heed:message'] ?? NaN) - (m['heed:start'] ?? NaN),
        answer: (m['heed:answer'] ?? NaN) - (m['heed:message'] ?? NaN),
      });
    }
  } finally {
    await tab.close();
  }
  const keys = ['total', 'toWorker', 'toMain', 'toMessage', 'answer'] as const;
  return {
    runs,
    ...Object.fromEntries(keys.map((k) => [k, stats(splits.map((s) => s[k]))])),
    ...(modules.size > 0
      ? {
          modules: [...modules.entries()]
            .map(([name, xs]) => [name, stats(xs).median] as const)
            .sort((a, b) => b[1] - a[1])
            .slice(0, 40),
        }
      : {}),
    all: splits.map((s) => Object.fromEntries(keys.map((k) => [k, Math.round(s[k])]))),
  };
}
