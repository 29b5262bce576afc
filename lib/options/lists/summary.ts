import { entryCount } from '../../store/buckets';
import { csvTable } from '../../store/csv-cells';
import type { HeedDb } from '../../store/db';
import { getLists, listBuckets } from '../../store/lists';
import type { EntryKind } from '../../store/schemas';
import { type SuppressionReason, SuppressionReasonSchema } from '../../vocab';
import { scopeText } from './labels';

// A summary a privacy officer can file or share: per list its size, what kinds of identifiers and which
// reasons, and nothing that identifies a person (no values, no file names, no descriptions, which users
// sometimes fill with names).

const KIND_COLUMNS: { id: string; kinds: EntryKind[] }[] = [
  { id: 'emails', kinds: ['email'] },
  { id: 'hashes', kinds: ['md5', 'sha1', 'sha256', 'sha512'] },
  { id: 'domains', kinds: ['domain'] },
  { id: 'profiles', kinds: ['profile', 'salesnav'] },
  { id: 'phones', kinds: ['phone'] },
];

const REASONS = SuppressionReasonSchema.options;

export interface ListSummaryRow {
  name: string;
  scope: string;
  entries: number;
  byKind: Record<string, number>;
  byReason: Record<SuppressionReason | 'unknown', number>;
  createdAt: string;
  updatedAt: string;
}

export async function summariseLists(db: HeedDb): Promise<ListSummaryRow[]> {
  const lists = await getLists(db);
  const out: ListSummaryRow[] = [];
  for (const list of lists) {
    const batches = await db.batches.where('listId').equals(list.id).toArray();
    const reasonOf = new Map(batches.map((b) => [b.id, b.reason]));
    const byReason = Object.fromEntries(
      [...REASONS, 'unknown'].map((r) => [r, 0]),
    ) as ListSummaryRow['byReason'];
    const byKind: Record<string, number> = Object.fromEntries(KIND_COLUMNS.map((c) => [c.id, 0]));
    let entries = 0;
    await listBuckets(db, list.id).each((rec) => {
      const n = entryCount(rec);
      entries += n;
      const col = KIND_COLUMNS.find((c) => c.kinds.includes(rec.kind));
      if (col) byKind[col.id] = (byKind[col.id] ?? 0) + n;
      for (const id of rec.batchIds) {
        const r = reasonOf.get(id) ?? 'unknown';
        byReason[r] += 1;
      }
    });
    out.push({
      name: list.name,
      scope: scopeText(list.channels),
      entries,
      byKind,
      byReason,
      createdAt: list.createdAt,
      updatedAt: list.updatedAt,
    });
  }
  return out;
}

export const SUMMARY_HEADER = [
  'list',
  'scope',
  'entries',
  ...KIND_COLUMNS.map((c) => c.id),
  ...REASONS.map((r) => `reason ${r}`),
  'reason unknown',
  'created',
  'updated',
];

export function summaryCsv(rows: readonly ListSummaryRow[]): string {
  return csvTable(
    SUMMARY_HEADER,
    rows.map((r) => [
      r.name,
      r.scope,
      String(r.entries),
      ...KIND_COLUMNS.map((c) => String(r.byKind[c.id] ?? 0)),
      ...REASONS.map((x) => String(r.byReason[x])),
      String(r.byReason.unknown),
      r.createdAt,
      r.updatedAt,
    ]),
  );
}
