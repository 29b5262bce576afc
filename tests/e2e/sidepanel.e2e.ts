import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumArgs,
  type HeedBrowser,
  launchHeed,
  loadDemoData,
  readBadges,
  waitForBadge,
  waitForHeedIdle,
} from './support/browser';
import { chromiumPath } from './support/global-setup';
import { type FixtureServer, startFixtureServer } from './support/server';
import { fixturePage, servePage } from './support/sites';

const CLAIRE = 'https://www.linkedin.com/in/claire-dubois-42/';
const JANE = 'https://www.linkedin.com/in/jane-doe-1a2b3c/';
const RECORDED = `${CLAIRE}?record=1`;

/**
 * A page that watches for Heed the way a page can, without patching any built-in: a MutationObserver on the whole
 * document from the first moment, capture-phase listeners on window and document for every event WXT or Heed has
 * ever sent (the extension-id-named WXT events, window messages), and then an in-app navigation to Jane (who is
 * on the demo Do not contact list). `__report()` returns what it saw, a DOM snapshot and a timing sample.
 */
function recordingPage(extensionId: string): string {
  const script = `
    (() => {
      const seen = { mutations: [], events: [] };
      const name = (n) => n.nodeType === 1 ? n.nodeName + (n.id ? '#' + n.id : '') : n.nodeName;
      new MutationObserver((records) => {
        for (const r of records)
          seen.mutations.push([r.type, name(r.target), r.attributeName,
            [...r.addedNodes].map(name).join(','), [...r.removedNodes].map(name).join(',')].join(' '));
      }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      const names = ['content-script-started', 'locationchange'].flatMap((e) =>
        ['annotate', 'annotate-linkedin', 'rows', 'scan'].map((entry) => '${extensionId}:' + entry + ':wxt:' + e));
      for (const target of [window, document])
        for (const n of [...names, 'message', 'heed', 'wxt:locationchange'])
          target.addEventListener(n, (e) => seen.events.push(e.type + ' ' + (e.data === undefined ? '' : JSON.stringify(e.data))), true);
      const frames = (n) => new Promise((done) => {
        const t0 = performance.now();
        const step = (i) => i === 0 ? done(performance.now() - t0) : requestAnimationFrame(() => step(i - 1));
        step(n);
      });
      // DOM churn the content script's observer sees: the page's own work, then the task that delivers mutation
      // records (a content script's observer runs there), then the next frame (where Heed re-reads the page).
      const churn = async () => {
        const t0 = performance.now();
        const box = document.createElement('div');
        document.body.append(box);
        for (let i = 0; i < 2000; i++) {
          const s = document.createElement('span');
          s.textContent = 'row ' + i;
          box.append(s);
        }
        box.remove();
        await new Promise((r) => setTimeout(r, 0));
        const t1 = performance.now();
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        return [t1 - t0, performance.now() - t0];
      };
      window.__go = () => {
        history.pushState({}, '', '/in/jane-doe-1a2b3c/');
        document.querySelector('h1').firstChild.textContent = 'Jane Doe';
        document.title = 'Jane Doe | LinkedIn';
      };
      window.__report = () => ({
        mutations: seen.mutations.slice(),
        events: seen.events.slice(),
        html: document.documentElement.outerHTML,
        elements: document.querySelectorAll('*').length,
        url: location.href,
      });
      window.__timing = async () => {
        const f = [], c = [], n = [];
        for (let i = 0; i < 5; i++) {
          f.push(await frames(30));
          const [task, frame] = await churn();
          c.push(task);
          n.push(frame);
        }
        const median = (xs) => xs.sort((a, b) => a - b)[2];
        return { frames30: median(f), churn: median(c), churnFrames: median(n) };
      };
    })();`;
  return fixturePage('linkedin-profile-claire.html').replace('<head>', `<head><script>${script}</script>`);
}

interface Timing {
  /** 30 animation frames (headless Chromium paces them at 60 Hz). */
  frames30: number;
  /** 2,000 inserted nodes, to the end of the task that delivers the mutation records. */
  churn: number;
  /** The same, to two frames later (Heed re-reads the page in the first). */
  churnFrames: number;
}

interface Report {
  mutations: string[];
  events: string[];
  html: string;
  elements: number;
  url: string;
}

/** Counts the shadow roots a script attached, closed ones too (CDP pierces them; the page could not). */
async function shadowRoots(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    type Node = { children?: Node[]; shadowRoots?: Node[]; contentDocument?: Node; shadowRootType?: string };
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
    const count = (n: Node): number =>
      // Form controls carry the browser's own (user-agent) shadow roots; those are the page's, not Heed's.
      (n.shadowRoots?.filter((r) => r.shadowRootType !== 'user-agent').length ?? 0) +
      [...(n.children ?? []), ...(n.shadowRoots ?? []), ...(n.contentDocument ? [n.contentDocument] : [])]
        .map(count)
        .reduce((a, b) => a + b, 0);
    return count(root);
  } finally {
    await cdp.detach();
  }
}

/**
 * Loads the recording page, lets it navigate in-app to Jane and reports, each step once Heed (if loaded) is idle:
 * its scripts have started, read the page and had every answer (waitForHeedIdle). Without Heed there is nothing to
 * wait for.
 */
async function record(context: BrowserContext, settle: (page: Page) => Promise<void>, withHeed = true) {
  const idle = (p: Page) => (withHeed ? waitForHeedIdle(p) : Promise.resolve());
  const page = await context.newPage();
  await page.goto(RECORDED);
  await idle(page);
  await page.evaluate(() => (window as unknown as { __go(): void }).__go());
  await settle(page);
  await idle(page);
  const report = await page.evaluate(() => (window as unknown as { __report(): Report }).__report());
  const roots = await shadowRoots(page);
  const timing = await page.evaluate(() => (window as unknown as { __timing(): Promise<Timing> }).__timing());
  return { page, report, roots, timing };
}

/** Ticks the side-panel-only box in the options page and saves, as the rep would. */
async function chooseSidePanelOnly(heed: HeedBrowser, on: boolean): Promise<void> {
  const options = await heed.openExtensionPage('options.html#/settings');
  const box = options.getByLabel('Side panel only (leave no trace on pages)');
  if ((await box.isChecked()) === on) return void (await options.close());
  await box.setChecked(on);
  await options.getByRole('button', { name: 'Save settings' }).click();
  await options.getByText(/Settings saved/).waitFor();
  await options.close();
}

async function sessionState(heed: HeedBrowser, page: Page) {
  return heed.worker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    const id = tab?.id;
    if (id === undefined) return null;
    const got = await chrome.storage.session.get(`tab:${id}`);
    return {
      tabId: id,
      windowId: tab?.windowId,
      state: got[`tab:${id}`] as { person?: unknown } | undefined,
    };
  }, page.url());
}

describe('side-panel-only mode', () => {
  let heed: HeedBrowser;
  let plain: { context: BrowserContext; server: FixtureServer; dir: string } | null = null;
  beforeAll(async () => {
    heed = await launchHeed();
    servePage(RECORDED, recordingPage(heed.extensionId));
    await loadDemoData(heed);
  });
  afterAll(async () => {
    if (plain) {
      await plain.context.close();
      await plain.server.close();
      rmSync(plain.dir, { recursive: true, force: true });
    }
    await heed?.close();
  });

  it('leaves the page exactly as a browser without Heed does: DOM, mutations, events; timing within noise', async () => {
    // Baseline: the same Chromium, same flags, no extension at all.
    const server = await startFixtureServer();
    const dir = mkdtempSync(join(tmpdir(), 'heed-plain-'));
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: chromiumPath(),
      headless: true,
      args: chromiumArgs(server.port).filter((a) => !a.includes('extension')),
      viewport: { width: 1280, height: 900 },
    });
    plain = { context, server, dir };
    const absent = await record(context, async () => undefined, false);
    expect(absent.report.url).toBe(JANE);

    // Control: with the badge on (the default mode) the page can tell. Proves the comparison below can fail.
    await chooseSidePanelOnly(heed, false);
    const badged = await record(heed.context, async (p) => {
      await waitForBadge(p, (b) => b.level === 'blocked');
    });
    expect(badged.report.html).not.toBe(absent.report.html);
    expect(badged.report.mutations).not.toEqual(absent.report.mutations);

    await chooseSidePanelOnly(heed, true);
    // An open page loses its badge as soon as the mode changes, without a reload.
    await expect.poll(async () => (await readBadges(badged.page)).length).toBe(0);
    await badged.page.close();
    const quiet = await record(heed.context, async (p) => {
      // Heed did read the page: the background holds Jane for this tab, and the toolbar says so.
      await expect
        .poll(async () => JSON.stringify((await sessionState(heed, p))?.state?.person ?? null))
        .toContain('jane-doe-1a2b3c');
    });
    const tabId = (await sessionState(heed, quiet.page))?.tabId;
    expect(await heed.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('NO');

    expect(quiet.report.html).toBe(absent.report.html);
    expect(quiet.report.elements).toBe(absent.report.elements);
    expect(quiet.report.mutations).toEqual(absent.report.mutations);
    expect(quiet.report.events).toEqual([]);
    expect(absent.report.events).toEqual([]);
    expect(quiet.roots).toBe(absent.roots);
    expect(await readBadges(quiet.page)).toEqual([]);

    console.log(
      `timing, median of 5 (ms): 30 frames ${absent.timing.frames30.toFixed(1)} without Heed, ${quiet.timing.frames30.toFixed(1)} side-panel-only; ` +
        `2000-node churn ${absent.timing.churn.toFixed(1)} without, ${quiet.timing.churn.toFixed(1)} side-panel-only; ` +
        `churn to two frames later ${absent.timing.churnFrames.toFixed(1)} without, ${quiet.timing.churnFrames.toFixed(1)} side-panel-only`,
    );
    // Two browsers on a shared 2-core machine: only a gross difference (Heed doing work in the page's frames)
    // can be told from noise.
    expect(quiet.timing.frames30).toBeLessThan(absent.timing.frames30 * 1.5 + 50);
    expect(quiet.timing.churn).toBeLessThan(absent.timing.churn * 1.5 + 50);
    expect(quiet.timing.churnFrames).toBeLessThan(absent.timing.churnFrames * 1.5 + 50);
    await quiet.page.close();
  });

  it('shows the verdict for the active tab in the side panel and follows tab switches; the page gets nothing', async () => {
    await chooseSidePanelOnly(heed, true);
    const claire = await heed.context.newPage();
    await claire.goto(RECORDED); // Claire's profile, with an in-app link to Jane's
    const jane = await heed.context.newPage();
    await jane.goto(JANE);
    await expect.poll(async () => (await sessionState(heed, jane))?.state?.person ?? null).not.toBeNull();
    const where = await sessionState(heed, jane);
    // The panel is pinned to the profiles' window (a real side panel is attached to it) and opened in a window of
    // its own, so the profile tab stays the active one there.
    const panelOpened = heed.context.waitForEvent('page');
    await heed.worker.evaluate(
      (url) => chrome.windows.create({ url, type: 'popup', width: 420, height: 700 }),
      `chrome-extension://${heed.extensionId}/sidepanel.html?windowId=${where?.windowId}`,
    );
    const panel = await panelOpened;
    await panel.waitForLoadState();
    const level = () =>
      panel.locator('section[aria-labelledby="person-h"] .headline .pill').getAttribute('data-level');
    await expect.poll(level).toBe('blocked');
    expect(await panel.locator('#person-h').textContent()).toContain('Jane');
    expect(await readBadges(jane)).toEqual([]);
    // No badge host, no shadow root (closed ones included), no marker.
    expect(await shadowRoots(jane)).toBe(0);

    // The rep switches to Claire's tab: the panel follows.
    await heed.worker.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      if (tab?.id !== undefined) await chrome.tabs.update(tab.id, { active: true });
    }, RECORDED);
    await expect.poll(async () => panel.locator('#person-h').textContent()).toContain('Claire');
    expect(await level()).toBe('unknown');
    expect(await readBadges(claire)).toEqual([]);

    // In that tab the page moves in-app to Jane's profile: the panel follows the URL.
    await claire.evaluate(() => (window as unknown as { __go(): void }).__go());
    await expect.poll(async () => panel.locator('#person-h').textContent()).toContain('Jane');
    await expect.poll(level).toBe('blocked');
    expect(await readBadges(claire)).toEqual([]);

    // The toolbar button opens the side panel, not the popup.
    expect(await heed.worker.evaluate(() => chrome.action.getPopup({}))).toBe('');
    expect(
      await heed.worker.evaluate(
        async () => (await chrome.sidePanel.getPanelBehavior()).openPanelOnActionClick,
      ),
    ).toBe(true);
    await panel.close();
    await claire.close();
    await jane.close();
  });

  it('lists a scanned page’s addresses in the side panel and leaves the page unmarked', async () => {
    await chooseSidePanelOnly(heed, true);
    servePage('https://github.com/acme-team/people', fixturePage('team-page.html'));
    const page = await heed.context.newPage();
    await page.goto('https://github.com/acme-team/people');
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    const where = await sessionState(heed, page);
    const panelOpened = heed.context.waitForEvent('page');
    await heed.worker.evaluate(
      (url) => chrome.windows.create({ url, type: 'popup', width: 420, height: 700 }),
      `chrome-extension://${heed.extensionId}/sidepanel.html?windowId=${where?.windowId}`,
    );
    const panel = await panelOpened;
    await panel.getByRole('button', { name: 'Scan this page' }).click();
    const list = panel.getByRole('list', { name: 'Found on the page' });
    await expect.poll(async () => list.locator('li').count()).toBe(4);
    // Max's address is on his contact record (a German client: caution); the other three are unknown.
    const levels = await list
      .locator('.pill.level')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-level')).sort());
    expect(levels).toEqual(['caution', 'unknown', 'unknown', 'unknown']);
    await panel.getByText('4 email addresses and 0 phone numbers found on the page').waitFor();
    expect(await readBadges(page)).toEqual([]);
    expect(await shadowRoots(page)).toBe(0);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    await panel.close();
    await page.close();
  });
});
