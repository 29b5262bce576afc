// Small helpers the bench page's measurements share (bench/suite.ts, bench/record-size.ts, bench/scale-deletes.ts).

/** p50 … max of `times` (ms), to the microsecond. */
export function percentiles(times: number[]) {
  const s = [...times].sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round((s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0) * 1000) / 1000;
  return { p50: at(0.5), p90: at(0.9), p95: at(0.95), p99: at(0.99), max: at(1) };
}

/** Deletes a database, whether or not it exists or another connection holds it open. */
export async function dropDb(name: string) {
  await new Promise<void>((res) => {
    const r = indexedDB.deleteDatabase(name);
    r.onsuccess = r.onerror = r.onblocked = () => res();
  });
}

/** A new, empty database `name` at version 1, made by `upgrade` (whatever was under that name is deleted first). */
export async function freshDb(name: string, upgrade: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  await dropDb(name);
  return new Promise<IDBDatabase>((res, rej) => {
    const r = indexedDB.open(name, 1);
    r.onupgradeneeded = () => upgrade(r.result);
    r.onsuccess = () => res(r.result);
    r.onerror = () => rej(r.error);
  });
}

/** Settles when `tx` commits; rejects when it fails. */
export function transactionDone(tx: IDBTransaction): Promise<void> {
  return new Promise((res, rej) => {
    tx.oncomplete = () => res();
    tx.onabort = tx.onerror = () => rej(tx.error);
  });
}
