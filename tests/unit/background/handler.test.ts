import { describe, expect, it, vi } from 'vitest';
import { toBadgeAnswer } from '@/lib/background/badge-answer';
import { classifySender, type HandlerDeps, handleMessage, lookupCost } from '@/lib/background/handler';
import { RateLimiter } from '@/lib/background/rate-limit';
import type { LookupAnswer, TabState } from '@/lib/messaging/types';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const answer: LookupAnswer = {
  level: 'unknown',
  summary: 'Check before using any channel',
  channels: { email: 'check', sms: 'check', phone: 'check', post: 'check', inmail: 'check' },
  reasons: [],
  deadlines: [],
  matches: [],
  toRecord: [],
  hasContact: false,
  fromDefaults: true,
};

function deps(over: Partial<HandlerDeps> = {}) {
  const states = new Map<number, TabState>();
  const d: HandlerDeps = {
    extensionId: ID,
    extensionOrigin: ORIGIN,
    lookup: vi.fn(async () => answer),
    scanPage: vi.fn(async (emails: string[], phones: string[]) => ({
      emails: emails.map(() => ({ level: 'unknown' as const, summary: '' })),
      phones: phones.map(() => ({ level: 'unknown' as const, summary: '' })),
    })),
    refreshReminder: vi.fn(async () => undefined),
    getTabState: vi.fn(async (id: number) => states.get(id) ?? { person: null, answer: null }),
    setTabState: vi.fn(async (id: number, s: TabState) => void states.set(id, s)),
    tabsWithPeople: vi.fn(async () => [...states.keys()]),
    showOnToolbar: vi.fn(async () => undefined),
    sendToTab: vi.fn(async () => true),
    openRecord: vi.fn(async () => undefined),
    injectScan: vi.fn(async () => ({ injected: true })),
    contentMode: vi.fn(async () => ({ sidePanelOnly: false })),
    pageStrings: vi.fn(async () => ({ lang: 'en' })),
    applyContentMode: vi.fn(async () => false),
    allTabs: vi.fn(async () => [3, 7, 9]),
    limiter: new RateLimiter(30, 2, () => 0),
    ...over,
  };
  return d;
}

const content = {
  id: ID,
  url: 'https://www.linkedin.com/in/x/',
  tab: { id: 7, url: 'https://www.linkedin.com/in/x/' },
};
const extensionPage = { id: ID, url: `${ORIGIN}popup.html` };
const ids = { emails: ['a@b.example'], profileUrls: [], salesNavUrls: [], phones: [] };

describe('classifySender', () => {
  it('tells our pages, content scripts and strangers apart', () => {
    expect(classifySender(extensionPage, { extensionId: ID, extensionOrigin: ORIGIN })).toEqual({
      kind: 'extension-page',
    });
    expect(
      classifySender(
        { ...extensionPage, tab: { id: 3, url: `${ORIGIN}popup.html?tabId=2` } },
        { extensionId: ID, extensionOrigin: ORIGIN },
      ),
    ).toEqual({ kind: 'extension-page' });
    expect(classifySender(content, { extensionId: ID, extensionOrigin: ORIGIN })).toEqual({
      kind: 'content',
      tabId: 7,
    });
    expect(
      classifySender({ ...content, id: 'other' }, { extensionId: ID, extensionOrigin: ORIGIN }).kind,
    ).toBe('refused');
    expect(
      classifySender({ id: ID, url: 'https://x.example/' }, { extensionId: ID, extensionOrigin: ORIGIN })
        .kind,
    ).toBe('refused');
    // A web page whose URL merely contains our origin is still a page.
    expect(
      classifySender(
        { id: ID, url: `https://evil.example/${ORIGIN}`, tab: { id: 2 } },
        { extensionId: ID, extensionOrigin: ORIGIN },
      ),
    ).toEqual({ kind: 'content', tabId: 2 });
  });
});

describe('handleMessage', () => {
  it('answers a content script look-up and records the tab person for the toolbar and popup', async () => {
    const d = deps();
    const person = { identifiers: ids, hints: { source: 'linkedin-profile' as const, country: 'GB' } };
    const r = await handleMessage({ type: 'page-person', person }, content, d);
    // The page's script gets what its badge shows; the popup reads the full answer from the tab state.
    expect(r).toEqual({ ok: true, value: toBadgeAnswer(answer) });
    expect(d.showOnToolbar).toHaveBeenCalledWith(7, answer);
    expect(await d.getTabState(7)).toEqual({ person, answer, url: content.tab.url });
    const cleared = await handleMessage({ type: 'page-person', person: null }, content, d);
    expect(cleared).toEqual({ ok: true, value: null });
    expect(d.showOnToolbar).toHaveBeenLastCalledWith(7, null);
  });

  it('keeps a late answer for a page the tab has left off the toolbar', async () => {
    // The page reported Jane, then moved on while her verdict was computed: the background refused to store it.
    const d = deps({ setTabState: vi.fn(async () => false) });
    const person = { identifiers: ids, hints: { source: 'linkedin-profile' as const } };
    const r = await handleMessage({ type: 'page-person', person }, content, d);
    expect(r).toEqual({ ok: true, value: toBadgeAnswer(answer) });
    expect(d.setTabState).toHaveBeenCalledWith(7, { person, answer, url: content.tab.url });
    expect(d.showOnToolbar).not.toHaveBeenCalled();
  });

  it('uses a birthday the page showed for the answer only, and does not keep it with the tab', async () => {
    const d = deps();
    const person = { identifiers: ids, hints: { source: 'linkedin-profile' as const, birthday: 'March 5' } };
    await handleMessage({ type: 'page-person', person }, content, d);
    expect(d.lookup).toHaveBeenCalledWith(ids, { source: 'linkedin-profile', birthday: 'March 5' });
    expect(JSON.stringify(await d.getTabState(7))).not.toContain('March 5');
  });

  it.each([
    [{ type: 'store-changed' }, /content scripts may only look people up/],
    [{ type: 'tab-state', tabId: 1 }, /content scripts may only look people up/],
    [{ type: 'scan-tab', tabId: 1 }, /content scripts may only look people up/],
    // A free look-up is for extension pages: no content surface shows one, and it would only serve a probe.
    [
      { type: 'lookup', identifiers: ids, hints: { source: 'generic' } },
      /content scripts may only look people up/,
    ],
    [{ type: 'delete-list', listId: 'x' }, /invalid message/],
    [
      {
        type: 'page-person',
        person: {
          identifiers: { ...ids, emails: Array(21).fill('a@b.example') },
          hints: { source: 'generic' },
        },
      },
      /person\.identifiers\.emails/,
    ],
    [
      {
        type: 'page-person',
        person: { identifiers: { ...ids, emails: ['x'.repeat(3000)] }, hints: { source: 'generic' } },
      },
      /person\.identifiers\.emails/,
    ],
    [
      { type: 'page-person', person: { identifiers: ids, hints: { source: 'generic', country: 'Britain' } } },
      /person\.hints\.country/,
    ],
    ['lookup', /invalid message/],
    [null, /invalid message/],
  ])('refuses %j from a content script', async (message, error) => {
    const d = deps();
    const r = await handleMessage(message, content, d);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error).toMatch(error);
    expect(d.lookup).not.toHaveBeenCalled();
    expect(d.sendToTab).not.toHaveBeenCalled();
    expect(d.injectScan).not.toHaveBeenCalled();
  });

  it('refuses messages from other extensions whatever they ask', async () => {
    const d = deps();
    const r = await handleMessage({ type: 'store-changed' }, { ...extensionPage, id: 'intruder' }, d);
    expect(r).toEqual({ ok: false, error: 'refused: message from another extension' });
  });

  it('answers a page scan from a content script, within its caps', async () => {
    const d = deps();
    const ok = await handleMessage(
      { type: 'scan-page', emails: ['a@b.example'], phones: ['+44 20 7946 0958'] },
      content,
      d,
    );
    // One verdict per identifier in the order asked, and no identifier echoed back.
    expect(ok).toEqual({
      ok: true,
      value: { emails: [{ level: 'unknown', summary: '' }], phones: [{ level: 'unknown', summary: '' }] },
    });
    const tooMany = await handleMessage(
      { type: 'scan-page', emails: Array(201).fill('a@b.example'), phones: [] },
      content,
      d,
    );
    expect(tooMany.ok).toBe(false);
  });

  it('rate-limits look-ups per tab, counting identifiers', async () => {
    let now = 0;
    const d = deps({ limiter: new RateLimiter(5, 1, () => now) });
    const person = { identifiers: ids, hints: { source: 'generic' as const } };
    const send = () => handleMessage({ type: 'page-person', person }, content, d);
    const results = [];
    for (let i = 0; i < 8; i++) results.push(await send());
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true, true, false, false, false]);
    expect(results.at(-1)).toEqual({ ok: false, error: 'refused: too many look-ups, slow down' });
    // Another tab on another site has its own budget; time refills this one.
    const elsewhere = { id: ID, url: 'https://github.com/x', tab: { id: 8, url: 'https://github.com/x' } };
    expect((await handleMessage({ type: 'page-person', person }, elsewhere, d)).ok).toBe(true);
    now = 2000;
    expect((await send()).ok).toBe(true);
  });

  it('tells a content script the mode, and a change of mode reaches every tab, not only those with a person', async () => {
    const d = deps({
      contentMode: vi.fn(async () => ({ sidePanelOnly: true })),
      applyContentMode: vi.fn(async () => true),
    });
    expect(await handleMessage({ type: 'content-mode' }, content, d)).toEqual({
      ok: true,
      value: { sidePanelOnly: true },
    });
    expect(await handleMessage({ type: 'store-changed' }, extensionPage, d)).toEqual({
      ok: true,
      value: { refreshed: 3 },
    });
    expect(d.sendToTab).toHaveBeenCalledWith(3, { type: 'refresh' });
    expect(d.sendToTab).toHaveBeenCalledWith(9, { type: 'refresh' });
  });

  it('charges a scan one token per identifier, so one message cannot carry a flood', async () => {
    const d = deps({ limiter: new RateLimiter(10, 1, () => 0) });
    const scan = (n: number) =>
      handleMessage(
        { type: 'scan-page', emails: Array.from({ length: n }, (_, i) => `p${i}@x.example`), phones: [] },
        content,
        d,
      );
    expect((await scan(6)).ok).toBe(true);
    // Four tokens left: a second scan of six is refused whole (nothing looked up), one of four is answered.
    expect(await scan(6)).toEqual({ ok: false, error: 'refused: too many look-ups, slow down' });
    expect(d.scanPage).toHaveBeenCalledTimes(1);
    expect((await scan(4)).ok).toBe(true);
    expect((await scan(1)).ok).toBe(false);
  });

  it("shares a site's budget between its tabs, so opening more tabs buys a page no more look-ups", async () => {
    const d = deps({ limiter: new RateLimiter(3, 1, () => 0) });
    const person = { identifiers: ids, hints: { source: 'generic' as const } };
    const inTab = (id: number) =>
      handleMessage({ type: 'page-person', person }, { ...content, tab: { id } }, d);
    const replies = [];
    for (let id = 10; id < 15; id++) replies.push((await inTab(id)).ok);
    expect(replies).toEqual([true, true, true, false, false]);
  });

  it('counts every identifier a content message carries', () => {
    const person = {
      identifiers: { emails: ['a', 'b'], profileUrls: ['p'], salesNavUrls: ['s'], phones: ['1', '2', '3'] },
      hints: { source: 'generic' as const },
    };
    expect(lookupCost({ type: 'page-person', person })).toBe(7);
    expect(lookupCost({ type: 'page-person', person: null })).toBe(1);
    expect(lookupCost({ type: 'scan-page', emails: ['a', 'b'], phones: ['1'] })).toBe(3);
    expect(lookupCost({ type: 'scan-page', emails: [], phones: [] })).toBe(1);
    expect(lookupCost({ type: 'open-record', action: 'opt-out' })).toBe(1);
  });

  it('lets extension pages read tab state, broadcast changes and start a scan', async () => {
    const d = deps();
    await handleMessage(
      { type: 'page-person', person: { identifiers: ids, hints: { source: 'generic' } } },
      content,
      d,
    );
    expect(await handleMessage({ type: 'tab-state', tabId: 7 }, extensionPage, d)).toMatchObject({
      ok: true,
      value: { answer },
    });
    expect(await handleMessage({ type: 'store-changed' }, extensionPage, d)).toEqual({
      ok: true,
      value: { refreshed: 1 },
    });
    expect(d.sendToTab).toHaveBeenCalledWith(7, { type: 'refresh' });
    expect(d.refreshReminder).toHaveBeenCalledTimes(1);
    expect(await handleMessage({ type: 'scan-tab', tabId: 7 }, extensionPage, d)).toEqual({
      ok: true,
      value: { injected: true },
    });
    expect((await handleMessage({ type: 'page-person', person: null }, extensionPage, d)).ok).toBe(false);
  });

  it('turns a failure inside a handler into an error reply instead of throwing', async () => {
    const d = deps({ lookup: vi.fn(async () => Promise.reject(new Error('database is closed'))) });
    const r = await handleMessage(
      { type: 'page-person', person: { identifiers: ids, hints: { source: 'generic' } } },
      content,
      d,
    );
    expect(r).toEqual({ ok: false, error: 'database is closed' });
  });
});
