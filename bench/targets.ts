// Issue 18's targets, judged from a bench run's JSON: one line per target, met or not, with the number. The
// targets are for 10,000,000 entries; a run with fewer (HEED_BENCH_N) scales the ones that grow with the list
// (import time, index memory) linearly and says so, and judges the per-operation ones (lookup, bulk rate, badge)
// as they are, noting the smaller list. Used by bench/run.ts and scripts/bench-table.ts.

/** The parts of bench/run.ts's JSON the targets read. */
export interface BenchJson {
  at: string;
  n: number;
  md5: { ms: number; maxLagMs: number; maxProgressGapMs: number; storageBytes: number };
  lookups: {
    medianRoundP99: { lookup: number; singleGet: number; assess: number; ownReads?: number };
    lookupListed: { p99: number };
    lookupUnlisted: { p99: number };
    index: { bytes: number };
  };
  bulk: { rows: number; perSecond: number; heapGrowthBytes: number; heapPeakGrowthBytes?: number };
  bulkBaseline?: { rows: number; perSecond: number };
  badgeLatencyMs: { median: number };
  /** bench/scale-deletes.ts; absent in runs from before it. */
  deletes?: {
    n: number;
    importMs: number;
    deleteMs: number;
    /** Runs from before the two-step delete have neither: their deleteMs included the removal. */
    purgeMs?: number;
    undoBytes?: number;
    oldSnapshot?: { bytes: number; ms: number };
    usage: {
      before: number;
      imported: number;
      deleted: number;
      deletedAfterMs?: number;
      nextImport?: number;
    };
    remove?: {
      removed: number;
      ms: number;
      usage: { before: number; removed: number; removedAfterMs?: number };
    };
  };
  /** bench/worker.ts: the service worker stopped, then asked; its heap with the index loaded. */
  worker?: {
    n: number;
    message: { afterStop: { median: number; p95: number }; emptyStore: { median: number; p95: number } };
    heap: { afterGcBytes: number; usedBytes: number };
    index: { bytes: number };
  };
  watchCost?: import('./watch-cost').WatchCost;
}

export interface TargetVerdict {
  figure: string;
  /** The measured value, as shown. */
  value: string;
  /** The target, as judged (scaled when the run was smaller). */
  target: string;
  /** null: not measured by the bench. */
  met: boolean | null;
  note?: string;
}

import { watchCostVerdict } from './watch-cost';

const FULL = 10_000_000;
const mb = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;
const s1 = (ms: number) => Math.round(ms / 100) / 10;
const count = (n: number) => n.toLocaleString('en');

export function targetVerdicts(r: BenchJson): TargetVerdict[] {
  const scale = r.n / FULL;
  const scaled = scale < 1;
  const entries = 2 * r.n;
  const smaller = scaled ? `measured at ${count(entries)} entries, not ${count(FULL)}` : undefined;
  const importTarget = 25_000 * Math.min(1, scale);
  const perMillion = (r.md5.storageBytes / r.n) * 1_000_000;
  const lookupP99 = r.lookups.medianRoundP99.lookup;
  const indexAtFull = (r.lookups.index.bytes / entries) * FULL;
  const heap = Math.max(r.bulk.heapGrowthBytes, r.bulk.heapPeakGrowthBytes ?? 0);
  // The worker's heap at 10M: what it held, plus the index grown linearly (the rest does not grow with the list).
  const workerAtFull = r.worker
    ? r.worker.heap.afterGcBytes + r.worker.index.bytes * (Math.max(FULL, r.worker.n) / r.worker.n - 1)
    : 0;
  return [
    {
      figure: `import ${count(r.n)} MD5`,
      value: `${s1(r.md5.ms)} s, longest block ${r.md5.maxLagMs} ms`,
      target: `≤ ${s1(importTarget)} s, block ≤ 200 ms`,
      met: r.md5.ms <= importTarget && r.md5.maxLagMs <= 200,
      ...(scaled ? { note: `25 s for 10M scaled linearly to ${count(r.n)}` } : {}),
    },
    {
      figure: 'storage per 1M MD5',
      value: `${mb(perMillion)} MB`,
      target: '≤ 18 MB',
      met: perMillion <= 18 * 1024 * 1024,
      ...(r.n < 1_000_000 ? { note: 'the storage estimate is coarse below 1M entries' } : {}),
    },
    {
      figure: 'lookup p99 (median round)',
      value: `${lookupP99} ms (listed ${r.lookups.lookupListed.p99} / unlisted ${r.lookups.lookupUnlisted.p99} ms pooled; single get ${r.lookups.medianRoundP99.singleGet} ms${r.lookups.medianRoundP99.ownReads !== undefined ? `; the same lookups' own IndexedDB reads alone ${r.lookups.medianRoundP99.ownReads} ms` : ''})`,
      target: '≤ 1 ms',
      met: lookupP99 <= 1,
      ...(smaller ? { note: smaller } : {}),
    },
    r.worker
      ? {
          figure: 'first verdict after the service worker stopped',
          value: `median ${r.worker.message.afterStop.median} ms, p95 ${r.worker.message.afterStop.p95} ms (empty store, same run: ${r.worker.message.emptyStore.median} / ${r.worker.message.emptyStore.p95} ms)`,
          target: '≤ 150 ms',
          met: r.worker.message.afterStop.p95 <= 150,
          note: `a look-up message to a stopped worker, ${count(r.worker.n)} MD5 entries${r.worker.n < FULL ? `, not ${count(FULL)}` : ''}`,
        }
      : {
          figure: 'first verdict after the service worker stopped',
          value: 'not measured',
          target: '≤ 150 ms',
          met: null,
        },
    r.worker
      ? {
          figure: 'service-worker memory with the lookup index',
          value: `${mb(r.worker.heap.afterGcBytes)} MB after GC (${mb(r.worker.heap.usedBytes)} MB before) at ${count(r.worker.n)} entries${r.worker.n < FULL ? ` → ${mb(workerAtFull)} MB at 10M` : ''}`,
          target: '≤ 64 MB',
          met: workerAtFull <= 64 * 1024 * 1024,
          note: `the worker's V8 heap and array buffers${r.worker.n < FULL ? '; its index projected linearly to 10M' : ''}`,
        }
      : {
          figure: 'service-worker memory with the lookup index at 10M',
          value: `index ${mb(r.lookups.index.bytes)} MB at ${count(entries)} entries${scaled ? ` → ${mb(indexAtFull)} MB at 10M` : ''}`,
          target: '≤ 64 MB',
          met: indexAtFull <= 64 * 1024 * 1024,
          note: scaled
            ? 'the index alone, projected linearly (4 bytes per entry); the worker’s other memory is not measured'
            : 'the index alone; the worker’s other memory is not measured',
        },
    {
      figure: `bulk check, ${count(r.bulk.rows)} rows`,
      value: `${count(r.bulk.perSecond)} rows/s, heap +${mb(heap)} MB${
        r.bulkBaseline
          ? ` (${Math.round((r.bulk.perSecond / r.bulkBaseline.perSecond) * 10) / 10}× the per-row path’s ${count(r.bulkBaseline.perSecond)} rows/s, same run)`
          : ''
      }`,
      target: '≥ 50,000 rows/s, heap ≤ 100 MB',
      met: r.bulk.perSecond >= 50_000 && heap <= 100 * 1024 * 1024,
      note: [
        r.bulk.rows < 1_000_000 ? `${count(r.bulk.rows)} rows, not 1,000,000` : '',
        `against ${count(entries)} entries, every other row listed`,
      ]
        .filter(Boolean)
        .join('; '),
    },
    ...deleteVerdicts(r, importTarget, scaled),
    {
      figure: 'badge after heading (median)',
      value: `${Math.round(r.badgeLatencyMs.median)} ms`,
      target: '≤ 50 ms',
      met: r.badgeLatencyMs.median <= 50,
      ...(smaller ? { note: smaller } : {}),
    },
    ...(r.watchCost ? [watchCostVerdict(r.watchCost)] : []),
  ];
}

/**
 * Deleting a list and removing entries through a delta: within the import's time bound (the same 25 s per 10M,
 * scaled) and the space given back — after the delete, at least half of what the import added is free again (the
 * estimate follows the database's compaction, which may lag).
 */
/** A change in storage with its sign: the estimate can fall during an import when the database compacts. */
function signedMb(bytes: number): string {
  return `${bytes < 0 ? '−' : '+'}${mb(Math.abs(bytes))}`;
}

function deleteVerdicts(r: BenchJson, importTarget: number, scaled: boolean): TargetVerdict[] {
  const d = r.deletes;
  if (!d)
    return [
      {
        figure: 'delete a list / remove entries by delta',
        value: 'not measured',
        target: '≤ the import’s time, space freed',
        met: null,
      },
    ];
  const added = d.usage.imported - d.usage.before;
  const freed = d.usage.imported - d.usage.deleted;
  // The old delete read the list whole for its undo and removed it in the same step; now the two are apart.
  const whole = d.deleteMs + (d.purgeMs ?? 0);
  // LevelDB gives deleted space back when it compacts, which later writes set off: the space counts as freed when
  // the next import of as many entries leaves the database at about one list's size, not two.
  const next = d.usage.nextImport;
  const reused = next !== undefined && next - d.usage.before <= 1.25 * added;
  const notes = [
    ...(scaled ? [`25 s for 10M scaled linearly to ${count(d.n)}`] : []),
    ...(freed < added / 2 && reused ? ['space not given back at once; the next import reuses it'] : []),
  ];
  const verdicts: TargetVerdict[] = [
    {
      figure: `delete a list of ${count(d.n)} MD5`,
      value: `${s1(d.deleteMs)} s${d.purgeMs !== undefined ? ` + ${s1(d.purgeMs)} s to remove its entries` : ''} (its import ${s1(d.importMs)} s); storage ${signedMb(added)} MB by the import, ${signedMb(-freed)} MB after the delete${d.usage.deletedAfterMs ? ` (${s1(d.usage.deletedAfterMs)} s later)` : ''}${next !== undefined ? `, ${mb(next)} MB after the next import` : ''}`,
      target: `≤ ${s1(importTarget)} s, space freed`,
      // Strict: the issue asks that the delete free the space. Reuse by the next import is reported in the note,
      // not counted as met.
      // An import the estimate did not even see (compaction ran meanwhile) proves nothing about the delete either.
      met: whole <= importTarget && added > 0 && freed >= added / 2,
      ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
    },
  ];
  if (d.undoBytes !== undefined && d.oldSnapshot) {
    verdicts.push({
      figure: `the delete's undo in the page, ${count(d.n)} MD5`,
      value: `${d.undoBytes} bytes (the old snapshot: ${mb(d.oldSnapshot.bytes)} MB, read in ${s1(d.oldSnapshot.ms)} s)`,
      target: 'not the list in memory',
      met: d.undoBytes < 1024,
    });
  }
  if (d.remove) {
    verdicts.push({
      figure: `remove ${count(d.remove.removed)} entries through a team delta`,
      value: `${s1(d.remove.ms)} s; storage ${signedMb(d.remove.usage.removed - d.remove.usage.before)} MB`,
      target: `≤ ${s1(importTarget)} s`,
      met: d.remove.ms <= importTarget,
      note: 'the rep’s verify + apply; storage change from before the delta to after it',
    });
  }
  return verdicts;
}

/** Table rows for the delete figures (bench/run.ts). */
export function deleteRows(d: NonNullable<BenchJson['deletes']>): [string, string, string, string, string][] {
  const u = d.usage;
  const rows: [string, string, string, string, string][] = [
    [
      `delete a list of ${count(d.n)} MD5`,
      `${s1(d.deleteMs)} s`,
      `its import ${s1(d.importMs)} s`,
      '',
      'import time',
    ],
  ];
  if (d.purgeMs !== undefined)
    rows.push([
      '  its entries removed for good (after the undo)',
      `${s1(d.purgeMs)} s`,
      '—',
      '',
      'import time',
    ]);
  if (d.undoBytes !== undefined && d.oldSnapshot)
    rows.push([
      '  undo held in the page: now / the old whole-list snapshot',
      `${d.undoBytes} B / ${mb(d.oldSnapshot.bytes)} MB`,
      `old snapshot read ${s1(d.oldSnapshot.ms)} s`,
      '',
      'not the list',
    ]);
  rows.push([
    '  storage: before import / after / lowest within 30 s of the removal',
    `${mb(u.before)} / ${mb(u.imported)} / ${mb(u.deleted)} MB${u.deletedAfterMs ? ` (after ${s1(u.deletedAfterMs)} s)` : ''}`,
    '—',
    '',
    'space freed',
  ]);
  if (u.nextImport !== undefined)
    rows.push([
      '  storage after the next import of as many entries',
      `${mb(u.nextImport)} MB`,
      `${signedMb(u.nextImport - u.deleted)} MB for ${mb(u.imported - u.before)} MB of new data`,
      '',
      'space reused',
    ]);
  if (d.remove)
    rows.push([
      `remove ${count(d.remove.removed)} entries by team delta`,
      `${s1(d.remove.ms)} s`,
      `storage ${mb(d.remove.usage.before)} → ${mb(d.remove.usage.removed)} MB`,
      '',
      'import time',
    ]);
  return rows;
}

/** "met" / "NOT met" / "not measured" lines for the console. */
export function verdictLines(r: BenchJson): string[] {
  return targetVerdicts(r).map((v) => {
    const word = v.met === null ? 'not measured' : v.met ? 'met' : 'NOT met';
    return `${word.padEnd(12)} ${v.figure}: ${v.value} (target ${v.target})${v.note ? ` [${v.note}]` : ''}`;
  });
}

/** The README's performance table (Markdown). */
export function markdownTable(r: BenchJson, chromium?: string): string {
  const esc = (x: string) => x.replaceAll('|', '\\|');
  const lines = [
    `Measured by \`npm run bench\` on ${r.at.slice(0, 10)} with ${count(r.n)} entries per list (${count(2 * r.n)} in all)${chromium ? `, Chromium ${chromium}` : ''}; targets from issue 18 (for 10,000,000 entries).`,
    '',
    '| figure | measured | target | verdict |',
    '| --- | --- | --- | --- |',
    ...targetVerdicts(r).map(
      (v) =>
        `| ${esc(v.figure)} | ${esc(v.value)}${v.note ? ` (${esc(v.note)})` : ''} | ${esc(v.target)} | ${v.met === null ? 'not measured' : v.met ? 'met' : 'not met'} |`,
    ),
  ];
  return lines.join('\n');
}
