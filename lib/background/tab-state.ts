import type { TabState } from '../messaging/types';

// Per-tab state lives in storage.session: it survives the service worker being stopped, is never written to
// disk, and is cleared with the browser session.
/** The storage.session key of a tab's state; pages watch it with storage.onChanged to follow the tab live. */
export const tabStateKey = (tabId: number) => `tab:${tabId}`;

export async function getTabState(tabId: number): Promise<TabState> {
  const got = await browser.storage.session.get(tabStateKey(tabId));
  return (got[tabStateKey(tabId)] as TabState | undefined) ?? { person: null, answer: null };
}

export async function setTabState(tabId: number, state: TabState): Promise<void> {
  if (!state.person) await browser.storage.session.remove(tabStateKey(tabId));
  else await browser.storage.session.set({ [tabStateKey(tabId)]: state });
}

// A list page (search results) has no one person, so its tab keeps no state; this mark only says that its row
// markers need a refresh when the store changes.
const rowsTabKey = (tabId: number) => `rows:${tabId}`;

export async function noteRowsTab(tabId: number): Promise<void> {
  await browser.storage.session.set({ [rowsTabKey(tabId)]: true });
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove([tabStateKey(tabId), rowsTabKey(tabId)]);
}

export async function tabsWithPeople(): Promise<number[]> {
  const all = await browser.storage.session.get(null);
  const ids = Object.keys(all)
    .map((k) => /^(?:tab|rows):(\d+)$/.exec(k)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
  return [...new Set(ids)];
}
