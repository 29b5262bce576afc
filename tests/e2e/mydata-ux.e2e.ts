import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDays, addMonths, localIsoDate, longDate } from '../../lib/mydata/dates';
import { SELF_DB_NAME } from '../../lib/mydata/db';
import { type HeedBrowser, launchHeed, waitForBadge } from './support/browser';
import { clearDatabase, tellStoreChanged } from './support/reset';

// Issue 20, items 14–16: what a privacy-conscious person sees of their own requests outside the My data page,
// their own backup, and the letters' details.

const AXE_SOURCE = readFileSync(
  fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url)),
  'utf8',
);
const MAX = 'https://www.linkedin.com/in/max-mustermann/';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function seriousAxe(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const r = await page.evaluate(async () => {
    type Axe = { run(): Promise<{ violations: AxeViolation[]; passes: unknown[] }> };
    const out = await (window as unknown as { axe: Axe }).axe.run();
    return { passes: out.passes.length, violations: out.violations };
  });
  // A run that checked nothing would pass vacuously.
  expect(r.passes).toBeGreaterThan(10);
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function short(iso: string, today: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]}${y === Number(today.slice(0, 4)) ? '' : ` ${y}`}`;
}

describe('My data outside the My data page, its backup and its letters (issue 20, items 14–16)', () => {
  let heed: HeedBrowser;
  let mydata: Page;
  const today = localIsoDate(new Date());
  const acmeSent = addDays(today, -60);
  const beispielSent = addDays(today, -45);

  async function logRequest(o: {
    company: string;
    email?: string;
    law: string;
    country?: string;
    sent: string;
  }) {
    await mydata.getByLabel('Company', { exact: true }).fill(o.company);
    await mydata.getByLabel('Its privacy email').fill(o.email ?? '');
    await mydata.getByLabel('Law', { exact: true }).selectOption(o.law);
    await mydata.getByLabel("Company's country").selectOption(o.country ?? '');
    await mydata.getByLabel('Sent on').fill(o.sent);
    await mydata.getByRole('button', { name: 'I sent it' }).click();
    await mydata.getByText(`Logged your request to ${o.company}`).waitFor();
  }

  beforeAll(async () => {
    heed = await launchHeed();
    await heed.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });
  // Every test starts from the same My data, seeded afresh on a freshly loaded page: the user's name and two
  // requests sent long enough ago to be overdue (the German one logged last, so the composer still names it). No
  // test counts on what another left (letters opened, requests answered, identities added, a colour scheme), so
  // the file passes in any order. The browser is shared and the page loaded again: both cost more and check
  // nothing more. The extension's own database (lists) is not written by this file.
  beforeEach(async () => {
    await clearDatabase(heed, SELF_DB_NAME);
    if (mydata) {
      await mydata.emulateMedia({ colorScheme: null });
      await mydata.goto(`chrome-extension://${heed.extensionId}/mydata.html`);
    } else {
      mydata = await heed.openExtensionPage('mydata.html');
    }
    // Chromium slows the timers of a tab in the background (behind the item-15 profile and popup), as for a tab a
    // person does not look at: the seeding is done in front.
    await mydata.bringToFront();
    await mydata.getByRole('heading', { name: 'My identities' }).waitFor();
    // The toolbar reminder forgets requests another test answered or logged.
    await tellStoreChanged(mydata);
    await mydata.getByLabel('Your name, to sign the letters').fill('Jane Doe');
    await logRequest({ company: 'Acme Ltd', email: 'privacy@acme.example', law: 'uk-gdpr', sent: acmeSent });
    await logRequest({ company: 'Beispiel GmbH', law: 'gdpr', country: 'DE', sent: beispielSent });
  });
  afterAll(async () => {
    try {
      // Whatever order the tests ran in, none made the extension send a request (the last test checks only its own).
      expect(heed?.extensionRequests).toEqual([]);
    } finally {
      await heed?.close();
    }
  });

  describe('item 15: overdue replies stay visible', () => {
    let profile: Page;
    let tabId: number;
    let popup: Page;

    beforeAll(async () => {
      profile = await heed.context.newPage();
      await profile.goto(MAX);
      await waitForBadge(profile, (b) => b.level !== 'pending');
      const id = await heed.worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, MAX);
      if (id === undefined) throw new Error('no tab for the profile');
      tabId = id;
    });
    // The popup reads the requests when it opens: loaded again after each test's seeding, with no letter open.
    beforeEach(async () => {
      if (popup) {
        await popup.emulateMedia({ colorScheme: null });
        await popup.reload();
      } else {
        popup = await heed.openExtensionPage(`popup.html?tabId=${tabId}`);
        await popup.setViewportSize({ width: 400, height: 600 });
      }
      await popup.bringToFront();
      await popup.locator('#person-h').waitFor();
    });

    it("on a profile tab the badge shows the verdict, and the tab's tooltip still names the overdue replies", async () => {
      await expect
        .poll(() => heed.worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId))
        .toContain('2 replies overdue: Acme Ltd, Beispiel GmbH');
      expect(await heed.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).not.toBe(
        '2',
      );
    });

    it('the popup opens with a line naming each overdue request, its article and dates', async () => {
      const line = popup.locator('#overdue-h');
      await line.waitFor();
      expect(await line.textContent()).toBe(
        `2 requests are overdue: Acme Ltd (Art. 15, sent ${short(acmeSent, today)}, due ${short(addMonths(acmeSent, 1), today)}); ` +
          `Beispiel GmbH (Art. 15, sent ${short(beispielSent, today)}, due ${short(addMonths(beispielSent, 1), today)})`,
      );
      // Above the verdict: the first thing in the popup's main area.
      const above = await popup.evaluate(() => {
        const o = document.querySelector('#overdue-h');
        const p = document.querySelector('#person-h');
        return !!o && !!p && (o.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      });
      expect(above).toBe(true);
    });

    it('one click gives a follow-up letter with an email draft to the company', async () => {
      await popup.getByRole('button', { name: 'Follow-up letter to Acme Ltd' }).click();
      const text = await popup.getByLabel('Follow-up letter to Acme Ltd', { exact: true }).inputValue();
      expect(text).toContain(`On ${longDate(acmeSent)} I sent you a request under the UK GDPR (Art. 15)`);
      expect(text).toContain('Jane Doe');
      const href = await popup.getByRole('link', { name: 'Open an email draft' }).getAttribute('href');
      expect(href).toMatch(/^mailto:privacy@acme\.example\?subject=Follow-up/);
      await popup.getByRole('button', { name: 'Copy letter' }).click();
      expect(await popup.evaluate(() => navigator.clipboard.readText())).toContain('Subject: Follow-up');
    });

    it('in the UK the complaint goes to the company first (30-day acknowledgement), then to the Information Commission', async () => {
      await popup.getByText('complain to Acme Ltd first; it must acknowledge within 30 days').waitFor();
      await popup.getByRole('button', { name: 'Complaint to Acme Ltd' }).click();
      const first = await popup.getByLabel('Complaint to Acme Ltd', { exact: true }).inputValue();
      expect(first).toContain('section 164A of the Data Protection Act 2018');
      const acme = popup.locator('.overdue-list li', { hasText: 'Acme Ltd' });
      await acme.getByRole('button', { name: 'Complaint to the regulator' }).click();
      const reg = await acme.getByLabel('Complaint to the regulator', { exact: true }).inputValue();
      expect(reg).toContain('To: the Information Commission');
      expect(reg).toContain('I first complained to the company under section 164A');
    });

    it("an EU request goes straight to the regulator of the company's country", async () => {
      const de = popup.locator('.overdue-list li', { hasText: 'Beispiel GmbH' });
      expect(await de.getByRole('button', { name: 'Complaint to Beispiel GmbH' }).count()).toBe(0);
      await de.getByRole('button', { name: 'Complaint to the regulator' }).click();
      await de.getByText("(the company's country)").waitFor();
      const reg = await de.getByLabel('Complaint to the regulator', { exact: true }).inputValue();
      // A German company's letters are German (issue 17): the Land authority, under Art. 77 DSGVO.
      expect(reg).toContain(
        'An: Datenschutzaufsichtsbehörde des Landes, in dem das Unternehmen seinen Sitz hat',
      );
      expect(reg).toContain('Ich lege diese Beschwerde nach Art. 77 DSGVO ein.');
    });

    it('has no serious axe violations with the letters open, light and dark, and fits 400 px', async () => {
      // One letter open per request (each request shows one at a time): the regulator complaints, with the most text.
      for (const company of ['Acme Ltd', 'Beispiel GmbH']) {
        const item = popup.locator('.overdue-list li', { hasText: company });
        await item.getByRole('button', { name: 'Complaint to the regulator' }).click();
        await item.getByLabel('Complaint to the regulator', { exact: true }).waitFor();
      }
      for (const scheme of ['light', 'dark'] as const) {
        await popup.emulateMedia({ colorScheme: scheme });
        expect(await seriousAxe(popup), scheme).toEqual([]);
      }
      const w = await popup.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
      expect(w[0]).toBeLessThanOrEqual(w[1] as number);
    });

    it('an answered request leaves the line', async () => {
      await mydata.getByRole('button', { name: 'Mark the request to Beispiel GmbH answered' }).click();
      await mydata.getByRole('button', { name: 'Mark the request to Acme Ltd answered' }).click();
      await popup.reload();
      await popup.locator('#person-h').waitFor();
      expect(await popup.locator('#overdue-h').count()).toBe(0);
      await mydata.getByRole('button', { name: 'Undo' }).click();
      await popup.reload();
      await popup.locator('#overdue-h', { hasText: '1 request is overdue: Acme Ltd' }).waitFor();
    });
  });

  describe('item 14: a backup of My data', () => {
    const identities = () => mydata.locator('ul.identities li');
    const logRows = () => mydata.locator('table.requests tbody tr');

    /** Seeds an identity on top of the two requests and saves My data with its Export button. */
    async function addIdentityAndExport() {
      const email = mydata.getByLabel('Email address', { exact: true });
      await email.fill('jane.doe@example.com');
      await email.press('Enter');
      await identities().filter({ hasText: 'jane.doe@example.com' }).waitFor();
      const [download] = await Promise.all([
        mydata.waitForEvent('download'),
        mydata.getByRole('button', { name: 'Export My data' }).click(),
      ]);
      return { download, file: (await download.path()) ?? '' };
    }

    it('exports identities and the request log to a file of its own', async () => {
      const { download, file } = await addIdentityAndExport();
      expect(download.suggestedFilename()).toMatch(/^heed-my-data-.*\.json$/);
      const saved = JSON.parse(readFileSync(file, 'utf8'));
      expect(saved).toMatchObject({ format: 'heed-my-data', version: 1 });
      expect(saved.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(saved.data.identities.map((i: { value: string }) => i.value)).toEqual(['jane.doe@example.com']);
      expect(saved.data.requests.map((r: { company: string }) => r.company).sort()).toEqual([
        'Acme Ltd',
        'Beispiel GmbH',
      ]);
    });

    it('refuses a damaged file with the reason and changes nothing', async () => {
      const { file } = await addIdentityAndExport();
      const text = readFileSync(file, 'utf8').replace('Beispiel GmbH', 'Beispiel AG');
      await mydata.getByLabel('Restore My data from a file').setInputFiles({
        name: 'damaged.json',
        mimeType: 'application/json',
        buffer: Buffer.from(text),
      });
      await mydata
        .getByRole('alert')
        .filter({ hasText: 'damaged.json: The checksum does not match' })
        .waitFor();
      expect(await mydata.getByRole('button', { name: 'Replace My data' }).count()).toBe(0);
      expect(await logRows().count()).toBe(2);
    });

    it('restores after showing what changes, with undo', async () => {
      const { file } = await addIdentityAndExport();
      // After the export: one request deleted, one identity removed.
      await mydata.getByRole('button', { name: 'Delete the request to Beispiel GmbH from the log' }).click();
      await expect.poll(() => logRows().count()).toBe(1);
      await mydata.getByRole('button', { name: 'Remove jane.doe@example.com' }).click();
      await expect.poll(() => identities().count()).toBe(0);

      await mydata.getByLabel('Restore My data from a file').setInputFiles(file);
      const summary = mydata.getByRole('region', { name: 'What the restore changes' });
      await summary.waitFor();
      expect(await summary.textContent()).toContain('Identities: 0 now → 1 after (1 new, 0 go)');
      expect(await summary.textContent()).toContain('Requests in the log: 1 now → 2 after (1 new, 0 go)');
      expect(await summary.textContent()).toContain('Your name and country stay the same.');
      // Nothing is written before the user confirms.
      expect(await logRows().count()).toBe(1);
      await mydata.getByRole('button', { name: 'Replace My data' }).click();
      await expect.poll(() => logRows().count()).toBe(2);
      await identities().filter({ hasText: 'jane.doe@example.com' }).waitFor();

      await mydata.getByRole('button', { name: 'Undo' }).click();
      await expect.poll(() => logRows().count()).toBe(1);
      await expect.poll(() => identities().count()).toBe(0);
    });

    it('has no serious axe violations on My data, light and dark', async () => {
      for (const scheme of ['light', 'dark'] as const) {
        await mydata.emulateMedia({ colorScheme: scheme });
        expect(await seriousAxe(mydata), scheme).toEqual([]);
      }
      await mydata.emulateMedia({ colorScheme: 'light' });
    });
  });

  describe('item 16: the letters and the tagline', () => {
    const letter = () => mydata.getByLabel('The letter', { exact: true });

    it('the tagline does not suggest that lists leave the browser', async () => {
      const promise = (await mydata.locator('header .promise').textContent()) ?? '';
      expect(promise).not.toContain('apart from your suppression lists');
      expect(promise).toContain(
        'Nothing leaves this browser unless you send a letter or save a file yourself.',
      );
    });

    it('writes a phone number as people write it', async () => {
      await mydata.getByLabel('Kind').selectOption('phone');
      await mydata.getByLabel('Country, for numbers without +code').selectOption('GB');
      const phone = mydata.getByLabel('Phone number', { exact: true });
      await phone.fill('020 7946 0958');
      await phone.press('Enter');
      await mydata.locator('ul.identities li', { hasText: '+44' }).waitFor();
      await mydata.getByLabel('Law', { exact: true }).selectOption('gdpr');
      // The composer still names the German company logged above, so the letter is German until English is chosen.
      await expect.poll(() => letter().inputValue()).toContain('- Telefonnummer: +44 20 7946 0958');
      expect(await letter().inputValue()).toContain('Auskunftsrecht der betroffenen Person (Art. 15 DSGVO)');
      await mydata.getByLabel('Language of the letter').selectOption('en');
      await expect.poll(() => letter().inputValue()).toContain('- Phone number: +44 20 7946 0958');
      expect(await letter().inputValue()).not.toContain('+442079460958');
    });

    it('the CCPA letter states California residency only once the user confirms it', async () => {
      await mydata.getByLabel('Law', { exact: true }).selectOption('ccpa');
      const resident = mydata.getByLabel('I am a California resident');
      expect(await resident.isChecked()).toBe(false);
      await expect.poll(() => letter().inputValue()).toContain('California Consumer Privacy Act');
      expect(await letter().inputValue()).not.toContain('I am a California resident');
      const warnings = mydata.getByRole('list', { name: 'Before you send' });
      expect(await warnings.textContent()).toContain('CCPA rights belong to California residents');
      await resident.check();
      await expect.poll(() => letter().inputValue()).toContain('I am a California resident.');
      expect(await warnings.textContent()).not.toContain('CCPA rights belong to California residents');
      expect(await seriousAxe(mydata)).toEqual([]);
    });
  });

  it('sends nothing anywhere', () => {
    expect(heed.extensionRequests).toEqual([]);
  });
});
