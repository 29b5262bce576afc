import { useEffect, useState } from 'react';
import { appDb } from '@/lib/app-db';
import { shownError } from '@/lib/i18n/shown-error';
import { type SelfDb, selfDb } from '@/lib/mydata/db';
import type { HeedDb } from '@/lib/store/db';

/** A database as a component sees it: null until open; `error` says why it could not open. */
export interface OpenedDb<T> {
  db: T | null;
  error: string | null;
}

/**
 * The one way a page's components get a database: the top component of a page or section calls the hook and
 * passes `db` down as a prop. Both openers are cached per page, so every caller shares one instance. Live queries
 * are given the opened instance rather than awaiting the opener inside the querier, because Dexie only tracks
 * what a querier reads if it calls no other async API.
 */
function useOpened<T>(open: () => Promise<T>): OpenedDb<T> {
  const [state, setState] = useState<OpenedDb<T>>({ db: null, error: null });
  useEffect(() => {
    let live = true;
    open().then(
      (db) => live && setState({ db, error: null }),
      (e: unknown) => live && setState({ db: null, error: shownError(e) }),
    );
    return () => {
      live = false;
    };
  }, [open]);
  return state;
}

/** The extension's database (lists, entries, contacts, settings, audit). */
export function useAppDb(): OpenedDb<HeedDb> {
  return useOpened(appDb);
}

/** The user's own database (My data: identities, requests). */
export function useSelfDb(): OpenedDb<SelfDb> {
  return useOpened(selfDb);
}
