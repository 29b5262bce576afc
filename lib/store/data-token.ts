import type { DBCore, DBCoreTransaction, Middleware } from 'dexie';

// Every write to the tables a lookup reads gives the database a new random "data token", in the same
// transaction as the write. A reader that remembers the token it built something from (the lookup index) can
// then tell, inside its own read transaction, whether anything changed since: the token and the data commit
// together, so a cache checked this way can never be silently stale. It is a Dexie middleware, not a call in
// each write path, so a write path added later cannot forget it.

/** The tables whose contents decide a lookup's answer. */
export const LOOKUP_TABLES: readonly string[] = ['buckets', 'lists', 'batches', 'contacts'];
export const META_TABLE = 'meta';
export const DATA_TOKEN_KEY = 'dataToken';
/** The persisted lookup index: derived from the data, so it is deleted by the same write that outdates it. */
export const LOOKUP_INDEX_KEY = 'lookupIndex';

export interface DataTokenRecord {
  key: typeof DATA_TOKEN_KEY;
  token: string;
}

/** The token of a database nothing has been written to yet. */
export const NO_TOKEN = '';

export function tokenOf(rec: unknown): string {
  const t = (rec as Partial<DataTokenRecord> | undefined)?.token;
  return typeof t === 'string' ? t : NO_TOKEN;
}

export const dataTokenMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'heed-data-token',
  create(down) {
    // One new token per transaction is enough: it becomes visible only when all the transaction's writes do.
    const bumped = new WeakSet<DBCoreTransaction>();
    return {
      ...down,
      transaction(stores, mode, options) {
        const touchesData = mode === 'readwrite' && stores.some((s) => LOOKUP_TABLES.includes(s));
        const scope = touchesData && !stores.includes(META_TABLE) ? [...stores, META_TABLE] : stores;
        return down.transaction(scope, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!LOOKUP_TABLES.includes(name)) return table;
        return {
          ...table,
          async mutate(req) {
            if (!bumped.has(req.trans)) {
              bumped.add(req.trans);
              const rec: DataTokenRecord = { key: DATA_TOKEN_KEY, token: crypto.randomUUID() };
              const meta = down.table(META_TABLE);
              await meta.mutate({ type: 'put', trans: req.trans, values: [rec] });
              // Nothing derived from the old data (say, a deleted contact's address) outlives it on disk.
              await meta.mutate({ type: 'delete', trans: req.trans, keys: [LOOKUP_INDEX_KEY] });
            }
            return table.mutate(req);
          },
        };
      },
    };
  },
};
