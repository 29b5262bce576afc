import { type HeedDb, openDb } from '../../../lib/store/db';

let n = 0;

/** A fresh, empty database per test (fake-indexeddb lives in memory). */
export async function freshDb(): Promise<HeedDb> {
  n += 1;
  return openDb(`heed-test-${Date.now()}-${n}-${Math.random().toString(36).slice(2)}`);
}

/** Everything in the database, binary made comparable, for "exactly as before" assertions. */
export async function dump(db: HeedDb) {
  const enc = (v: unknown): unknown => {
    if (v instanceof Uint8Array || v instanceof Uint32Array) return { [v.constructor.name]: Array.from(v) };
    if (Array.isArray(v)) return v.map(enc);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, enc(x)]));
    }
    return v;
  };
  return enc({
    lists: await db.lists.toArray(),
    buckets: await db.buckets.toArray(),
    batches: await db.batches.toArray(),
    contacts: await db.contacts.toArray(),
    settings: await db.settings.toArray(),
  });
}

export function blobOf(parts: (string | Uint8Array)[]): Blob {
  return new Blob(parts.map((p) => (typeof p === 'string' ? p : new Uint8Array(p))));
}
