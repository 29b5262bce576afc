import { t } from '../../i18n';
import { emailHashForms, entryKeyAs, loadHashers } from '../../identifiers';
import type { Identifiers } from '../../messaging/types';
import {
  CHANNELS,
  type Channel,
  type EntryKind,
  reasonAllowsChannelScope,
  type SuppressionReason,
} from '../../vocab';
import { bucketOf } from '../buckets';
import type { HeedDb } from '../db';
import { addEntries, type EntryInput, findInBucket, removeEntry } from '../entries';

// Recording an opt-out by hand (the popup, a reply's offer) and taking it back. The receipt an undo works from is
// taken inside the write's own transaction: another page's import committed a moment earlier is already counted
// as present, and one committed a moment later waits for this write, so the receipt names only what this
// recording added.

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
  /** The batches this recording wrote: undo removes an entry only while it still belongs to one of them. */
  batchIds: number[];
  alreadyPresent: number;
  rejected: { value: string; kind: EntryKind; reason: string }[];
}

export class OptOutError extends Error {
  override name = 'OptOutError';
}

export interface OptOutInput {
  listId: string;
  reason: SuppressionReason;
  identifiers: Identifiers;
  hashEmails?: boolean;
  defaultCountry?: string;
  /** The day the person asked (a reply's date); today when absent. */
  since?: string;
  /** The rep's narrowing of the reason's channels; the reason's defaults when absent. */
  channels?: readonly Channel[];
}

async function present(db: HeedDb, listId: string, kind: EntryKind, key: string): Promise<boolean> {
  const rec = await db.buckets.get([listId, kind, bucketOf(kind, key)]);
  return findInBucket(rec, kind, key) >= 0;
}

/** Records an opt-out on one list; the receipt lets undo remove exactly what this recording added. */
export async function recordOptOut(db: HeedDb, input: OptOutInput): Promise<OptOutReceipt> {
  // Hashing loads a module: done before the transaction, which must not wait on anything but IndexedDB.
  const entries = await optOutEntries(input.identifiers, { hashEmails: input.hashEmails ?? false });
  if (entries.length === 0) throw new OptOutError('This page shows no identifier Heed could record.');
  const keys: { kind: EntryKind; key: string }[] = [];
  for (const e of entries) {
    const n = entryKeyAs(e.kind, e.value, input.defaultCountry);
    if (n.ok && !keys.some((f) => f.kind === e.kind && f.key === n.value))
      keys.push({ kind: e.kind, key: n.value });
  }
  const channels = recordedChannels(input.reason, input.channels);
  const { fresh, result } = await db.transaction(
    'rw',
    db.lists,
    db.buckets,
    db.batches,
    db.audit,
    async () => {
      const fresh: { kind: EntryKind; key: string }[] = [];
      for (const k of keys) if (!(await present(db, input.listId, k.kind, k.key))) fresh.push(k);
      const result = await addEntries(db, input.listId, entries, {
        reason: input.reason,
        ...(input.since ? { since: input.since } : {}),
        ...(channels ? { channels } : {}),
        source: 'manual',
        ...(input.defaultCountry ? { defaultCountry: input.defaultCountry } : {}),
      });
      return { fresh, result };
    },
  );
  if (result.added === 0 && result.alreadyPresent === 0) {
    const first = result.rejected[0];
    throw new OptOutError(
      first ? `Nothing recorded: ${first.kind} '${first.value}': ${first.reason}.` : 'Nothing recorded.',
    );
  }
  return {
    listId: input.listId,
    added: fresh,
    batchIds: result.batchIds,
    alreadyPresent: result.alreadyPresent,
    rejected: result.rejected,
  };
}

/**
 * Takes back what one recording added; returns how many entries were removed. An entry that no longer belongs
 * to the recording's batch (removed and imported again since, say) is someone else's now and stays.
 */
export async function undoOptOut(db: HeedDb, receipt: OptOutReceipt): Promise<number> {
  const ours = new Set(receipt.batchIds);
  return db.transaction('rw', db.lists, db.buckets, db.audit, async () => {
    let removed = 0;
    for (const e of receipt.added) {
      const rec = await db.buckets.get([receipt.listId, e.kind, bucketOf(e.kind, e.key)]);
      const i = findInBucket(rec, e.kind, e.key);
      if (!rec || i < 0 || !ours.has(rec.batchIds[i] as number)) continue;
      if (await removeEntry(db, receipt.listId, e.kind, e.key)) removed++;
    }
    return removed;
  });
}
