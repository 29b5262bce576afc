import { appDb } from '@/lib/app-db';
import { handleMessage } from '@/lib/background/handler';
import { RateLimiter } from '@/lib/background/rate-limit';
import { refreshReminder } from '@/lib/background/reminder';
import { answerScan } from '@/lib/background/scan-answer';
import { withSelfAdvice } from '@/lib/background/self-advice';
import { syncGrantedSites } from '@/lib/background/sites';
import {
  followNavigation,
  forgetTab,
  getTabState,
  rememberRecordSubject,
  setTabState,
  stillShowing,
  tabClosed,
  tabsWithPeople,
} from '@/lib/background/tab-state';
import { showOnToolbar } from '@/lib/background/toolbar';
import { ScanSummarySchema } from '@/lib/messaging/schemas';
import { selfDb } from '@/lib/self/db';
import { keepLookupIndex } from '@/lib/store/lookup-index';
import { answerFor } from '@/lib/verdict/answer';

export default defineBackground(() => {
  const limiter = new RateLimiter();
  // The background answers every page's lookups, so it keeps the lookup index (loaded now, not on first use).
  void appDb().then(keepLookupIndex, () => undefined);
  const deps = {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    lookup: async (identifiers: Parameters<typeof answerFor>[1], hints: Parameters<typeof answerFor>[2]) =>
      withSelfAdvice(
        await selfDb(),
        identifiers,
        await answerFor(await appDb(), identifiers, hints, new Date()),
        hints.birthday,
      ),
    scanPage: async (emails: string[], phones: string[]) =>
      answerScan(await appDb(), await selfDb(), emails, phones, new Date()),
    refreshReminder: async () => void (await refreshReminder(await selfDb())),
    getTabState,
    async setTabState(tabId: number, state: Parameters<typeof setTabState>[1]) {
      if (state.person) {
        const tab = await browser.tabs.get(tabId).catch(() => undefined);
        if (!tab || !stillShowing(state, tab.url)) return false;
      }
      await setTabState(tabId, state);
      return true;
    },
    tabsWithPeople,
    showOnToolbar,
    async sendToTab(tabId: number, message: { type: 'refresh' }) {
      try {
        await browser.tabs.sendMessage(tabId, message);
        return true;
      } catch {
        // The tab navigated away or closed, or its content script stopped: its verdict goes with its person.
        await forgetTab(tabId);
        await showOnToolbar(tabId, null).catch(() => undefined);
        return false;
      }
    },
    async openRecord(tabId: number, action: 'opt-out' | 'lawful-basis') {
      // The form is about the person the badge showed at the click, even if the page moves on meanwhile.
      const ticket = await rememberRecordSubject(tabId);
      const url = browser.runtime.getURL(
        `/popup.html?tabId=${tabId}&action=${action}${ticket ? `&ticket=${ticket}` : ''}`,
      );
      await browser.windows.create({ url, type: 'popup', width: 420, height: 640 });
    },
    async injectScan(tabId: number) {
      try {
        const [first] = await browser.scripting.executeScript({
          target: { tabId },
          files: ['/content-scripts/scan.js'],
        });
        const summary = ScanSummarySchema.safeParse(first?.result);
        return { injected: true, ...(summary.success ? { summary: summary.data } : {}) };
      } catch (err) {
        return { injected: false, error: err instanceof Error ? err.message : String(err) };
      }
    },
    limiter,
  };
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void handleMessage(message, sender, deps).then(sendResponse);
    return true; // answer asynchronously
  });
  browser.tabs.onRemoved.addListener((tabId) => void tabClosed(tabId));
  // A new URL (navigation or history.pushState) means the toolbar's verdict may be someone else's.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    // A navigation to a site Heed may not read reports no URL: its status change still says the page changed.
    if (change.url === undefined && change.status === undefined) return;
    void followNavigation(tabId, change.url ?? tab.url, {
      clearToolbar: (id) => deps.showOnToolbar(id, null),
      askToReport: (id) => deps.sendToTab(id, { type: 'refresh' }),
    }).catch(() => undefined);
  });
  void deps.refreshReminder().catch(() => undefined);
  const resync = () =>
    void syncGrantedSites().catch((err: unknown) => console.error('Heed: site scripts', err));
  browser.runtime.onInstalled.addListener(resync);
  browser.permissions.onAdded.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
});
