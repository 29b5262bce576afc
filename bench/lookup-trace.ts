import { writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { traced } from './bench-browser';

// Where the slowest lookups' time goes, from the browser's own trace (issue 18, lookup p99): the bench page runs
// lookups each wrapped in a User Timing measure (bench/lookup-phases.ts markedLookups), and for the slowest 1 %
// and for all of them this sums, per thread and event name, how long trace events overlapped them: a scavenge or
// a major collection on the page's main thread, an IndexedDB task in the browser, another task the renderer ran
// meanwhile. HEED_BENCH_ONLY=lookup-trace npm run bench; HEED_BENCH_TRACE_FILE keeps the raw trace.

const CATEGORIES = [
  'blink.user_timing',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'disabled-by-default-v8.gc',
  'toplevel',
  'IndexedDB',
];

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  id2?: { local?: string };
  args?: { name?: string; value?: string };
}

type Span = { name: string; start: number; end: number };

const LONGEST_US = 1_000_000;

export async function lookupTrace(
  context: BrowserContext,
  page: Page,
  run: () => Promise<unknown>,
): Promise<unknown> {
  const { value, text } = await traced(context, page, CATEGORIES, run);
  const figures = value as { count: number; mark: number; at: number[]; p50: number; p99: number };
  if (process.env.HEED_BENCH_TRACE_FILE) writeFileSync(process.env.HEED_BENCH_TRACE_FILE, text);
  const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const { at, mark, ...rest } = figures;
  return { figures: rest, ...attribute(events, at, mark) };
}

function attribute(events: TraceEvent[], at: number[], mark: number) {
  const threadName = new Map<string, string>();
  const processName = new Map<number, string>();
  for (const e of events) {
    if (e.ph !== 'M') continue;
    if (e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
    if (e.name === 'process_name') processName.set(e.pid, e.args?.name ?? '?');
  }
  // The page's clock (ms) to the trace's (µs), from the one mark the page made.
  const clock = events.find((e) => e.cat === 'blink.user_timing' && e.name === 'heed-clock');
  if (!clock) throw new Error('the trace has no heed-clock mark');
  const toTrace = (ms: number) => clock.ts + (ms - mark) * 1000;
  const measures: Span[] = [];
  for (let k = 0; 5 * k + 4 < at.length; k++) {
    const v = (i: number) => at[5 * k + i] as number;
    measures.push({
      name: v(2) ? 'heed-lookup-listed' : 'heed-lookup-unlisted',
      start: toTrace(v(0)),
      end: toTrace(v(1)),
    });
    measures.push({ name: 'heed-get', start: toTrace(v(3)), end: toTrace(v(4)) });
  }
  // Complete events and begin/end pairs, per thread.
  const spans: (Span & { thread: string })[] = [];
  const stacks = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.cat === 'blink.user_timing' || e.cat === '__metadata') continue;
    const thread = `${processName.get(e.pid) ?? e.pid}/${threadName.get(`${e.pid}:${e.tid}`) ?? e.tid}`;
    if (e.ph === 'X' && e.dur !== undefined)
      spans.push({ name: e.name, start: e.ts, end: e.ts + e.dur, thread });
    else if (e.ph === 'B') {
      const k = `${e.pid}:${e.tid}`;
      const s = stacks.get(k) ?? [];
      s.push(e);
      stacks.set(k, s);
    } else if (e.ph === 'E') {
      const b = stacks.get(`${e.pid}:${e.tid}`)?.pop();
      if (b) spans.push({ name: b.name, start: b.ts, end: e.ts, thread });
    }
  }
  // A span of a second or more (the page's whole evaluate, say) overlaps every measure and tells nothing.
  const short = spans.filter((s) => s.end - s.start < LONGEST_US).sort((a, b) => a.start - b.start);
  const firstFrom = (t: number) => {
    let lo = 0;
    let hi = short.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((short[mid] as Span).start < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const summary = (ms: Span[]) => {
    const total = new Map<string, number>();
    for (const m of ms) {
      // Sorted by start and none longer than LONGEST_US: only those starting in [m.start - LONGEST_US, m.end).
      for (let i = firstFrom(m.start - LONGEST_US); i < short.length; i++) {
        const s = short[i] as Span & { thread: string };
        if (s.start >= m.end) break;
        if (s.end <= m.start) continue;
        const overlap = Math.min(s.end, m.end) - Math.max(s.start, m.start);
        const key = `${s.thread} | ${s.name}`;
        total.set(key, (total.get(key) ?? 0) + overlap);
      }
    }
    const meanMs = ms.reduce((n, m) => n + (m.end - m.start), 0) / Math.max(1, ms.length) / 1000;
    return {
      count: ms.length,
      meanMs: Math.round(meanMs * 1000) / 1000,
      // Mean ms per measure of each kind of event overlapping it (nested events are counted in each level).
      overlapMs: Object.fromEntries(
        [...total]
          .map(([k, v]) => [k, Math.round((v / Math.max(1, ms.length)) * 1000) / 1e6] as const)
          .filter(([, v]) => v >= 0.005)
          .sort((a, b) => b[1] - a[1])
          .slice(0, 30),
      ),
    };
  };
  const byName = (n: string) => measures.filter((m) => m.name.startsWith(n));
  const slowest = (ms: Span[]) =>
    [...ms].sort((a, b) => b.end - b.start - (a.end - a.start)).slice(0, Math.max(1, ms.length / 100));
  const lookups = byName('heed-lookup');
  const slow = slowest(lookups);
  return {
    measures: measures.length,
    collections: collections(events, measures),
    slowestLookups: {
      ...summary(slow),
      listed: slow.filter((m) => m.name === 'heed-lookup-listed').length,
    },
    allLookups: summary(lookups),
    touchedByCollector: touched(lookups, short),
    slowestGets: summary(slowest(byName('heed-get'))),
  };
}

/** The collector's own account (V8.GCTraceGCNVP) of the collections during the lookups. */
function collections(events: TraceEvent[], measures: Span[]) {
  const from = Math.min(...measures.map((m) => m.start));
  const to = Math.max(...measures.map((m) => m.end));
  const gcs = events
    .filter((e) => e.name === 'V8.GCTraceGCNVP' && e.ts >= from && e.ts <= to)
    .map((e) => JSON.parse((e.args as { value: string }).value) as Record<string, number | string>);
  const of = (kind: string) => gcs.filter((g) => g.gc === kind);
  const mean = (xs: Record<string, number | string>[], k: string) =>
    Math.round(xs.reduce((n, g) => n + Number(g[k] ?? 0), 0) / Math.max(1, xs.length));
  const pauses = (xs: Record<string, number | string>[]) =>
    xs.map((g) => Math.round(Number(g.pause) * 10) / 10).sort((a, b) => a - b);
  return {
    seconds: Math.round((to - from) / 1e4) / 100,
    scavenges: of('s').length,
    scavengePausesMs: pauses(of('s')),
    allocatedPerScavenge: mean(of('s'), 'allocated'),
    promotedPerScavenge: mean(of('s'), 'promoted'),
    markCompacts: of('mc').length,
    markCompactPausesMs: pauses(of('mc')),
  };
}

const GC_EVENTS = ['MinorGC', 'MajorGC', 'V8.GC_MC_INCREMENTAL'];

/**
 * How many lookups a collection (a scavenge, a mark-compact's pause, an incremental marking step on the page's
 * thread) overlapped, and the lookups' p99 with and without those.
 */
function touched(lookups: Span[], spans: (Span & { thread: string })[]) {
  const gc = spans.filter((s) => GC_EVENTS.includes(s.name) && s.thread.endsWith('CrRendererMain'));
  const hit: number[] = [];
  const clean: number[] = [];
  const p99 = (xs: number[]) =>
    Math.round(([...xs].sort((a, b) => a - b)[Math.floor(0.99 * xs.length)] ?? NaN) / 10) / 100;
  for (const m of lookups) {
    const over = gc.some((s) => s.start < m.end && s.end > m.start);
    (over ? hit : clean).push(m.end - m.start);
  }
  return { touched: hit.length, of: lookups.length, p99: p99([...hit, ...clean]), p99Untouched: p99(clean) };
}
