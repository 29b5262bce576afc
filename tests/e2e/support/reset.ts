import type { Page } from 'playwright-core';
import type { HeedBrowser } from './browser';

/**
 * Empties every table of the extension's IndexedDB database `name` inside the shared browser, so a test can start
 * from nothing without the cost of a browser of its own. The tables are cleared in the service worker (the
 * extension's origin, where its pages' databases live), on a connection of its own at the current version: the
 * extension's open connections stay usable, and nothing is deleted or upgraded. The extension does not see these
 * writes (they bypass Dexie and its write feed): open pages keep what they had read, so open them after the reset,
 * and tell the background with tellStoreChanged.
 */
export async function clearDatabase(heed: HeedBrowser, name: string): Promise<void> {
  await heed.worker.evaluate(async (db: string) => {
    if (!(await indexedDB.databases()).some((d) => d.name === db)) return; // never opened: nothing to clear
    const conn = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(db);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    try {
      const stores = [...conn.objectStoreNames];
      if (stores.length === 0) return;
      const tx = conn.transaction(stores, 'readwrite');
      for (const s of stores) tx.objectStore(s).clear();
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error ?? new Error('clearing aborted'));
      });
    } finally {
      conn.close();
    }
  }, name);
}

/**
 * Sends 'store-changed' from the extension page `page`, as a page does after its own writes, and waits for the
 * background's answer: by then the toolbar reminder and open badges have been worked out again from the store.
 */
export async function tellStoreChanged(page: Page): Promise<void> {
  const reply = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'store-changed' }));
  if (!(reply as { ok?: boolean } | undefined)?.ok) {
    throw new Error(`the background did not take the store change: ${JSON.stringify(reply)}`);
  }
}
