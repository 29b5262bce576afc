import type { DBCore, DBCoreTransaction, Middleware } from 'dexie';

// Every committed write to a table that decides what Heed shows is announced here, in the context that made it,
// once its transaction has committed. A Dexie middleware, like the data token: a write path added later (a new
// command, an import, a restore) is announced without remembering to. Pages forward the announcement to the
// background (lib/messaging/store-changes.ts), which wakes it if asleep and makes it refresh open badges.

export interface CommittedWrite {
  db: string;
  tables: string[];
}

type Listener = (write: CommittedWrite) => void;
const listeners = new Set<Listener>();

/** Calls `listener` after every committed write made in this context; returns the unsubscribe. */
export function onCommittedWrite(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The middleware for one database. `watched` are the tables that matter: meta (derived data) and the audit log
 * change no verdict, and the background writes both itself, so they are not announced.
 */
export function writeFeedMiddleware(dbName: string, watched: readonly string[]): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'heed-write-feed',
    create(down) {
      const written = new WeakMap<DBCoreTransaction, Set<string>>();
      return {
        ...down,
        transaction(stores, mode, options) {
          const trans = down.transaction(stores, mode, options);
          if (mode === 'readwrite' && stores.some((s) => watched.includes(s))) {
            // The core transaction is the IDBTransaction: 'complete' fires only once the data is on disk.
            (trans as unknown as EventTarget).addEventListener?.('complete', () => {
              const tables = written.get(trans);
              if (!tables) return;
              const write = { db: dbName, tables: [...tables] };
              for (const l of listeners) l(write);
            });
          }
          return trans;
        },
        table(name) {
          const table = down.table(name);
          if (!watched.includes(name)) return table;
          return {
            ...table,
            mutate(req) {
              const tables = written.get(req.trans) ?? new Set<string>();
              written.set(req.trans, tables);
              tables.add(name);
              return table.mutate(req);
            },
          };
        },
      };
    },
  };
}
