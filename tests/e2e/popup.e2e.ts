import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HeedBrowser, launchHeed, waitForBadge } from './support/browser';
import { fixturePage, servePage } from './support/sites';

const JANE = 'https://www.linkedin.com/in/jane-doe-1a2b3c/';
const EMMA = 'https://www.linkedin.com/in/emma-tremblay/';
const MAX = 'https://www.linkedin.com/in/max-mustermann/';
const AXE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));
// The popup's CSP forbids inline scripts, so addScriptTag cannot inject axe; an evaluate (CDP) can.
const AXE_SOURCE = readFileSync(AXE, 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

describe('the popup in Chromium', () => {
  let heed: HeedBrowser;
  beforeAll(async () => {
    heed = await launchHeed();
  });
  afterAll(async () => {
    await heed?.close();
  });

  /**
   * Runs `body` in a browser of its own, so what it counts or expects cannot depend on what other tests (in any
   * order) recorded in the shared one. Its close() still fails on any request the extension initiated.
   */
  async function inFreshBrowser(body: () => Promise<void>): Promise<void> {
    const shared = heed;
    heed = await launchHeed();
    try {
      await body();
    } finally {
      const own = heed;
      heed = shared;
      await own.close();
    }
  }

  /** Opens a profile, waits for its badge to settle, and returns the page with its tab id. */
  async function openProfile(url: string): Promise<{ page: Page; tabId: number }> {
    const page = await heed.context.newPage();
    await page.goto(url);
    await waitForBadge(page, (b) => b.level !== 'pending');
    const tabId = await heed.worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, url);
    if (tabId === undefined) throw new Error(`no tab for ${url}`);
    return { page, tabId };
  }

  async function openPopup(tabId: number): Promise<Page> {
    const popup = await heed.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.locator('#person-h').waitFor();
    return popup;
  }

  const personTable = (popup: Page) => popup.locator('section[aria-labelledby="person-h"] table.channels');
  const channelCell = (popup: Page, label: string) =>
    personTable(popup)
      .locator('tr', { has: popup.locator('th', { hasText: new RegExp(`^${label}$`) }) })
      .locator('td');
  const popupLevel = (popup: Page) =>
    popup.locator('section[aria-labelledby="person-h"] .headline .pill').getAttribute('data-level');

  it('records an opt-out in three clicks (reason, then save) and the page badge turns blocked at once', async () => {
    await inFreshBrowser(async () => {
      const { page, tabId } = await openProfile(JANE);
      expect((await waitForBadge(page)).level).toBe('unknown');
      const popup = await openPopup(tabId);
      expect(await popup.locator('#person-h').textContent()).toContain('Jane');
      expect(await popupLevel(popup)).toBe('unknown');

      const started = Date.now();
      await popup.getByRole('button', { name: 'Record opt-out' }).click(); // click 1
      await popup.getByRole('button', { name: 'Objected to marketing' }).click(); // click 2
      // Click 3 (issue 20, item 5): the form shows the channels and what saving will block before it records.
      expect(await popup.locator('.will-block').textContent()).toMatch(/^Will block: every channel/);
      await popup.getByRole('button', { name: 'Save opt-out' }).click();
      const badge = await waitForBadge(page, (b) => b.level === 'blocked');
      const badgeMs = Date.now() - started;
      expect(badge.level).toBe('blocked');
      await expect.poll(() => popupLevel(popup)).toBe('blocked');
      expect(await channelCell(popup, 'Email').textContent()).toContain('Blocked');
      await expect.poll(() => popup.locator('.notice').textContent()).toContain('Do not contact');
      expect(await popup.locator('section[aria-labelledby="person-h"] .matches').textContent()).toContain(
        'objected',
      );
      expect(await popup.locator('footer').textContent()).toMatch(/1 list · 1 entry/);
      console.info(`opt-out → badge blocked in ${badgeMs} ms`);
      await popup.close();
      await page.close();
    });
  });

  /** A contact-info overlay for another person, showing `email`, served at its real URL. */
  function overlayFor(slug: string, name: string, email: string, phone: string): string {
    const url = `https://www.linkedin.com/in/${slug}/overlay/contact-info/`;
    servePage(
      url,
      fixturePage('linkedin-contact-info-jane.html')
        .replaceAll('jane-doe-1a2b3c', slug)
        .replaceAll('Jane Doe', name)
        .replaceAll('jane.doe@gmail.com', email)
        .replaceAll('+44 20 7946 0958', phone)
        // Seen from 3rd degree, the email is public: the verdict then follows only the lists.
        .replace('2nd degree connection', '3rd degree connection')
        .replace('<span aria-hidden="true"> · 2nd</span>', '<span aria-hidden="true"> · 3rd</span>'),
    );
    return url;
  }

  it('blocks a Gmail dot / +tag / googlemail spelling exactly once another spelling is on a list (issue 13, finding 8)', async () => {
    const first = await openProfile(
      overlayFor('sam-gee-one', 'Sam Gee', 'Sam.Gee@gmail.com', '+44 20 7946 0101'),
    );
    const popup = await openPopup(first.tabId);
    await popup.getByRole('button', { name: 'Record opt-out' }).click();
    await popup.getByRole('button', { name: 'Objected to marketing' }).click();
    await popup.getByRole('button', { name: 'Save opt-out' }).click();
    await waitForBadge(first.page, (b) => b.level === 'blocked');
    await popup.close();
    await first.page.close();

    // Another profile (so its profile URL is on no list) whose overlay shows another spelling of the mailbox.
    const other = await openProfile(
      overlayFor('sam-gee-two', 'Sam Gee', 'samgee+promo@googlemail.com', '+44 20 7946 0102'),
    );
    const badge = await waitForBadge(other.page, (b) => b.level !== 'pending');
    expect(badge.level).toBe('blocked');
    expect(badge.text).not.toMatch(/possible match/i);
    const popup2 = await openPopup(other.tabId);
    expect(await popupLevel(popup2)).toBe('blocked');
    expect(await popup2.locator('section[aria-labelledby="person-h"] .matches').textContent()).toContain(
      'objected',
    );
    await popup2.close();
    await other.page.close();
  });

  it('cannot record an email-only objection: on an email-only list it says, and does, "blocks every channel" (issue 13, finding 1)', async () => {
    const options = await heed.openExtensionPage('options.html#/lists');
    const form = options.getByRole('form', { name: 'New list' });
    await form.getByLabel('Name').fill('Email vendor');
    await form.getByRole('radio', { name: 'Only these channels:' }).check();
    for (const c of ['SMS', 'Phone', 'Post', 'InMail'])
      await form.getByRole('checkbox', { name: c }).uncheck();
    await form.getByRole('button', { name: 'Create list' }).click();
    await options.getByText('Created “Email vendor”.').waitFor();
    await options.close();

    const { page, tabId } = await openProfile(
      overlayFor('olga-obj-3', 'Olga Obj', 'olga@olga-co.example', '+44 20 7946 0103'),
    );
    const popup = await openPopup(tabId);
    const CHANNEL_NAMES = ['Email', 'SMS', 'Phone', 'Post', 'InMail'];
    const before = await Promise.all(CHANNEL_NAMES.map((c) => channelCell(popup, c).textContent()));
    // Otherwise the test could not tell an every-channel block from the defaults.
    expect(before.filter((t) => !t?.includes('Blocked')).length).toBeGreaterThan(0);
    await popup.getByRole('button', { name: 'Record opt-out' }).click();
    await popup.getByLabel('List').selectOption({ label: 'Email vendor' });
    // Before saving: what each reason will block on this list.
    const blocks = popup.getByRole('list', { name: 'What each reason blocks' });
    await expect.poll(() => blocks.textContent()).toContain('Objected to marketing: blocks every channel');
    expect(await blocks.textContent()).toContain('Unsubscribed: blocks email only');
    await popup.getByRole('button', { name: 'Objected to marketing' }).click();
    await popup.getByRole('button', { name: 'Save opt-out' }).click();
    await expect.poll(() => popup.locator('.notice').textContent()).toContain('blocks every channel');
    await expect.poll(() => popupLevel(popup)).toBe('blocked');
    for (const c of CHANNEL_NAMES) expect(await channelCell(popup, c).textContent()).toContain('Blocked');
    await popup.close();
    await page.close();
  });

  it('the rep narrows a do-not-call to calls with the keyboard; SMS stays open (issue 20, item 5)', async () => {
    const { page, tabId } = await openProfile(
      overlayFor('nico-narrow-5', 'Nico Narrow', 'nico@nico-co.example', '+44 20 7946 0106'),
    );
    const popup = await openPopup(tabId);
    await popup.getByRole('button', { name: 'Record opt-out' }).click();
    await popup.getByRole('button', { name: 'Do not call' }).click();
    const sms = popup.getByRole('checkbox', { name: 'SMS', exact: true });
    expect(await sms.isChecked()).toBe(true);
    expect(await popup.getByRole('checkbox', { name: 'Phone', exact: true }).isChecked()).toBe(true);
    expect(await popup.getByRole('checkbox', { name: 'Email', exact: true }).isChecked()).toBe(false);
    await sms.focus();
    await popup.keyboard.press('Space');
    expect(await sms.isChecked()).toBe(false);
    expect(await popup.locator('.will-block').textContent()).toBe('Will block: Phone');
    // An objection cannot be narrowed: every box checked and disabled, and the form says why.
    await popup.getByRole('button', { name: 'Objected to marketing' }).click();
    expect(await sms.isChecked()).toBe(true);
    expect(await sms.isDisabled()).toBe(true);
    expect(await popup.locator('.channels-pick').textContent()).toContain('GDPR Art. 21(3), Art. 17');
    // Back to do not call: its defaults again, narrowed again, and saved from the keyboard.
    await popup.getByRole('button', { name: 'Do not call' }).click();
    await sms.uncheck();
    await popup.getByRole('button', { name: 'Save opt-out' }).focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.locator('.notice').textContent()).toContain('phone only');
    await expect.poll(() => channelCell(popup, 'Phone').textContent()).toContain('Blocked');
    for (const c of ['SMS', 'Email'])
      expect(await channelCell(popup, c).textContent()).not.toContain('Blocked');
    await popup.close();
    await page.close();
  });

  it('an unsubscribe on the default list blocks email only, and says so before saving (issue 20, item 5)', async () => {
    const { page, tabId } = await openProfile(
      overlayFor('uma-unsub-5', 'Uma Unsub', 'uma@uma-co.example', '+44 20 7946 0105'),
    );
    const popup = await openPopup(tabId);
    await popup.getByRole('button', { name: 'Record opt-out' }).click();
    const blocks = popup.getByRole('list', { name: 'What each reason blocks' });
    await expect.poll(() => blocks.textContent()).toContain('Unsubscribed: blocks email only');
    expect(await blocks.textContent()).toContain('Do not call: blocks phone and SMS only');
    expect(await blocks.textContent()).toContain('Objected to marketing: blocks every channel');
    await popup.getByRole('button', { name: 'Unsubscribed' }).click();
    expect(await popup.locator('.will-block').textContent()).toBe('Will block: Email');
    await popup.getByRole('button', { name: 'Save opt-out' }).click();
    await expect.poll(() => popup.locator('.notice').textContent()).toContain('email only');
    await expect.poll(() => channelCell(popup, 'Email').textContent()).toContain('Blocked');
    for (const c of ['Phone', 'Post'])
      expect(await channelCell(popup, c).textContent()).not.toContain('Blocked');
    // Issue 20, item 1: one plain sentence first, with the date; the rules and citations behind "Legal detail".
    const headline = popup.locator('section[aria-labelledby="person-h"] .headline .summary');
    await expect
      .poll(() => headline.textContent())
      .toMatch(/^Don't email — unsubscribed \d{1,2} [A-Z][a-z]{2}\./);
    const why = popup.locator('section[aria-labelledby="person-h"] ul.reasons');
    expect(await why.isVisible()).toBe(false);
    await popup.getByText('Legal detail').first().click();
    expect(await why.isVisible()).toBe(true);
    expect(await why.textContent()).toMatch(/PECR|GDPR/);
    // The page's badge says it too, without the date (dates stay in the popup).
    const badge = await waitForBadge(page, (b) => b.text.includes("Don't email"));
    expect(badge.text).toContain("Don't email — unsubscribed.");
    await popup.close();
    await page.close();
  });

  it('records consent for email on a Canadian profile: the channel table and the badge change, and undo reverts', async () => {
    const { page, tabId } = await openProfile(EMMA);
    const before = await waitForBadge(page);
    expect(before.level).toBe('unknown');
    const popup = await openPopup(tabId);
    const emailBefore = (await channelCell(popup, 'Email').textContent()) ?? '';
    expect(emailBefore).toMatch(/Blocked|Check/);

    await popup.getByRole('button', { name: 'Record lawful basis' }).click();
    await popup.getByLabel('Stage').selectOption('client');
    expect(await popup.getByLabel('Country').inputValue()).toBe('CA');
    await popup.getByLabel('Email: consent given').check();
    await popup.getByLabel('Email consent evidence').fill('Signed up at the Toronto trade show');
    expect(await popup.getByLabel('Email consent date').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await popup.getByRole('button', { name: 'Save lawful basis' }).click();

    await expect.poll(() => channelCell(popup, 'Email').textContent()).toContain('Allowed');
    const after = await waitForBadge(page, (b) => b.level !== 'unknown' && b.level !== 'pending');
    expect(after.level).not.toBe(before.level);
    expect(await popup.getByRole('button', { name: 'Edit lawful basis' }).count()).toBe(1);

    await popup.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => channelCell(popup, 'Email').textContent()).toContain(emailBefore.trim());
    expect((await waitForBadge(page, (b) => b.level === 'unknown')).level).toBe('unknown');
    await popup.close();
    await page.close();
  });

  it('shows a clear error for a bad lawful-basis form and keeps what was typed', async () => {
    const { page, tabId } = await openProfile(EMMA);
    const popup = await openPopup(tabId);
    await popup.getByRole('button', { name: 'Record lawful basis' }).click();
    await popup.getByLabel('Country').fill('Canada');
    await popup.getByLabel('Reference').fill('LIA-2026-07');
    await popup.getByRole('button', { name: 'Save lawful basis' }).click();
    await expect
      .poll(() => popup.locator('.error').allTextContents())
      .toContainEqual(expect.stringContaining('two-letter'));
    expect(await popup.getByLabel('Reference').inputValue()).toBe('LIA-2026-07');
    expect(await popup.getByLabel('Country').getAttribute('aria-invalid')).toBe('true');
    await popup.close();
    await page.close();
  });

  it('quick-checks an email, a recorded profile URL and junk without leaving the popup', async () => {
    await inFreshBrowser(async () => {
      const { page, tabId } = await openProfile(JANE);
      const popup = await openPopup(tabId);
      // Seed: Jane's profile URL is recorded (an opt-out), so the quick check has a recorded URL to find.
      await popup.getByRole('button', { name: 'Record opt-out' }).click();
      await popup.getByRole('button', { name: 'Objected to marketing' }).click();
      await popup.getByRole('button', { name: 'Save opt-out' }).click();
      await expect.poll(() => popupLevel(popup)).toBe('blocked');
      const box = popup.getByLabel('Email, domain or profile URL');
      const result = popup.locator('.quick-result');

      await box.fill('  Someone.New@Example.org ');
      await box.press('Enter');
      await expect.poll(() => result.textContent()).toContain('someone.new@example.org');
      expect(await result.locator('.pill[data-level]').first().getAttribute('data-level')).toBe('unknown');
      expect(await result.locator('table.channels tr').count()).toBe(6);

      await box.fill('linkedin.com/in/jane-doe-1a2b3c');
      await popup.getByRole('button', { name: 'Check' }).click();
      await expect
        .poll(() => result.locator('.pill[data-level]').first().getAttribute('data-level'))
        .toBe('blocked');

      await box.fill('not an email@');
      await box.press('Enter');
      await expect.poll(() => popup.locator('.quick .error').textContent()).toMatch(/Not an email/);
      expect(await box.getAttribute('aria-invalid')).toBe('true');
      await popup.close();
      await page.close();
    });
  });

  it('has no serious or critical axe violations, with every form open, and fits 400 px', async () => {
    const { page, tabId } = await openProfile(JANE);
    const popup = await openPopup(tabId);
    await popup.evaluate(AXE_SOURCE);
    const run = () =>
      popup.evaluate(async () => {
        type Axe = { run(): Promise<{ violations: AxeViolation[]; passes: unknown[] }> };
        const r = await (window as unknown as { axe: Axe }).axe.run();
        return {
          passes: r.passes.length,
          violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes })),
        };
      });
    const serious = (r: { passes: number; violations: AxeViolation[] }) => {
      // A run that checked nothing would pass vacuously.
      expect(r.passes).toBeGreaterThan(10);
      return r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    };

    expect(serious(await run())).toEqual([]);
    await popup.getByRole('button', { name: 'Record opt-out' }).click();
    expect(serious(await run())).toEqual([]);
    await popup.getByRole('button', { name: 'Cancel' }).click();
    await popup.getByRole('button', { name: /lawful basis/ }).click();
    await popup.getByLabel('Email: consent given').check();
    expect(serious(await run())).toEqual([]);
    for (const scheme of ['dark', 'light'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      expect(serious(await run()), `${scheme} mode`).toEqual([]);
    }
    const widths = await popup.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await popup.close();
    await page.close();
  });

  it('records an opt-out with the keyboard only, with a visible focus ring', async () => {
    const { page, tabId } = await openProfile(MAX);
    expect((await waitForBadge(page)).level).not.toBe('blocked');
    const popup = await openPopup(tabId);
    const focused = () =>
      popup.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return {
          text: el?.textContent?.trim() ?? '',
          tag: el?.tagName ?? '',
          outline: el ? getComputedStyle(el).outlineStyle : 'none',
        };
      });
    let f = await focused();
    for (let i = 0; i < 30 && f.text !== 'Record opt-out'; i++) {
      await popup.keyboard.press('Tab');
      f = await focused();
    }
    expect(f.text).toBe('Record opt-out');
    expect(f.outline).not.toBe('none');
    await popup.keyboard.press('Enter');
    f = await focused();
    expect(f.text).toBe('Objected to marketing');
    expect(f.outline).not.toBe('none');
    // Pick a different reason with Tab and Space, then Tab on to Save (past the channel boxes) and press Enter.
    await popup.keyboard.press('Tab');
    expect((await focused()).text).toBe('Unsubscribed');
    await popup.keyboard.press('Space');
    for (let i = 0; i < 20 && f.text !== 'Save opt-out'; i++) {
      await popup.keyboard.press('Tab');
      f = await focused();
    }
    expect(f.text).toBe('Save opt-out');
    expect(f.outline).not.toBe('none');
    await popup.keyboard.press('Enter');
    // An unsubscribe blocks email (issue 20, item 5), and the badge's plain sentence leads with it.
    const after = await waitForBadge(page, (b) => b.text.includes("Don't email — unsubscribed."));
    expect(after.level).not.toBe('ok');
    await expect.poll(() => popup.locator('.notice').textContent()).toContain('Unsubscribed');
    // Focus lands on the outcome; Tab reaches its Undo button.
    await popup.keyboard.press('Tab');
    expect((await focused()).text).toBe('Undo');
    await popup.close();
    await page.close();
  });

  it('opens the form the on-page badge asked for, ready for one more click', async () => {
    const { page, tabId } = await openProfile('https://www.linkedin.com/in/claire-dubois-42/');
    const started = Date.now();
    const popup = await heed.openExtensionPage(`popup.html?tabId=${tabId}&action=opt-out`);
    await popup.getByRole('button', { name: 'Objected to marketing' }).waitFor();
    console.info(`popup with the opt-out form ready in ${Date.now() - started} ms`);
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Objected to marketing');
    await popup.close();

    const form = await heed.openExtensionPage(`popup.html?tabId=${tabId}&action=lawful-basis`);
    await form.getByRole('heading', { name: 'Record the lawful basis' }).waitFor();
    expect(await form.getByLabel('Country').inputValue()).toBe('FR');
    await form.close();
    await page.close();
  });

  it('explains an uncovered page and offers scan and quick check', async () => {
    const page = await heed.context.newPage();
    await page.goto('https://acme.example/team/');
    const tabId = await heed.worker.evaluate(
      async () => (await chrome.tabs.query({ url: 'https://acme.example/*' }))[0]?.id,
    );
    const popup = await heed.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.getByRole('heading', { name: 'No person found on this page' }).waitFor();
    expect(await popup.getByLabel('Email, domain or profile URL').count()).toBe(1);
    await popup.getByRole('button', { name: 'Scan this page' }).click();
    await expect.poll(() => popup.locator('.scan [role="status"]').textContent()).not.toBe('');
    console.info(`scan: ${await popup.locator('.scan [role="status"]').textContent()}`);
    await popup.close();
    await page.close();
  });

  it('warns when the page shows another employer than the record, until the record is brought up to date (issue 20, item 10)', async () => {
    // Pat's profile says Globex Corporation everywhere (top card, headline, experience); the team's record is older.
    const url = 'https://www.linkedin.com/in/pat-mover-10/';
    servePage(
      url,
      fixturePage('linkedin-profile-jane.html')
        .replaceAll('jane-doe-1a2b3c', 'pat-mover-10')
        .replaceAll('Jane Doe', 'Pat Mover')
        .replaceAll('Acme Ltd', 'Globex Corporation'),
    );
    const { page, tabId } = await openProfile(url);
    const popup = await openPopup(tabId);
    const reasons = popup.locator('section[aria-labelledby="person-h"] ul.reasons');
    expect(await reasons.textContent()).not.toMatch(/different employer|but the page shows/);

    await popup.getByRole('button', { name: 'Record lawful basis' }).click();
    const employer = popup.getByLabel('Employer');
    // Prefilled from the page.
    expect(await employer.inputValue()).toBe('Globex Corporation');
    await employer.fill('Acme Ltd');
    await popup.getByRole('button', { name: 'Save lawful basis' }).click();
    await expect
      .poll(() => reasons.textContent())
      .toContain('Your record says they work at Acme Ltd, but the page shows Globex Corporation');
    expect(await reasons.textContent()).toContain('CNIL decision on KASPR (2024)');
    expect(await reasons.textContent()).toContain('AEPD');

    // The form says what the page shows; the same employer written differently lifts the warning.
    await popup.getByRole('button', { name: 'Edit lawful basis' }).click();
    expect(await employer.inputValue()).toBe('Acme Ltd');
    expect(await popup.getByText('The page now shows: Globex Corporation').count()).toBe(1);
    await employer.fill('GLOBEX CORP.');
    await popup.getByRole('button', { name: 'Save lawful basis' }).click();
    await expect.poll(() => reasons.textContent()).not.toContain('but the page shows');
    await popup.close();
    await page.close();
  });

  it('sends nothing anywhere', () => {
    expect(heed.extensionRequests).toEqual([]);
  });
});
