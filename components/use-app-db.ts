import { useEffect, useState } from 'react';
import { appDb } from '@/lib/app-db';
import { errorText } from '@/lib/messaging/client';
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
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, []);
  return { db, error };
}
