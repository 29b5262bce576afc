import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentScriptsFor, type HeedBrowser, launchHeed, readBadges, waitForBadge } from './support/browser';

const LEVELS = ['blocked', 'high', 'caution', 'ok', 'unknown'];

describe('the extension in Chromium', () => {
  let heed: HeedBrowser;
  beforeAll(async () => {
    heed = await launchHeed();
  });
  afterAll(async () => {
    // The net log must have seen the canary navigation (so it can see extension requests), and nothing else.
    const log = await heed?.close({ allow: ['https://canary-navigation.invalid/'] });
    expect(log?.fromExtension).toEqual(['https://canary-navigation.invalid/']);
    expect(log?.requests).toBeGreaterThan(3);
  });

  it('refuses, by its CSP, any fetch from the service worker or an extension page', async () => {
    const fromWorker = await heed.worker.evaluate(() =>
      fetch('https://canary-worker.invalid/').then(
        () => 'sent',
        (e: Error) => e.message,
      ),
    );
    const page = await heed.openExtensionPage('popup.html');
    const fromPage = await page.evaluate(() =>
      fetch('https://canary-page.invalid/').then(
        () => 'sent',
        (e: Error) => e.message,
      ),
    );
    await page.close();
    expect(fromWorker).toMatch(/Failed to fetch/);
    expect(fromPage).toMatch(/Failed to fetch/);
    // (Only this test's canaries: the detector test's navigation may have run before it, in a shuffled order.)
    expect(heed.allRequests.filter((u) => /canary-(worker|page)/.test(u))).toEqual([]);
  });

  it('captures what an extension page does request (the detector itself works)', async () => {
    const page = await heed.openExtensionPage('popup.html');
    // A navigation is not governed by connect-src, so it does leave the page: the capture must see it.
    await page.evaluate(() => {
      location.href = 'https://canary-navigation.invalid/';
    });
    await expect
      .poll(() => heed.extensionRequests.map((r) => r.url))
      .toContain('https://canary-navigation.invalid/');
    await page.close();
    heed.extensionRequests.length = 0; // the canary was ours; from here on the list must stay empty
  });

  it('loads as an MV3 service worker with a stable extension id', () => {
    expect(heed.worker.url()).toBe(`chrome-extension://${heed.extensionId}/background.js`);
  });

  it('runs the content script on a LinkedIn profile served at its real address', async () => {
    const page = await heed.context.newPage();
    const response = await page.goto('https://www.linkedin.com/in/jane-doe-1a2b3c/');
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).host).toBe('www.linkedin.com');
    const badge = await waitForBadge(page);
    expect(LEVELS).toContain(badge.level);
    await page.close();
  });

  it('leaves pages it does not cover alone', async () => {
    const page = await heed.context.newPage();
    await page.goto('https://acme.example/team/');
    // Nothing is injected there at all (the manifest matches no script), so no badge can appear later either.
    expect(contentScriptsFor(page.url())).toEqual([]);
    expect(contentScriptsFor('https://www.linkedin.com/in/jane-doe-1a2b3c/').length).toBeGreaterThan(0);
    expect(await readBadges(page)).toEqual([]);
    await page.close();
  });

  it('cannot reach any other host: the run is hermetic', async () => {
    const page = await heed.context.newPage();
    await expect(page.goto('https://example.com/')).rejects.toThrow(/ERR_NAME_NOT_RESOLVED/);
    await page.close();
  });

  it('opens the popup and the options page', async () => {
    const popup = await heed.openExtensionPage('popup.html');
    await expect(popup.title()).resolves.toBe('Heed');
    expect(await popup.locator('h1').first().textContent()).toContain('Heed');
    const options = await heed.openExtensionPage('options.html');
    expect(await options.locator('h1').first().textContent()).toContain('Heed');
    await popup.close();
    await options.close();
  });

  it('sends no request from the service worker or its pages to anything outside the extension', () => {
    expect(heed.extensionRequests).toEqual([]);
  });
});
