import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundDeps, MODE_KEY } from '@/lib/background/deps';
import { refreshReminder } from '@/lib/background/reminder';
import { answerScan } from '@/lib/background/scan-answer';
import { syncGrantedSites } from '@/lib/background/sites';
import { getTabState, setTabState } from '@/lib/background/tab-state';
import type { TabPerson } from '@/lib/messaging/types';
import { addIdentity, logRequest } from '@/lib/mydata/commands';
import { openSelfDb, type SelfDb } from '@/lib/mydata/db';
import { recordOptOut } from '@/lib/store/commands/opt-out';
import { type HeedDb, openDb } from '@/lib/store/db';
import { ensureDefaultList } from '@/lib/store/lists';
import { saveSettings } from '@/lib/store/settings';
import { withSelfAdvice } from '@/lib/verdict/self-advice';
import { verdictFor } from '@/lib/verdict/verdict-for';

// The background's browser calls (lib/background/deps.ts) and its helpers, against WXT's fake browser and
// fake-indexeddb: what entrypoints/background.ts wires, tested without a browser.

const NOW = new Date('2026-06-15T12:00:00Z');
const MY_URL = 'https://www.linkedin.com/in/me-myself/';
const JANE_URL = 'https://www.linkedin.com/in/jane-doe-1a2b3c/';
const JANE: TabPerson = {
  identifiers: { emails: ['jane.doe@acme.example'], profileUrls: [JANE_URL], salesNavUrls: [], phones: [] },
  hints: { source: 'linkedin-profile', country: 'GB', name: 'Jane Doe' },
};
const ME: TabPerson = {
  identifiers: { emails: ['me@mine.example'], profileUrls: [MY_URL], salesNavUrls: [], phones: [] },
  hints: { source: 'linkedin-profile', country: 'GB', contactVisibility: 'public', birthday: 'March 5' },
};

let db: HeedDb;
let self: SelfDb;
beforeEach(async () => {
  fakeBrowser.reset();
  const name = `bg-deps-${process.pid}-${Math.random().toString(36).slice(2)}`;
  db = await openDb(name);
  self = await openSelfDb(`${name}-self`);
  await ensureDefaultList(db);
});

const deps = () => backgroundDeps({ appDb: async () => db, selfDb: async () => self, now: () => NOW });

describe('backgroundDeps', () => {
  it('looks a person up through verdictFor: a recorded opt-out blocks, and the popup gets the same answer', async () => {
    const listId = (await ensureDefaultList(db)).id;
    await recordOptOut(db, { listId, reason: 'objection', identifiers: JANE.identifiers });
    const badge = await deps().lookup(JANE.identifiers, JANE.hints);
    expect(badge.level).toBe('blocked');
    expect((await verdictFor(db, self, JANE, NOW)).answer).toEqual(badge);
  });

  it("adds the own-profile advice on the user's own profile, in the badge's answer and the popup's alike", async () => {
    await addIdentity(self, { kind: 'profile', raw: MY_URL });
    const badge = await deps().lookup(ME.identifiers, ME.hints);
    expect(badge.self?.lines.join(' ')).toMatch(/Your birthday \(March 5\) is visible/);
    expect(badge.self?.links.length).toBeGreaterThan(0);
    const popup = await verdictFor(db, self, ME, NOW);
    expect(popup.answer.self).toEqual(badge.self);
    // Someone else's profile gets no advice.
    expect((await deps().lookup(JANE.identifiers, JANE.hints)).self).toBeUndefined();
  });

  it("keeps a tab's state only while the tab still shows the page it came from", async () => {
    const tab = await fakeBrowser.tabs.create({ url: JANE_URL });
    const d = deps();
    const answer = await d.lookup(JANE.identifiers, JANE.hints);
    expect(
      await d.setTabState(tab.id!, {
        person: JANE,
        answer,
        url: 'https://www.linkedin.com/in/someone-else/',
      }),
    ).toBe(false);
    expect((await getTabState(tab.id!)).person).toBeNull();
    expect(await d.setTabState(tab.id!, { person: JANE, answer, url: JANE_URL })).toBe(true);
    expect((await getTabState(tab.id!)).person).toEqual(JANE);
    // A closed tab: nothing stored.
    expect(await d.setTabState(9999, { person: JANE, answer, url: JANE_URL })).toBe(false);
  });

  it('forgets a tab whose content script no longer answers, and clears its toolbar', async () => {
    const d = deps();
    await setTabState(5, { person: JANE, answer: null, url: JANE_URL });
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValueOnce(
      new Error('Receiving end does not exist'),
    );
    expect(await d.sendToTab(5, { type: 'refresh' })).toBe(false);
    expect((await getTabState(5)).person).toBeNull();
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValueOnce(undefined);
    expect(await d.sendToTab(6, { type: 'refresh' })).toBe(true);
  });

  it('opens the record window for the person the badge showed, with a ticket', async () => {
    const create = vi.spyOn(fakeBrowser.windows, 'create');
    await setTabState(4, { person: JANE, answer: null, url: JANE_URL });
    await deps().openRecord(4, 'opt-out');
    const url = String(create.mock.calls[0]?.[0]?.url);
    expect(url).toMatch(/\/popup\.html\?tabId=4&action=opt-out&ticket=[0-9a-f-]{36}$/);
    expect(create.mock.calls[0]?.[0]).toMatchObject({ type: 'popup', width: 420, height: 640 });
    // No person on the tab: the window opens without a ticket.
    await deps().openRecord(8, 'lawful-basis');
    expect(String(create.mock.calls[1]?.[0]?.url)).toMatch(/tabId=8&action=lawful-basis$/);
  });

  it('answers a page scan with one verdict per address found, and says what failed when it cannot inject', async () => {
    await addIdentity(self, { kind: 'email', raw: 'me@mine.example' });
    const executeScript = vi.fn(async () => [
      { result: { found: { emails: ['me@mine.example', 'x@acme.example'], phones: [] } } },
    ]);
    (fakeBrowser as unknown as { scripting: { executeScript: unknown } }).scripting.executeScript =
      executeScript;
    const r = await deps().injectScan(3);
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 3 }, files: ['/content-scripts/scan.js'] });
    expect(r).toMatchObject({ injected: true, summary: { emails: 2, phones: 0, mine: ['me@mine.example'] } });
    expect(r.list?.emails.map((e) => e.email)).toEqual(['me@mine.example', 'x@acme.example']);
    executeScript.mockRejectedValueOnce(new Error('Cannot access a chrome:// URL'));
    expect(await deps().injectScan(3)).toEqual({ injected: false, error: 'Cannot access a chrome:// URL' });
  });

  it('lists every open tab, and remembers the side-panel mode it applied', async () => {
    const a = await fakeBrowser.tabs.create({ url: 'https://example.org/' });
    const ids = await deps().allTabs();
    expect(ids).toContain(a.id);
    expect(await deps().contentMode()).toEqual({ sidePanelOnly: false });
    const setPopup = vi.fn(async () => undefined);
    (fakeBrowser.action as unknown as { setPopup: unknown }).setPopup = setPopup;
    const setPanelBehavior = vi.fn(async () => undefined);
    (fakeBrowser as unknown as { sidePanel: { setPanelBehavior: unknown } }).sidePanel.setPanelBehavior =
      setPanelBehavior;
    expect(await deps().applyContentMode()).toBe(false); // the first mode applied is no change
    expect(setPopup).toHaveBeenLastCalledWith({ popup: 'popup.html' });
    expect((await fakeBrowser.storage.session.get(MODE_KEY))[MODE_KEY]).toBe(false);
    // Switching to side-panel-only is a change: the caller then tells every tab.
    await saveSettings(db, { sidePanelOnly: true });
    expect(await deps().applyContentMode()).toBe(true);
    expect(setPopup).toHaveBeenLastCalledWith({ popup: '' });
    expect(setPanelBehavior).toHaveBeenLastCalledWith({ openPanelOnActionClick: true });
  });
});

describe('refreshReminder', () => {
  it('shows the count of overdue replies on the toolbar, and clears it when none is', async () => {
    expect(await refreshReminder(self, NOW)).toBe('');
    await logRequest(self, {
      company: 'Acme',
      kinds: ['access'],
      law: 'gdpr',
      sentAt: '2026-04-01',
      dueAt: '2026-05-01',
    });
    expect(await refreshReminder(self, NOW)).toBe('1');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(await fakeBrowser.action.getTitle({})).toMatch(/a reply is overdue \(Acme\)/);
  });
});

describe('syncGrantedSites', () => {
  it('registers the scan script on the https sites granted beyond the manifest, and only those', async () => {
    const scripting = {
      getRegisteredContentScripts: vi.fn(async () => [{ id: 'heed-granted-sites' }]),
      unregisterContentScripts: vi.fn(async () => undefined),
      registerContentScripts: vi.fn(async () => undefined),
    };
    Object.assign((fakeBrowser as unknown as { scripting: object }).scripting, scripting);
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      host_permissions: ['https://www.linkedin.com/*'],
    } as never);
    (fakeBrowser as unknown as { permissions: { getAll: unknown } }).permissions.getAll = async () => ({
      origins: ['https://crm.example/*', 'http://plain.example/*', 'https://www.linkedin.com/*'],
    });
    expect(await syncGrantedSites()).toEqual(['https://crm.example/*']);
    expect(scripting.unregisterContentScripts).toHaveBeenCalledWith({ ids: ['heed-granted-sites'] });
    expect(scripting.registerContentScripts).toHaveBeenCalledWith([
      expect.objectContaining({ matches: ['https://crm.example/*'], js: ['content-scripts/scan.js'] }),
    ]);
  });
});

describe('answerScan', () => {
  it('gives every address and number a verdict in the order asked, and marks only the user’s own', async () => {
    await addIdentity(self, { kind: 'phone', raw: '+44 20 7946 0000' });
    const listId = (await ensureDefaultList(db)).id;
    await recordOptOut(db, { listId, reason: 'objection', identifiers: JANE.identifiers });
    const r = await answerScan(
      db,
      self,
      ['x@acme.example', 'jane.doe@acme.example'],
      ['+44 20 7946 0000', '+44 20 7946 0001'],
      NOW,
    );
    expect(r.emails.map((e) => e.level)[1]).toBe('blocked');
    expect(r.emails.every((e) => e.mine === undefined)).toBe(true);
    expect(r.phones.map((p) => p.mine === true)).toEqual([true, false]);
  });
});

describe('withSelfAdvice', () => {
  const base = { level: 'unknown' } as Parameters<typeof withSelfAdvice>[2];
  it('says nothing on a profile that is not the user’s', async () => {
    expect(await withSelfAdvice(self, ME.identifiers, base)).toBe(base);
  });
  it('before the contact info was opened, asks to open it instead of saying no email is visible', async () => {
    await addIdentity(self, { kind: 'profile', raw: MY_URL });
    const closed = await withSelfAdvice(self, { ...ME.identifiers, emails: [] }, base, undefined, false);
    expect(closed.self?.lines[0]).toMatch(/^Open your contact info/);
    expect(closed.self?.lines.join(' ')).not.toMatch(/No email address is visible/);
    const open = await withSelfAdvice(self, { ...ME.identifiers, emails: [] }, base, undefined, true);
    expect(open.self?.lines.join(' ')).toMatch(/No email address is visible/);
  });
});
