import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  followNavigation,
  forgetTab,
  getTabState,
  recordSubject,
  rememberRecordSubject,
  setTabState,
  stillShowing,
  tabClosed,
  tabNavigated,
} from '@/lib/background/tab-state';
import { showOnToolbar } from '@/lib/background/toolbar';
import type { LookupAnswer, TabPerson } from '@/lib/messaging/types';

const JANE_URL = 'https://www.linkedin.com/in/jane-doe-1a2b3c/';
const MAX_URL = 'https://www.linkedin.com/in/max-mustermann/';
const JANE: TabPerson = {
  identifiers: { emails: [], profileUrls: [JANE_URL], salesNavUrls: [], phones: [] },
  hints: { source: 'linkedin-profile', country: 'GB', name: 'Jane Doe' },
};
const BLOCKED = {
  level: 'blocked',
  summary: 'Every channel blocked',
  channels: { email: 'blocked', sms: 'blocked', phone: 'blocked', post: 'blocked', inmail: 'blocked' },
  reasons: [],
  deadlines: [],
  matches: [],
  toRecord: [],
  hasContact: false,
  fromDefaults: false,
} as LookupAnswer;

const toolbar = async (tabId: number) => ({
  text: await browser.action.getBadgeText({ tabId }),
  title: await browser.action.getTitle({ tabId }),
});

beforeEach(() => {
  fakeBrowser.reset();
});

describe('following a tab to a new URL', () => {
  it("forgets the tab's person and clears the toolbar when the URL changes, then asks the page to report", async () => {
    await setTabState(7, { person: JANE, answer: BLOCKED, url: JANE_URL });
    await showOnToolbar(7, BLOCKED);
    expect((await toolbar(7)).text).toBe('NO');
    const askToReport = vi.fn(async () => true);

    await followNavigation(7, MAX_URL, { clearToolbar: (id) => showOnToolbar(id, null), askToReport });

    expect(await getTabState(7)).toEqual({ person: null, answer: null });
    expect(await toolbar(7)).toEqual({ text: '', title: 'Heed: no person recognised on this page' });
    expect(askToReport).toHaveBeenCalledWith(7);
  });

  it('keeps what the content script already reported for the new URL', async () => {
    await setTabState(7, { person: JANE, answer: BLOCKED, url: JANE_URL });
    await showOnToolbar(7, BLOCKED);
    const clearToolbar = vi.fn(async () => undefined);
    await followNavigation(7, JANE_URL, { clearToolbar, askToReport: async () => true });
    expect((await getTabState(7)).person).toEqual(JANE);
    expect(clearToolbar).not.toHaveBeenCalled();
    expect((await toolbar(7)).text).toBe('NO');
  });

  it('forgets the person when the tab goes where Heed may not read the URL, and asks no page to report', async () => {
    await setTabState(7, { person: JANE, answer: BLOCKED, url: JANE_URL });
    await showOnToolbar(7, BLOCKED);
    const askToReport = vi.fn(async () => true);
    await followNavigation(7, undefined, { clearToolbar: (id) => showOnToolbar(id, null), askToReport });
    expect((await getTabState(7)).person).toBeNull();
    expect((await toolbar(7)).text).toBe('');
    expect(askToReport).not.toHaveBeenCalled();
  });

  it('leaves a tab that showed no one as it was (its toolbar shows the default, such as the reminder count)', async () => {
    const clearToolbar = vi.fn(async () => undefined);
    const askToReport = vi.fn(async () => true);
    await followNavigation(9, 'https://acme.example/', { clearToolbar, askToReport });
    await followNavigation(9, undefined, { clearToolbar, askToReport });
    expect(clearToolbar).not.toHaveBeenCalled();
    expect(askToReport).not.toHaveBeenCalled();
  });

  it('leaves other tabs alone', async () => {
    await setTabState(7, { person: JANE, answer: BLOCKED, url: JANE_URL });
    await setTabState(8, { person: JANE, answer: BLOCKED, url: JANE_URL });
    expect(await tabNavigated(7, MAX_URL)).toBe(true);
    expect((await getTabState(8)).person).toEqual(JANE);
  });

  it('drops a late answer for a URL the tab has left, and stores one it cannot check', () => {
    const state = { person: JANE, answer: BLOCKED, url: JANE_URL };
    expect(stillShowing(state, JANE_URL)).toBe(true);
    expect(stillShowing(state, MAX_URL)).toBe(false);
    expect(stillShowing(state, undefined)).toBe(true);
    expect(stillShowing({ person: JANE, answer: BLOCKED }, MAX_URL)).toBe(true);
  });
});

describe("the badge's record ticket", () => {
  it('names the person the tab showed at the click, even after the tab moved on', async () => {
    await setTabState(7, { person: JANE, answer: BLOCKED, url: JANE_URL });
    const ticket = await rememberRecordSubject(7);
    expect(ticket).toMatch(/^[0-9a-f-]{36}$/);
    await tabNavigated(7, MAX_URL);
    await forgetTab(7);
    expect(await recordSubject(7, ticket as string)).toEqual(JANE);
  });

  it('answers only the latest ticket, of its own tab', async () => {
    await setTabState(7, { person: JANE, answer: BLOCKED, url: JANE_URL });
    const first = (await rememberRecordSubject(7)) as string;
    const second = (await rememberRecordSubject(7)) as string;
    expect(second).not.toBe(first);
    expect(await recordSubject(7, first)).toBeNull();
    expect(await recordSubject(8, second)).toBeNull();
    expect(await recordSubject(7, second)).toEqual(JANE);
  });

  it('gives no ticket for a tab showing no one, and none survives the tab closing', async () => {
    expect(await rememberRecordSubject(9)).toBeNull();
    await setTabState(7, { person: JANE, answer: BLOCKED, url: JANE_URL });
    const ticket = (await rememberRecordSubject(7)) as string;
    await tabClosed(7);
    expect(await recordSubject(7, ticket)).toBeNull();
    expect(await browser.storage.session.get(null)).toEqual({});
  });

  it('refuses a stored note that is not a person', async () => {
    await browser.storage.session.set({ 'record:7': { ticket: 't', person: { identifiers: 'x' } } });
    expect(await recordSubject(7, 't')).toBeNull();
  });
});
