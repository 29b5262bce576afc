// Tabs that hold a compose box Heed checks, kept in storage.session (memory only, survives the service worker
// being stopped): when the lists or settings change, those tabs are told to look their recipients up again, so a
// person suppressed a minute ago is blocked in a compose box opened before.
const KEY = 'send-check-tabs';
const MAX = 200;

export async function composeTabs(): Promise<number[]> {
  const got = (await browser.storage.session.get(KEY))[KEY];
  return Array.isArray(got) ? got.filter((t): t is number => Number.isInteger(t)) : [];
}

export async function rememberComposeTab(tabId: number): Promise<void> {
  const tabs = await composeTabs();
  if (tabs.includes(tabId)) return;
  await browser.storage.session.set({ [KEY]: [...tabs, tabId].slice(-MAX) });
}

export async function forgetComposeTab(tabId: number): Promise<void> {
  const tabs = await composeTabs();
  if (tabs.includes(tabId)) await browser.storage.session.set({ [KEY]: tabs.filter((t) => t !== tabId) });
}
