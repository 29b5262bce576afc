import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyEvidence } from '../../lib/store/evidence';
import { type HeedBrowser, launchHeed } from './support/browser';

// The import wizard on the files teams already have (issue 15): a HubSpot contacts export, where only the
// rows "Unsubscribed from all email" = true may become suppressions, and an Excel workbook. Real fixture
// files through the file input of the built extension.

const FIXTURES = join(__dirname, '../fixtures/imports');

interface StoredList {
  name: string;
  total: number;
  channels?: string[];
}

async function storedLists(page: Page): Promise<StoredList[]> {
  return page.evaluate(
    () =>
      new Promise<StoredList[]>((resolve, reject) => {
        const req = indexedDB.open('heed');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const get = db.transaction('lists').objectStore('lists').getAll();
          get.onsuccess = () => {
            db.close();
            resolve(
              (get.result as { name: string; counts: { total: number }; channels?: string[] }[]).map((l) => ({
                name: l.name,
                total: l.counts.total,
                ...(l.channels ? { channels: l.channels } : {}),
              })),
            );
          };
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

async function chooseFixture(page: Page, name: string, mimeType: string): Promise<void> {
  await page.evaluate(() => {
    location.hash = '#/import';
  });
  await page.getByLabel('Suppression list file').setInputFiles({
    name,
    mimeType,
    buffer: readFileSync(join(FIXTURES, name)),
  });
  await page.getByRole('heading', { name: 'Check the file' }).waitFor();
}

async function counts(page: Page): Promise<Record<string, string>> {
  return Object.fromEntries(
    await page
      .locator('.ol-report table tr')
      .evaluateAll((rows) =>
        rows.map((r) => [r.querySelector('th')?.textContent ?? '', r.querySelector('td')?.textContent ?? '']),
      ),
  );
}

describe('options page: importing CRM exports and workbooks', () => {
  let heed: HeedBrowser;
  let page: Page;
  /** Imports this file's tests have made so far (they run in any order): each is one audit event. */
  let imports = 0;

  beforeAll(async () => {
    heed = await launchHeed();
    page = await heed.openExtensionPage('options.html#/import');
    await page.getByRole('heading', { level: 2 }).first().waitFor();
  });
  afterAll(async () => {
    await heed?.close();
  });

  it('imports only the unsubscribed rows of a HubSpot contacts export', async () => {
    await chooseFixture(page, 'hubspot-contacts-export.csv', 'text/csv');
    await page.getByText('Looks like a HubSpot contacts export').waitFor();
    await expect(page.getByLabel('Read as').inputValue()).resolves.toBe('hubspot');
    await expect(page.getByLabel('Column 4 (Email) holds').inputValue()).resolves.toBe('email');
    await expect(page.getByLabel('Column 5 (Phone Number) holds').inputValue()).resolves.toBe('ignore');
    const flag = page.getByRole('checkbox', {
      name: /Only rows where “Unsubscribed from all email” is true/,
    });
    await expect(flag.isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Reason', { exact: true }).inputValue()).resolves.toBe('unsubscribe');
    // The new list proposes to block email only: this is an email opt-out file.
    const blocks = page.getByRole('group', { name: 'The new list blocks' });
    await expect(blocks.getByRole('checkbox', { name: 'Email' }).isChecked()).resolves.toBe(true);
    await expect(blocks.getByRole('checkbox', { name: 'Phone' }).isChecked()).resolves.toBe(false);
    // The 10-column export stays within the page.
    const width = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(width).toBeLessThanOrEqual(0);

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Imported 2 entries/ })
      .waitFor({ timeout: 30_000 });
    imports++;
    const c = await counts(page);
    expect(c['Read as']).toBe('HubSpot contacts export');
    expect(c['Rows read']).toBe('8');
    expect(c['Rows imported']).toBe('2');
    expect(c['Rows skipped: not opted out']).toBe('6');
    expect(c.Added).toBe('2');
    const list = (await storedLists(page)).find((l) => l.name === 'hubspot-contacts-export');
    expect(list).toEqual({ name: 'hubspot-contacts-export', total: 2, channels: ['email'] });
  });

  it('maps a 27-column Mailchimp unsubscribed export in a list that fits the page', async () => {
    await chooseFixture(page, 'mailchimp-unsubscribed-members_export.csv', 'text/csv');
    await page.getByText('Looks like a Mailchimp unsubscribed export').waitFor();
    await expect(page.locator('table.ol-mapping tbody tr').count()).resolves.toBe(27);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByLabel('Column 1 (Email Address) holds').inputValue()).resolves.toBe('email');
    await expect(page.getByLabel('Column 4 (Address) holds').inputValue()).resolves.toBe('ignore');
    await expect(page.getByLabel('Column 5 (Phone Number) holds').inputValue()).resolves.toBe('ignore');
    await expect(page.getByLabel('Column 19 (UNSUB_TIME) holds').inputValue()).resolves.toBe('date');
    await expect(page.getByLabel('Reason', { exact: true }).inputValue()).resolves.toBe('unsubscribe');
  });

  it('imports an Excel workbook, from a chosen sheet too', async () => {
    const mime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    await chooseFixture(page, 'salesforce-opt-outs.xlsx', mime);
    await page.getByText('Looks like a Salesforce report').waitFor();
    await expect(page.getByLabel('Sheet').locator('option').allTextContents()).resolves.toEqual([
      'Opt-outs',
      'Notes & sources',
    ]);
    await expect(page.locator('table.ol-preview tbody tr').first().textContent()).resolves.toContain(
      'zoe@muller.example',
    );
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Imported \d+ entr/ })
      .waitFor({ timeout: 30_000 });
    imports++;
    const c = await counts(page);
    expect(c['Read as']).toBe('Salesforce report, sheet “Opt-outs”');
    expect(c['Rows read']).toBe('4');
    expect(c['Rows skipped: not opted out']).toBe('1');
    const list = (await storedLists(page)).find((l) => l.name === 'salesforce-opt-outs');
    expect(list?.total).toBeGreaterThanOrEqual(3);

    await page.getByRole('button', { name: 'Import another file' }).click();
    await chooseFixture(page, 'salesforce-opt-outs.xlsx', mime);
    await page.getByLabel('Sheet').selectOption({ label: 'Notes & sources' });
    await page.locator('table.ol-preview tbody', { hasText: 'second-sheet@example.com' }).waitFor();
    await page.getByLabel('New list name').fill('second sheet');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported 1 entry into “second sheet”').waitFor({ timeout: 30_000 });
    imports++;
  });

  it('imports an OPTIZMO SHA-512 download with no mapping, and finds a person in it from their address', async () => {
    await chooseFixture(page, 'optizmo-sha512-suppression.txt', 'text/plain');
    await page.getByText('Looks like an OPTIZMO suppression download').waitFor();
    await expect(page.getByLabel(/^Column 1 .*holds$/).inputValue()).resolves.toBe('sha512');
    const blocks = page.getByRole('group', { name: 'The new list blocks' });
    await expect(blocks.getByRole('checkbox', { name: 'Email' }).isChecked()).resolves.toBe(true);
    await page.getByLabel('New list name').fill('OPTIZMO SHA-512');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Imported 3 entries/ })
      .waitFor({ timeout: 30_000 });
    imports++;
    expect((await storedLists(page)).find((l) => l.name === 'OPTIZMO SHA-512')).toEqual({
      name: 'OPTIZMO SHA-512',
      total: 3,
      channels: ['email'],
    });
    // The list's search hashes the typed address the way lookups do.
    await page.evaluate(() => {
      location.hash = '#/lists';
    });
    await page.getByRole('button', { name: 'OPTIZMO SHA-512' }).click();
    await page
      .getByLabel('Find an entry (email, hash, domain, profile URL or phone)')
      .fill('B@Optizmo-Test.example');
    await page.getByRole('button', { name: 'Search' }).click();
    const results = page.getByRole('table', { name: /Search results/ });
    const hex = createHash('sha512').update('b@optizmo-test.example').digest('hex');
    await expect.poll(() => results.locator('tbody tr td.ol-value').allTextContents()).toEqual([hex]);
  });

  it('says the audit log is intact and exports an evidence pack that verifies offline', async () => {
    // An import of its own, so the pack has one to show whichever tests ran before.
    await chooseFixture(page, 'optizmo-sha512-suppression.txt', 'text/plain');
    await page.getByLabel('New list name').fill('evidence seed');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Imported \d+ entr/ })
      .waitFor({ timeout: 30_000 });
    imports++;
    await page.evaluate(() => {
      location.hash = '#/audit';
    });
    await page.getByText(/^Intact since .*entries is chained/).waitFor();
    const [d] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export evidence' }).click(),
    ]);
    expect(d.suggestedFilename()).toMatch(/^heed-evidence-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(readFileSync(await d.path(), 'utf8'));
    const verdict = await verifyEvidence(file);
    expect(verdict).toMatchObject({ ok: true, checksumOk: true, signature: 'unsigned' });
    expect(verdict.lines).toContain('Signature: unsigned (no team key on this browser).');
    // Every import made so far is in it, chained.
    expect(file.payload.audit.events.filter((e: { action: string }) => e.action === 'import').length).toBe(
      imports,
    );
    expect(file.payload.lists.map((l: { name: string }) => l.name)).toContain('evidence seed');
  });

  it('once this browser holds the team key, the evidence pack is signed by it', async () => {
    await page.evaluate(() => {
      location.hash = '#/team';
    });
    await page.getByLabel('Team name').fill('Evidence team');
    await page.getByRole('button', { name: 'Create team key' }).click();
    await page.getByText('Team key created.').waitFor();
    const fp =
      (await page
        .locator('section', { hasText: 'Team key (for team leads)' })
        .locator('code')
        .first()
        .textContent()) ?? '';
    expect(fp).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    await page.evaluate(() => {
      location.hash = '#/audit';
    });
    const [d] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export evidence' }).click(),
    ]);
    await page.getByText(`Signed by the team key ${fp}.`).waitFor();
    const text = readFileSync(await d.path(), 'utf8');
    const verdict = await verifyEvidence(JSON.parse(text), { expectKey: fp });
    expect(verdict).toMatchObject({ ok: true, signature: 'signed' });
    expect(verdict.lines).toContain(`Signature: signed by team key ${fp} (“Evidence team”).`);
    // One changed byte in the payload and the signature no longer fits.
    const tampered = text.replace('OPTIZMO SHA-512', 'OPTIZMO SHA-513');
    expect(tampered).not.toBe(text);
    expect(await verifyEvidence(JSON.parse(tampered))).toMatchObject({ ok: false, signature: 'broken' });
  });
});
