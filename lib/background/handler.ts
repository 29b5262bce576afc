import type { z } from 'zod';
import { ContentRequestSchema, PageRequestSchema, RequestSchema } from '../messaging/schemas';
import type {
  BadgeAnswer,
  ContentMode,
  ContentRequest,
  Identifiers,
  LookupAnswer,
  PageHints,
  RecordAction,
  Reply,
  ReplyOptOut,
  Request,
  ScanAnswer,
  ScanTabResult,
  SendConfig,
  SendRecipient,
  SendSite,
  SendVerdict,
  TabPerson,
  TabState,
  ToContent,
} from '../messaging/types';
import { toBadgeAnswer } from './badge-answer';
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
  /** Resolves to false when the state was not stored because the tab has moved on to another URL. */
  setTabState(tabId: number, state: TabState): Promise<boolean | undefined>;
  tabsWithPeople(): Promise<number[]>;
  showOnToolbar(tabId: number, answer: LookupAnswer | null): Promise<void>;
  sendToTab(tabId: number, message: ToContent): Promise<boolean>;
  openRecord(tabId: number, action: RecordAction): Promise<void>;
  /** Whether the rep chose side-panel-only mode (settings), for content scripts. */
  contentMode(): Promise<ContentMode>;
  /** The `page_` messages in the language of the settings (content scripts carry no catalog). */
  pageStrings(): Promise<Record<string, string>>;
  /** Applies the mode to the toolbar button; true when it changed since last applied. */
  applyContentMode(): Promise<boolean>;
  /** Every open tab, for a change of mode: a tab that shows nobody yet must still stop drawing badges. */
  allTabs(): Promise<number[]>;
  injectScan(tabId: number): Promise<ScanTabResult>;
  /** Opens the popup's opt-out form for a reply's sender, prefilled (absent: the surface is not wired). */
  openReplyOptOut?(tabId: number, offer: ReplyOptOut): Promise<void>;
  /** Notes a tab that shows person rows, so a store change refreshes its markers too. */
  noteRowsTab?(tabId: number): Promise<void>;
  limiter: RateLimiter;
  /** The send-time check in mail and messaging compose boxes (absent: those messages are refused). */
  send?: SendDeps;
}

export interface SendDeps {
  config(site: SendSite): Promise<SendConfig>;
  verdicts(site: SendSite, recipients: SendRecipient[]): Promise<SendVerdict[]>;
  /** Writes the override to the audit log (recipients and the typed reason, never the message); returns events written. */
  override(site: SendSite, recipients: SendRecipient[], reason: string): Promise<number>;
  /** Tabs holding a checked compose box, told to look again when the store changes. */
  rememberTab?(tabId: number): Promise<void>;
  tabs?(): Promise<number[]>;
}

type SendRequest = Extract<Request, { type: 'send-config' | 'send-recipients' | 'send-override' }>;

async function handleSend(
  msg: SendRequest,
  deps: HandlerDeps,
  tabId?: number,
): Promise<Reply<Request['type']>> {
  const send = deps.send;
  if (!send) return { ok: false, error: 'refused: the send check is not available here' };
  if (tabId !== undefined) await send.rememberTab?.(tabId);
  switch (msg.type) {
    case 'send-config':
      return { ok: true, value: await send.config(msg.site) };
    case 'send-recipients':
      return { ok: true, value: await send.verdicts(msg.site, msg.recipients) };
    case 'send-override':
      return { ok: true, value: { logged: await send.override(msg.site, msg.recipients, msg.reason) } };
  }
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

/**
 * How many identifiers a content message asks about: the rate limit counts these, since one message may carry
 * hundreds. Messages that look nothing up still cost one, so a flood of them is limited too.
 */
export function lookupCost(msg: ContentRequest): number {
  switch (msg.type) {
    case 'page-person': {
      const ids = msg.person?.identifiers;
      if (!ids) return 1;
      const n = ids.emails.length + ids.profileUrls.length + ids.salesNavUrls.length + ids.phones.length;
      return Math.max(1, n + (ids.domains?.length ?? 0));
    }
    case 'scan-page':
      return Math.max(1, msg.emails.length + msg.phones.length);
    case 'send-recipients':
    case 'send-override':
      return Math.max(1, msg.recipients.length);
    case 'lookup-rows':
      return Math.max(
        1,
        msg.rows.reduce((n, r) => n + lookupCost({ type: 'page-person', person: r }), 0),
      );
    case 'open-record':
    case 'open-reply-opt-out':
    case 'content-mode':
    case 'page-strings':
    case 'send-config':
      return 1;
  }
}

/** The rate-limit buckets a content message draws on: its tab's, and its site's (shared by all its tabs). */
function limitKeys(tabId: number, sender: MessageSender): string[] {
  const keys = [`tab:${tabId}`];
  try {
    const origin = new URL(sender.url ?? sender.tab?.url ?? '').origin;
    if (origin && origin !== 'null') keys.push(`site:${origin}`);
  } catch {
    // no usable URL: the tab's bucket alone
  }
  return keys;
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
      const msg = parsed.data;
      if (!deps.limiter.take(limitKeys(origin.tabId, sender), lookupCost(msg)))
        return { ok: false, error: 'refused: too many look-ups, slow down' };
      switch (msg.type) {
        case 'page-person': {
          const answer = await recordPagePerson(origin.tabId, msg.person, sender.tab?.url, deps);
          // The tab state (for the popup) keeps the full answer; the page's content script gets what it shows.
          const value: BadgeAnswer | null = answer ? toBadgeAnswer(answer) : null;
          return { ok: true, value };
        }
        case 'open-record':
          await deps.openRecord(origin.tabId, msg.action);
          return { ok: true, value: { opened: true } };
        case 'content-mode':
          return { ok: true, value: await deps.contentMode() };
        case 'page-strings':
          return { ok: true, value: await deps.pageStrings() };
        case 'scan-page':
          return { ok: true, value: await deps.scanPage(msg.emails, msg.phones) };
        case 'send-config':
        case 'send-recipients':
        case 'send-override':
          return await handleSend(msg, deps, origin.tabId);
        case 'lookup-rows': {
          await deps.noteRowsTab?.(origin.tabId);
          // Together: the reads overlap in IndexedDB, and the answers keep the rows' order.
          const answers = await Promise.all(msg.rows.map((r) => deps.lookup(r.identifiers, r.hints)));
          // A row marker shows what the badge shows: the page's renderer gets no list names or dates.
          return { ok: true, value: answers.map(toBadgeAnswer) };
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
      case 'store-changed':
        return { ok: true, value: { refreshed: await refreshAfterStoreChange(deps) } };
      case 'scan-tab':
        return { ok: true, value: await deps.injectScan(msg.tabId) };
      case 'content-mode':
        return { ok: true, value: await deps.contentMode() };
      case 'page-strings':
        return { ok: true, value: await deps.pageStrings() };
      case 'lookup-rows':
        return {
          ok: true,
          value: (await Promise.all(msg.rows.map((r) => deps.lookup(r.identifiers, r.hints)))).map(
            toBadgeAnswer,
          ),
        };
      case 'send-config':
      case 'send-recipients':
        return await handleSend(msg, deps);
      case 'page-person':
      case 'open-record':
      case 'send-override':
      case 'open-reply-opt-out':
        return { ok: false, error: `refused: ${msg.type} comes only from a page's content script` };
    }
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * After a write to the store (a page's, told by 'store-changed', or the background's own, see write-feed.ts): the
 * toolbar reminder, the side-panel mode, and every tab showing a verdict, a row marker or a compose check are
 * worked out again. Returns how many tabs were told.
 */
export async function refreshAfterStoreChange(
  deps: Pick<
    HandlerDeps,
    'refreshReminder' | 'applyContentMode' | 'allTabs' | 'tabsWithPeople' | 'sendToTab' | 'send'
  >,
): Promise<number> {
  await deps.refreshReminder();
  const base = (await deps.applyContentMode()) ? await deps.allTabs() : await deps.tabsWithPeople();
  const tabs = [...new Set([...base, ...((await deps.send?.tabs?.()) ?? [])])];
  const sent = await Promise.all(tabs.map((t) => deps.sendToTab(t, { type: 'refresh' })));
  return sent.filter(Boolean).length;
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
  const stored = await deps.setTabState(tabId, { person: kept, answer, ...(url ? { url } : {}) });
  // An answer for a page the tab has left must not reach the toolbar: it would be the last person's verdict.
  if (stored !== false) await deps.showOnToolbar(tabId, answer);
  return answer;
}

function withoutBirthday(hints: PageHints): PageHints {
  const { birthday: _dropped, ...rest } = hints;
  return rest;
}
