import { loadHashers } from '../identifiers';
import { logAudit } from './audit';
import { keyAt } from './buckets';
import { csvTable } from './csv-cells';
import type { HeedDb } from './db';
import { batchMap } from './entries';
import { ListError, listBuckets } from './lists';
import type { EntryKind } from './schemas';

export type ExportMode = 'plain' | 'hashed';

export const EXPORT_HEADER = ['value', 'kind', 'reason', 'since'] as const;

/** Kinds a hashed export leaves out: no plain personal data may leave, and nobody matches hashes of these. */
export const OMITTED_FROM_HASHED: readonly EntryKind[] = ['domain', 'profile', 'salesnav', 'phone'];

export interface ExportStats {
  rows: number;
  /** Entries left out (hashed mode only). */
  omitted: number;
}

/**
 * A list as CSV with the header `value,kind,reason,since`, which importFile reads back without loss
 * (its `value` column is mapped as 'auto' with the `kind` column naming the kind).
 *
 * 'plain': every entry as stored (hashes as lower-case hex).
 * 'hashed', for sharing with a vendor: emails become the SHA-256 of the normalised address (the literal
 * canonical form, as hashed lists are matched), existing MD5/SHA-1/SHA-256 entries are kept, and domains,
 * profile URLs, Sales Navigator leads and phone numbers are left out (see OMITTED_FROM_HASHED).
 * Cells are neutralised against spreadsheet formulas.
 */
export async function exportListCsv(db: HeedDb, listId: string, opts: { mode: ExportMode }): Promise<string> {
  return (await exportListCsvWithStats(db, listId, opts)).csv;
}

export async function exportListCsvWithStats(
  db: HeedDb,
  listId: string,
  opts: { mode: ExportMode },
): Promise<ExportStats & { csv: string }> {
  const hashed = opts.mode === 'hashed';
  const h = hashed ? await loadHashers() : null;
  const { rows, batchIds, omitted } = await db.transaction('r', db.lists, db.buckets, async () => {
    if (!(await db.lists.get(listId))) throw new ListError(`no list with id ${listId}`);
    const rows: { value: string; kind: EntryKind }[] = [];
    const batchIds: number[] = [];
    let omitted = 0;
    await listBuckets(db, listId).each((rec) => {
      if (hashed && OMITTED_FROM_HASHED.includes(rec.kind)) {
        omitted += rec.batchIds.length;
        return;
      }
      for (let i = 0; i < rec.batchIds.length; i++) {
        const value = keyAt(rec, i);
        if (h && rec.kind === 'email') rows.push({ value: h.sha256(value), kind: 'sha256' });
        else rows.push({ value, kind: rec.kind });
        batchIds.push(rec.batchIds[i] as number);
      }
    });
    return { rows, batchIds, omitted };
  });
  const batches = await batchMap(db, batchIds);
  const seen = hashed ? new Set<string>() : null;
  const out: string[][] = [];
  rows.forEach((r, i) => {
    // A hashed email can equal a SHA-256 entry already in the list.
    if (seen) {
      const id = `${r.kind}:${r.value}`;
      if (seen.has(id)) return;
      seen.add(id);
    }
    const b = batches.get(batchIds[i] as number);
    out.push([r.value, r.kind, b?.reason ?? 'other', b?.since ?? '']);
  });
  await logAudit(db, {
    action: 'export',
    listId,
    counts: { rows: out.length, omitted },
    detail: `${opts.mode} csv`,
  });
  return { csv: csvTable(EXPORT_HEADER, out), rows: out.length, omitted };
}

export type VendorFormat = 'optizmo-md5' | 'optizmo-sha512' | 'hubspot-optout';

/**
 * A list in a format another tool imports as it is:
 * 'optizmo-md5' / 'optizmo-sha512': OPTIZMO's hashed suppression file, one lower-case MD5 (or SHA-512) of the
 * normalised email per line (entries already hashed that way kept); everything else left out, as hash matching
 * is email only and no other algorithm converts.
 * 'hubspot-optout': a CSV with `Email` and `Unsubscribed from all email` = true, for HubSpot's contact
 * import (choose "opted out of all email" when importing); only plain email entries can go there.
 */
export async function exportListVendor(
  db: HeedDb,
  listId: string,
  format: VendorFormat,
): Promise<ExportStats & { text: string }> {
  const algo = format === 'optizmo-md5' ? 'md5' : format === 'optizmo-sha512' ? 'sha512' : null;
  const h = algo ? await loadHashers() : null;
  const { values, omitted } = await db.transaction('r', db.lists, db.buckets, async () => {
    if (!(await db.lists.get(listId))) throw new ListError(`no list with id ${listId}`);
    const values = new Set<string>();
    let omitted = 0;
    await listBuckets(db, listId).each((rec) => {
      const usable = rec.kind === 'email' || (algo !== null && rec.kind === algo);
      if (!usable) {
        omitted += rec.batchIds.length;
        return;
      }
      for (let i = 0; i < rec.batchIds.length; i++) {
        const value = keyAt(rec, i);
        values.add(h && algo && rec.kind === 'email' ? h[algo](value) : value);
      }
    });
    return { values, omitted };
  });
  const sorted = [...values].sort();
  const text =
    algo !== null
      ? sorted.map((v) => `${v}\n`).join('')
      : csvTable(
          ['Email', 'Unsubscribed from all email'],
          sorted.map((v) => [v, 'true']),
        );
  await logAudit(db, { action: 'export', listId, counts: { rows: sorted.length, omitted }, detail: format });
  return { text, rows: sorted.length, omitted };
}
