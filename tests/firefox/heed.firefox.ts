import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HeedFirefox, launchHeedFirefox, tabIdOf, toolbarOf, waitFor } from './support';

const JANE = 'https://www.linkedin.com/in/jane-doe-1a2b3c/';
const ADA = 'https://github.com/octo-ada';

async function textOf(page: Page): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a person reads
  return page.evaluate(() => document.body.innerText);
}

async function waitForText(page: Page, text: string | RegExp): Promise<string> {
  const shown = await waitFor(
    () => textOf(page),
    (t) => (typeof text === 'string' ? t.includes(text) : text.test(t)),
  );
  expect(shown).toMatch(text);
  return shown;
}

/**
 * Firefox itself polls Mozilla's remote-settings service whatever the profile's prefs say (it lands in the sink, so
 * it never leaves either); Heed has no business with Mozilla's hosts, so everything else the sink saw is a leak.
 */
function leaksBeyondFirefox(leaks: string[]): string[] {
  return leaks.filter((h) => !/^[a-z0-9.-]+\.(mozilla\.(com|net|org)|firefox\.com):443$/.test(h));
}

/** Opens `url` in a new tab and waits for Heed's verdict on the toolbar button for that tab. */
async function verdictFor(
  heed: HeedFirefox,
  url: string,
  want: string,
): Promise<{ text: string; title: string }> {
  const page = await heed.browser.newPage();
  await page.goto(url);
  const tabId = await tabIdOf(heed, url);
  const shown = await waitFor(
    () => toolbarOf(heed, tabId),
    (t) => t.title.startsWith(`Heed: ${want}`),
  );
  await page.close();
  return shown;
}

describe('Heed in Firefox ESR (MV2 build, temporary add-on)', () => {
  let heed: HeedFirefox;
  let dir: string;
  beforeAll(async () => {
    heed = await launchHeedFirefox();
    dir = mkdtempSync(join(tmpdir(), 'heed-ff-'));
  });
  afterAll(async () => {
    await heed?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads: the options page renders from the installed add-on', async () => {
    const options = await heed.openExtensionPage('options.html');
    await waitForText(options, 'Load demo data');
    await options.close();
  });

  it('shows Unknown (not an error) for a LinkedIn profile when no list holds the person', async () => {
    // Issue 17: the background called browser.action, which Firefox's MV2 build does not have, so every badge
    // answer threw and the page badge read "Heed: error".
    const shown = await verdictFor(heed, JANE, 'Unknown');
    expect(shown).toMatchObject({ text: '?', title: expect.stringMatching(/^Heed: Unknown — /) });
  });

  it('imports a small list file on the options page; the profile on it is then Blocked, in the popup too', async () => {
    const options = await heed.openExtensionPage('options.html#/import');
    const file = join(dir, 'profiles.txt');
    writeFileSync(file, `${JANE}\n`);
    const input = await options.waitForSelector('.ol-import input[type=file]', { timeout: 10_000 });
    await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(file);
    await waitForText(options, 'Check the file');
    await (await options.waitForSelector('::-p-aria([name="Import"][role="button"])'))?.click();
    await waitForText(options, 'Imported 1 entry');
    await options.close();

    const shown = await verdictFor(heed, JANE, 'Blocked');
    expect(shown.text).toBe('NO');

    // The popup for that tab (as the toolbar button opens it) shows the same verdict.
    const page = await heed.browser.newPage();
    await page.goto(JANE);
    const tabId = await tabIdOf(heed, JANE);
    const popup = await heed.openExtensionPage(`popup.html?tabId=${tabId}`);
    const text = await waitForText(popup, 'Jane Doe');
    expect(text).toContain('Blocked');
    await popup.close();
    await page.close();
  });

  it('gives a GitHub profile its verdict from the demo lists', async () => {
    const options = await heed.openExtensionPage('options.html');
    await (await options.waitForSelector('::-p-aria([name="Load demo data"][role="button"])'))?.click();
    // Demo data asks first, and goes into lists of its own.
    await (await options.waitForSelector('::-p-aria([name="Load demo lists"][role="button"])'))?.click();
    await waitForText(options, 'Demo data loaded');
    await options.close();
    const shown = await verdictFor(heed, ADA, 'High risk');
    expect(shown.text).toBe('HIGH');
  });

  it('opens My data', async () => {
    const mydata = await heed.openExtensionPage('mydata.html');
    await waitForText(mydata, 'My data');
    await mydata.close();
  });

  it('lets nothing leave: the extension reached no host, and the leak detector does see a navigation', async () => {
    const popup = await heed.openExtensionPage('popup.html');
    // Refused by the extension's CSP before it reaches the network.
    const fetched = await popup.evaluate(() =>
      fetch('https://canary-fetch.invalid/').then(
        () => 'sent',
        (e: Error) => e.name,
      ),
    );
    expect(fetched).toBe('TypeError');
    // A navigation is not governed by connect-src: the catch-all proxy must log it (the detector works).
    await popup.evaluate(() => {
      location.href = 'https://canary-navigation.invalid/';
    });
    await waitFor(
      async () => leaksBeyondFirefox(heed.leaks),
      (l) => l.length > 0,
    );
    expect(leaksBeyondFirefox(heed.leaks)).toEqual(['canary-navigation.invalid:443']);
    await popup.close().catch(() => undefined);
    // Everything the fixture server saw is a page the test opened (or that page's favicon).
    const opened = new Set([JANE, ADA].map((u) => `${new URL(u).host} ${new URL(u).pathname}`));
    const unexpected = heed.server.log.filter((l) => !opened.has(l) && !l.endsWith(' /favicon.ico'));
    expect(unexpected).toEqual([]);
  });
});
