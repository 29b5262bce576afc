import { useEffect, useState } from 'react';
import { PopupApp } from '@/components/popup/PopupApp';
import { t } from '@/lib/i18n';
import { type FollowApi, followActiveTab, type PanelTarget } from '@/lib/sidepanel/follow';

/** The browser's tabs and windows, as the side panel sees them. `windowId` pins another window (tests, tab view). */
export function browserFollowApi(windowId?: number): FollowApi {
  return {
    windowId: async () => windowId ?? (await browser.windows.getCurrent()).id,
    activeTab: async (id) => (await browser.tabs.query({ active: true, windowId: id }))[0],
    onActivated(cb) {
      browser.tabs.onActivated.addListener(cb);
      return () => browser.tabs.onActivated.removeListener(cb);
    },
    onUpdated(cb) {
      const listener = (tabId: number, change: { url?: string; status?: string }) => cb(tabId, change);
      browser.tabs.onUpdated.addListener(listener);
      return () => browser.tabs.onUpdated.removeListener(listener);
    },
  };
}

/** Reads `?windowId=` (digits only); anything else means the panel's own window. */
export function pinnedWindow(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('windowId');
  return raw !== null && /^\d{1,10}$/.test(raw) ? Number(raw) : undefined;
}

/**
 * The popup's view, in the side panel, for whichever tab is active in the panel's window. PopupApp takes its tab
 * from the page's query string (as when the background opens it for one tab), so each new tab or visit sets
 * `?tabId=` and mounts a fresh PopupApp: nothing typed for one person can be saved against the next.
 */
export function SidePanelApp() {
  const [target, setTarget] = useState<PanelTarget | null>(null);
  useEffect(() => {
    const windowId = pinnedWindow(location.search);
    return followActiveTab(browserFollowApi(windowId), (t) => {
      const q = new URLSearchParams();
      if (windowId !== undefined) q.set('windowId', String(windowId));
      if (t.tabId !== null) q.set('tabId', String(t.tabId));
      history.replaceState(null, '', `?${q}`);
      setTarget(t);
    });
  }, []);
  if (!target) return <p className="muted">{t('popup_panel_loading')}</p>;
  if (target.tabId === null) return <p className="muted">{t('popup_panel_no_tab')}</p>;
  return <PopupApp key={`${target.tabId}:${target.visit}`} />;
}
