import { useEffect, useState } from 'react';
import { appDb } from '@/lib/app-db';
import { ask } from '@/lib/messaging/client';
import type { HeedDb } from '@/lib/store/db';

/**
 * The page's database, once open. Live queries are given the opened instance rather than awaiting appDb()
 * inside the querier, because Dexie only tracks what a querier reads if it calls no other async API.
 */
export function useAppDb(): { db: HeedDb | null; error: string | null } {
  const [db, setDb] = useState<HeedDb | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    appDb().then(
      (d) => live && setDb(d),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, []);
  return { db, error };
}

/** Tells the background the lists changed so that open pages' badges look again. Best effort: the write is done. */
export async function notifyStoreChanged(): Promise<void> {
  try {
    await ask({ type: 'store-changed' });
  } catch {
    // No background (a unit test) or it is restarting: the badges refresh on their next lookup anyway.
  }
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
