/** The browser calls that decide what the toolbar button opens. */
export interface PanelApi {
  /** `action.setPopup`: '' makes a click reach `action.onClicked` (Firefox) or the side panel (Chrome). */
  setPopup(popup: string): Promise<void>;
  /** Chrome's `sidePanel.setPanelBehavior({ openPanelOnActionClick })`; absent in Firefox. */
  setPanelBehavior?(openPanelOnActionClick: boolean): Promise<void>;
  /** The mode last applied (kept in storage.session, so a restarted service worker still knows it). */
  lastMode(): Promise<boolean | undefined>;
  rememberMode(sidePanelOnly: boolean): Promise<void>;
}

export const POPUP_PATH = 'popup.html';

/**
 * Points the toolbar button at the side panel (side-panel-only mode) or the popup. Returns true when the mode
 * differs from the one applied before, so the caller can tell every tab's content script to take it up.
 */
export async function applyPanelMode(sidePanelOnly: boolean, api: PanelApi): Promise<boolean> {
  await api.setPopup(sidePanelOnly ? '' : POPUP_PATH);
  await api.setPanelBehavior?.(sidePanelOnly);
  const before = await api.lastMode();
  await api.rememberMode(sidePanelOnly);
  return before !== undefined && before !== sidePanelOnly;
}
