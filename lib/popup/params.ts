import type { RecordAction, ReplyOptOut, TabPerson } from '../messaging/types';

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
  /** A reply's opt-out offer (`&from=reply&email=…&since=…&reason=…&phrase=…`): the sender replaces the tab's person. */
  reply?: ReplyOptOut;
}

const ACTIONS: readonly RecordAction[] = ['opt-out', 'lawful-basis'];

/** Reads the popup's query string; anything malformed is ignored rather than trusted. */
export function parseParams(search: string): PopupParams {
  const q = new URLSearchParams(search);
  const rawTab = q.get('tabId');
  const tabId = rawTab !== null && /^\d{1,10}$/.test(rawTab) ? Number(rawTab) : null;
  const rawAction = q.get('action');
  const action = ACTIONS.find((a) => a === rawAction) ?? null;
  const reply = q.get('from') === 'reply' ? parseReply(q) : null;
  const rawTicket = q.get('ticket');
  const ticket = action && rawTicket && /^[0-9a-f-]{36}$/.test(rawTicket) ? rawTicket : null;
  return {
    tabId: tabId !== null && Number.isSafeInteger(tabId) ? tabId : null,
    action,
    ticket,
    ...(reply ? { reply } : {}),
  };
}

function parseReply(q: URLSearchParams): ReplyOptOut | null {
  const email = q.get('email') ?? '';
  const profileUrl = q.get('profile') ?? '';
  const since = q.get('since') ?? '';
  const phraseId = q.get('phrase') ?? '';
  const reason = q.get('reason');
  if (!email && !profileUrl) return null;
  if (email.length > 320 || profileUrl.length > 2048) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(since) || Number.isNaN(Date.parse(since))) return null;
  if (!/^[a-z]{2}\.[a-z0-9-]{1,40}$/.test(phraseId)) return null;
  if (reason !== 'objection' && reason !== 'unsubscribe') return null;
  return {
    sender: { ...(email ? { email } : {}), ...(profileUrl ? { profileUrl } : {}) },
    since,
    phraseId,
    reason,
  };
}

/** The popup query that opens the opt-out form for a reply's sender (built by the background). */
export function replyQuery(tabId: number, offer: ReplyOptOut): string {
  const q = new URLSearchParams({ tabId: String(tabId), action: 'opt-out', from: 'reply' });
  if (offer.sender.email) q.set('email', offer.sender.email);
  if (offer.sender.profileUrl) q.set('profile', offer.sender.profileUrl);
  q.set('since', offer.since);
  q.set('reason', offer.reason);
  q.set('phrase', offer.phraseId);
  return q.toString();
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

/** The person a reply's offer is about: only the sender's address or profile, as the thread showed it. */
export function replyPerson(reply: ReplyOptOut): TabPerson {
  return {
    identifiers: {
      emails: reply.sender.email ? [reply.sender.email] : [],
      profileUrls: reply.sender.profileUrl ? [reply.sender.profileUrl] : [],
      salesNavUrls: [],
      phones: [],
    },
    hints: {
      source: reply.sender.profileUrl ? 'linkedin-profile' : 'generic',
      name: reply.sender.email ?? reply.sender.profileUrl ?? '',
    },
  };
}
