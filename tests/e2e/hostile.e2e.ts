import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  evaluateInContentScript,
  type HeedBrowser,
  launchHeed,
  loadDemoData,
  readBadges,
  stopServiceWorkers,
  tabIdOf,
  waitForBadge,
  waitForHeedIdle,
} from './support/browser';
import { fixturePage, servePage } from './support/sites';

const withScript = (html: string, script: string) =>
  html.replace('</body>', `<script>${script}</script></body>`);

/** What the page itself can learn about the badge host by DOM inspection and layout. */
async function pageView(page: Page) {
  return page.evaluate(() => {
    const h1 = document.querySelector('h1');
    const hosts = [...(h1?.querySelectorAll('span') ?? [])].filter(
      (s) => s.textContent === '' && s.children.length === 0,
    );
    const host = hosts.at(-1);
    if (!host) return null;
    const r = host.getBoundingClientRect();
    return {
      outerHTML: host.outerHTML,
      attributes: host.getAttributeNames(),
      shadowRoot: host.shadowRoot === null ? 'hidden' : 'visible',
      width: Math.round(r.width),
      height: Math.round(r.height),
      className: host.className,
      computedColour: getComputedStyle(host).backgroundColor,
    };
  });
}

describe('hostile pages', () => {
  let heed: HeedBrowser;
  beforeAll(async () => {
    heed = await launchHeed();
    await loadDemoData(heed);
  });
  afterAll(async () => {
    await heed?.close();
  });

  /** After a restart of the service worker, the tests that read it (tabIdOf) talk to the new one. */
  function followWorker(): void {
    const now = heed.context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    if (!now) throw new Error('no service worker after the restart');
    heed.worker = now;
  }

  it('cannot tell a suppressed person from an unknown one by inspecting the DOM or measuring the host', async () => {
    const blocked = await heed.context.newPage();
    await blocked.goto('https://www.linkedin.com/in/jane-doe-1a2b3c/');
    expect((await waitForBadge(blocked)).level).toBe('blocked');
    const unknown = await heed.context.newPage();
    await unknown.goto('https://www.linkedin.com/in/claire-dubois-42/');
    expect((await waitForBadge(unknown)).level).toBe('unknown');
    const a = await pageView(blocked);
    const b = await pageView(unknown);
    expect(a).not.toBeNull();
    expect(a).toEqual(b);
    expect(a).toMatchObject({ outerHTML: '<span></span>', attributes: [], shadowRoot: 'hidden' });
    await blocked.close();
    await unknown.close();
  });

  it('does not announce the extension to the page with a window message', async () => {
    const html = fixturePage('linkedin-profile-jane.html').replace(
      '<head>',
      `<head><script>window.__seen = []; addEventListener('message', (e) => window.__seen.push(JSON.stringify(e.data)));</script>`,
    );
    servePage('https://www.linkedin.com/in/jane-doe-1a2b3c/?listen=1', html);
    const page = await heed.context.newPage();
    await page.goto('https://www.linkedin.com/in/jane-doe-1a2b3c/?listen=1');
    await waitForBadge(page);
    expect(await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen)).toEqual([]);
    await page.close();
  });

  it('ignores hidden decoy addresses and strips invisible characters from what it looks up', async () => {
    const page = await heed.context.newPage();
    await page.goto('https://www.linkedin.com/in/jane-doe-1a2b3c/overlay/contact-info/');
    await waitForBadge(page);
    const tabId = await tabIdOf(heed, page);
    const state = await heed.worker.evaluate(
      async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`],
      tabId,
    );
    const looked = JSON.stringify(state);
    expect(looked).toContain('jane.doe@gmail.com');
    expect(looked).not.toContain('decoy@evil.test');
    const claire = await heed.context.newPage();
    await claire.goto('https://www.linkedin.com/in/claire-dubois-42/');
    await waitForBadge(claire);
    const claireState = await heed.worker.evaluate(
      async (id) =>
        (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as {
          person: { hints: { name: string } };
        },
      await tabIdOf(heed, claire),
    );
    expect(claireState.person.hints.name).toBe('Claire Dubois');
    await page.close();
    await claire.close();
  });

  it('ties the verdict to the profile URL: a name swapped after load does not launder a suppressed person', async () => {
    const html = withScript(
      fixturePage('linkedin-profile-jane.html'),
      `setTimeout(() => { const h = document.querySelector('h1'); h.firstChild.textContent = 'Claire Dubois'; document.title = 'Claire Dubois | LinkedIn'; }, 400);`,
    );
    servePage('https://www.linkedin.com/in/jane-doe-1a2b3c/?swap=1', html);
    const page = await heed.context.newPage();
    await page.goto('https://www.linkedin.com/in/jane-doe-1a2b3c/?swap=1');
    // The page has swapped the name, and Heed has read the page since and had every answer.
    await page.waitForFunction(() => document.title.startsWith('Claire'));
    await waitForHeedIdle(page);
    const badge = await waitForBadge(page);
    expect(badge.level).toBe('blocked');
    await page.close();
  });

  it('ends on the right badge after rapid in-app navigation through several profiles', async () => {
    const pages = [
      'max-mustermann',
      'claire-dubois-42',
      'emma-tremblay',
      'jane-doe-1a2b3c',
      'max-mustermann',
    ];
    const html = withScript(
      fixturePage('linkedin-profile-claire.html'),
      `window.__go = (slugs) => { for (const s of slugs) { history.pushState({}, '', '/in/' + s + '/'); document.querySelector('h1').firstChild.textContent = s; } };`,
    );
    servePage('https://www.linkedin.com/in/claire-dubois-42/?spa=rapid', html);
    const page = await heed.context.newPage();
    await page.goto('https://www.linkedin.com/in/claire-dubois-42/?spa=rapid');
    await waitForBadge(page);
    await page.evaluate((slugs) => (window as unknown as { __go(s: string[]): void }).__go(slugs), pages);
    // The last profile is Max (a German client: caution); an answer for an earlier one must not win.
    const badge = await waitForBadge(page, (b) => b.level === 'caution');
    // Every look-up has been answered: a late answer for an earlier profile would have landed by now.
    await waitForHeedIdle(page);
    expect(await readBadges(page)).toEqual([badge]);
    await page.close();
  });

  it('refuses writes and extension-page requests from a content script, and rate-limits a flood of look-ups', async () => {
    const page = await heed.context.newPage();
    await page.goto('https://www.linkedin.com/in/claire-dubois-42/');
    await waitForBadge(page);
    const refused = await evaluateInContentScript<{ ok: boolean; error?: string }[]>(
      page,
      `Promise.all([
        chrome.runtime.sendMessage({ type: 'store-changed' }),
        chrome.runtime.sendMessage({ type: 'tab-state', tabId: 1 }),
        chrome.runtime.sendMessage({ type: 'scan-tab', tabId: 1 }),
        chrome.runtime.sendMessage({ type: 'add-entry', value: 'x@y.example' }),
        chrome.runtime.sendMessage({ type: 'page-person', person: { identifiers: { emails: Array(500).fill('a@b.example'), profileUrls: [], salesNavUrls: [], phones: [] }, hints: { source: 'generic' } } }),
        chrome.runtime.sendMessage({ type: 'lookup', identifiers: { emails: ['a@b.example'], profileUrls: [], salesNavUrls: [], phones: [] }, hints: { source: 'generic' } }),
      ])`,
    );
    expect(refused.map((r) => r.ok)).toEqual([false, false, false, false, false, false]);
    expect(refused[0]?.error).toMatch(/content scripts may only look people up/);
    expect(refused[4]?.error).toMatch(/invalid message: person\.identifiers\.emails/);
    // A free look-up is for the extension's own pages: a content script may only report its page's person.
    expect(refused[5]?.error).toMatch(/content scripts may only look people up/);
    // The limit counts identifiers (issue 19): 60 messages of 20 addresses each are 1,200 look-ups.
    const flood = await evaluateInContentScript<{ ok: boolean; error?: string }[]>(
      page,
      `Promise.all(Array.from({ length: 60 }, (_, i) => chrome.runtime.sendMessage({ type: 'page-person', person: { identifiers: { emails: Array.from({ length: 20 }, (_, k) => 'probe' + i + '-' + k + '@example.org'), profileUrls: [], salesNavUrls: [], phones: [] }, hints: { source: 'generic' } } })))`,
    );
    const answered = flood.filter((r) => r.ok).length;
    expect(answered).toBeGreaterThan(0);
    expect(answered).toBeLessThan(60);
    expect(flood.find((r) => !r.ok)?.error).toMatch(/too many look-ups/);
    // The flood has emptied linkedin.com's bucket, which lives in the worker's memory: a restarted worker starts
    // with full buckets, so every other test, run before or after this one, looks people up as usual.
    await stopServiceWorkers(page);
    await page.reload();
    await waitForBadge(page);
    followWorker();
    await page.close();
  });

  it('still answers after the service worker is stopped mid-session', async () => {
    const page = await heed.context.newPage();
    await page.goto('https://www.linkedin.com/in/jane-doe-1a2b3c/');
    expect((await waitForBadge(page)).level).toBe('blocked');
    await stopServiceWorkers(page);
    const other = await heed.context.newPage();
    await other.goto('https://www.linkedin.com/in/max-mustermann/');
    expect((await waitForBadge(other)).level).toBe('caution');
    followWorker(); // for the tests that run after this one
    await page.reload();
    expect((await waitForBadge(page)).level).toBe('blocked');
    await page.close();
    await other.close();
  });

  it('sent nothing from the extension to the network', () => {
    expect(heed.extensionRequests).toEqual([]);
  });
});
