import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page, type Request, type Worker } from 'playwright-core';
import { chromiumPath } from './global-setup';
import { type FixtureServer, startFixtureServer } from './server';
import { SERVED_HOSTS } from './sites';

export const EXTENSION_DIR = fileURLToPath(new URL('../../../.output/chrome-mv3/', import.meta.url));

export interface ExtensionRequest {
  url: string;
  from: string;
}

export interface HeedBrowser {
  context: BrowserContext;
  server: FixtureServer;
  extensionId: string;
  worker: Worker;
  /** Requests whose initiator is the extension (service worker or an extension page) to anything but the extension itself. */
  extensionRequests: ExtensionRequest[];
  /** Every request the browser made, for debugging a failure. */
  allRequests: string[];
  openExtensionPage(path: string): Promise<Page>;
  /**
   * Closes the browser and reads its net log: throws if any request there was initiated by the extension (its
   * service worker, pages or content scripts) to anything outside the extension. Returns what the log held.
   */
  close(options?: { allow?: string[] }): Promise<NetLogSummary>;
}

export interface NetLogSummary {
  /** URL requests in the log, from any initiator (pages included). */
  requests: number;
  /** Requests whose initiator is the extension, to anything but the extension itself (must be none). */
  fromExtension: string[];
}

/**
 * Reads Chromium's net log (--log-net-log). It attributes each URL request to its initiator origin, which covers
 * what Playwright's events cannot see, such as a request a content script makes with the extension's origin.
 */
export function readNetLog(file: string, extensionOrigin: string): NetLogSummary {
  let text = readFileSync(file, 'utf8').trimEnd();
  // A browser killed mid-write leaves the event array open.
  if (!text.endsWith('}')) text = `${text.replace(/,$/, '')}]}`;
  const log = JSON.parse(text) as { events?: { params?: { url?: string; initiator?: string } }[] };
  const urls = new Set<string>();
  const fromExtension = new Set<string>();
  for (const e of log.events ?? []) {
    const url = e.params?.url;
    if (!url) continue;
    urls.add(url);
    const initiator = e.params?.initiator ?? '';
    if (initiator.startsWith(extensionOrigin.replace(/\/$/, '')) && !url.startsWith(extensionOrigin)) {
      fromExtension.add(url);
    }
  }
  return { requests: urls.size, fromExtension: [...fromExtension] };
}

export function chromiumArgs(port: number, extensionDir = EXTENSION_DIR): string[] {
  const maps = SERVED_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(',');
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    // Real host names reach the local fixture server; every other host fails, so nothing leaves the machine.
    `--host-resolver-rules=${maps},MAP * ~NOTFOUND`,
    '--ignore-certificate-errors',
  ];
}

function initiatedByExtension(request: Request, extensionOrigin: string): string | null {
  if (request.serviceWorker()) return 'service worker';
  const frame = (() => {
    try {
      return request.frame();
    } catch {
      return null; // service-worker requests have no frame
    }
  })();
  const frameUrl = frame?.url() ?? '';
  if (frameUrl.startsWith(extensionOrigin)) return frameUrl;
  return null;
}

export async function launchHeed(
  options: { headless?: boolean; userDataDir?: string; extensionDir?: string } = {},
): Promise<HeedBrowser> {
  const server = await startFixtureServer();
  const ownDir = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'heed-profile-'));
  const netLog = join(mkdtempSync(join(tmpdir(), 'heed-netlog-')), 'netlog.json');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    args: [...chromiumArgs(server.port, options.extensionDir), `--log-net-log=${netLog}`],
    viewport: { width: 1280, height: 900 },
  });
  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  const extensionOrigin = `chrome-extension://${extensionId}/`;
  const extensionRequests: ExtensionRequest[] = [];
  const allRequests: string[] = [];
  context.on('request', (request) => {
    allRequests.push(request.url());
    const from = initiatedByExtension(request, extensionOrigin);
    if (from && !request.url().startsWith(extensionOrigin))
      extensionRequests.push({ url: request.url(), from });
  });
  return {
    context,
    server,
    extensionId,
    worker,
    extensionRequests,
    allRequests,
    async openExtensionPage(path: string) {
      const page = await context.newPage();
      await page.goto(`${extensionOrigin}${path}`);
      return page;
    },
    async close(closeOptions: { allow?: string[] } = {}) {
      await context.close();
      await server.close();
      if (ownDir) rmSync(userDataDir, { recursive: true, force: true });
      const summary = readNetLog(netLog, extensionOrigin);
      rmSync(dirname(netLog), { recursive: true, force: true });
      console.log(
        `net log: ${summary.requests} URLs requested in this browser, ${summary.fromExtension.length} initiated by the extension`,
      );
      const unexpected = summary.fromExtension.filter((u) => !closeOptions.allow?.includes(u));
      if (unexpected.length > 0) {
        throw new Error(`the net log shows requests initiated by the extension: ${unexpected.join(', ')}`);
      }
      return summary;
    },
  };
}

interface CdpNode {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
  contentDocument?: CdpNode;
}

export interface BadgeState {
  level: string;
  text: string;
  /** An inline marker next to an address or number (a scan's, or the contact-info overlay's), not the badge. */
  marker?: true;
}

/**
 * The badges on a page, read through the closed shadow roots (CDP's pierce option reaches them; page scripts cannot).
 * Returns every element carrying `data-level` inside a closed shadow root, with the visible text of that root
 * (text nodes and generated words alike).
 */
export async function readBadges(page: Page): Promise<BadgeState[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const out: BadgeState[] = [];
    // What the user sees: text nodes, and the words Heed draws as generated content from `data-t` (which the
    // page's own find and selection cannot reach).
    const shownOf = (n: CdpNode): string => {
      const attrs = n.attributes ?? [];
      const i = attrs.indexOf('data-t');
      return i >= 0 && i % 2 === 0 ? (attrs[i + 1] ?? '') : '';
    };
    const textOf = (n: CdpNode): string =>
      n.nodeType === 3
        ? (n.nodeValue ?? '')
        : n.nodeName === 'STYLE'
          ? ''
          : [shownOf(n), ...[...(n.children ?? []), ...(n.shadowRoots ?? [])].map(textOf)].join(' ');
    const levelIn = (n: CdpNode): { level: string; marker: boolean } | undefined => {
      const attrs = n.attributes ?? [];
      const i = attrs.indexOf('data-level');
      const r = attrs.indexOf('role');
      // Markers (lib/badge/marker.ts) are images with a name; the badge and row markers are buttons.
      if (i >= 0) return { level: attrs[i + 1] ?? '', marker: r >= 0 && attrs[r + 1] === 'img' };
      for (const c of n.children ?? []) {
        const l = levelIn(c);
        if (l) return l;
      }
      return undefined;
    };
    const walk = (n: CdpNode): void => {
      for (const sr of n.shadowRoots ?? []) {
        if (sr.shadowRootType === 'closed') {
          const found = levelIn(sr);
          if (found)
            out.push({
              level: found.level,
              text: textOf(sr).replace(/\s+/g, ' ').trim(),
              ...(found.marker ? { marker: true as const } : {}),
            });
        }
        walk(sr);
      }
      for (const c of n.children ?? []) walk(c);
      if (n.contentDocument) walk(n.contentDocument);
    };
    walk(root);
    return out;
  } finally {
    await cdp.detach();
  }
}

/** Waits until the page shows exactly one badge (markers aside) whose level satisfies `want`, and returns it. */
export async function waitForBadge(
  page: Page,
  want: (b: BadgeState) => boolean = (b) => b.level !== 'pending',
  timeoutMs = 10_000,
): Promise<BadgeState> {
  const deadline = Date.now() + timeoutMs;
  let last: BadgeState[] = [];
  while (Date.now() < deadline) {
    last = (await readBadges(page)).filter((b) => !b.marker);
    const [only] = last;
    if (last.length === 1 && only && want(only)) return only;
    await page.waitForTimeout(100);
  }
  throw new Error(`badge not as expected within ${timeoutMs} ms; last seen: ${JSON.stringify(last)}`);
}

/**
 * The positive signal to wait for before asserting that Heed drew nothing (or nothing more) on `page`: every content
 * script the manifest injects into its URL has started (their registry in the content-script world,
 * lib/content/context.ts), none of Heed's requests to the background is unanswered (`heedBusy`, counted by
 * lib/messaging/client.ts), and that still holds two animation frames later, so a DOM change the watcher batched into
 * the next frame has been read and, if it asked anything, answered. (On a page that has kept changing for more than
 * lib/content/watch.ts's NAVIGATION_MS, the watcher may put a read off for longer: this signal does not see that.) Both marks live in the content scripts'
 * isolated world, which page scripts cannot reach: the page cannot tell that Heed looked at it and found no one.
 * `scripts` overrides the manifest's list (a script registered at run time, or one the test expects to be absent).
 */
export async function waitForHeedIdle(
  page: Page,
  options: { scripts?: string[]; timeoutMs?: number } = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const names =
    options.scripts ??
    contentScriptsFor(page.url()).map((f) => f.replace(/^content-scripts\//, '').replace(/\.js$/, ''));
  if (names.length === 0) throw new Error(`no Heed content script runs on ${page.url()}`);
  // Chromium gives animation frames only to the tab in front, as to the tab a person looks at.
  await page.bringToFront();
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const state = await evaluateInContentScript<string>(
        page,
        `(async () => {
          const names = ${JSON.stringify(names)};
          const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          const idle = () => {
            const started = globalThis.__heedContentScripts;
            const missing = names.filter((n) => !started?.has(n));
            if (missing.length) return 'not started: ' + missing.join(', ');
            return (globalThis.heedBusy ?? 0) === 0 ? '' : globalThis.heedBusy + ' requests unanswered';
          };
          const end = Date.now() + 2000;
          while (Date.now() < end) {
            await frame();
            if (idle()) continue;
            await frame();
            await frame();
            if (!idle()) return '';
          }
          return idle() || 'busy again after each quiet frame';
        })()`,
      );
      if (state === '') return;
      last = state;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err); // the content-script world does not exist yet
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`Heed did not settle on ${page.url()} within ${timeoutMs} ms: ${last}`);
}

/** The content scripts the built manifest injects into `url` (none on a page Heed does not cover). */
export function contentScriptsFor(url: string): string[] {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    content_scripts?: { matches: string[]; js?: string[] }[];
  };
  const host = new URL(url);
  const matches = (pattern: string) => {
    const m = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
    if (!m) return pattern === '<all_urls>';
    const [, scheme, h, path] = m as unknown as [string, string, string, string];
    if (scheme !== '*' && `${scheme}:` !== host.protocol) return false;
    const hostOk =
      h === '*' ||
      h === host.hostname ||
      (h.startsWith('*.') && (host.hostname === h.slice(2) || host.hostname.endsWith(h.slice(1))));
    const re = new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`);
    return hostOk && re.test(host.pathname + host.search);
  };
  return (manifest.content_scripts ?? []).filter((c) => c.matches.some(matches)).flatMap((c) => c.js ?? []);
}

/**
 * Loads the demo data set the way a newcomer does: the options page's "Load demo data" button, then confirm. In a
 * page of its own, or in `options` (an options page the caller keeps, whose header then knows the data is there).
 */
export async function loadDemoData(heed: HeedBrowser, options?: Page): Promise<void> {
  const page = options ?? (await heed.openExtensionPage('options.html'));
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await page.getByRole('button', { name: 'Load demo lists' }).click();
  await page.getByText('Demo data loaded').waitFor({ timeout: 15_000 });
  if (!options) await page.close();
}

/** The id Chrome gave the tab showing `page` (for `popup.html?tabId=`), read from the service worker. */
export async function tabIdOf(heed: HeedBrowser, page: Page): Promise<number> {
  const url = page.url();
  const id = await heed.worker.evaluate(
    async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id,
    url,
  );
  if (id === undefined) throw new Error(`no tab with url ${url}`);
  return id;
}

/**
 * Runs `expression` in Heed's content-script world on `page` (found through CDP's execution contexts), as a
 * compromised renderer could: used to prove the background refuses what content scripts may not do.
 */
export async function evaluateInContentScript<T>(page: Page, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: { id: number; name: string }[] = [];
    cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; name: string } }) => {
      contexts.push(e.context);
    });
    await cdp.send('Runtime.enable'); // replays the existing contexts
    const heed = contexts.find((c) => c.name === 'Heed');
    if (!heed)
      throw new Error(`no Heed content-script context among ${contexts.map((c) => c.name).join(', ')}`);
    const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
      contextId: heed.id,
      expression,
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value: T }; exceptionDetails?: { text: string } };
    if (exceptionDetails) throw new Error(exceptionDetails.text);
    return result.value;
  } finally {
    await cdp.detach();
  }
}

/** Stops every service worker in the browser (as Chrome does to an idle worker after 30 s). */
export async function stopServiceWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  } finally {
    await cdp.detach();
  }
}
