import { readFileSync } from 'node:fs';
import type { HeedBrowser } from './browser';

// A test that must start from a known store (no lists but the default one, default settings, no demo data) gets
// there inside the shared browser by restoring a backup taken before any test ran, through the options page's own
// Back up and Restore, as a user would: cheaper than a browser of its own (about 0.3 s against 2 s), and everything
// the restore changes reaches the background and the open pages the way a real restore does.

/** A backup of everything Heed holds now, downloaded with the options page's "Download backup". */
export async function takeSnapshot(heed: HeedBrowser): Promise<string> {
  const page = await heed.openExtensionPage('options.html#/backup');
  try {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download backup' }).click(),
    ]);
    return readFileSync(await download.path(), 'utf8');
  } finally {
    await page.close();
  }
}

/**
 * Replaces everything Heed holds with `snapshot` (from takeSnapshot) through the options page's restore. Pages
 * opened before keep what they had read (the demo-data button, a settings form's draft): open them after this.
 */
export async function restoreSnapshot(heed: HeedBrowser, snapshot: string): Promise<void> {
  const page = await heed.openExtensionPage('options.html#/backup');
  try {
    await page.getByLabel('Backup file').setInputFiles({
      name: 'snapshot.json',
      mimeType: 'application/json',
      buffer: Buffer.from(snapshot, 'utf8'),
    });
    await page.getByRole('table', { name: 'What will change' }).waitFor();
    // The page asks for this only when the restore unblocks someone or changes settings.
    const confirm = page.getByRole('checkbox', { name: /I want this restore/ });
    if ((await confirm.count()) > 0) await confirm.check();
    await page.getByRole('button', { name: 'Replace everything with this backup' }).click();
    await page.getByText(/^Restored: /).waitFor({ timeout: 30_000 });
  } finally {
    await page.close();
  }
}
