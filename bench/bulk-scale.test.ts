import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bulkCheck } from '../lib/bulk/check';
import type { HeedDb } from '../lib/store/db';
import { addEntries } from '../lib/store/entries';
import { ensureDefaultList } from '../lib/store/lists';
import { freshDb } from '../tests/unit/store/helpers';

// `npm run bench:bulk-scale` (not part of the unit suite: it took ~37 s of it). 100,000 rows through the real code
// path (streaming read, batched lookup, risk engine, CSV out) on fake-indexeddb: checks every suppressed row is
// found and prints the rate. HEED_BENCH_BULK_ROWS changes the row count (a multiple of 10).
const ROWS = Number(process.env.HEED_BENCH_BULK_ROWS ?? 100_000);

let db: HeedDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => db.close());

describe('bulk check at scale', () => {
  it(`checks ${ROWS.toLocaleString('en')} rows, finding every suppressed one`, async () => {
    const list = await ensureDefaultList(db);
    const suppressed: { kind: 'email'; value: string }[] = [];
    for (let i = 0; i < ROWS; i += 10)
      suppressed.push({ kind: 'email', value: `person${i}@corp${i % 97}.example` });
    await addEntries(db, list.id, suppressed, { reason: 'objection', since: '2026-01-01' });

    const lines = ['email,linkedin,country,stage'];
    for (let i = 0; i < ROWS; i++) {
      lines.push(
        `person${i}@corp${i % 97}.example,https://www.linkedin.com/in/person-${i}/,${['GB', 'DE', 'US', ''][i % 4]},${i % 3 === 0 ? 'client' : ''}`,
      );
    }
    const blob = new Blob([`${lines.join('\n')}\n`]);
    let progressCalls = 0;
    const t0 = performance.now();
    const r = await bulkCheck(db, blob, {
      headers: ['email', 'linkedin', 'country', 'stage'],
      hasHeader: true,
      delimiter: ',',
      encoding: 'utf-8',
      sepLine: false,
      mapping: { roles: ['email', 'profile', 'country', 'stage'] },
      now: new Date('2026-05-01T00:00:00Z'),
      onProgress: () => {
        progressCalls++;
      },
    });
    const ms = performance.now() - t0;
    console.log(
      `bulk check: ${ROWS} rows (${(blob.size / 1e6).toFixed(1)} MB in, ${(r.output.size / 1e6).toFixed(1)} MB out) in ${(ms / 1000).toFixed(1)} s = ${Math.round(ROWS / (ms / 1000))} rows/s`,
    );
    expect(r.rows).toBe(ROWS);
    expect(r.counts.blocked).toBe(ROWS / 10);
    expect(Object.values(r.counts).reduce((a, b) => a + b, 0)).toBe(ROWS);
    expect(progressCalls).toBeGreaterThan(ROWS / 1000);
  }, 300_000);
});
