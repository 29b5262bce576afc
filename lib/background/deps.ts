import { composeTabs, rememberComposeTab } from '../compose/tabs';
import { logSendOverride, sendConfig, sendVerdicts } from '../compose/verdicts';
import { initLanguage } from '../i18n/init';
import { pageStringsFor } from '../i18n/page-table';
import { ScanFoundSchema, ScanSummarySchema } from '../messaging/schemas';
import type { ReplyOptOut, ScanList } from '../messaging/types';
import type { SelfDb } from '../mydata/db';
import { replyQuery } from '../popup/params';
import type { HeedDb } from '../store/db';
import { getSettings } from '../store/settings';
import { verdictFor } from '../verdict/verdict-for';
import type { HandlerDeps } from './handler';
import { applyPanelMode } from './panel';
import { RateLimiter } from './rate-limit';
import { refreshReminder } from './reminder';
import { answerScan } from './scan-answer';
import {
  forgetTab,
  getTabState,
  noteRowsTab,
  rememberRecordSubject,
  setTabState,
  stillShowing,
  tabsWithPeople,
} from './tab-state';
import { showOnToolbar, toolbarButton } from './toolbar';

// What the message handler may do with the browser and the databases: the one place the background's browser
// calls live, so entrypoints/background.ts stays wiring and this can be tested with WXT's fake browser.

/** storage.session key of the side-panel mode last applied to the toolbar button. */
export const MODE_KEY = 'side-panel-only';

/** The record and reply windows: a small popup window, the popup's own page. */
const RECORD_WINDOW = { type: 'popup', width: 420, height: 640 } as const;

interface ChromeSidePanel {
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
}

export interface BackgroundSources {
  appDb(): Promise<HeedDb>;
  selfDb(): Promise<SelfDb>;
  now?: () => Date;
  limiter?: RateLimiter;
}

export function backgroundDeps(src: BackgroundSources): HandlerDeps {
  const now = src.now ?? (() => new Date());
  // Words the background sends (badge summaries, plain sentences, the toolbar's tooltip) are in the settings'
  // language: read at start, and again on every store change (a change of the setting is one).
  const readLanguage = () => initLanguage(src.appDb);
  let language = readLanguage();
  const inLanguage = async <T>(work: () => Promise<T>): Promise<T> => {
    await language;
    return work();
  };
  const deps: HandlerDeps = {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    lookup: async (identifiers, hints) => {
      // Both databases open together: on a worker's first answer neither is open yet.
      const dbs = Promise.all([src.appDb(), src.selfDb()]);
      dbs.catch(() => undefined); // rejected: the answer below reports it
      return inLanguage(async () => {
        const [db, self] = await dbs;
        return (await verdictFor(db, self, { identifiers, hints }, now())).answer;
      });
    },
    scanPage: async (emails, phones) =>
      inLanguage(async () => answerScan(await src.appDb(), await src.selfDb(), emails, phones, now())),
    refreshReminder: async () => {
      language = readLanguage();
      await language;
      await refreshReminder(await src.selfDb(), now());
    },
    getTabState,
    async setTabState(tabId, state) {
      if (state.person) {
        const tab = await browser.tabs.get(tabId).catch(() => undefined);
        if (!tab || !stillShowing(state, tab.url)) return false;
      }
      await setTabState(tabId, state);
      return true;
    },
    tabsWithPeople,
    showOnToolbar,
    async sendToTab(tabId, message) {
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
    async openRecord(tabId, action) {
      // The form is about the person the badge showed at the click, even if the page moves on meanwhile.
      const ticket = await rememberRecordSubject(tabId);
      const url = browser.runtime.getURL(
        `/popup.html?tabId=${tabId}&action=${action}${ticket ? `&ticket=${ticket}` : ''}`,
      );
      await browser.windows.create({ url, ...RECORD_WINDOW });
    },
    async injectScan(tabId) {
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
    async contentMode() {
      return { sidePanelOnly: (await getSettings(await src.appDb())).sidePanelOnly };
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
    async pageStrings() {
      return pageStringsFor((await getSettings(await src.appDb())).language);
    },
    async allTabs() {
      return (await browser.tabs.query({})).flatMap((t) => (t.id !== undefined && t.id >= 0 ? [t.id] : []));
    },
    noteRowsTab,
    async openReplyOptOut(tabId: number, offer: ReplyOptOut) {
      const url = browser.runtime.getURL(`/popup.html?${replyQuery(tabId, offer)}`);
      await browser.windows.create({ url, ...RECORD_WINDOW });
    },
    limiter: src.limiter ?? new RateLimiter(),
    send: {
      config: async (site) => sendConfig(await getSettings(await src.appDb()), site),
      verdicts: async (site, recipients) =>
        inLanguage(async () => sendVerdicts(await src.appDb(), site, recipients, now())),
      override: async (site, recipients, reason) =>
        logSendOverride(await src.appDb(), site, recipients, reason, now()),
      rememberTab: rememberComposeTab,
      tabs: composeTabs,
    },
  };
  return deps;
}
