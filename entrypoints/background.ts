import { appDb } from '@/lib/app-db';
import { backgroundDeps } from '@/lib/background/deps';
import { handleMessage, refreshAfterStoreChange } from '@/lib/background/handler';
import { RateLimiter } from '@/lib/background/rate-limit';
import { syncGrantedSites } from '@/lib/background/sites';
import { afterFirstAnswer } from '@/lib/background/start-up';
import { followNavigation, tabClosed } from '@/lib/background/tab-state';
import { toolbarButton } from '@/lib/background/toolbar';
import { forgetComposeTab } from '@/lib/compose/tabs';
import { selfDb } from '@/lib/mydata/db';
import {
  enforceLockedSettings,
  installManagedPolicy,
  onManagedPolicyChange,
  readManagedPolicy,
} from '@/lib/policy/managed';
import { purgeExpiredDeletedLists } from '@/lib/store/deleted-lists';
import { keepLookupIndex } from '@/lib/store/lookup-index';
import { onCommittedWrite } from '@/lib/store/write-feed';

export default defineBackground(() => {
  // For bench/worker-start.ts: when the script had been evaluated, and when the first message came and was answered.
  performance.mark('heed:start');
  let firstMessage = true;
  const limiter = new RateLimiter();
  // The background answers every page's lookups, so it keeps the lookup index: loaded a second after the worker
  // starts, once the message that woke it (and the page's burst after it) is answered from the buckets.
  void appDb().then(
    (db) => keepLookupIndex(db, { deferMs: 1000 }),
    () => undefined,
  );
  // Lists deleted on a page that closed before their Undo was withdrawn: their entries go for good now, a few
  // seconds after start so the lookups that woke the worker come first (lib/store/deleted-lists.ts).
  setTimeout(
    () =>
      void appDb()
        .then(purgeExpiredDeletedLists)
        .catch(() => undefined),
    5000,
  );
  // The organisation's locks hold here too, and their values reach the stored settings every lookup reads.
  installManagedPolicy();
  // Only a policy that locks settings writes them: without one, no read-write transaction on the settings holds up
  // the first look-up's read of them (an unlocked value has nothing to undo).
  const enforce = () =>
    Promise.all([appDb(), readManagedPolicy()]).then(
      ([db, p]) =>
        Object.keys(p.policy.lockedSettings).length > 0 ? enforceLockedSettings(db, p) : undefined,
      () => undefined,
    );
  void enforce();
  onManagedPolicyChange(() => void enforce());
  const deps = backgroundDeps({ appDb, selfDb, limiter });
  // The background's own writes (the organisation's locked settings) are announced here; pages tell it theirs.
  let refreshTimer: ReturnType<typeof setTimeout> | null = null;
  onCommittedWrite(() => {
    if (refreshTimer) clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => {
      refreshTimer = null;
      void refreshAfterStoreChange(deps).catch(() => undefined);
    }, 50);
  });
  // Neither is needed for an answer: they run once the message that started the worker is answered.
  const startUp = afterFirstAnswer(() => {
    void deps.applyContentMode().catch((err: unknown) => console.error('Heed: side panel mode', err));
    void deps.refreshReminder().catch(() => undefined);
  }, 1000);
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const first = firstMessage;
    firstMessage = false;
    if (first) performance.mark('heed:message');
    void handleMessage(message, sender, deps).then((reply) => {
      sendResponse(reply);
      if (first) performance.mark('heed:answer');
      startUp.answered();
    });
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
  // Firefox: with no popup set (side-panel-only mode) the toolbar button toggles the sidebar. This must run in
  // the click's own handler, without awaiting first, for Firefox to count it as the user's action.
  const sidebar = (browser as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction;
  if (sidebar) toolbarButton().onClicked.addListener(() => void sidebar.toggle());
  const resync = () =>
    void syncGrantedSites().catch((err: unknown) => console.error('Heed: site scripts', err));
  browser.runtime.onInstalled.addListener(resync);
  browser.permissions.onAdded.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
});
