import type { HeedDb } from '@/lib/store/db';
import {
  findHits,
  holdersOf,
  indexedCandidates,
  lookupPerson,
  normaliseIds,
  readIfUnchanged,
} from '@/lib/store/lookup';
import { currentLookupIndex } from '@/lib/store/lookup-index';

// Where a lookup's time goes (issue 18, lookup p99): the indexed path of lookupPerson step by step, with a
// timestamp after each, and per step the percentiles and its share of the slowest lookups. Only for finding the
// tail; the figure itself is bench/suite.ts's `lookups`. HEED_BENCH_ONLY=lookup-phases npm run bench.

const STEPS = ['normalise', 'candidates', 'holders', 'read', 'hits'] as const;
type Step = (typeof STEPS)[number];

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN) * 1000) / 1000;
}

export async function lookupPhases(
  d: HeedDb,
  person: (k: number) => { emails: string[]; profileUrls: string[] },
  count: number,
  offset = 0,
  useGc = false,
) {
  const index = currentLookupIndex(d);
  if (!index) throw new Error('no lookup index');
  const per: Record<Step, number[]> = { normalise: [], candidates: [], holders: [], read: [], hits: [] };
  const totals: number[] = [];
  const listed: boolean[] = [];
  const whole: number[] = [];
  const get: number[] = [];
  const token: number[] = [];
  const idb = d.backendDB();
  const req = (r: IDBRequest) =>
    new Promise<void>((res, rej) => {
      r.onsuccess = () => res();
      r.onerror = () => rej(r.error);
    });
  // With --js-flags=--expose-gc (HEED_BENCH_JS_FLAGS): a young-generation collection before each timed step,
  // so no scavenge falls inside it; the difference to a run without says how much of the tail is the collector.
  const gc = (globalThis as { gc?: (o?: { type: string }) => void }).gc;
  const minor = () => (useGc ? gc?.({ type: 'minor' }) : undefined);
  for (let k = offset; k < offset + count; k++) {
    minor();
    const t0 = performance.now();
    const ids = normaliseIds(person(k));
    const t1 = performance.now();
    const narrowed = await indexedCandidates(index, ids, true);
    const t2 = performance.now();
    const groups = [...narrowed.groups.values()];
    const holders = groups.length > 0 ? await holdersOf(d, index) : undefined;
    const t3 = performance.now();
    const read = await readIfUnchanged(d, index.token, groups, narrowed.contactKeys, holders);
    const t4 = performance.now();
    if (!read) throw new Error('the data changed');
    const hits = findHits(groups.map((g, i) => ({ cands: g.cands, records: read.recsPerGroup[i] ?? [] })));
    const t5 = performance.now();
    per.normalise.push(t1 - t0);
    per.candidates.push(t2 - t1);
    per.holders.push(t3 - t2);
    per.read.push(t4 - t3);
    per.hits.push(t5 - t4);
    totals.push(t5 - t0);
    listed.push(hits.size > 0);
    // The real call, interleaved, for comparison with the sum of the steps; a single get and the token alone.
    minor();
    let w0 = performance.now();
    await lookupPerson(d, person(k));
    whole.push(performance.now() - w0);
    minor();
    w0 = performance.now();
    await req(idb.transaction('lists').objectStore('lists').get('none'));
    get.push(performance.now() - w0);
    minor();
    w0 = performance.now();
    await req(idb.transaction('meta').objectStore('meta').get('dataToken'));
    token.push(performance.now() - w0);
  }
  const order = totals.map((_, i) => i).sort((a, b) => (totals[b] as number) - (totals[a] as number));
  const slow = order.slice(0, Math.max(1, Math.floor(count / 100)));
  const share = Object.fromEntries(
    STEPS.map((s) => [
      s,
      Math.round((slow.reduce((n, i) => n + (per[s][i] as number), 0) / slow.length) * 1000) / 1000,
    ]),
  );
  return {
    count,
    listed: listed.filter(Boolean).length,
    total: { p50: pct(totals, 0.5), p99: pct(totals, 0.99) },
    gc: useGc && gc !== undefined,
    whole: { p50: pct(whole, 0.5), p99: pct(whole, 0.99) },
    singleGet: { p50: pct(get, 0.5), p99: pct(get, 0.99) },
    tokenGet: { p50: pct(token, 0.5), p99: pct(token, 0.99) },
    steps: Object.fromEntries(STEPS.map((s) => [s, { p50: pct(per[s], 0.5), p99: pct(per[s], 0.99) }])),
    /** Mean ms per step over the slowest 1 % of lookups. */
    slowestShare: share,
    slowestListed: slow.filter((i) => listed[i]).length,
  };
}

/**
 * Lookups (and, interleaved, single gets), their start and end kept in a preallocated array (a User Timing
 * measure per lookup would itself be retained garbage and change what the collector does), for
 * bench/lookup-trace.ts to line up with the browser's trace: one mark gives the offset between the clocks.
 */
export async function markedLookups(
  d: HeedDb,
  person: (k: number) => { emails: string[]; profileUrls: string[] },
  count: number,
) {
  const idb = d.backendDB();
  // Per lookup: start, end, listed (1/0), get start, get end.
  const at = new Float64Array(count * 5);
  const mark = performance.now();
  performance.mark('heed-clock', { startTime: mark });
  for (let k = 0; k < count; k++) {
    const t0 = performance.now();
    const r = await lookupPerson(d, person(k));
    at[5 * k] = t0;
    at[5 * k + 1] = performance.now();
    at[5 * k + 2] = r.matches.length > 0 ? 1 : 0;
    at[5 * k + 3] = performance.now();
    await new Promise<void>((res, rej) => {
      const g = idb.transaction('lists').objectStore('lists').get('none');
      g.onsuccess = () => res();
      g.onerror = () => rej(g.error);
    });
    at[5 * k + 4] = performance.now();
  }
  performance.clearMarks('heed-clock');
  const times = Array.from({ length: count }, (_, k) => (at[5 * k + 1] as number) - (at[5 * k] as number));
  return { count, mark, at: Array.from(at), p50: pct(times, 0.5), p99: pct(times, 0.99) };
}
