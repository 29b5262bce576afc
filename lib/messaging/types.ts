// Types only: the content script imports this file, and must not pull Zod into its bundle. What a sender sends is
// inferred from the schemas that check it at the receiver (./schemas.ts) through type-only imports, which leave
// nothing in a bundle; what the background answers is written here.
import type { z } from 'zod';
import type { ReasonCode } from '../risk/codes';
import type { Channel, ChannelVerdict, Level } from '../vocab';

import type {
  ContentRequestSchema,
  IdentifiersSchema,
  PageHintsSchema,
  PageRequestSchema,
  ReplyOptOutSchema,
  SendRecipientSchema,
  SendSiteSchema,
  TabPersonSchema,
} from './schemas';

/** A person's identifiers as a page shows them. `domains`: the popup's quick check; content scripts send none. */
export type Identifiers = z.infer<typeof IdentifiersSchema>;

/**
 * What the page says beside the identifiers. `birthday` (from a contact-info overlay) only tells users what their
 * own profile shows and is never stored; `contactVisibility` is how the person's contact details are visible to the
 * viewer (details seen only through a connection were not lawfully collectable for prospecting: CNIL, KASPR);
 * `employer` is compared with the one recorded (issue 20, item 10).
 */
export type PageHints = z.infer<typeof PageHintsSchema>;

export type BadgeLevel = Level | 'unknown';

/** A reason's code: the risk engine's, or `possible-match` (an address variant on a list, lib/verdict/answer.ts). */
export type AnswerReasonCode = ReasonCode | 'possible-match';

export interface AnswerReason {
  code: AnswerReasonCode;
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
  /** The plain sentence shown first (issue 20, item 1): "Don't email — unsubscribed 30 Nov. Calls OK." */
  plain?: string;
  channels: Record<Channel, ChannelVerdict>;
  reasons: AnswerReason[];
  deadlines: { code: string; due: string; citation: string }[];
  matches: AnswerMatch[];
  /** What to record to turn the `check`s into firm answers. */
  toRecord: string[];
  hasContact: boolean;
  /** True when the level comes only from the default policy (nothing recorded about this person). */
  fromDefaults: boolean;
  /** The recipient's time zone the calling-hours rules were judged in, and where it came from. */
  assumedTimeZone?: { zone: string; from: 'recorded' | 'country' | 'browser' };
  /** Present when this is the user's own profile (My data): what its contact info shows, and the settings for it. */
  self?: { lines: string[]; links: { label: string; href: string }[] };
}

/**
 * What the on-page badge renders, and all a content script learns about the person (issue 19, finding 9): the
 * level, the channels and the reasons, but not which lists, since when, or the deadlines' dates. Those stay in
 * the extension's own pages (the popup reads the full answer from the tab state).
 */
export interface BadgeAnswer {
  level: BadgeLevel;
  summary: string;
  /** The plain sentence, without dates (those stay in the popup). */
  plain?: string;
  channels: Record<Channel, ChannelVerdict>;
  reasons: { message: string; citation: string }[];
  toRecord: string[];
  fromDefaults: boolean;
  /** How many of the user's lists hold this person exactly, and how many only possibly (an address variant). */
  onLists: { exact: number; possible: number };
  /** How many legal deadlines run for this person; their dates are in the popup. */
  deadlines: number;
  self?: LookupAnswer['self'];
}

/** One address found by a page scan, with the level and one line: markers show no more than that. */
export interface EmailVerdict {
  email: string;
  level: BadgeLevel;
  summary: string;
  /** One of the user's own identities (My data), shown as theirs rather than as a prospect. */
  mine?: boolean;
}

/** What one scan marker shows: no identifier, since the content script sent them and keeps their order. */
export interface MarkVerdict {
  level: BadgeLevel;
  summary: string;
  /** One of the user's own identifiers (My data), shown as theirs rather than as a prospect. */
  mine?: boolean;
}

/** A page scan's answer, one verdict per address and per number, in the order they were asked. */
export interface ScanAnswer {
  emails: MarkVerdict[];
  phones: MarkVerdict[];
}

/** What a scan found, for the popup: counts only, and the user's own identifiers. */
export interface ScanSummary {
  emails: number;
  phones: number;
  mine: string[];
}

/** A scan started from the popup or side panel. `list` only in side-panel-only mode, where the page is not marked. */
export interface ScanTabResult {
  injected: boolean;
  error?: string;
  summary?: ScanSummary;
  list?: ScanList;
}

/** A scan's verdicts next to what was found, for extension pages only (content scripts get {@link ScanAnswer}). */
export interface ScanList {
  emails: (MarkVerdict & { email: string })[];
  phones: (MarkVerdict & { phone: string })[];
}

export type TabPerson = z.infer<typeof TabPersonSchema>;

export interface TabState {
  person: TabPerson | null;
  answer: LookupAnswer | null;
  url?: string;
}

/**
 * `sidePanelOnly`: the rep asked Heed to leave no trace on pages. The content script reads the page and reports
 * the person, and inserts, dispatches and posts nothing.
 */
export interface ContentMode {
  sidePanelOnly: boolean;
}

/** Messages a content script may send (ContentRequestSchema says which and why). */
export type ContentRequest = z.infer<typeof ContentRequestSchema>;
/** Messages only the extension's own pages may send. */
export type PageRequest = z.infer<typeof PageRequestSchema>;
export type RecordAction = Extract<ContentRequest, { type: 'open-record' }>['action'];
/** What a reply's opt-out offer hands to the popup (ReplyOptOutSchema): who, when and which phrase. */
export type ReplyOptOut = z.infer<typeof ReplyOptOutSchema>;

export type Request = ContentRequest | PageRequest;

export interface ResponseMap {
  lookup: LookupAnswer;
  'page-person': BadgeAnswer | null;
  'open-record': { opened: boolean };
  'content-mode': ContentMode;
  'page-strings': Record<string, string>;
  'scan-page': ScanAnswer;
  'lookup-rows': BadgeAnswer[];
  'open-reply-opt-out': { opened: boolean };
  'tab-state': TabState;
  'store-changed': { refreshed: number };
  'scan-tab': ScanTabResult;
  'send-config': SendConfig;
  'send-recipients': SendVerdict[];
  'send-override': { logged: number };
}

export type Reply<T extends Request['type']> =
  | { ok: true; value: ResponseMap[T] }
  | { ok: false; error: string };

/** Messages the background sends to content scripts. */
export type ToContent = { type: 'refresh' };

// ---- Send-time check (Gmail, Outlook on the web, LinkedIn messaging) ----------------------------------------

/** The sites whose compose boxes Heed checks at send time; each can be switched off in Settings. */
export type SendSite = z.infer<typeof SendSiteSchema>;

/** A compose box's verdict, the worst of its recipients'. `unknown`: no address to look up (a name only). */
export type SendState = 'blocked' | 'check' | 'ok' | 'unknown';

/** One recipient to look up: exactly one identifier. */
export type SendRecipient = z.infer<typeof SendRecipientSchema>;

/** What the compose box shows about one recipient: the verdict for the channel the site sends on, and why. */
export interface SendVerdict {
  state: SendState;
  /** One line. */
  summary: string;
  reasons: { message: string; citation: string }[];
  matches: { listName: string; via: string; reason: string; since: string }[];
}

export interface SendConfig {
  /** False when the user switched the send check off for this site. */
  enabled: boolean;
  /** Recipients to check (not blocked) also stop the send until confirmed. */
  stopOnCheck: boolean;
}
