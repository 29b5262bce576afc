import { z } from 'zod';
import { IdentifiersSchema, PageHintsSchema } from '../messaging/schemas';
import type { TabPerson, TabState } from '../messaging/types';

// Per-tab state lives in storage.session: it survives the service worker being stopped, is never written to
// disk, and is cleared with the browser session.
/** The storage.session key of a tab's state; pages watch it with storage.onChanged to follow the tab live. */
export const tabStateKey = (tabId: number) => `tab:${tabId}`;
/** Who the on-page badge showed when its Record button was clicked (see rememberRecordSubject). */
const recordSubjectKey = (tabId: number) => `record:${tabId}`;

export async function getTabState(tabId: number): Promise<TabState> {
  const got = await browser.storage.session.get(tabStateKey(tabId));
  return (got[tabStateKey(tabId)] as TabState | undefined) ?? { person: null, answer: null };
}

export async function setTabState(tabId: number, state: TabState): Promise<void> {
  if (!state.person) await browser.storage.session.remove(tabStateKey(tabId));
  else await browser.storage.session.set({ [tabStateKey(tabId)]: state });
}

// A list page (search results) has no one person, so its tab keeps no state; this mark only says that its row
// markers need a refresh when the store changes.
const rowsTabKey = (tabId: number) => `rows:${tabId}`;

export async function noteRowsTab(tabId: number): Promise<void> {
  await browser.storage.session.set({ [rowsTabKey(tabId)]: true });
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove([tabStateKey(tabId), rowsTabKey(tabId)]);
}

/** The tab closed: nothing about it is kept, including who its last record window was for. */
export async function tabClosed(tabId: number): Promise<void> {
  await browser.storage.session.remove([tabStateKey(tabId), recordSubjectKey(tabId)]);
}

/**
 * The tab's URL changed (a navigation, or a page's history.pushState): the person kept for its old URL no longer
 * describes what it shows, so it is forgotten, unless the content script has already reported for the new URL.
 * `url` is undefined when Heed may not read the tab's address (a site it has no access to): nothing Heed
 * recorded can describe that page. Returns whether a person was forgotten.
 */
export async function tabNavigated(tabId: number, url: string | undefined): Promise<boolean> {
  const state = await getTabState(tabId);
  // No person kept means no verdict on the toolbar either: the tab shows the default (the reminder count).
  if (!state.person) return false;
  if (url !== undefined && state.url === url) return false;
  await forgetTab(tabId);
  return true;
}

/**
 * Follows a tab to a new URL: forgets its person, clears the toolbar at once (so it never shows the previous
 * person's verdict), then asks the page's content script, if any is still there, to report whoever it shows now.
 */
export async function followNavigation(
  tabId: number,
  url: string | undefined,
  deps: { clearToolbar(tabId: number): Promise<void>; askToReport(tabId: number): Promise<unknown> },
): Promise<void> {
  if (!(await tabNavigated(tabId, url))) return;
  await deps.clearToolbar(tabId);
  if (url !== undefined) await deps.askToReport(tabId);
}

/**
 * Whether a person's state may still be stored for the tab: a look-up answered after the tab moved on (the page
 * reported, then navigated while the answer was computed) describes a page no longer shown, and is dropped.
 */
export function stillShowing(state: TabState, currentUrl: string | undefined): boolean {
  return state.url === undefined || currentUrl === undefined || state.url === currentUrl;
}

/**
 * Notes who the tab shows as the badge's Record button is clicked, and returns a ticket for the record window's
 * URL. The window's form is about this person, whatever the tab shows by the time it has loaded.
 */
export async function rememberRecordSubject(tabId: number): Promise<string | null> {
  const { person } = await getTabState(tabId);
  if (!person) return null;
  const ticket = crypto.randomUUID();
  await browser.storage.session.set({ [recordSubjectKey(tabId)]: { ticket, person } });
  return ticket;
}

const TicketSchema = z.object({
  ticket: z.string(),
  person: z.object({ identifiers: IdentifiersSchema, hints: PageHintsSchema }),
});

/** The person a record window's ticket names, or null when the ticket is not the tab's latest (or is malformed). */
export async function recordSubject(tabId: number, ticket: string): Promise<TabPerson | null> {
  const got = await browser.storage.session.get(recordSubjectKey(tabId));
  const parsed = TicketSchema.safeParse(got[recordSubjectKey(tabId)]);
  return parsed.success && parsed.data.ticket === ticket ? (parsed.data.person as TabPerson) : null;
}

export async function tabsWithPeople(): Promise<number[]> {
  const all = await browser.storage.session.get(null);
  const ids = Object.keys(all)
    .map((k) => /^(?:tab|rows):(\d+)$/.exec(k)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
  return [...new Set(ids)];
}
