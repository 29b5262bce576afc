import type { z } from 'zod';
import { ContentRequestSchema, PageRequestSchema, RequestSchema } from '../messaging/schemas';
import type {
  Identifiers,
  LookupAnswer,
  PageHints,
  RecordAction,
  Reply,
  ReplyOptOut,
  Request,
  ScanAnswer,
  TabPerson,
  TabState,
  ToContent,
} from '../messaging/types';
import type { RateLimiter } from './rate-limit';

export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

export interface HandlerDeps {
  extensionId: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  extensionOrigin: string;
  lookup(identifiers: Identifiers, hints: PageHints): Promise<LookupAnswer>;
  scanPage(emails: string[], phones: string[]): Promise<ScanAnswer>;
  /** Re-reads the overdue request reminders shown on the toolbar icon. */
  refreshReminder(): Promise<void>;
  getTabState(tabId: number): Promise<TabState>;
  setTabState(tabId: number, state: TabState): Promise<void>;
  tabsWithPeople(): Promise<number[]>;
  showOnToolbar(tabId: number, answer: LookupAnswer | null): Promise<void>;
  sendToTab(tabId: number, message: ToContent): Promise<boolean>;
  openRecord(tabId: number, action: RecordAction): Promise<void>;
  injectScan(tabId: number): Promise<{ injected: boolean; error?: string }>;
  /** Opens the popup's opt-out form for a reply's sender, prefilled (absent: the surface is not wired). */
  openReplyOptOut?(tabId: number, offer: ReplyOptOut): Promise<void>;
  /** Notes a tab that shows person rows, so a store change refreshes its markers too. */
  noteRowsTab?(tabId: number): Promise<void>;
  limiter: RateLimiter;
}

type Origin =
  | { kind: 'extension-page' }
  | { kind: 'content'; tabId: number }
  | { kind: 'refused'; why: string };

/** Who sent this? Only our own pages count as trusted; a content script speaks for a possibly hostile page. */
export function classifySender(
  sender: MessageSender,
  deps: Pick<HandlerDeps, 'extensionId' | 'extensionOrigin'>,
): Origin {
  if (sender.id !== deps.extensionId) return { kind: 'refused', why: 'message from another extension' };
  const url = sender.url ?? '';
  const tabUrl = sender.tab?.url ?? url;
  if (url.startsWith(deps.extensionOrigin) && tabUrl.startsWith(deps.extensionOrigin))
    return { kind: 'extension-page' };
  if (url.startsWith(deps.extensionOrigin) && !sender.tab) return { kind: 'extension-page' };
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return { kind: 'refused', why: 'content message without a tab' };
  return { kind: 'content', tabId };
}

function describe(error: z.ZodError): string {
  const first = error.issues[0];
  return first
    ? `invalid message: ${first.path.join('.') || 'message'}: ${first.message}`
    : 'invalid message';
}

/** The background's single entry point: validate, check the sender, rate-limit, dispatch. Never throws. */
export async function handleMessage(
  raw: unknown,
  sender: MessageSender,
  deps: HandlerDeps,
): Promise<Reply<Request['type']>> {
  try {
    const origin = classifySender(sender, deps);
    if (origin.kind === 'refused') return { ok: false, error: `refused: ${origin.why}` };
    if (origin.kind === 'content') {
      const parsed = ContentRequestSchema.safeParse(raw);
      if (!parsed.success) {
        const isPageType = PageRequestSchema.safeParse(raw).success;
        return {
          ok: false,
          error: isPageType ? 'refused: content scripts may only look people up' : describe(parsed.error),
        };
      }
      if (!deps.limiter.take(`tab:${origin.tabId}`))
        return { ok: false, error: 'refused: too many look-ups, slow down' };
      const msg = parsed.data;
      switch (msg.type) {
        case 'lookup':
          return { ok: true, value: await deps.lookup(msg.identifiers, msg.hints) };
        case 'page-person':
          return { ok: true, value: await recordPagePerson(origin.tabId, msg.person, sender.tab?.url, deps) };
        case 'open-record':
          await deps.openRecord(origin.tabId, msg.action);
          return { ok: true, value: { opened: true } };
        case 'scan-page':
          return { ok: true, value: await deps.scanPage(msg.emails, msg.phones) };
        case 'lookup-rows': {
          await deps.noteRowsTab?.(origin.tabId);
          // Together: the reads overlap in IndexedDB, and the answers keep the rows' order.
          const answers = await Promise.all(msg.rows.map((r) => deps.lookup(r.identifiers, r.hints)));
          return { ok: true, value: answers };
        }
        case 'open-reply-opt-out':
          if (!deps.openReplyOptOut)
            return { ok: false, error: 'recording from a reply is not available here' };
          await deps.openReplyOptOut(origin.tabId, msg.offer);
          return { ok: true, value: { opened: true } };
      }
    }
    const parsed = RequestSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: describe(parsed.error) };
    const msg = parsed.data;
    switch (msg.type) {
      case 'lookup':
        return { ok: true, value: await deps.lookup(msg.identifiers, msg.hints) };
      case 'scan-page':
        return { ok: true, value: await deps.scanPage(msg.emails, msg.phones) };
      case 'tab-state':
        return { ok: true, value: await deps.getTabState(msg.tabId) };
      case 'store-changed': {
        await deps.refreshReminder();
        const tabs = await deps.tabsWithPeople();
        const sent = await Promise.all(tabs.map((t) => deps.sendToTab(t, { type: 'refresh' })));
        return { ok: true, value: { refreshed: sent.filter(Boolean).length } };
      }
      case 'scan-tab':
        return { ok: true, value: await deps.injectScan(msg.tabId) };
      case 'lookup-rows':
        return {
          ok: true,
          value: await Promise.all(msg.rows.map((r) => deps.lookup(r.identifiers, r.hints))),
        };
      case 'page-person':
      case 'open-record':
      case 'open-reply-opt-out':
        return { ok: false, error: `refused: ${msg.type} comes only from a page's content script` };
    }
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

async function recordPagePerson(
  tabId: number,
  person: TabPerson | null,
  url: string | undefined,
  deps: HandlerDeps,
): Promise<LookupAnswer | null> {
  const answer = person ? await deps.lookup(person.identifiers, person.hints) : null;
  // The birthday was only needed for that answer (the user's own profile); it is not kept with the tab.
  const kept = person?.hints.birthday ? { ...person, hints: withoutBirthday(person.hints) } : person;
  await deps.setTabState(tabId, { person: kept, answer, ...(url ? { url } : {}) });
  await deps.showOnToolbar(tabId, answer);
  return answer;
}

function withoutBirthday(hints: PageHints): PageHints {
  const { birthday: _dropped, ...rest } = hints;
  return rest;
}
