import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HeedBrowser, launchHeed, loadDemoData, waitForHeedIdle } from './support/browser';

type N = {
  nodeId: number;
  attributes?: string[];
  children?: N[];
  shadowRoots?: (N & { shadowRootType?: string })[];
};

/** Clicks the element inside a closed shadow root that carries `attr` (CDP reaches it; page scripts cannot). */
async function clickInClosedRoot(page: Page, attr: string, nth = 0): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: N };
    const found: N[] = [];
    const collect = (n: N) => {
      if ((n.attributes ?? []).includes(attr)) found.push(n);
      for (const c of n.children ?? []) collect(c);
    };
    const walk = (n: N) => {
      for (const sr of n.shadowRoots ?? []) if (sr.shadowRootType === 'closed') collect(sr);
      for (const c of n.children ?? []) walk(c);
    };
    walk(root);
    const target = found[nth];
    if (target) {
      await cdp.send('DOM.scrollIntoViewIfNeeded', { nodeId: target.nodeId });
      const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: target.nodeId })) as {
        model: { content: number[] };
      };
      const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
      await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
    }
    return found.length;
  } finally {
    await cdp.detach();
  }
}

async function offers(page: Page): Promise<number> {
  return clickInClosedRoot(page, 'data-opt-out', Number.POSITIVE_INFINITY);
}

async function lookupEmail(heed: HeedBrowser, email: string) {
  const page = await heed.openExtensionPage('popup.html');
  const r = await page.evaluate(
    (e) =>
      chrome.runtime.sendMessage({
        type: 'lookup',
        identifiers: { emails: [e], profileUrls: [], salesNavUrls: [], phones: [] },
        hints: { source: 'generic' },
      }),
    email,
  );
  await page.close();
  return r as {
    ok: boolean;
    value: { level: string; channels: Record<string, string>; matches: { since: string; reason: string }[] };
  };
}

describe('opt-out requests in replies', () => {
  let heed: HeedBrowser;
  beforeAll(async () => {
    heed = await launchHeed();
    await loadDemoData(heed);
  });
  afterAll(async () => {
    await heed?.close();
  });

  /** Opens the offer and clicks Record opt-out; returns the popup window Heed opened. */
  async function recordFrom(page: Page): Promise<Page> {
    await expect.poll(() => offers(page), { timeout: 10_000 }).toBe(1);
    await clickInClosedRoot(page, 'data-opt-out');
    const popup = heed.context.waitForEvent('page', { timeout: 10_000 });
    await clickInClosedRoot(page, 'data-action');
    return popup;
  }

  it('Gmail: offers to record Jane’s address, records only on the click, dated from her reply', async () => {
    const page = await heed.context.newPage();
    await page.goto('https://mail.google.com/mail/u/4/');
    // Only Jane's message: not the rep's own, not Max's how-to question.
    await expect.poll(() => offers(page), { timeout: 10_000 }).toBe(1);
    // Heed has read the whole thread (every batched change, every answer): a second offer would be there by now.
    await waitForHeedIdle(page);
    expect(await offers(page)).toBe(1);
    // The words the page could search for are not in the page's reach.
    expect(
      await page.evaluate(() => (window as unknown as { find(s: string): boolean }).find('opt-out')),
    ).toBe(false);
    // Nothing is recorded before the click.
    expect((await lookupEmail(heed, 'jane.doe@gmail.com')).value.matches).toEqual([]);

    const popup = await recordFrom(page);
    await popup.waitForLoadState();
    const url = new URL(popup.url());
    expect(url.searchParams.get('email')).toBe('jane.doe@gmail.com');
    expect(url.searchParams.get('since')).toBe('2026-11-28');
    expect(url.searchParams.get('reason')).toBe('unsubscribe');
    expect(url.searchParams.get('phrase')).toBe('en.remove-me');
    await popup.getByText('“remove me from your list”').waitFor();
    await expect.poll(() => popup.getByText(/CAN-SPAM\): honour by 2026-12-11/).count()).toBe(1);
    expect((await lookupEmail(heed, 'jane.doe@gmail.com')).value.matches).toEqual([]);
    // The suggested reason comes first; choosing it and saving records the opt-out as of the reply's date.
    const first = popup.locator('.reasons-pick button').first();
    expect(await first.textContent()).toBe('Unsubscribed');
    await first.click();
    await popup.getByRole('button', { name: 'Save opt-out' }).click();
    await popup.getByText('Undo').waitFor();
    const after = await lookupEmail(heed, 'jane.doe@gmail.com');
    // An unsubscribe blocks email (issue 20, item 5): the other channels keep their own verdicts.
    expect(after.value.channels.email).toBe('blocked');
    expect(after.value.level).toBe('high');
    expect(after.value.matches[0]?.since.slice(0, 10)).toBe('2026-11-28');
    await popup.close();
    await page.close();
  });

  it('Outlook on the web: offers Max’s address, as an objection', async () => {
    const page = await heed.context.newPage();
    await page.goto('https://outlook.office.com/mail/inbox/id/AAQkAD-optout');
    const popup = await recordFrom(page);
    const url = new URL(popup.url());
    expect(url.searchParams.get('email')).toBe('max.mustermann@beispiel.example');
    expect(url.searchParams.get('reason')).toBe('objection');
    expect(url.searchParams.get('since')).toBe('2026-11-27');
    await popup.close();
    await page.close();
  });

  it('LinkedIn chat overlay on the feed: offers Max’s profile, as an objection', async () => {
    const page = await heed.context.newPage();
    await page.goto('https://www.linkedin.com/feed/?overlay=optout');
    const popup = await recordFrom(page);
    const url = new URL(popup.url());
    expect(url.searchParams.get('profile')).toBe('https://www.linkedin.com/in/max-mustermann/');
    expect(url.searchParams.get('reason')).toBe('objection');
    await popup.close();
    await page.close();
  });

  it('LinkedIn messaging: offers Claire’s profile, never the rep’s own', async () => {
    const page = await heed.context.newPage();
    await page.goto('https://www.linkedin.com/messaging/thread/2-optout/');
    const popup = await recordFrom(page);
    const url = new URL(popup.url());
    expect(url.searchParams.get('profile')).toBe('https://www.linkedin.com/in/claire-dubois-42/');
    expect(url.searchParams.get('email')).toBeNull();
    expect(url.searchParams.get('phrase')).toBe('fr.ne-plus-contacter');
    await popup.close();
    await page.close();
  });

  it('sent nothing from the extension to the network', () => {
    expect(heed.extensionRequests).toEqual([]);
  });
});
