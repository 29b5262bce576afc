/** What the side panel shows: one tab, and how many times that tab has moved to another URL. */
export interface PanelTarget {
  tabId: number | null;
  /** Bumped when the followed tab navigates, so the view is rebuilt (an open form never outlives its page). */
  visit: number;
}

export interface FollowApi {
  /** The window the panel belongs to (the side panel's own window). */
  windowId(): Promise<number | undefined>;
  activeTab(windowId: number | undefined): Promise<{ id?: number } | undefined>;
  onActivated(cb: (info: { tabId: number; windowId: number }) => void): () => void;
  onUpdated(cb: (tabId: number, change: { url?: string; status?: string }) => void): () => void;
}

/**
 * Keeps the side panel on the active tab of its window: a tab switch moves it to the new tab, and the followed
 * tab loading or changing its URL starts a new visit. Returns a function that stops following.
 */
export function followActiveTab(api: FollowApi, onTarget: (target: PanelTarget) => void): () => void {
  let current: PanelTarget | null = null;
  let windowId: number | undefined;
  let stopped = false;
  const show = (tabId: number | null) => {
    if (stopped) return;
    const visit = current && current.tabId === tabId ? current.visit + 1 : 0;
    current = { tabId, visit };
    onTarget(current);
  };
  const offActivated = api.onActivated((info) => {
    if (windowId !== undefined && info.windowId !== windowId) return;
    if (current?.tabId !== info.tabId) show(info.tabId);
  });
  const offUpdated = api.onUpdated((tabId, change) => {
    if (tabId !== current?.tabId) return;
    // `url` is reported only for sites Heed may read; `loading` for every site, so a move to any page counts.
    if (change.url !== undefined || change.status === 'loading') show(tabId);
  });
  void (async () => {
    windowId = await api.windowId();
    const tab = await api.activeTab(windowId);
    if (current === null) show(tab?.id !== undefined && tab.id >= 0 ? tab.id : null);
  })().catch(() => show(null));
  return () => {
    stopped = true;
    offActivated();
    offUpdated();
  };
}
