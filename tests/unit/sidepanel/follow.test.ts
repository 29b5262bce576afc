import { describe, expect, it } from 'vitest';
import { type FollowApi, followActiveTab, type PanelTarget } from '@/lib/sidepanel/follow';

function fakeTabs(windowId: number, active: number | undefined) {
  const activated = new Set<(i: { tabId: number; windowId: number }) => void>();
  const updated = new Set<(t: number, c: { url?: string; status?: string }) => void>();
  const api: FollowApi = {
    windowId: async () => windowId,
    activeTab: async (id) => (id === windowId && active !== undefined ? { id: active } : undefined),
    onActivated(cb) {
      activated.add(cb);
      return () => activated.delete(cb);
    },
    onUpdated(cb) {
      updated.add(cb);
      return () => updated.delete(cb);
    },
  };
  return {
    api,
    activate: (tabId: number, win = windowId) => {
      for (const cb of activated) cb({ tabId, windowId: win });
    },
    update: (tabId: number, change: { url?: string; status?: string }) => {
      for (const cb of updated) cb(tabId, change);
    },
    listeners: () => activated.size + updated.size,
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('followActiveTab', () => {
  it('starts on the active tab of its window and moves with tab switches there, not in other windows', async () => {
    const tabs = fakeTabs(1, 10);
    const seen: PanelTarget[] = [];
    followActiveTab(tabs.api, (t) => seen.push(t));
    await settle();
    expect(seen).toEqual([{ tabId: 10, visit: 0 }]);
    tabs.activate(11, 2); // another window
    tabs.activate(12);
    tabs.activate(12); // already there: nothing new
    expect(seen).toEqual([
      { tabId: 10, visit: 0 },
      { tabId: 12, visit: 0 },
    ]);
  });

  it('starts a new visit when the followed tab loads or changes URL, and ignores other tabs', async () => {
    const tabs = fakeTabs(1, 10);
    const seen: PanelTarget[] = [];
    followActiveTab(tabs.api, (t) => seen.push(t));
    await settle();
    tabs.update(10, { url: 'https://www.linkedin.com/in/someone-else/' });
    tabs.update(10, { status: 'loading' });
    tabs.update(10, { status: 'complete' });
    tabs.update(99, { url: 'https://example.com/' });
    expect(seen.map((t) => `${t.tabId}:${t.visit}`)).toEqual(['10:0', '10:1', '10:2']);
  });

  it('reports no tab when the window has none, and stops listening when asked', async () => {
    const tabs = fakeTabs(1, undefined);
    const seen: PanelTarget[] = [];
    const stop = followActiveTab(tabs.api, (t) => seen.push(t));
    await settle();
    expect(seen).toEqual([{ tabId: null, visit: 0 }]);
    stop();
    expect(tabs.listeners()).toBe(0);
    tabs.activate(5);
    expect(seen).toHaveLength(1);
  });
});
