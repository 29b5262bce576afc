import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDb } from '../../lib/store/db';
import { addEntries, removeEntry } from '../../lib/store/entries';
import { createList } from '../../lib/store/lists';
import { verifyTeamBundle } from '../../lib/team/apply';
import { exportTeamBundle } from '../../lib/team/export';
import { createTeamKey, getSigningKey, groupedFingerprint } from '../../lib/team/keys';
import { type HeedBrowser, launchHeed } from './support/browser';
import { keyedExtensionCopy, writeExtensionPolicy } from './support/policy';
import { clearDatabase, tellStoreChanged } from './support/reset';

// Team bundles and organisation policy in Chromium with the built extension, driven as a rep and a lead would:
// bundle files through the Team section's file input, a real managed-policy file under /etc/chromium/policies.
// The lead's bundles are made in Node with the same library code (an in-memory database), so each test knows
// exactly what it hands the rep.

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Serious or critical axe violations on the page as it is now (axe evaluated through the debugger, not the CSP). */
async function axeSeriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx?: unknown) => Promise<unknown> } }).axe;
    return (await axe.run(document)) as {
      violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
    };
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
}

interface StoredList {
  id: string;
  name: string;
  total: number;
  managed?: { bundleVersion: number; teamName: string };
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
              (
                get.result as {
                  id: string;
                  name: string;
                  counts: { total: number };
                  managed?: StoredList['managed'];
                }[]
              ).map((l) => ({
                id: l.id,
                name: l.name,
                total: l.counts.total,
                ...(l.managed ? { managed: l.managed } : {}),
              })),
            );
          };
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

async function gotoSection(page: Page, section: string): Promise<void> {
  await page.evaluate((s) => {
    location.hash = `#/${s}`;
  }, section);
  await page
    .getByRole('heading', { level: 2, name: section === 'team' ? 'Team' : /./ })
    .first()
    .waitFor();
}

function bundleFile(name: string, bytes: Uint8Array) {
  return { name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) };
}

async function chooseBundle(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.getByLabel(/Team bundle file/).setInputFiles(bundleFile(name, bytes));
}

interface SettingsRow {
  key: 'settings';
  value: { retentionDays: number } & Record<string, unknown>;
}

/** The settings record as stored in the extension's database (read in the service worker), if there is one. */
async function storedSettings(heed: HeedBrowser): Promise<SettingsRow | undefined> {
  return heed.worker.evaluate(
    () =>
      new Promise<SettingsRow | undefined>((resolve, reject) => {
        const req = indexedDB.open('heed');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const get = db.transaction('settings').objectStore('settings').get('settings');
          get.onsuccess = () => {
            db.close();
            resolve(get.result as SettingsRow | undefined);
          };
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

/**
 * Empties the extension's database (putting `settings` back when given) and loads `page` again at `section`: the
 * page opens the database anew and puts the default "Do not contact" list back, as on a first run, and the
 * background forgets what the last test wrote.
 */
async function resetStore(
  heed: HeedBrowser,
  page: Page,
  section: string,
  settings?: SettingsRow,
): Promise<void> {
  await clearDatabase(heed, 'heed');
  if (settings) {
    await heed.worker.evaluate(
      (row) =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('heed');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const db = req.result;
            const tx = db.transaction('settings', 'readwrite');
            tx.objectStore('settings').put(row);
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      settings,
    );
  }
  await page.evaluate((s) => {
    location.hash = `#/${s}`;
  }, section);
  await page.reload();
  await page.getByRole('heading', { level: 2 }).first().waitFor();
  await tellStoreChanged(page);
}

let dbs = 0;
async function leadWith(team: string, emails: string[]) {
  const db = await openDb(`lead-${team}-${Date.now()}-${dbs++}`);
  await createTeamKey(db, team);
  const list = await createList(db, { name: `${team} do not contact`, channels: ['email'] });
  await addEntries(
    db,
    list.id,
    emails.map((value) => ({ kind: 'email' as const, value })),
    { reason: 'objection', since: '2026-02-01' },
  );
  const key = (await getSigningKey(db))!;
  return { db, listId: list.id, key };
}

describe('team bundles in the options page', () => {
  let heed: HeedBrowser;
  let page: Page;
  let lead: Awaited<ReturnType<typeof leadWith>>;
  const v: Record<string, Uint8Array<ArrayBuffer>> = {};

  beforeAll(async () => {
    lead = await leadWith('Acme', [
      'ann@acme-client.example',
      'bob@acme-client.example',
      'cy@acme-client.example',
    ]);
    v.v1 = (
      await exportTeamBundle(lead.db, { listIds: [lead.listId], entryMode: 'plain', delta: false })
    ).bytes;
    await removeEntry(lead.db, lead.listId, 'email', 'bob@acme-client.example');
    await addEntries(lead.db, lead.listId, [{ kind: 'email', value: 'dee@acme-client.example' }], {
      reason: 'unsubscribe',
    });
    v.v2 = (
      await exportTeamBundle(lead.db, { listIds: [lead.listId], entryMode: 'plain', delta: true })
    ).bytes;
    await addEntries(lead.db, lead.listId, [{ kind: 'email', value: 'eve@acme-client.example' }], {
      reason: 'objection',
    });
    v.v3 = (
      await exportTeamBundle(lead.db, { listIds: [lead.listId], entryMode: 'plain', delta: true })
    ).bytes;
    heed = await launchHeed();
    page = await heed.openExtensionPage('options.html#/team');
  });
  // Every test starts from an empty store (no pinned key, no team list, no team key of its own) on a reloaded Team
  // section and applies the versions it builds on itself, so the file passes in any order.
  beforeEach(async () => {
    await resetStore(heed, page, 'team');
    await page.getByRole('heading', { name: 'Import a team bundle' }).waitFor();
  });

  /** Seeds the rep's store with the lead's bundles up to `version`, as the rep applies them (trusting the key once). */
  async function applyUpTo(version: 1 | 2 | 3): Promise<void> {
    await chooseBundle(page, 'acme-v1.heedbundle', v.v1!);
    await page.getByRole('button', { name: 'Trust this key and apply' }).click();
    await page.getByText(/Applied version 1 of “Acme”/).waitFor();
    for (let n = 2; n <= version; n++) {
      await chooseBundle(page, `acme-v${n}-delta.heedbundle`, v[`v${n}`]!);
      await page.getByRole('button', { name: 'Apply bundle' }).click();
      await page.getByText(new RegExp(`Applied version ${n} `)).waitFor();
    }
  }
  afterAll(async () => {
    await heed?.close();
  });

  it('refuses a tampered bundle and changes nothing', async () => {
    const tampered = v.v1!.slice();
    tampered[tampered.length - 5] = (tampered[tampered.length - 5] as number) ^ 0x20;
    await chooseBundle(page, 'acme-v1.heedbundle', tampered);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/changed after it was signed.*Nothing was changed/);
    expect((await storedLists(page)).filter((l) => l.managed)).toEqual([]);
  });

  it('shows the key fingerprint on first import, pins it and applies the bundle as a managed list', async () => {
    await chooseBundle(page, 'acme-v1.heedbundle', v.v1!);
    await page.getByText('Signature valid.').waitFor();
    await expect(page.locator('.tm-check').textContent()).resolves.toContain(
      groupedFingerprint(lead.key.keyId),
    );
    await expect(page.locator('.tm-check').textContent()).resolves.toMatch(/version 1 \(full\) of “Acme”/);
    expect(await axeSeriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Trust this key and apply' }).click();
    await page.getByText(/Applied version 1 of “Acme”: 1 team list, 3 entries added/).waitFor();
    const managed = (await storedLists(page)).filter((l) => l.managed);
    expect(managed).toMatchObject([{ name: 'Acme do not contact', total: 3, managed: { bundleVersion: 1 } }]);
    await expect(page.locator('.tm-keys').textContent()).resolves.toContain('version 1 applied');
  });

  it('refuses the same version again, and an update that leaves a gap', async () => {
    await applyUpTo(1);
    await chooseBundle(page, 'acme-v1.heedbundle', v.v1!);
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/version 1 .* is already applied/);
    await chooseBundle(page, 'acme-v3-delta.heedbundle', v.v3!);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/applies on top of version 2, but version 1 is applied here/);
    expect((await storedLists(page)).find((l) => l.managed)?.total).toBe(3);
  });

  it('applies delta updates in order', async () => {
    await applyUpTo(1);
    await chooseBundle(page, 'acme-v2-delta.heedbundle', v.v2!);
    await page
      .getByText(/changes since version 1/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Apply bundle' }).click();
    await page.getByText(/Applied version 2 .* 1 entries added, 1 removed/).waitFor();
    await chooseBundle(page, 'acme-v3-delta.heedbundle', v.v3!);
    await page.getByRole('button', { name: 'Apply bundle' }).click();
    await page.getByText(/Applied version 3/).waitFor();
    expect((await storedLists(page)).find((l) => l.managed)).toMatchObject({
      total: 4,
      managed: { bundleVersion: 3 },
    });
  });

  it('a managed list can be read and searched but offers no edit, merge or delete', async () => {
    await applyUpTo(3);
    await gotoSection(page, 'lists');
    await page.getByRole('button', { name: 'Acme do not contact' }).click();
    await page.getByText(/Managed by your team “Acme” \(bundle version 3\)/).waitFor();
    await expect(page.getByRole('button', { name: 'Delete list…' }).count()).resolves.toBe(0);
    await expect(page.getByText('Rename, describe or change scope').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /^Delete .*@/ }).count()).resolves.toBe(0);
    await page
      .getByRole('searchbox')
      .or(page.getByLabel(/Search/))
      .first()
      .fill('dee@acme-client.example');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('dee@acme-client.example');
  });

  it('a lead creates a team key, exports a bundle that verifies against it, and deletes the key after a confirmation', async () => {
    await gotoSection(page, 'team');
    await page.getByLabel('Team name').fill('Rep’s own team');
    await page.getByRole('button', { name: 'Create team key' }).click();
    await page.getByText('Team key created.').waitFor();
    const fp =
      (await page
        .locator('section', { hasText: 'Team key (for team leads)' })
        .locator('code')
        .first()
        .textContent()) ?? '';
    await page.getByRole('checkbox', { name: /Do not contact/ }).check();
    const [d] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export signed bundle' }).click(),
    ]);
    expect(d.suggestedFilename()).toBe('rep-s-own-team-v1.heedbundle');
    const bytes = new Uint8Array(readFileSync(await d.path()));
    const fresh = await openDb(`verify-${Date.now()}`);
    const verified = await verifyTeamBundle(fresh, bytes);
    expect(groupedFingerprint(verified.fingerprint)).toBe(fp);
    expect(verified.header.lists.map((l) => l.name)).toEqual(['Do not contact']);
    expect(await axeSeriousViolations(page)).toEqual([]);

    // Deleting the key asks first, with the keyboard on Cancel: Enter there keeps the key.
    await page.getByRole('button', { name: 'Delete team key…' }).click();
    const ask = page.getByRole('alertdialog');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.keyboard.press('Enter');
    await expect.poll(() => ask.count()).toBe(0);
    await expect(page.getByRole('button', { name: 'Export signed bundle' }).count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Delete team key…' }).click();
    await ask.getByRole('button', { name: 'Delete team key' }).click();
    await page.getByText('Team key deleted.').waitFor();
    await expect(page.getByRole('button', { name: 'Create team key' }).count()).resolves.toBe(1);
  });
});

describe('organisation policy from a Chromium managed-policy file', () => {
  let heed: HeedBrowser;
  let page: Page;
  let ext: ReturnType<typeof keyedExtensionCopy>;
  let policy: ReturnType<typeof writeExtensionPolicy>;
  let ours: Awaited<ReturnType<typeof leadWith>>;
  let lockedAtStart: SettingsRow;

  beforeAll(async () => {
    ours = await leadWith('Pinned', ['pat@pinned-client.example']);
    ext = keyedExtensionCopy();
    policy = writeExtensionPolicy(ext.id, {
      // The second key is mistyped: Chrome's schema lets a string through, Heed ignores it with a warning.
      teamKeys: [
        { name: 'Pinned', publicKey: ours.key.publicKey },
        { name: 'Typo', publicKey: 'not-a-key' },
      ],
      requireSignedLists: true,
      hideDeleteList: true,
      lockedSettings: { retentionDays: 90, defaultCountry: 'DE' },
      lockReason: 'Compliance policy 4.2',
      // Unknown to the schema: Chrome drops it before it reaches the extension (chrome://policy shows the error).
      notAHeedKey: 1,
    });
    // Chromium reads policy files at startup: the file is written before the browser starts.
    heed = await launchHeed({ extensionDir: ext.dir });
    expect(heed.extensionId).toBe(ext.id);
    // The background writes the locked values into the stored settings when it starts: kept to put back after
    // each reset, as the browser started with them.
    const deadline = Date.now() + 10_000;
    let stored = await storedSettings(heed);
    while (stored?.value.retentionDays !== 90 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      stored = await storedSettings(heed);
    }
    if (stored?.value.retentionDays !== 90) {
      throw new Error(`the background did not store the locked retention: ${JSON.stringify(stored)}`);
    }
    lockedAtStart = stored;
    page = await heed.openExtensionPage('options.html#/settings');
  });
  // Every test starts from the store as the browser started it (the default list and the settings the policy
  // locked, no team list) on a reloaded Settings section, so the file passes in any order.
  beforeEach(async () => {
    await resetStore(heed, page, 'settings', lockedAtStart);
  });
  afterAll(async () => {
    await heed?.close();
    policy?.remove();
    ext?.remove();
  });

  it('shows what the organisation set and why, with a warning for a malformed value', async () => {
    const panel = page.locator('section', { hasText: 'Set by your organisation' });
    await panel.waitFor();
    await expect(panel.textContent()).resolves.toContain('Why: Compliance policy 4.2');
    await expect(panel.textContent()).resolves.toContain('Retention (days) = 90');
    await expect(panel.textContent()).resolves.toMatch(/plain imports and backup restores are turned off/);
    await expect(panel.getByRole('alert').textContent()).resolves.toContain('Policy team key 2 was ignored');
    await expect(panel.textContent()).resolves.not.toContain('notAHeedKey');
    expect(await axeSeriousViolations(page)).toEqual([]);
  });

  it('locked settings hold their value and cannot be changed, even past the disabled field', async () => {
    const retention = page.getByLabel('Keep contact records for (days)');
    await expect.poll(() => retention.inputValue()).toBe('90');
    await expect(retention.isDisabled()).resolves.toBe(true);
    await expect(page.getByLabel('Default country').inputValue()).resolves.toBe('DE');
    await expect(page.getByText('Locked by your organisation: Compliance policy 4.2.').count()).resolves.toBe(
      2,
    );
    // A page script (or a tampered page) enabling the field: the store still refuses.
    await retention.evaluate((el: HTMLInputElement) => {
      el.disabled = false;
    });
    await retention.fill('30');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(() => page.getByRole('alert').last().textContent())
      .toMatch(/retentionDays is locked by your organisation \(Compliance policy 4.2\)\. Nothing was saved/);
    const stored = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const req = indexedDB.open('heed');
          req.onsuccess = () => {
            const get = req.result.transaction('settings').objectStore('settings').get('settings');
            get.onsuccess = () => resolve(get.result.value.retentionDays);
          };
        }),
    );
    expect(stored).toBe(90);
  });

  it('refuses a plain file import', async () => {
    await gotoSection(page, 'import');
    await page.getByLabel('Suppression list file').setInputFiles({
      name: 'optouts.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('email\nx@y.example\n'),
    });
    await page.getByRole('heading', { name: 'Check the file' }).waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toMatch(
        /requires lists to come from signed team bundles \(Compliance policy 4.2\): plain file imports are turned off/,
      );
    expect((await storedLists(page)).map((l) => l.name)).toEqual(['Do not contact']);
  });

  it('accepts only bundles signed by the pinned key', async () => {
    await gotoSection(page, 'team');
    const other = await leadWith('Other', ['oz@other.example']);
    const foreign = (
      await exportTeamBundle(other.db, { listIds: [other.listId], entryMode: 'plain', delta: false })
    ).bytes;
    await chooseBundle(page, 'other.heedbundle', foreign);
    await expect
      .poll(() => page.getByRole('alert').last().textContent())
      .toMatch(/your organisation does not trust/);
    const good = (
      await exportTeamBundle(ours.db, { listIds: [ours.listId], entryMode: 'plain', delta: false })
    ).bytes;
    await chooseBundle(page, 'pinned.heedbundle', good);
    await page.getByText('The key is trusted by your organisation’s policy.').waitFor();
    await page.getByRole('button', { name: 'Apply bundle' }).click();
    await page.getByText(/Applied version 1 of “Pinned”/).waitFor();
    expect((await storedLists(page)).find((l) => l.managed)).toMatchObject({
      name: 'Pinned do not contact',
      total: 1,
    });
  });

  it('hides Delete list', async () => {
    await gotoSection(page, 'lists');
    const form = page.getByRole('form', { name: 'New list' });
    await form.getByLabel('Name').fill('Personal');
    await form.getByRole('button', { name: 'Create list' }).click();
    await page.getByText('Created “Personal”.').waitFor();
    await page.getByRole('button', { name: 'Personal', exact: true }).click();
    await page.getByText('Deleting lists is turned off by your organisation.').waitFor();
    await expect(page.getByRole('button', { name: 'Delete list…' }).count()).resolves.toBe(0);
  });
});
