import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { type FixtureServer, startFixtureServer } from '../e2e/support/server';
import { SERVED_HOSTS } from '../e2e/support/sites';

export const FIREFOX_EXTENSION_DIR = new URL('../../.output/firefox-mv2/', import.meta.url).pathname;
export const EXTENSION_ID = 'heed@heed.invalid';
/** Firefox gives each add-on a random moz-extension:// uuid per profile; the test profile pins it. */
export const EXTENSION_UUID = '6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}/`;

export function firefoxPath(): string {
  return process.env.HEED_FIREFOX ?? '/usr/bin/firefox-esr';
}

export interface HeedFirefox {
  browser: Browser;
  server: FixtureServer;
  /** Every CONNECT the tunnel saw, as `host:port`: the served host names Firefox reached. */
  tunnels: string[];
  /**
   * Everything Firefox tried to reach outside the served host names (the PAC file's catch-all proxy logs it and
   * refuses it): from pages, the background page or content scripts alike. Must stay empty.
   */
  leaks: string[];
  /** Every request Firefox made (BiDi network events), with the page it came from. */
  requests: { url: string; from: string }[];
  /** The extension's origin (moz-extension://<uuid>/), read from an extension page. */
  origin: string;
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * A plain HTTP proxy that only tunnels (CONNECT) to the fixture server: the PAC file sends the served host names here,
 * so Firefox reaches them at their real names over TLS without touching DNS.
 */
async function startTunnel(fixturePort: number, tunnels: string[]): Promise<Server> {
  const proxy = createServer((_req, res) => res.writeHead(405).end());
  proxy.on('connect', (req, socket, head) => {
    tunnels.push(req.url ?? '');
    const upstream = connect(fixturePort, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return proxy;
}

/** The catch-all proxy: records what Firefox asked for and answers nothing (the request fails, nothing leaves). */
async function startSink(leaks: string[]): Promise<Server> {
  const sink = createServer((req, res) => {
    leaks.push(req.url ?? '');
    res.writeHead(502).end();
  });
  sink.on('connect', (req, socket) => {
    leaks.push(req.url ?? '');
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  return sink;
}

/**
 * The PAC file: served host names go to the tunnel, every other host to the logging sink, and if the sink is
 * gone to a dead port (9, discard) — never DIRECT.
 */
export function pacFile(tunnelPort: number, sinkPort: number): string {
  return `function FindProxyForURL(url, host) {
  if (${JSON.stringify(SERVED_HOSTS)}.indexOf(host) >= 0) return "PROXY 127.0.0.1:${tunnelPort}";
  return "PROXY 127.0.0.1:${sinkPort}; PROXY 127.0.0.1:9";
}`;
}

export async function launchHeedFirefox(): Promise<HeedFirefox> {
  const server = await startFixtureServer();
  const tunnels: string[] = [];
  const proxy = await startTunnel(server.port, tunnels);
  const tunnelPort = (proxy.address() as AddressInfo).port;
  const leaks: string[] = [];
  const sink = await startSink(leaks);
  const sinkPort = (sink.address() as AddressInfo).port;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    // The fixture certificate is made at test time for the served names; a fresh profile accepts it.
    acceptInsecureCerts: true,
    // Lets WebDriver BiDi open moz-extension:// pages by URL (it refuses non-web schemes otherwise).
    args: ['-remote-allow-system-access'],
    // HEED_FIREFOX_LOG=1 shows Firefox's own console (background-page errors land there).
    dumpio: process.env.HEED_FIREFOX_LOG === '1',
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [EXTENSION_ID]: EXTENSION_UUID }),
      'network.proxy.type': 2,
      'network.proxy.autoconfig_url': `data:text/plain;base64,${Buffer.from(pacFile(tunnelPort, sinkPort)).toString('base64')}`,
      // Never go around the PAC file (no direct fallback when the proxy is dead).
      'network.proxy.failover_direct': false,
      'network.proxy.allow_bypass': false,
      // Firefox's own background services (remote settings, telemetry, captive portal, updates) go to a dead
      // local port, so the sink's log holds only what pages and the extension asked for.
      'services.settings.server': 'http://127.0.0.1:9/v1',
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'toolkit.telemetry.server': 'http://127.0.0.1:9',
      'datareporting.healthreport.uploadEnabled': false,
      'app.update.url': 'http://127.0.0.1:9',
      'extensions.update.enabled': false,
      'extensions.getAddons.cache.enabled': false,
      'browser.safebrowsing.provider.mozilla.updateURL': '',
      'browser.safebrowsing.update.enabled': false,
      'network.dns.disablePrefetch': true,
      'devtools.console.stdout.chrome': process.env.HEED_FIREFOX_LOG === '1',
      'devtools.console.stdout.content': process.env.HEED_FIREFOX_LOG === '1',
      'network.prefetch-next': false,
      'network.http.speculative-parallel-limit': 0,
    },
  });
  const installed = await browser.installExtension(FIREFOX_EXTENSION_DIR);
  if (installed !== EXTENSION_ID) throw new Error(`installed ${installed}, expected ${EXTENSION_ID}`);
  const requests: { url: string; from: string }[] = [];
  browser.on('targetcreated', async (target) => {
    const page = await target.page().catch(() => null);
    page?.on('request', (r) => requests.push({ url: r.url(), from: page.url() }));
  });
  const origin = EXTENSION_ORIGIN;
  return {
    browser,
    server,
    tunnels,
    leaks,
    requests,
    origin,
    async openExtensionPage(path: string) {
      const page = await browser.newPage();
      page.on('request', (r) => requests.push({ url: r.url(), from: page.url() }));
      // The page loads in the extension process and BiDi does not report its load to the navigation, so the
      // navigation is not awaited: the page's own document says when it is there.
      void page.goto(`${origin}${path}`).catch(() => undefined);
      // Polled by hand rather than with waitForFunction: an evaluation that lands while the blank tab's realm is
      // being replaced fails inside Firefox's BiDi code ("right-hand side of 'in' should be an object"), and
      // waitForFunction gives up on the first such error instead of asking again.
      const deadline = Date.now() + 15_000;
      for (;;) {
        const ready = await page
          .evaluate((o) => location.href.startsWith(o) && document.readyState === 'complete', origin)
          .catch(() => false);
        if (ready) return page;
        if (Date.now() > deadline) throw new Error(`${origin}${path} did not load within 15 s`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async close() {
      await browser.close();
      for (const p of [proxy, sink]) {
        await new Promise<void>((resolve) => {
          p.closeAllConnections();
          p.close(() => resolve());
        });
      }
      await server.close();
    },
  };
}

/** The id Firefox gave the tab showing `url`, asked from an extension page. */
export async function tabIdOf(heed: HeedFirefox, url: string): Promise<number> {
  const page = await heed.openExtensionPage('popup.html');
  try {
    const id = await page.evaluate(
      async (u) => (await browser.tabs.query({})).find((t) => t.url === u)?.id,
      url,
    );
    if (id === undefined) throw new Error(`no tab with url ${url}`);
    return id;
  } finally {
    await page.close();
  }
}

/**
 * The toolbar button's badge text and tooltip for a tab (browserAction in Firefox's MV2 build), read from an
 * extension page. The in-page badge lives in a closed shadow root that WebDriver BiDi cannot enter.
 */
export async function toolbarOf(heed: HeedFirefox, tabId: number): Promise<{ text: string; title: string }> {
  const page = await heed.openExtensionPage('popup.html');
  try {
    return await page.evaluate(async (id) => {
      const button = (browser as unknown as { browserAction: typeof browser.action }).browserAction;
      return { text: await button.getBadgeText({ tabId: id }), title: await button.getTitle({ tabId: id }) };
    }, tabId);
  } finally {
    await page.close();
  }
}

/** Polls `read` until `ok` holds (a real browser on a busy machine), returning the last value read. */
export async function waitFor<T>(
  read: () => Promise<T>,
  ok: (v: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!ok(last) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 150));
    last = await read();
  }
  return last;
}
