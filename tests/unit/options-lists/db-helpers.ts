import { openDb } from '../../../lib/store/db';
import { addEntries } from '../../../lib/store/entries';
import { createList, ensureDefaultList } from '../../../lib/store/lists';
import type { SuppressionReason } from '../../../lib/vocab';

let n = 0;
export async function freshDb() {
  n += 1;
  const db = await openDb(`options-lists-${Date.now()}-${n}-${Math.random().toString(36).slice(2)}`);
  await ensureDefaultList(db);
  return db;
}

export async function listWithEmails(
  db: Awaited<ReturnType<typeof freshDb>>,
  name: string,
  emails: string[],
  reason: SuppressionReason = 'objection',
) {
  const list = await createList(db, { name });
  await addEntries(
    db,
    list.id,
    emails.map((value) => ({ kind: 'email' as const, value })),
    { reason, since: '2025-01-02' },
  );
  return list.id;
}

/** Lists, buckets and batches, binary made comparable: the audit log is left out on purpose. */
export async function listState(db: Awaited<ReturnType<typeof freshDb>>) {
  const enc = (v: unknown): unknown => {
    if (v instanceof Uint8Array || v instanceof Uint32Array) return Array.from(v);
    if (Array.isArray(v)) return v.map(enc);
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, enc(x)]));
    return v;
  };
  return enc({
    lists: await db.lists.orderBy('id').toArray(),
    buckets: await db.buckets.toArray(),
    batches: await db.batches.orderBy('id').toArray(),
  });
}
