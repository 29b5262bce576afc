/** A native IndexedDB request as a promise (the hot lookup paths skip Dexie: see lib/store/lookup.ts). */
export function idbRequest<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** Issues a request in `readAll`'s transaction; `take` gets its result. */
export type IssueRequest = (r: IDBRequest, take: (v: unknown) => void) => void;

/**
 * Every request `ask` issues in `tx`, awaited as one promise that settles when the last result is taken (or the
 * first request fails, or the transaction aborts); the transaction is committed once everything is asked. One
 * promise per read rather than one per request: the background's look-ups and the bulk check's range reads go
 * through here thousands of times.
 */
export function readAll(
  tx: IDBTransaction,
  ask: (issue: IssueRequest) => void,
  abortedWords: string,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let pending = 0;
    tx.onabort = () => reject(tx.error ?? new DOMException(abortedWords, 'AbortError'));
    ask((r, take) => {
      pending++;
      r.onsuccess = () => {
        take(r.result);
        if (--pending === 0) resolve();
      };
      r.onerror = () => reject(r.error);
    });
    if (pending === 0) resolve();
    // Nothing more will be asked in it: the database may finish the transaction without waiting to be told.
    tx.commit?.();
  });
}
