import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HeedBrowser, launchHeed } from './support/browser';

/** Every list as IndexedDB holds it, read from an extension page (the database lives in the extension's origin). */
async function lists(page: Page): Promise<{ name: string; total: number }[]> {
  return page.evaluate(
    () =>
      new Promise<{ name: string; total: number }[]>((resolve, reject) => {
        const req = indexedDB.open('heed');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const get = req.result.transaction('lists').objectStore('lists').getAll();
          get.onsuccess = () => {
            req.result.close();
            resolve(
              (get.result as { name: string; counts: { total: number } }[])
                .map((l) => ({ name: l.name, total: l.counts.total }))
                .sort((a, b) => a.name.localeCompare(b.name)),
            );
          };
        };
      }),
  );
}

async function bucketCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const req = indexedDB.open('heed');
        req.onsuccess = () => {
          const c = req.result.transaction('buckets').objectStore('buckets').count();
          c.onsuccess = () => {
            req.result.close();
            resolve(c.result);
          };
        };
      }),
  );
}

describe('faults', () => {
  let heed: HeedBrowser;
  beforeAll(async () => {
    heed = await launchHeed();
  });
  afterAll(async () => {
    await heed?.close();
  });

  it('closing the tab mid-import, while it saves, leaves every list exactly as it was', async () => {
    const page = await heed.openExtensionPage('options.html#/import');
    // The page puts the default list in place before it shows the import form: read the lists after that.
    await page.getByLabel('Suppression list file').waitFor();
    const before = await lists(page);
    const bucketsBefore = await bucketCount(page);
    const rows = Array.from({ length: 400_000 }, (_, i) => `closed.tab.${i}@example.net`).join('\n');
    await page.getByLabel('Suppression list file').setInputFiles({
      name: 'closed-tab.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`email\n${rows}\n`),
    });
    await page.getByRole('heading', { name: 'Check the file' }).waitFor();
    await page.getByRole('radio', { name: 'An existing list' }).check();
    await page.getByLabel('Existing list', { exact: true }).selectOption({ label: 'Do not contact' });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    // Close the tab once the one write transaction is under way.
    await page.getByText('Step 2 of 2: saving the entries…').waitFor({ timeout: 60_000 });
    await page.close({ runBeforeUnload: false });

    const again = await heed.openExtensionPage('options.html#/lists');
    expect(await lists(again)).toEqual(before);
    expect(await bucketCount(again)).toBe(bucketsBefore);
    await again.close();
  });

  it('sent nothing from the extension to the network', () => {
    expect(heed.extensionRequests).toEqual([]);
  });
});
