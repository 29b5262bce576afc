/** A native IndexedDB request as a promise (the hot lookup paths skip Dexie: see lib/store/lookup.ts). */
export function idbRequest<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}
