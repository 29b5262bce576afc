import { describe, expect, it, vi } from 'vitest';
import { applyPanelMode, type PanelApi, POPUP_PATH } from '@/lib/background/panel';

function api(withSidePanel: boolean) {
  let stored: boolean | undefined;
  const a: PanelApi = {
    setPopup: vi.fn(async () => undefined),
    ...(withSidePanel ? { setPanelBehavior: vi.fn(async () => undefined) } : {}),
    lastMode: async () => stored,
    rememberMode: async (m) => {
      stored = m;
    },
  };
  return a;
}

describe('applyPanelMode', () => {
  it('points the toolbar button at the side panel in side-panel-only mode, and back at the popup', async () => {
    const a = api(true);
    expect(await applyPanelMode(false, a)).toBe(false); // first run: nothing to tell the tabs
    expect(a.setPopup).toHaveBeenLastCalledWith(POPUP_PATH);
    expect(a.setPanelBehavior).toHaveBeenLastCalledWith(false);
    expect(await applyPanelMode(true, a)).toBe(true);
    expect(a.setPopup).toHaveBeenLastCalledWith('');
    expect(a.setPanelBehavior).toHaveBeenLastCalledWith(true);
    expect(await applyPanelMode(true, a)).toBe(false);
    expect(await applyPanelMode(false, a)).toBe(true);
    expect(a.setPopup).toHaveBeenLastCalledWith(POPUP_PATH);
  });

  it('works without Chrome’s sidePanel API (Firefox opens its sidebar from the button’s click)', async () => {
    const a = api(false);
    expect(await applyPanelMode(true, a)).toBe(false);
    expect(a.setPopup).toHaveBeenLastCalledWith('');
  });
});
