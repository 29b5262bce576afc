import { appDb } from '@/lib/app-db';
import { handleMessage } from '@/lib/background/handler';
import { applyPanelMode } from '@/lib/background/panel';
import { RateLimiter } from '@/lib/background/rate-limit';
import { refreshReminder } from '@/lib/background/reminder';
import { answerScan } from '@/lib/background/scan-answer';
import { withSelfAdvice } from '@/lib/background/self-advice';
import { syncGrantedSites } from '@/lib/background/sites';
import {
  followNavigation,
  forgetTab,
  getTabState,
  noteRowsTab,
  rememberRecordSubject,
  setTabState,
  stillShowing,
  tabClosed,
  tabsWithPeople,
} from '@/lib/background/tab-state';
import { showOnToolbar, toolbarButton } from '@/lib/background/toolbar';
import { composeTabs, forgetComposeTab, rememberComposeTab } from '@/lib/compose/tabs';
import { logSendOverride, sendConfig, sendVerdicts } from '@/lib/compose/verdicts';
import { initLanguage } from '@/lib/i18n/init';
import { pageStringsFor } from '@/lib/i18n/page-table';
import { ScanFoundSchema, ScanSummarySchema } from '@/lib/messaging/schemas';
import type { ReplyOptOut, ScanList } from '@/lib/messaging/types';
import {
  enforceLockedSettings,
  installManagedPolicy,
  onManagedPolicyChange,
  readManagedPolicy,
} from '@/lib/policy/managed';
import { replyQuery } from '@/lib/popup/params';
import { selfDb } from '@/lib/self/db';
import { keepLookupIndex } from '@/lib/store/lookup-index';
import { getSettings } from '@/lib/store/settings';
import { answerFor } from '@/lib/verdict/answer';

/** storage.session key of the side-panel mode last applied to the toolbar button. */
const MODE_KEY = 'side-panel-only';

interface ChromeSidePanel {
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
}

export default defineBackground(() => {
  const limiter = new RateLimiter();
  // The background answers every page's lookups, so it keeps the lookup index (loaded now, not on first use).
  void appDb().then(keepLookupIndex, () => undefined);
  // The organisation's locks hold here too, and their values reach the stored settings every lookup reads.
  installManagedPolicy();
  const enforce = () =>
    Promise.all([appDb(), readManagedPolicy()]).then(
      ([db, p]) => enforceLockedSettings(db, p),
      () => undefined,
    );
  void enforce();
  onManagedPolicyChange(() => void enforce());
  // Words the background sends (badge summaries, plain sentences, the toolbar's tooltip) are in the settings'
  // language: read at start, and again on every store change (a change of the setting is one).
  let language = initLanguage();
  const inLanguage = async <T>(work: () => Promise<T>): Promise<T> => {
    await language;
    return work();
  };
  const deps = {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    lookup: async (identifiers: Parameters<typeof answerFor>[1], hints: Parameters<typeof answerFor>[2]) =>
      inLanguage(async () =>
        withSelfAdvice(
          await selfDb(),
          identifiers,
          await answerFor(await appDb(), identifiers, hints, new Date()),
          hints.birthday,
          hints.contactVisibility !== undefined,
        ),
      ),
    scanPage: async (emails: string[], phones: string[]) =>
      inLanguage(async () => answerScan(await appDb(), await selfDb(), emails, phones, new Date())),
    refreshReminder: async () => {
      language = initLanguage();
      await language;
      await refreshReminder(await selfDb());
    },
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
        const found = ScanFoundSchema.safeParse(first?.result);
        if (found.success) {
          const { emails, phones } = found.data.found;
          const verdicts = await deps.scanPage(emails, phones);
          const list: ScanList = {
            emails: verdicts.emails.map((v, i) => ({ ...v, email: emails[i] ?? '' })),
            phones: verdicts.phones.map((v, i) => ({ ...v, phone: phones[i] ?? '' })),
          };
          const mine = [
            ...list.emails.filter((v) => v.mine).map((v) => v.email),
            ...list.phones.filter((v) => v.mine).map((v) => v.phone),
          ];
          return { injected: true, summary: { emails: emails.length, phones: phones.length, mine }, list };
        }
        const summary = ScanSummarySchema.safeParse(first?.result);
        return { injected: true, ...(summary.success ? { summary: summary.data } : {}) };
      } catch (err) {
        return { injected: false, error: err instanceof Error ? err.message : String(err) };
      }
    },
    async pageStrings() {
      return pageStringsFor((await getSettings(await appDb())).language);
    },
    async contentMode() {
      return { sidePanelOnly: (await getSettings(await appDb())).sidePanelOnly };
    },
    async applyContentMode() {
      const { sidePanelOnly } = await deps.contentMode();
      const sidePanel = (browser as { sidePanel?: ChromeSidePanel }).sidePanel;
      return applyPanelMode(sidePanelOnly, {
        setPopup: (popup) => toolbarButton().setPopup({ popup }),
        ...(sidePanel
          ? {
              setPanelBehavior: (open: boolean) =>
                sidePanel.setPanelBehavior({ openPanelOnActionClick: open }),
            }
          : {}),
        lastMode: async () => (await browser.storage.session.get(MODE_KEY))[MODE_KEY] as boolean | undefined,
        rememberMode: (mode) => browser.storage.session.set({ [MODE_KEY]: mode }),
      });
    },
    async allTabs() {
      return (await browser.tabs.query({})).flatMap((t) => (t.id !== undefined && t.id >= 0 ? [t.id] : []));
    },
    noteRowsTab,
    async openReplyOptOut(tabId: number, offer: ReplyOptOut) {
      const url = browser.runtime.getURL(`/popup.html?${replyQuery(tabId, offer)}`);
      await browser.windows.create({ url, type: 'popup', width: 420, height: 640 });
    },
    limiter,
    send: {
      config: async (site: Parameters<typeof sendConfig>[1]) =>
        sendConfig(await getSettings(await appDb()), site),
      verdicts: async (
        site: Parameters<typeof sendConfig>[1],
        recipients: Parameters<typeof sendVerdicts>[2],
      ) => inLanguage(async () => sendVerdicts(await appDb(), site, recipients, new Date())),
      override: async (
        site: Parameters<typeof sendConfig>[1],
        recipients: Parameters<typeof sendVerdicts>[2],
        reason: string,
      ) => logSendOverride(await appDb(), site, recipients, reason, new Date()),
      rememberTab: rememberComposeTab,
      tabs: composeTabs,
    },
  };
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void handleMessage(message, sender, deps).then(sendResponse);
    return true; // answer asynchronously
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void tabClosed(tabId);
    void forgetComposeTab(tabId);
  });
  // A new URL (navigation or history.pushState) means the toolbar's verdict may be someone else's.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    // A navigation to a site Heed may not read reports no URL: its status change still says the page changed.
    if (change.url === undefined && change.status === undefined) return;
    void followNavigation(tabId, change.url ?? tab.url, {
      clearToolbar: (id) => deps.showOnToolbar(id, null),
      askToReport: (id) => deps.sendToTab(id, { type: 'refresh' }),
    }).catch(() => undefined);
  });
  void deps.applyContentMode().catch((err: unknown) => console.error('Heed: side panel mode', err));
  // Firefox: with no popup set (side-panel-only mode) the toolbar button toggles the sidebar. This must run in
  // the click's own handler, without awaiting first, for Firefox to count it as the user's action.
  const sidebar = (browser as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction;
  if (sidebar) toolbarButton().onClicked.addListener(() => void sidebar.toggle());
  void deps.refreshReminder().catch(() => undefined);
  const resync = () =>
    void syncGrantedSites().catch((err: unknown) => console.error('Heed: site scripts', err));
  browser.runtime.onInstalled.addListener(resync);
  browser.permissions.onAdded.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
});
