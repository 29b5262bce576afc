import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Papa from 'papaparse';
import type { Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HeedBrowser, launchHeed, loadDemoData, waitForBadge } from './support/browser';
import { restoreSnapshot, takeSnapshot } from './support/snapshot';

// The options page's Bulk check, Settings and Audit log sections and the demo-data button, driven as a user
// would in Chromium with the built extension: a real file through the file input, real downloads read back
// from disk, and badges on pages served at their real addresses.

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

async function readDownload(d: Download): Promise<string> {
  const text = readFileSync(await d.path(), 'utf8');
  return text.replace(/^\uFEFF/, '');
}

interface AxeResult {
  passes: unknown[];
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

/** Serious and critical axe-core violations on the page as it is now. */
async function axeProblems(page: Page): Promise<string[]> {
  // The extension's CSP refuses an injected <script>; evaluating through the debugger protocol is not subject to
  // it, and axe still inspects the page's own DOM.
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const r = await page.evaluate(() =>
    (globalThis as unknown as { axe: { run: (ctx: unknown) => Promise<AxeResult> } }).axe.run(document),
  );
  // A run that checked nothing would report no violations too.
  expect(r.passes.length).toBeGreaterThan(10);
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
    );
}

async function badgeOn(heed: HeedBrowser, url: string, want?: (text: string, level: string) => boolean) {
  const page = await heed.context.newPage();
  await page.goto(url);
  const badge = await waitForBadge(
    page,
    (b) => b.level !== 'pending' && (want ? want(b.text, b.level) : true),
  );
  return { page, badge };
}

/** Chooses `csv` as the prospect file and checks every row with the page's defaults, until the result shows. */
async function checkFile(options: Page, name: string, csv: string, rows: number): Promise<void> {
  await options
    .getByLabel('Prospect file (CSV or TSV)')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await options.getByRole('button', { name: 'Check every row' }).click();
  await options.getByText(new RegExp(`Checked ${rows} rows`)).waitFor();
}

/** Five prospects with different verdicts once the demo data is loaded (Jane blocked, Ada high, Emma ok, …). */
const CAMPAIGN = [
  'Name,Email,LinkedIn,Country',
  'Jane,,https://www.linkedin.com/in/jane-doe-1a2b3c/,',
  'Ada,ada@adaworks.example,,',
  'Emma,,https://www.linkedin.com/in/emma-tremblay/,',
  'Sam,sam@gmail.com,,GB',
  'Max,,https://www.linkedin.com/in/max-mustermann/,',
].join('\r\n');

// The tests share one browser but not its state: each opens its own options page, and those that count on the
// store (demo data, settings, the audit log) first put it back as it was before any test ran and then seed what
// they need, so the file passes in any order.
describe('options page: bulk check, settings, audit log, demo data', () => {
  let heed: HeedBrowser;
  let openPage: Page | undefined;
  let firstRun: string;
  let storeTouched = false;
  beforeAll(async () => {
    heed = await launchHeed();
    openPage = await heed.openExtensionPage('options.html#/backup');
    firstRun = await takeSnapshot(openPage);
  });
  afterAll(async () => {
    await heed?.close();
  });

  /**
   * A new options page at `section` (the previous test's page closed). With `fromFirstRun`, the store is first put
   * back to how the browser started; with `demo`, the demo data is then loaded on top (from this page's header).
   */
  async function openOptions(
    section: string,
    seed: { fromFirstRun?: boolean; demo?: boolean } = {},
  ): Promise<Page> {
    await openPage?.close();
    openPage = undefined;
    // Until a test has opened a page, the store is as the snapshot found it: the first test needs no restore (and
    // skips the browser's slow first read of managed storage, about 3 s after launch, which a restore makes).
    const restore = (seed.fromFirstRun || seed.demo) && storeTouched;
    storeTouched = true;
    // A restore opens the page where it is done; tests that remove demo data start from `demo`, which loads it
    // through the header's button.
    const page = await heed.openExtensionPage(`options.html#/${restore ? 'backup' : section}`);
    openPage = page;
    if (restore) await restoreSnapshot(page, firstRun);
    if (seed.demo) await loadDemoData(heed, page);
    if (restore) {
      await page.evaluate((s) => {
        location.hash = `#/${s}`;
      }, section);
    }
    return page;
  }

  it('loads the demo data from the header, and the demo pages show it', async () => {
    const options = await openOptions('bulk', { fromFirstRun: true });
    const before = await badgeOn(heed, 'https://www.linkedin.com/in/jane-doe-1a2b3c/');
    expect(before.badge.level).toBe('unknown');
    await options.getByRole('button', { name: 'Load demo data' }).click();
    // It says what it adds before adding anything (issue 20, item 13).
    await options.getByText(/Demo data adds three lists of its own/).waitFor();
    expect(await options.getByText('Demo data loaded').count()).toBe(0);
    await options.getByRole('button', { name: 'Load demo lists' }).click();
    await options.getByText('Demo data loaded').waitFor();
    // store-changed makes the open page look again without a reload.
    await waitForBadge(before.page, (b) => b.level === 'blocked');
    await before.page.close();
    const max = await badgeOn(heed, 'https://www.linkedin.com/in/max-mustermann/');
    expect(max.badge.level).toBe('caution');
    await max.page.close();
  });

  it('keeps demo data in its own lists, out of Do not contact, and removes it in one click with undo', async () => {
    const options = await openOptions('bulk', { demo: true });
    const listsPage = await heed.openExtensionPage('options.html#/lists');
    const entriesOf = (name: string) =>
      listsPage
        .getByRole('row', { name: new RegExp(`^${name}`) })
        .locator('td')
        .first()
        .textContent();
    await expect.poll(() => entriesOf('Demo — Do not contact')).toBe('1');
    expect(await entriesOf('Do not contact')).toBe('0');
    await listsPage.close();

    const jane = await badgeOn(heed, 'https://www.linkedin.com/in/jane-doe-1a2b3c/');
    expect(jane.badge.level).toBe('blocked');
    await options.getByRole('button', { name: 'Remove demo data' }).click();
    await options.getByText('Demo data removed').waitFor();
    await waitForBadge(jane.page, (b) => b.level === 'unknown');
    await options.getByRole('button', { name: 'Undo' }).click();
    await options.getByText('Demo data loaded').waitFor();
    await waitForBadge(jane.page, (b) => b.level === 'blocked');
    await jane.page.close();
  });

  it('the header’s demo-data button follows a restore that takes the demo data away, without a reload', async () => {
    const options = await openOptions('backup', { demo: true });
    await options.getByRole('button', { name: 'Remove demo data' }).waitFor();
    await restoreSnapshot(options, firstRun);
    await options.getByRole('button', { name: 'Load demo data' }).waitFor();
    expect(await options.getByRole('button', { name: 'Remove demo data' }).count()).toBe(0);
  });

  it('checks a prospect file and downloads it back with a verdict per row', async () => {
    const options = await openOptions('bulk', { demo: true });
    const csv = [
      'Name,Email,LinkedIn,Country',
      'Jane,,https://www.linkedin.com/in/jane-doe-1a2b3c/,',
      'Ada,ada@adaworks.example,,',
      'Emma,,https://www.linkedin.com/in/emma-tremblay/,',
      'Sam,sam@gmail.com,,GB',
      'Formula,=1+1,,',
    ].join('\r\n');
    await options
      .getByLabel('Prospect file (CSV or TSV)')
      .setInputFiles({ name: 'campaign.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await expect.poll(() => options.getByLabel('Use column Email as').inputValue()).toBe('email');
    expect(await options.getByLabel('Use column LinkedIn as').inputValue()).toBe('profile');
    expect(await options.getByLabel('Use column Country as').inputValue()).toBe('country');
    expect(await options.getByLabel('Use column Name as').inputValue()).toBe('ignore');

    // Full sentences are an option now (issue 20, item 11): this test reads them.
    await options.getByLabel(/Also full sentences with citations/).check();
    await options.getByRole('button', { name: 'Check every row' }).click();
    await options.getByText(/Checked 5 rows/).waitFor();
    const counts = await options
      .locator('table', { has: options.getByText('Rows per level') })
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [r.getAttribute('data-level'), r.querySelector('td')?.textContent]),
      );
    expect(Object.fromEntries(counts)).toMatchObject({
      blocked: '1',
      high: '1',
      ok: '1',
      invalid: '1',
      unknown: '1',
    });

    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: /Download checked file/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('campaign-heed-checked.csv');
    const parsed = Papa.parse<Record<string, string>>(await readDownload(download), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((r) => [r.Name, r.heed_level])).toEqual([
      ['Jane', 'blocked'],
      ['Ada', 'high'],
      ['Emma', 'ok'],
      ['Sam', 'unknown'],
      ['Formula', 'invalid'],
    ]);
    // A UK individual at a webmail address, no consent: email blocked, with the rule cited.
    expect(parsed.data[3]?.heed_email).toBe('blocked');
    expect(parsed.data[3]?.heed_reasons).toMatch(/PECR/);
    expect(parsed.data[0]?.heed_reasons).toMatch(/\(GDPR Art\. 21/);
    expect(parsed.data[4]?.Email).toBe("'=1+1");
  });

  it('by default writes short codes, shows the removed rows, and gives the clean file and the removed rows', async () => {
    // A page of its own: the defaults, not a choice another test made.
    const options = await openOptions('bulk', { demo: true });
    await options
      .getByLabel('Prospect file (CSV or TSV)')
      .setInputFiles({ name: 'campaign.csv', mimeType: 'text/csv', buffer: Buffer.from(CAMPAIGN, 'utf8') });
    await expect.poll(() => options.getByLabel('Use column Email as').inputValue()).toBe('email');
    expect(await options.getByLabel('The campaign goes out by').inputValue()).toBe('email');
    await options.getByRole('button', { name: 'Check every row' }).click();
    await options.getByText(/Checked 5 rows/).waitFor();

    const table = options.getByRole('table', { name: /Rows removed from the clean file/ });
    await table.waitFor();
    const shown = await table
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent)));
    expect(shown.map((r) => [r[0], r[1]])).toEqual([
      ['1', 'https://www.linkedin.com/in/jane-doe-1a2b3c/'],
      ['2', 'ada@adaworks.example'],
      ['4', 'sam@gmail.com'],
    ]);

    const [checked] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: /Download checked file/ }).click(),
    ]);
    const all = Papa.parse<Record<string, string>>(await readDownload(checked), {
      header: true,
      skipEmptyLines: true,
    });
    expect(all.meta.fields).not.toContain('heed_reasons');
    expect(all.data[3]?.heed_reason_codes).toBe('pecr-individual-no-consent');

    const [clean] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: /Download clean file \(2 rows/ }).click(),
    ]);
    expect(clean.suggestedFilename()).toBe('campaign-heed-clean.csv');
    const kept = Papa.parse<Record<string, string>>(await readDownload(clean), {
      header: true,
      skipEmptyLines: true,
    });
    expect(kept.meta.fields).toEqual(['Name', 'Email', 'LinkedIn', 'Country']);
    expect(kept.data.map((r) => r.Name)).toEqual(['Emma', 'Max']);

    const [removed] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: /Download removed rows with why \(3 rows/ }).click(),
    ]);
    expect(removed.suggestedFilename()).toBe('campaign-heed-removed.csv');
    const out = Papa.parse<Record<string, string>>(await readDownload(removed), {
      header: true,
      skipEmptyLines: true,
    });
    expect(out.data.map((r) => [r.Name, r.heed_level])).toEqual([
      ['Jane', 'blocked'],
      ['Ada', 'high'],
      ['Sam', 'unknown'],
    ]);
    expect(out.data[2]?.heed_why).toMatch(/consent/i);
  });

  it('has no serious or critical accessibility problems in the bulk check, with a result shown', async () => {
    const options = await openOptions('bulk', { demo: true });
    await checkFile(options, 'campaign.csv', CAMPAIGN, 5);
    // The result as the defaults show it: the rows per level and the removed rows.
    await options.getByRole('table', { name: /Rows removed from the clean file/ }).waitFor();
    expect(await axeProblems(options)).toEqual([]);
  });

  it('shows progress on a large file and stops on Cancel, producing nothing', async () => {
    const options = await openOptions('bulk');
    const lines = ['email,country'];
    for (let i = 0; i < 60_000; i++) lines.push(`person${i}@corp${i % 97}.example,${i % 2 ? 'GB' : 'DE'}`);
    await options.getByLabel('Prospect file (CSV or TSV)').setInputFiles({
      name: 'big.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(lines.join('\n'), 'utf8'),
    });
    await options.getByLabel('Use column email as').waitFor();
    await options.getByRole('button', { name: 'Check every row' }).click();
    await options.getByText(/[1-9][\d,]* rows checked/).waitFor();
    await options.getByRole('button', { name: 'Cancel' }).click();
    await options.getByText('Check cancelled. No file was produced.').waitFor();
    expect(await options.getByRole('button', { name: /Download checked file/ }).count()).toBe(0);
  });

  it('changes a profile page’s verdict when the default country and subscriber change', async () => {
    // The default settings: no default country, subscriber not known.
    const options = await openOptions('settings', { fromFirstRun: true });
    const sam = await badgeOn(heed, 'https://www.linkedin.com/in/sam-lee-99/');
    expect(sam.badge.text).toMatch(/country not known/i);
    expect(sam.badge.text).not.toMatch(/UK individual/);

    await options.getByLabel('Default country').selectOption('GB');
    await options.getByLabel('Default subscriber').selectOption('individual');
    await options.getByRole('button', { name: 'Save settings' }).click();
    await options.getByText(/Settings saved \(2 changed\)/).waitFor();

    // The open page re-checks on store-changed: no reload.
    const after = await waitForBadge(sam.page, (b) => /UK individual/.test(b.text));
    // The plain sentence (issue 20, item 1) words the same block: email, SMS and InMail.
    expect(after.text).toMatch(/Don't email, text or send InMail — no consent for a UK individual/);

    // Undo puts the previous settings back and the badge follows.
    await options.getByRole('button', { name: 'Undo' }).click();
    await options.getByText(/Change undone/).waitFor();
    await waitForBadge(sam.page, (b) => /country not known/i.test(b.text));
    await sam.page.close();
  });

  it('refuses a bad domain list with a clear error and keeps what was typed', async () => {
    // No extra personal-email domains yet, so saving one is one change.
    const options = await openOptions('settings', { fromFirstRun: true });
    const field = options.getByLabel('Additional personal-email domains');
    await field.fill('mail.example\nnot a domain\nco.uk');
    await options.getByRole('button', { name: 'Save settings' }).click();
    await options.getByText(/public suffix/).waitFor();
    expect(await field.inputValue()).toBe('mail.example\nnot a domain\nco.uk');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await field.fill('mail.example');
    await options.getByRole('button', { name: 'Save settings' }).click();
    await options.getByText(/Settings saved \(1 changed\)/).waitFor();
  });

  it('shows storage used and asks for persistent storage', async () => {
    const options = await openOptions('settings');
    await expect.poll(() => options.getByTestId('storage-used').textContent()).toMatch(/MB$/);
    const button = options.getByRole('button', { name: "Ask the browser to keep Heed's data" });
    if (await button.isEnabled()) {
      await button.click();
      await options.getByText(/The browser (will keep|declined)/).waitFor();
    }
    expect(await options.getByTestId('storage-persisted').textContent()).toMatch(/^(Yes|No)$/);
  });

  it('validates a site before asking the browser for access', async () => {
    const options = await openOptions('settings');
    await options.getByLabel('Add a site').fill('http://crm.example.com');
    await options.getByRole('button', { name: 'Ask the browser for access' }).click();
    await options.getByText('Only HTTPS sites can be annotated.').waitFor();
    await options.getByLabel('Add a site').fill('www.linkedin.com');
    await options.getByRole('button', { name: 'Ask the browser for access' }).click();
    await options.getByText('www.linkedin.com is always annotated.').waitFor();
  });

  it('has no serious or critical accessibility problems in the settings', async () => {
    const options = await openOptions('settings');
    // With the errors a user can meet shown: a refused domain list and a refused site.
    const domains = options.getByLabel('Additional personal-email domains');
    await domains.fill('not a domain');
    await options.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => domains.getAttribute('aria-invalid')).toBe('true');
    await options.getByLabel('Add a site').fill('http://crm.example.com');
    await options.getByRole('button', { name: 'Ask the browser for access' }).click();
    await options.getByText('Only HTTPS sites can be annotated.').waitFor();
    expect(await axeProblems(options)).toEqual([]);
  });

  it('can be used from the keyboard alone, with a visible focus ring', async () => {
    // No default country yet, so choosing the first one is a change to save.
    const options = await openOptions('settings', { fromFirstRun: true });
    await options.getByLabel('Default country').waitFor();
    await options.locator('body').click({ position: { x: 1, y: 1 } });
    const seen: { label: string; outline: string }[] = [];
    // The settings page grew (team facts, the send check, side panel, policy): 80 presses reach its end.
    for (let i = 0; i < 80; i++) {
      await options.keyboard.press('Tab');
      const f = await options.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const id = el.id;
        const label = id ? document.querySelector(`label[for="${CSS.escape(id)}"]`)?.textContent : null;
        return {
          label: (label ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim(),
          outline: getComputedStyle(el).outlineStyle,
        };
      });
      if (f) seen.push(f);
    }
    const labels = seen.map((s) => s.label);
    for (const want of ['Default country', 'Default subscriber', 'Save settings', 'Add a site']) {
      expect(labels).toContain(want);
    }
    expect(seen.filter((s) => s.outline === 'none').map((s) => s.label)).toEqual([]);

    // Change the default country and save with keys only.
    await options.getByLabel('Default country').focus();
    await options.keyboard.press('Home');
    await options.keyboard.press('ArrowDown');
    const chosen = await options.getByLabel('Default country').inputValue();
    expect(chosen).not.toBe('');
    await options.getByRole('button', { name: 'Save settings' }).focus();
    await options.keyboard.press('Enter');
    await options.getByText(/Settings saved/).waitFor();
  });

  it('logs settings changes, the demo import and the export, filterable, and exports the log without personal data', async () => {
    // Seed the events to log: the demo import, a bulk check's result downloaded (5 rows), the demo data removed
    // (its Do not contact list held 1 entry), and three settings saved.
    const options = await openOptions('bulk', { demo: true });
    await checkFile(options, 'campaign.csv', CAMPAIGN, 5);
    await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: /Download checked file/ }).click(),
    ]);
    await options.getByRole('button', { name: 'Remove demo data' }).click();
    await options.getByText('Demo data removed').waitFor();
    await options.goto(`chrome-extension://${heed.extensionId}/options.html#/settings`);
    const changes: [string, (field: Locator) => Promise<unknown>][] = [
      ['Default country', (f) => f.selectOption('DE')],
      ['Default subscriber', (f) => f.selectOption('corporate')],
      ['Additional personal-email domains', (f) => f.fill('mail.example')],
    ];
    for (const [label, change] of changes) {
      await change(options.getByLabel(label));
      await options.getByRole('button', { name: 'Save settings' }).click();
      const saved = options.getByText(/Settings saved \(1 changed\)/);
      await saved.waitFor();
      // Gone before the next save, so the next wait sees that save's notice.
      await options.getByRole('button', { name: /^Dismiss: Settings saved/ }).click();
      await saved.waitFor({ state: 'detached' });
    }
    await options.goto(`chrome-extension://${heed.extensionId}/options.html#/audit`);
    const rows = options.locator('table tbody tr');
    await rows.first().waitFor();
    const all = await rows.count();
    expect(all).toBeGreaterThanOrEqual(5);
    await options.getByLabel('Action').selectOption('settings');
    await expect.poll(() => rows.count()).toBeLessThan(all);
    const actions = await rows.locator('td:nth-child(2)').allTextContents();
    expect(actions.length).toBeGreaterThanOrEqual(3);
    expect(new Set(actions)).toEqual(new Set(['Settings changed']));
    await options.getByLabel('Action').selectOption('export');
    await expect.poll(() => rows.locator('td:nth-child(6)').allTextContents()).toContain('bulk check result');
    // Counts in words, not field names (issue 20, item 12): "5 rows", not "rows 5".
    expect(await rows.locator('td:nth-child(5)').allTextContents()).toContain('5 rows');
    await options.getByLabel('Action').selectOption('delete-list');
    await expect.poll(() => rows.locator('td:nth-child(5)').allTextContents()).toContain('1 entry');

    // A range that ends before it starts is refused in words, not by an empty table.
    await options.getByLabel('Action').selectOption('');
    await options.getByLabel('From').fill('2030-01-02');
    await options.getByLabel('To').fill('2030-01-01');
    await options.getByText('The end date is before the start date.').waitFor();
    await options.getByLabel('To').fill('2030-01-03');
    await options.getByText('No events match these filters.').waitFor();
    await options.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(all);

    expect(await axeProblems(options)).toEqual([]);

    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export the log as CSV' }).click(),
    ]);
    const text = await readDownload(download);
    expect(text.split('\r\n')[0]).toBe('id,at,actor,action,listId,counts,detail');
    expect(text).toMatch(/,settings,/);
    expect(text).not.toMatch(/@|linkedin\.com|jane|adaworks|campaign\.csv/i);
    await options.getByText(/Exported \d+ events/).waitFor();
  });

  it('sent nothing from the extension to anywhere outside it', () => {
    expect(heed.extensionRequests).toEqual([]);
  });
});
