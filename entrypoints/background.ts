import { appDb } from '@/lib/app-db';
import { handleMessage } from '@/lib/background/handler';
import { RateLimiter } from '@/lib/background/rate-limit';
import { refreshReminder } from '@/lib/background/reminder';
import { answerScan } from '@/lib/background/scan-answer';
import { withSelfAdvice } from '@/lib/background/self-advice';
import { syncGrantedSites } from '@/lib/background/sites';
import { forgetTab, getTabState, noteRowsTab, setTabState, tabsWithPeople } from '@/lib/background/tab-state';
import { toolbarFor } from '@/lib/background/toolbar';
import { ScanSummarySchema } from '@/lib/messaging/schemas';
import type { ReplyOptOut } from '@/lib/messaging/types';
import { replyQuery } from '@/lib/popup/params';
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
    setTabState,
    tabsWithPeople,
    async showOnToolbar(tabId: number, answer: Parameters<typeof toolbarFor>[0]) {
      const t = toolbarFor(answer);
      await browser.action.setBadgeText({ tabId, text: t.text });
      await browser.action.setBadgeBackgroundColor({ tabId, color: t.colour });
      await browser.action.setTitle({ tabId, title: t.title });
    },
    async sendToTab(tabId: number, message: { type: 'refresh' }) {
      try {
        await browser.tabs.sendMessage(tabId, message);
        return true;
      } catch {
        await forgetTab(tabId); // the tab navigated away or closed
        return false;
      }
    },
    async openRecord(tabId: number, action: 'opt-out' | 'lawful-basis') {
      const url = browser.runtime.getURL(`/popup.html?tabId=${tabId}&action=${action}`);
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
    noteRowsTab,
    async openReplyOptOut(tabId: number, offer: ReplyOptOut) {
      const url = browser.runtime.getURL(`/popup.html?${replyQuery(tabId, offer)}`);
      await browser.windows.create({ url, type: 'popup', width: 420, height: 640 });
    },
    limiter,
  };
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void handleMessage(message, sender, deps).then(sendResponse);
    return true; // answer asynchronously
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  void deps.refreshReminder().catch(() => undefined);
  const resync = () =>
    void syncGrantedSites().catch((err: unknown) => console.error('Heed: site scripts', err));
  browser.runtime.onInstalled.addListener(resync);
  browser.permissions.onAdded.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
});
