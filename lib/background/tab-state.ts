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

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(tabStateKey(tabId));
}

export async function tabsWithPeople(): Promise<number[]> {
  const all = await browser.storage.session.get(null);
  return Object.keys(all)
    .filter((k) => k.startsWith('tab:'))
    .map((k) => Number(k.slice(4)))
    .filter((n) => Number.isInteger(n));
}
