import { t } from '../i18n';
import { channelList } from '../i18n/words';
import { emailHashForms, entryKeyAs, loadHashers } from '../identifiers';
import type { Identifiers } from '../messaging/types';
import { bucketOf } from '../store/buckets';
import type { HeedDb } from '../store/db';
import { addEntries, type EntryInput, findInBucket, removeEntry } from '../store/entries';
import type { EntryKind } from '../store/schemas';
import { CHANNELS, type Channel, reasonAllowsChannelScope, type SuppressionReason } from '../vocab';

/** The reasons a rep can record from the popup, in the order shown; the first is the most common. */
export const OPT_OUT_REASONS: readonly { value: SuppressionReason; label: string }[] = [
  { value: 'objection', label: 'Objected to marketing' },
  { value: 'unsubscribe', label: 'Unsubscribed' },
  { value: 'erasure', label: 'Asked for erasure' },
  { value: 'do-not-call', label: 'Do not call' },
  { value: 'bounce', label: 'Bounced' },
  { value: 'complaint', label: 'Complained' },
];

export function reasonLabel(reason: SuppressionReason): string {
  return OPT_OUT_REASONS.find((r) => r.value === reason)?.label ?? reason;
}

const CHANNEL_NAME: Record<Channel, string> = {
  email: 'email',
  sms: 'SMS',
  phone: 'phone',
  post: 'post',
  inmail: 'InMail',
};

/**
 * The channels each reason blocks unless the list is narrower (issue 20, item 5): an unsubscribe or a bounce
 * concerns the address it came from, a do-not-call the number. An objection, erasure or complaint is absent:
 * it stops all direct marketing (GDPR Art. 21(2)-(3), Art. 17) and is never narrowed.
 */
export const REASON_DEFAULT_CHANNELS: Readonly<Partial<Record<SuppressionReason, readonly Channel[]>>> = {
  unsubscribe: ['email'],
  bounce: ['email'],
  'do-not-call': ['phone', 'sms'],
};

/** The channels the form preselects for a reason: its defaults, else every channel. */
export function defaultChannels(reason: SuppressionReason): Channel[] {
  return [...(REASON_DEFAULT_CHANNELS[reason] ?? CHANNELS)];
}

/**
 * The channels a recording with this reason stores on its batch; undefined: the list's scope (or every one).
 * `chosen` is the rep's narrowing (issue 20, item 5), ignored for a reason that may not be narrowed: an objection,
 * erasure or complaint covers every channel whatever the form sent.
 */
export function recordedChannels(
  reason: SuppressionReason,
  chosen?: readonly Channel[],
): Channel[] | undefined {
  if (!reasonAllowsChannelScope(reason)) return undefined;
  if (chosen) {
    const picked = CHANNELS.filter((c) => chosen.includes(c));
    if (picked.length === 0) throw new OptOutError(t('popup_optout_no_channel'));
    return picked.length === CHANNELS.length ? undefined : picked;
  }
  const d = REASON_DEFAULT_CHANNELS[reason];
  return d ? [...d] : undefined;
}

/**
 * The channels a recording with this reason on a list with these channels blocks: 'all', or a channel list.
 * Mirrors the lookup (lib/store/lookup.ts scopeOf): the reason's channels within the list's, never wider.
 */
export function channelsBlocked(
  reason: SuppressionReason,
  listChannels: readonly Channel[] | undefined,
  chosen?: readonly Channel[],
): 'all' | Channel[] {
  if (!reasonAllowsChannelScope(reason)) return 'all';
  const own = recordedChannels(reason, chosen);
  const list = listChannels && listChannels.length > 0 ? listChannels : undefined;
  if (!own) return list ? [...list] : 'all';
  if (!list) return own;
  const both = own.filter((c) => list.includes(c));
  return both.length > 0 ? both : [...list];
}

/** "every channel" or "email and SMS only", for saying what a recording will block before it is made. */
export function describeChannelsBlocked(blocked: 'all' | readonly Channel[]): string {
  if (blocked === 'all') return 'every channel';
  return `${joinAnd(blocked.map((c) => CHANNEL_NAME[c]))} only`;
}

function joinAnd(names: string[]): string {
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
}

/** The form's one sentence of what saving will block: "Will block: Email and SMS". */
export function willBlockSentence(blocked: 'all' | readonly Channel[]): string {
  return t(
    'popup_optout_will_block',
    blocked === 'all' ? t('popup_optout_every_channel', channelList(CHANNELS)) : channelList(blocked),
  );
}

/**
 * The entries that suppress this person: every identifier the page showed, nothing else (no name, no notes).
 * With `hashEmails`, emails are stored as the SHA-256 of their canonical form, which lookups also match.
 */
export async function optOutEntries(
  ids: Identifiers,
  opts: { hashEmails?: boolean } = {},
): Promise<EntryInput[]> {
  const out: EntryInput[] = [];
  for (const value of ids.profileUrls) out.push({ kind: 'profile', value });
  for (const value of ids.salesNavUrls) out.push({ kind: 'salesnav', value });
  const hasher = opts.hashEmails && ids.emails.length > 0 ? await loadHashers() : null;
  for (const value of ids.emails) {
    const n = hasher ? entryKeyAs('email', value) : null;
    const form = n?.ok ? emailHashForms(n.value)[0] : undefined;
    // An email that cannot be normalised is passed on as is, so addEntries reports it as rejected.
    if (hasher && form !== undefined) out.push({ kind: 'sha256', value: hasher.sha256(form) });
    else out.push({ kind: 'email', value });
  }
  for (const value of ids.phones) out.push({ kind: 'phone', value });
  return out;
}

export interface OptOutReceipt {
  listId: string;
  /** Entries this recording added (normalised), the only ones an undo removes. */
  added: { kind: EntryKind; key: string }[];
  alreadyPresent: number;
  rejected: { value: string; kind: EntryKind; reason: string }[];
}

export class OptOutError extends Error {
  override name = 'OptOutError';
}

async function present(db: HeedDb, listId: string, kind: EntryKind, key: string): Promise<boolean> {
  const rec = await db.buckets.get([listId, kind, bucketOf(kind, key)]);
  return findInBucket(rec, kind, key) >= 0;
}

/**
 * Records an opt-out on one list. Which entries were new is noted first, so that undo removes exactly what
 * this recording added and never an entry the list already had (from an import, say).
 */
export async function recordOptOut(
  db: HeedDb,
  input: {
    listId: string;
    reason: SuppressionReason;
    identifiers: Identifiers;
    hashEmails?: boolean;
    defaultCountry?: string;
    /** The day the person asked (a reply's date); today when absent. */
    since?: string;
    /** The rep's narrowing of the reason's channels; the reason's defaults when absent. */
    channels?: readonly Channel[];
  },
): Promise<OptOutReceipt> {
  // Checked first: a form that sent no channel records nothing rather than falling back to a default.
  const channels = recordedChannels(input.reason, input.channels);
  const entries = await optOutEntries(input.identifiers, { hashEmails: input.hashEmails ?? false });
  if (entries.length === 0) throw new OptOutError('This page shows no identifier Heed could record.');
  const fresh: { kind: EntryKind; key: string }[] = [];
  for (const e of entries) {
    const n = entryKeyAs(e.kind, e.value, input.defaultCountry);
    if (!n.ok || fresh.some((f) => f.kind === e.kind && f.key === n.value)) continue;
    if (!(await present(db, input.listId, e.kind, n.value))) fresh.push({ kind: e.kind, key: n.value });
  }
  const result = await addEntries(db, input.listId, entries, {
    reason: input.reason,
    ...(input.since ? { since: input.since } : {}),
    ...(channels ? { channels } : {}),
    source: 'manual',
    ...(input.defaultCountry ? { defaultCountry: input.defaultCountry } : {}),
  });
  if (result.added === 0 && result.alreadyPresent === 0) {
    const first = result.rejected[0];
    throw new OptOutError(
      first ? `Nothing recorded: ${first.kind} '${first.value}': ${first.reason}.` : 'Nothing recorded.',
    );
  }
  return {
    listId: input.listId,
    added: fresh,
    alreadyPresent: result.alreadyPresent,
    rejected: result.rejected,
  };
}

/** Takes back what one recording added; returns how many entries were removed. */
export async function undoOptOut(db: HeedDb, receipt: OptOutReceipt): Promise<number> {
  let removed = 0;
  for (const e of receipt.added) if (await removeEntry(db, receipt.listId, e.kind, e.key)) removed++;
  return removed;
}
