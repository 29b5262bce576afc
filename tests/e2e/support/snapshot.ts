import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

// A test that must start from a known store (no lists but the default one, default settings, no demo data) gets
// there inside the shared browser by restoring a backup taken before any test ran, through the options page's own
// Back up and Restore, as a user would: cheaper than a browser of its own (about 0.5 s against 2 s), and everything
// the restore changes reaches the background the way a real restore does.

async function toBackupSection(options: Page): Promise<void> {
  await options.evaluate(() => {
    location.hash = '#/backup';
  });
  await options.getByRole('heading', { name: 'Back up everything' }).waitFor();
}

/** A backup of everything Heed holds now, downloaded with the "Download backup" of `options` (an options page). */
export async function takeSnapshot(options: Page): Promise<string> {
  await toBackupSection(options);
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Download backup' }).click(),
  ]);
  return readFileSync(await download.path(), 'utf8');
}

/**
 * Replaces everything Heed holds with `snapshot` (from takeSnapshot) through the restore of `options` (an options
 * page, left on its Export & backup section).
 */
export async function restoreSnapshot(options: Page, snapshot: string): Promise<void> {
  await toBackupSection(options);
  await options.getByLabel('Backup file').setInputFiles({
    name: 'snapshot.json',
    mimeType: 'application/json',
    buffer: Buffer.from(snapshot, 'utf8'),
  });
  await options.getByRole('table', { name: 'What will change' }).waitFor();
  // The page asks for this only when the restore unblocks someone or changes settings.
  const confirm = options.getByRole('checkbox', { name: /I want this restore/ });
  if ((await confirm.count()) > 0) await confirm.check();
  await options.getByRole('button', { name: 'Replace everything with this backup' }).click();
  await options.getByText(/^Restored: /).waitFor({ timeout: 30_000 });
}
