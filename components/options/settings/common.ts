import { useEffect, useState } from 'react';
import { appDb } from '@/lib/app-db';
import { ask } from '@/lib/messaging/client';
import type { HeedDb } from '@/lib/store/db';

// Small helpers the Bulk check, Settings and Audit log sections share.

/** The page's database once open (live queries need the instance itself, not a promise). */
export function useDb(): { db: HeedDb | null; error: string | null } {
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

/** Asks open pages' badges to look again. Best effort: the write itself is already done. */
export async function storeChanged(): Promise<void> {
  try {
    await ask({ type: 'store-changed' });
  } catch {
    // No background (a component test) or it is restarting: badges refresh on their next lookup anyway.
  }
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Saves a Blob under a file name through a temporary object URL (no network, no download permission). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
