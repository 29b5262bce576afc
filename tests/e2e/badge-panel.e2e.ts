import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HeedBrowser, launchHeed, waitForBadge } from './support/browser';
import { fixturePage, servePage } from './support/sites';

// Issue 20, item 3: the badge panel was cut off by any container with `overflow: hidden` (about 180 px visible,
// its Record buttons unreachable by mouse). It now lives in the top layer at viewport coordinates.

const CLIPPED = 'https://www.linkedin.com/in/clara-clipped/';

interface Node {
  nodeId: number;
  backendNodeId: number;
  attributes?: string[];
  children?: Node[];
  shadowRoots?: Node[];
}

/** The centre of the element inside the badge's closed root whose generated words are `label` (through CDP). */
async function centreOf(page: Page, label: string): Promise<{ x: number; y: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
    let found: Node | undefined;
    const walk = (n: Node) => {
      const a = n.attributes ?? [];
      for (let i = 0; i < a.length; i += 2) if (a[i] === 'data-t' && a[i + 1] === label) found ??= n;
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) walk(c);
    };
    walk(root);
    if (!found) throw new Error(`no "${label}" in the badge`);
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: found.backendNodeId })) as {
      model: { content: number[] };
    };
    const q = model.content;
    return { x: ((q[0] ?? 0) + (q[4] ?? 0)) / 2, y: ((q[1] ?? 0) + (q[5] ?? 0)) / 2 };
  } finally {
    await cdp.detach();
  }
}

describe('the badge panel (issue 20, item 3)', () => {
  let heed: HeedBrowser;
  beforeAll(async () => {
    heed = await launchHeed();
  });
  afterAll(async () => {
    await heed?.close();
  });

  it('is fully visible and its buttons are clickable inside an overflow:hidden container', async () => {
    // The profile's heading in a short box that clips whatever overflows it, as many page layouts do.
    const html = fixturePage('linkedin-profile-jane.html')
      .replaceAll('jane-doe-1a2b3c', 'clara-clipped')
      .replaceAll('Jane Doe', 'Clara Clipped')
      .replace(
        '<h1 class="aL9sW3ty Hh5gG8ff">',
        '<div style="overflow:hidden;height:40px;position:relative;transform:translateZ(0)"><h1 class="aL9sW3ty Hh5gG8ff">',
      )
      .replace('Clara Clipped</h1>', 'Clara Clipped</h1></div>');
    servePage(CLIPPED, html);
    const page = await heed.context.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(CLIPPED);
    await waitForBadge(page, (b) => b.level !== 'pending');
    const pill = await page.evaluate(() => {
      const r = document.querySelector('h1 span:last-child')?.getBoundingClientRect();
      return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
    });
    if (!pill) throw new Error('no badge host');
    await page.mouse.click(pill.x, pill.y);
    await page.mouse.move(0, 0);

    for (const label of ['Record opt-out', 'Record lawful basis', 'Legal detail']) {
      const at = await centreOf(page, label);
      // Well outside the 40 px box: only a panel that escaped the clip can be there.
      expect(at.y).toBeGreaterThan(pill.y + 40);
      // From the page, a hit inside the closed root is the badge's host: the button is what the mouse reaches.
      const hit = await page.evaluate(
        ({ x, y }) => document.elementFromPoint(x, y) === document.querySelector('h1 span:last-child'),
        at,
      );
      expect(hit, `${label} is reachable by the mouse`).toBe(true);
    }
    // And a real click on the Record button opens the record window.
    const opened = heed.context.waitForEvent('page', { timeout: 10_000 });
    const rec = await centreOf(page, 'Record opt-out');
    await page.mouse.click(rec.x, rec.y);
    const win = await opened;
    expect(win.url()).toContain('action=opt-out');
    // Issue 20, item 7: after a save the record window shows the outcome and its undo, then closes itself.
    await win.getByRole('button', { name: 'Unsubscribed' }).click();
    await win.getByRole('button', { name: 'Save opt-out' }).click();
    await expect.poll(() => win.locator('.notice').textContent()).toContain('closes in a few seconds');
    expect(win.isClosed()).toBe(false);
    await win.waitForEvent('close', { timeout: 10_000 });
    expect(win.isClosed()).toBe(true);
    await page.close();
  });
});
