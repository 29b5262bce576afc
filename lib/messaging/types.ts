// Types only: the content script imports this file, and must not pull Zod into its bundle.
// The schemas that validate these shapes at the receiver live in ./schemas.ts.
import type { Channel, Level } from '../vocab';

export type PageSource = 'linkedin-profile' | 'linkedin-salesnav' | 'github' | 'generic';

export interface Identifiers {
  emails: string[];
  profileUrls: string[];
  salesNavUrls: string[];
  phones: string[];
  /** Company or website domains (the popup's quick check); content scripts send none. */
  domains?: string[];
}

export interface PageHints {
  source: PageSource;
  country?: string;
  name?: string;
  /** Shown by a contact-info overlay; used only to tell users what their own profile shows, never stored. */
  birthday?: string;
}

export type BadgeLevel = Level | 'unknown';
export type ChannelVerdict = 'allowed' | 'check' | 'blocked';

export interface AnswerReason {
  code: string;
  level: Level | 'info';
  channels: Channel[];
  message: string;
  citation: string;
}

export interface AnswerMatch {
  listName: string;
  kind: string;
  match: 'exact' | 'possible';
  via: string;
  reason: string;
  since: string;
}

/** What the background tells a page or the popup about one person. Holds no identifier beyond what was asked. */
export interface LookupAnswer {
  level: BadgeLevel;
  /** One line a sales rep reads at a glance. */
  summary: string;
  channels: Record<Channel, ChannelVerdict>;
  reasons: AnswerReason[];
  deadlines: { code: string; due: string; citation: string }[];
  matches: AnswerMatch[];
  /** What to record to turn the `check`s into firm answers. */
  toRecord: string[];
  hasContact: boolean;
  /** True when the level comes only from the default policy (nothing recorded about this person). */
  fromDefaults: boolean;
  /** Present when this is the user's own profile (My data): what its contact info shows, and the settings for it. */
  self?: { lines: string[]; links: { label: string; href: string }[] };
}

/** One address found by a page scan, with the level and one line: markers show no more than that. */
export interface EmailVerdict {
  email: string;
  level: BadgeLevel;
  summary: string;
  /** One of the user's own identities (My data), shown as theirs rather than as a prospect. */
  mine?: boolean;
}

export interface ScanAnswer {
  emails: EmailVerdict[];
  /** The phone numbers, as the page wrote them, that are the user's own. */
  myPhones: string[];
}

/** What a scan found, for the popup: counts only, and the user's own identifiers. */
export interface ScanSummary {
  emails: number;
  phones: number;
  mine: string[];
}

export interface TabPerson {
  identifiers: Identifiers;
  hints: PageHints;
}

export interface TabState {
  person: TabPerson | null;
  answer: LookupAnswer | null;
  url?: string;
}

export type RecordAction = 'opt-out' | 'lawful-basis';

/**
 * What a reply's opt-out offer hands to the popup: who (the sender's address or profile), when (the reply's date)
 * and which curated phrase matched. Never the message text.
 */
export interface ReplyOptOut {
  sender: { email?: string; profileUrl?: string };
  /** The reply's date, YYYY-MM-DD. */
  since: string;
  /** A curated phrase id (lib/replies/phrases.ts), e.g. `en.remove-me`. */
  phraseId: string;
  reason: 'objection' | 'unsubscribe';
}

/** Messages a content script may send. Anything else from a web page is refused. */
export type ContentRequest =
  | { type: 'lookup'; identifiers: Identifiers; hints: PageHints }
  | { type: 'page-person'; person: TabPerson | null }
  | { type: 'open-record'; action: RecordAction }
  | { type: 'scan-page'; emails: string[]; phones: string[] }
  /** The person rows of a list page (search results, lead lists, an organisation's members), ≤ 50 at a time. */
  | { type: 'lookup-rows'; rows: TabPerson[] }
  /** The user clicked "Record opt-out" on a reply: open the popup's form for the sender, prefilled. */
  | { type: 'open-reply-opt-out'; offer: ReplyOptOut };

/** Messages only the extension's own pages may send. */
export type PageRequest =
  | { type: 'tab-state'; tabId: number }
  | { type: 'store-changed' }
  | { type: 'scan-tab'; tabId: number };

export type Request = ContentRequest | PageRequest;

export interface ResponseMap {
  lookup: LookupAnswer;
  'page-person': LookupAnswer | null;
  'open-record': { opened: boolean };
  'scan-page': ScanAnswer;
  'lookup-rows': LookupAnswer[];
  'open-reply-opt-out': { opened: boolean };
  'tab-state': TabState;
  'store-changed': { refreshed: number };
  'scan-tab': { injected: boolean; error?: string; summary?: ScanSummary };
}

export type Reply<T extends Request['type']> =
  | { ok: true; value: ResponseMap[T] }
  | { ok: false; error: string };

/** Messages the background sends to content scripts. */
export type ToContent = { type: 'refresh' };
