import type { RecordAction } from '../messaging/types';

export interface PopupParams {
  /** The tab the popup speaks about, when the background opened it for one (`?tabId=12`). */
  tabId: number | null;
  /** A form to open at once (`&action=opt-out`), from the on-page badge's record buttons. */
  action: RecordAction | null;
  /**
   * With `action`: the background's note of who the badge showed at the click (`&ticket=<uuid>`), so the form is
   * about that person even if the page has moved on before the window loaded.
   */
  ticket: string | null;
}

const ACTIONS: readonly RecordAction[] = ['opt-out', 'lawful-basis'];

/** Reads the popup's query string; anything malformed is ignored rather than trusted. */
export function parseParams(search: string): PopupParams {
  const q = new URLSearchParams(search);
  const rawTab = q.get('tabId');
  const tabId = rawTab !== null && /^\d{1,10}$/.test(rawTab) ? Number(rawTab) : null;
  const rawAction = q.get('action');
  const action = ACTIONS.find((a) => a === rawAction) ?? null;
  const rawTicket = q.get('ticket');
  const ticket = action && rawTicket && /^[0-9a-f-]{36}$/.test(rawTicket) ? rawTicket : null;
  return { tabId: tabId !== null && Number.isSafeInteger(tabId) ? tabId : null, action, ticket };
}

/**
 * The tab to describe: the one named in the URL, else the active tab of the window the popup was opened from.
 * Null when there is none (a devtools window, a browser page with no tab id).
 */
export async function resolveTabId(
  params: PopupParams,
  activeTabs: () => Promise<readonly { id?: number }[]>,
): Promise<number | null> {
  if (params.tabId !== null) return params.tabId;
  const [tab] = await activeTabs();
  return tab?.id !== undefined && tab.id >= 0 ? tab.id : null;
}
