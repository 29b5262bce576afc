import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addMonths, localIsoDate, longDate } from '../../lib/mydata/dates';
import { SELF_DB_NAME } from '../../lib/mydata/db';
import { type HeedBrowser, launchHeed, readBadges, tabIdOf, waitForBadge } from './support/browser';
import { clearDatabase, tellStoreChanged } from './support/reset';
import { fixturePage, servePage } from './support/sites';

const AXE_SOURCE = readFileSync(
  fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url)),
  'utf8',
);
const CONTACT_INFO = 'https://www.linkedin.com/in/jane-doe-1a2b3c/overlay/contact-info/';
// Opened from a page of Acme's, so the company field starts with its name.
const MY_DATA = 'mydata.html?site=https%3A%2F%2Fwww.acme.example%2Fteam%2F';
const JANE_EMAIL = 'jane.doe@gmail.com';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function axeViolations(page: Page): Promise<{ passes: number; violations: AxeViolation[] }> {
  // The extension page's CSP forbids inline scripts, so addScriptTag cannot inject axe; evaluate (CDP) can.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    type Axe = { run(): Promise<{ violations: AxeViolation[]; passes: unknown[] }> };
    const r = await (window as unknown as { axe: Axe }).axe.run();
    return {
      passes: r.passes.length,
      violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes })),
    };
  });
}

describe('the "My data" page in Chromium', () => {
  let heed: HeedBrowser;
  let page: Page;
  const letter = () => page.getByLabel('The letter', { exact: true });
  const logRows = () => page.locator('table.requests tbody tr');

  beforeAll(async () => {
    heed = await launchHeed();
    await heed.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });
  // Every test starts from an empty My data on a freshly loaded page (no form state, focus, scroll or colour
  // scheme left by another test) and seeds what it needs itself, so the file passes in any order. The page is
  // loaded again rather than opened anew, and the browser shared: both cost more and check nothing more. The
  // extension's own database (lists) is not written by this file.
  beforeEach(async () => {
    await clearDatabase(heed, SELF_DB_NAME);
    if (page) {
      await page.emulateMedia({ colorScheme: null });
      await page.goto(`chrome-extension://${heed.extensionId}/${MY_DATA}`);
    } else {
      page = await heed.openExtensionPage(MY_DATA);
    }
    await page.getByRole('heading', { name: 'My identities' }).waitFor();
    // The toolbar reminder forgets requests another test logged.
    await tellStoreChanged(page);
  });
  afterAll(async () => {
    try {
      // Whatever order the tests ran in, none made the extension send a request (the last test checks only its own).
      expect(heed?.extensionRequests).toEqual([]);
    } finally {
      await heed?.close();
    }
  });

  /** Seeds one of the user's email addresses, as the user adds it. */
  async function addEmail(address: string): Promise<void> {
    await page.getByLabel('Email address', { exact: true }).fill(address);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.locator('ul.identities li', { hasText: address }).waitFor();
  }

  /** Seeds the user's name (saved on leaving the field) and country. */
  async function signAs(name: string, country: string): Promise<void> {
    const field = page.getByLabel('Your name, to sign the letters');
    await field.fill(name);
    await field.blur();
    await page.getByLabel('Where you live').selectOption(country);
    await expect.poll(() => page.getByLabel('Where you live').inputValue()).toBe(country);
  }

  /** Seeds a request logged as sent to `company` (today, or on `sentOn`), as the user logs it. */
  async function logSent(company: string, sentOn?: string): Promise<void> {
    await page.getByLabel('Company', { exact: true }).fill(company);
    if (sentOn) {
      await page.getByLabel('Sent on').fill(sentOn);
      await expect.poll(() => letter().inputValue()).toContain(`Date: ${longDate(sentOn)}`);
    }
    await page.getByRole('button', { name: 'I sent it' }).click();
    await page.locator('table.requests tbody tr', { hasText: company }).waitFor();
  }

  it('starts with clear empty states', async () => {
    await expect(page.title()).resolves.toBe('Heed · My data');
    await page.getByText('No identities yet.').waitFor();
    await page.getByText('No requests logged yet.').waitFor();
    // The company of the page the user came from is suggested.
    expect(await page.getByLabel('Company', { exact: true }).inputValue()).toBe('Acme');
  });

  it('refuses a bad identity with the reason and keeps what was typed', async () => {
    const input = page.getByLabel('Email address', { exact: true });
    await input.fill('jane.doe@@gmail.com');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toContain('not added: more than one @');
    expect(await input.inputValue()).toBe('jane.doe@@gmail.com');
    expect(await page.locator('ul.identities li').count()).toBe(0);
  });

  it('adds an identity, normalised, into its own database', async () => {
    const input = page.getByLabel('Email address', { exact: true });
    await input.fill('  Jane.Doe@GMAIL.com ');
    await input.press('Enter');
    await page.locator('ul.identities li', { hasText: 'jane.doe@gmail.com' }).waitFor();
    const dbs = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(dbs).toContain('heed-self');
  });

  it('removes an identity with undo', async () => {
    await addEmail(JANE_EMAIL);
    await page.getByRole('button', { name: 'Remove jane.doe@gmail.com' }).click();
    await page.getByText('Removed jane.doe@gmail.com.').waitFor();
    expect(await page.locator('ul.identities li').count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.locator('ul.identities li', { hasText: 'jane.doe@gmail.com' }).waitFor();
  });

  it('writes an Art. 15 letter with the articles, dates and identifiers', async () => {
    await addEmail(JANE_EMAIL);
    await page.getByLabel('Your name, to sign the letters').fill('Jane Doe');
    await page.getByLabel('Your name, to sign the letters').blur();
    await page.getByLabel('Where you live').selectOption('DE');
    await expect.poll(() => page.getByLabel('Law').inputValue()).toBe('gdpr');
    await page.getByLabel('Company', { exact: true }).fill('Acme Ltd');
    await page.getByLabel('Its privacy email').fill('privacy@acme.example');
    expect(await page.getByLabel(/^Access: a copy of my data/).isChecked()).toBe(true);

    const today = localIsoDate(new Date());
    const due = addMonths(today, 1);
    await expect.poll(() => letter().inputValue()).toContain('- Name: Jane Doe');
    const text = await letter().inputValue();
    expect(text).toContain('Subject: Data subject request under the GDPR, Art. 15 – Jane Doe');
    expect(text).toContain('To: Acme Ltd');
    expect(text).toContain(`Date: ${longDate(today)}`);
    expect(text).toContain('- Email address: jane.doe@gmail.com');
    for (const cite of [
      'Access (Article 15)',
      'Art. 15(3)',
      'Art. 15(1)(g)',
      'Article 14',
      'Article 12(3)',
    ]) {
      expect(text).toContain(cite);
    }
    expect(text).toContain(`that is by ${longDate(due)}`);
    expect(text).not.toContain('Article 17');
    await page.getByText(`Reply due by ${longDate(due)}`).waitFor();

    // Too long for a safe mail link: the draft gets the address and subject, the letter goes to the clipboard.
    const draft = page.getByRole('link', { name: 'Copy and open in mail app' });
    const href = (await draft.getAttribute('href')) ?? '';
    expect(href.startsWith('mailto:privacy@acme.example?subject=Data%20subject%20request')).toBe(true);
    await page.getByRole('button', { name: 'Copy letter' }).click();
    await page.getByText('Letter copied, with its subject line.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
  });

  it('switches the letter to the CCPA and back, keeping the choice of request', async () => {
    await page.getByLabel('Law').selectOption('ccpa');
    expect(await page.getByLabel(/^Know: what you collected/).isChecked()).toBe(true);
    await expect.poll(() => letter().inputValue()).toContain('§1798.110');
    await page.getByLabel('Law').selectOption('gdpr');
    await expect.poll(() => letter().inputValue()).toContain('Access (Article 15)');
  });

  it('logs the sent request with its due date', async () => {
    const due = addMonths(localIsoDate(new Date()), 1);
    await page.getByLabel('Company', { exact: true }).fill('Acme Ltd');
    await page.getByRole('button', { name: 'I sent it' }).click();
    await page.getByText(`Logged your request to Acme Ltd: reply due by ${longDate(due)}.`).waitFor();
    await expect.poll(() => logRows().count()).toBe(1);
    const row = logRows().first();
    expect(await row.getAttribute('data-status')).not.toBe('overdue');
    expect(await row.textContent()).toContain(longDate(due));
  });

  it('highlights an overdue request, and "Answered" clears it with undo', async () => {
    // A request within its month, logged first, so "overdue first" has something to come before.
    await logSent('Acme Ltd');
    expect(await logRows().first().getAttribute('data-status')).not.toBe('overdue');
    await page.getByLabel('Company', { exact: true }).fill('Slow Corp');
    await page.getByLabel('Sent on').fill('2025-01-31');
    await expect.poll(() => letter().inputValue()).toContain('Date: 31 January 2025');
    expect(await letter().inputValue()).toContain('that is by 28 February 2025');
    await page.getByRole('button', { name: 'I sent it' }).click();
    await expect.poll(() => logRows().count()).toBe(2);
    const slow = page.locator('table.requests tbody tr', { hasText: 'Slow Corp' });
    expect(await slow.getAttribute('data-status')).toBe('overdue');
    expect(await slow.textContent()).toMatch(/Overdue by \d+ days/);
    // Overdue first in the list, and announced.
    expect(await logRows().first().textContent()).toContain('Slow Corp');
    await page.getByText('One reply is overdue.').waitFor();

    await page.getByRole('button', { name: 'Mark the request to Slow Corp answered' }).click();
    await expect.poll(() => slow.getAttribute('data-status')).toBe('answered');
    expect(await page.getByText('One reply is overdue.').count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => slow.getAttribute('data-status')).toBe('overdue');
  });

  it("finds the user's email in a fixture page's visible text and nothing else as theirs", async () => {
    await addEmail(JANE_EMAIL);
    const site = await heed.context.newPage();
    await site.goto(CONTACT_INFO);
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point: what the page shows
    const visible = await site.evaluate(() => document.body.innerText);
    await site.close();
    expect(visible).toContain('jane.doe@gmail.com');
    expect(visible).not.toContain('decoy@evil.test'); // hidden on the page, so not part of what it shows

    await page.getByLabel("Paste a page's text, a company's reply or a data export").fill(visible);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const report = page.locator('.report');
    await report.waitFor();
    expect(await report.locator('ul.mine li').allTextContents()).toEqual(['Email: jane.doe@gmail.com']);
    // The recruiter's address and Jane's phone (not recorded as hers) are counted, not claimed.
    expect(await report.textContent()).toMatch(/Other data in it: 1 email address, 1 phone number\./);
  });

  it('links the two LinkedIn email settings without opening them', async () => {
    const hrefs = await page
      .locator('#exposure ul.links a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual([
      'https://www.linkedin.com/mypreferences/d/privacy/who-can-see-your-email',
      'https://www.linkedin.com/mypreferences/d/privacy/connections-download-email',
    ]);
  });

  it('is keyboard-usable: Tab reaches the identity field and its focus is visible', async () => {
    await page.locator('body').focus();
    await page.evaluate(() => window.scrollTo(0, 0));
    let reached = false;
    for (let i = 0; i < 12 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.tagName === 'SELECT');
    }
    expect(reached).toBe(true);
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement as Element).outlineStyle,
    );
    expect(outline).toBe('solid');
  });

  it('has no serious accessibility problems, in light and dark mode', async () => {
    // The page with content in every section: an identity, a letter, an overdue request and one within its month,
    // and a text check's report.
    await addEmail(JANE_EMAIL);
    await signAs('Jane Doe', 'DE');
    await logSent('Acme Ltd');
    await logSent('Slow Corp', '2025-01-31');
    await page.getByText('One reply is overdue.').waitFor();
    await page
      .getByLabel("Paste a page's text, a company's reply or a data export")
      .fill(`Mail ${JANE_EMAIL}`);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.locator('.report ul.mine li').waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const r = await axeViolations(page);
      expect(r.passes).toBeGreaterThan(10);
      const serious = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious, `${scheme}: ${JSON.stringify(serious, null, 1)}`).toEqual([]);
    }
  });

  it('keeps the data across a reload', async () => {
    await addEmail(JANE_EMAIL);
    await signAs('Jane Doe', 'DE');
    await logSent('Acme Ltd');
    await logSent('Slow Corp', '2025-01-31');
    await page.reload();
    await page.locator('ul.identities li', { hasText: 'jane.doe@gmail.com' }).waitFor();
    await expect.poll(() => logRows().count()).toBe(2);
    expect(await page.getByLabel('Your name, to sign the letters').inputValue()).toBe('Jane Doe');
  });

  it("marks only the user's own address as theirs when a page is scanned", async () => {
    await addEmail(JANE_EMAIL);
    // The team page, on a host Heed may script (on other sites the popup's click grants activeTab).
    servePage('https://github.com/acme-team/people', fixturePage('team-page.html'));
    const site = await heed.context.newPage();
    await site.goto('https://github.com/acme-team/people');
    const tabId = await tabIdOf(heed, site);
    const reply = await page.evaluate(
      (id) => chrome.runtime.sendMessage({ type: 'scan-tab', tabId: id }),
      tabId,
    );
    expect(reply).toEqual({
      ok: true,
      value: { injected: true, summary: { emails: 4, phones: 0, mine: ['jane.doe@gmail.com'] } },
    });
    await expect
      .poll(async () => (await readBadges(site)).map((b) => b.text).sort())
      .toEqual(['Unknown', 'Unknown', 'Unknown', 'Yours']);
    await site.close();
  });

  it('tells the user, on their own LinkedIn profile, what its contact info shows and where to change it', async () => {
    await page.getByLabel('Kind').selectOption('profile');
    await page
      .getByLabel('LinkedIn profile URL', { exact: true })
      .fill('https://uk.linkedin.com/in/jane-doe-1a2b3c?trk=x');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.locator('ul.identities li', { hasText: 'jane-doe-1a2b3c' }).waitFor();
    const own = await heed.context.newPage();
    await own.goto(CONTACT_INFO);
    const badge = await waitForBadge(own, (b) => b.text.includes('This is you'));
    expect(badge.text).toContain('Your contact info shows your email address (jane.doe@gmail.com)');
    expect(badge.text).toContain('LinkedIn setting: Allow your connections to download your email');
    expect(badge.text).toContain('Your birthday (March 5) is visible in your contact info');
    // Issue 20, item 9: the self view, not a prospecting verdict about oneself.
    expect(badge.text).not.toContain('Record opt-out');
    expect(badge.text).not.toContain('Channels');
    // Before the contact info is opened, Heed cannot say that no email is visible.
    await own.goto('https://www.linkedin.com/in/jane-doe-1a2b3c/');
    const closed = await waitForBadge(own, (b) => b.text.includes('This is you'));
    expect(closed.text).toContain('Open your contact info on this page');
    expect(closed.text).not.toContain('No email address is visible');
    // Someone else's profile gets no such section.
    await own.goto('https://www.linkedin.com/in/max-mustermann/');
    expect((await waitForBadge(own)).text).not.toContain('This is you');
    await own.close();
  });

  it('shows overdue replies on the toolbar icon, naming the company', async () => {
    expect(await heed.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
    await logSent('Acme Ltd');
    await logSent('Slow Corp', '2025-01-31');
    // Slow Corp's request (sent 2025-01-31) is overdue; the page told the background when it was logged.
    await expect.poll(() => heed.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');
    const title = await heed.worker.evaluate(() => chrome.action.getTitle({}));
    expect(title).toContain('Slow Corp');
    expect(title).not.toContain('Acme Ltd'); // within its month
    await page.getByRole('button', { name: 'Mark the request to Slow Corp answered' }).click();
    await expect.poll(() => heed.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => heed.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');
  });

  it('sends no request from the extension to anything outside it', async () => {
    // What this file does, done here too, so the check has something to look at whichever test runs first.
    await addEmail(JANE_EMAIL);
    await signAs('Jane Doe', 'DE');
    await logSent('Slow Corp', '2025-01-31');
    await page.getByRole('button', { name: 'Copy letter' }).click();
    await page.getByText('Letter copied, with its subject line.').waitFor();
    const own = await heed.context.newPage();
    await own.goto(CONTACT_INFO);
    await waitForBadge(own);
    await own.close();
    expect(heed.extensionRequests).toEqual([]);
  });
});
