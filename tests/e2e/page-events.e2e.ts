import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type HeedBrowser,
  launchHeed,
  loadDemoData,
  readBadges,
  waitForBadge,
  waitForHeedIdle,
} from './support/browser';
import { fixturePage, servePage } from './support/sites';

// WXT names its content-script events `<extension id>:<entrypoint>:wxt:<event>`. The id is public (any page can
// probe web-accessible resources or read it from a leaked URL), so these tests hand it to the page outright.
const withScript = (html: string, script: string) =>
  html.replace('</body>', `<script>${script}</script></body>`);

/** In-page navigation the way LinkedIn does it: a new URL, then the new person's name. */
const GO = `window.__go = (slug, name) => { history.pushState({}, '', '/in/' + slug + '/'); document.querySelector('h1').firstChild.textContent = name; };`;

describe('a page cannot switch the content script off', () => {
  let heed: HeedBrowser;
  beforeAll(async () => {
    heed = await launchHeed();
    await loadDemoData(heed);
  });
  afterAll(async () => {
    await heed?.close();
  });

  it('keeps following the page after the page forges WXT’s “newer script started” event', async () => {
    const id = heed.extensionId;
    const forge = `
      window.__forge = () => {
        for (const entry of ['annotate', 'annotate-linkedin', 'rows', 'scan']) {
          const type = '${id}:' + entry + ':wxt:content-script-started';
          const detail = { contentScriptName: entry, messageId: 'forged' };
          document.dispatchEvent(new CustomEvent(type, { detail }));
          window.dispatchEvent(new CustomEvent(type, { detail }));
          window.postMessage({ type, contentScriptName: entry, messageId: 'forged' }, '*');
        }
      };`;
    servePage(
      'https://www.linkedin.com/in/claire-dubois-42/?forge=1',
      withScript(fixturePage('linkedin-profile-claire.html'), `${GO}${forge}`),
    );
    const page = await heed.context.newPage();
    await page.goto('https://www.linkedin.com/in/claire-dubois-42/?forge=1');
    expect((await waitForBadge(page)).level).toBe('unknown');
    await page.evaluate(() => (window as unknown as { __forge(): void }).__forge());
    // Heed has seen whatever the forged events did (they are dispatched synchronously) and answered all it asked.
    await waitForHeedIdle(page);
    // Still there, and still following: Jane (on the Do not contact list) is blocked, not Claire's unknown.
    expect((await readBadges(page)).map((b) => b.level)).toEqual(['unknown']);
    await page.evaluate(() =>
      (window as unknown as { __go(s: string, n: string): void }).__go('jane-doe-1a2b3c', 'Jane Doe'),
    );
    expect((await waitForBadge(page, (b) => b.level === 'blocked')).level).toBe('blocked');
    await page.close();
  });

  it('dispatches no event the page can hear when it starts or when the page navigates in-app', async () => {
    const id = heed.extensionId;
    const listen = `
      window.__heard = [];
      const names = ['content-script-started', 'locationchange'].flatMap((e) =>
        ['annotate', 'annotate-linkedin', 'rows', 'scan'].map((entry) => '${id}:' + entry + ':wxt:' + e));
      for (const target of [window, document])
        for (const n of names) target.addEventListener(n, (e) => window.__heard.push(e.type), true);
      addEventListener('message', (e) => window.__heard.push('message ' + JSON.stringify(e.data)), true);`;
    servePage(
      'https://www.linkedin.com/in/claire-dubois-42/?listen-events=1',
      fixturePage('linkedin-profile-claire.html').replace('<head>', `<head><script>${GO}${listen}</script>`),
    );
    const page = await heed.context.newPage();
    await page.goto('https://www.linkedin.com/in/claire-dubois-42/?listen-events=1');
    expect((await waitForBadge(page)).level).toBe('unknown');
    await page.evaluate(() =>
      (window as unknown as { __go(s: string, n: string): void }).__go('jane-doe-1a2b3c', 'Jane Doe'),
    );
    expect((await waitForBadge(page, (b) => b.level === 'blocked')).level).toBe('blocked');
    expect(await page.evaluate(() => (window as unknown as { __heard: string[] }).__heard)).toEqual([]);
    await page.close();
  });
});
