import { translated } from '../i18n';
import { bytesToHex } from '../identifiers/hash';
import { canonicalJson, liveBuckets, pauser } from '../store/backup';
import { isHashed } from '../store/buckets';
import type { HeedDb } from '../store/db';
import {
  type BucketRecord,
  type Contact,
  DIGEST_BYTES,
  type Settings,
  type SuppressionList,
} from '../store/schemas';
import { CHANNELS, type Channel, type EntryKind } from '../vocab';

// What a restore would do to the lists, list by list, for the confirmation before anything is replaced:
// a restore replaces everything, so a list that is only here now is about to disappear.

export interface ListChange {
  name: string;
  change: 'removed' | 'added' | 'changed' | 'same';
  entriesNow: number;
  entriesAfter: number;
}

export function diffLists(
  current: readonly SuppressionList[],
  backup: readonly SuppressionList[],
): ListChange[] {
  const after = new Map(backup.map((l) => [l.id, l]));
  const out: ListChange[] = [];
  for (const now of current) {
    const b = after.get(now.id);
    if (!b) {
      out.push({ name: now.name, change: 'removed', entriesNow: now.counts.total, entriesAfter: 0 });
      continue;
    }
    after.delete(now.id);
    const same =
      b.name === now.name &&
      b.counts.total === now.counts.total &&
      b.updatedAt === now.updatedAt &&
      (b.channels ?? []).join() === (now.channels ?? []).join();
    out.push({
      name: b.name === now.name ? now.name : `${now.name} → ${b.name}`,
      change: same ? 'same' : 'changed',
      entriesNow: now.counts.total,
      entriesAfter: b.counts.total,
    });
  }
  for (const b of after.values()) {
    out.push({ name: b.name, change: 'added', entriesNow: 0, entriesAfter: b.counts.total });
  }
  const order = { removed: 0, changed: 1, added: 2, same: 3 } as const;
  return out.sort((a, b) => order[a.change] - order[b.change] || a.name.localeCompare(b.name));
}

// ---- Whose verdict a restore changes ------------------------------------------------------------------
//
// A backup's counts can look harmless while its entries differ: the checksum is public, so anyone can edit
// a file and re-seal it. Before a restore the user sees, entry by entry, who would stop being suppressed,
// who would start, and whose consent or lawful-basis record would change.

/** What the diff needs of one side: the lists (for names and scope), their entries and the contact records. */
export interface RestoreSide {
  lists: readonly SuppressionList[];
  buckets: readonly BucketRecord[];
  contacts: readonly Contact[];
}

export interface ListEntryChange {
  listId: string;
  name: string;
  /** Entries the list holds now and would not after the restore. */
  removed: number;
  added: number;
}

export interface LostSuppression {
  kind: EntryKind;
  value: string;
  /** Channels the identifier is blocked on now and would not be after. */
  channels: Channel[];
}

export interface ConsentChange {
  /** 'email:…', 'phone:…' and so on: the identifier a lookup would find the record under. */
  identifier: string;
  change: 'gains' | 'loses' | 'changes';
}

export interface VerdictDiff {
  lists: ListEntryChange[];
  /** Identifiers blocked on some channel now and not on it after the restore. */
  unblocked: number;
  unblockedExamples: LostSuppression[];
  /** Identifiers not blocked on some channel now and blocked on it after. */
  newlyBlocked: number;
  consentChanges: number;
  consentExamples: ConsentChange[];
}

export const DIFF_EXAMPLES = 10;

const ALL_CHANNELS = (1 << CHANNELS.length) - 1;
const scopeMask = (l: SuppressionList | undefined) =>
  !l?.channels || l.channels.length === 0
    ? ALL_CHANNELS
    : l.channels.reduce((m, c) => m | (1 << CHANNELS.indexOf(c)), 0);
const channelsOf = (mask: number) => CHANNELS.filter((_, i) => mask & (1 << i));

function keysOf(rec: BucketRecord): string[] {
  if (!isHashed(rec)) return rec.keys;
  const w = DIGEST_BYTES[rec.kind];
  const bytes = rec.keys;
  const out: string[] = [];
  for (let off = 0; off < bytes.length; off += w) out.push(bytesToHex(bytes.subarray(off, off + w)));
  return out;
}

/** The buckets of one side grouped by the (kind, bucket) a lookup reads, each group's keys with their lists. */
function groupSide(side: RestoreSide) {
  const lists = new Map(side.lists.map((l) => [l.id, l]));
  const groups = new Map<string, BucketRecord[]>();
  for (const b of side.buckets) {
    const gid = `${b.kind}:${b.bucket}`;
    const g = groups.get(gid);
    if (g) g.push(b);
    else groups.set(gid, [b]);
  }
  return { lists, groups };
}

/** Compares what two databases would answer for every identifier either of them holds. */
export async function diffVerdicts(now: RestoreSide, after: RestoreSide): Promise<VerdictDiff> {
  const a = groupSide(now);
  const b = groupSide(after);
  const perList = new Map<string, ListEntryChange>();
  const listChange = (listId: string, name: string) => {
    let c = perList.get(listId);
    if (!c) {
      c = { listId, name, removed: 0, added: 0 };
      perList.set(listId, c);
    }
    return c;
  };
  const out: VerdictDiff = {
    lists: [],
    unblocked: 0,
    unblockedExamples: [],
    newlyBlocked: 0,
    consentChanges: 0,
    consentExamples: [],
  };

  const pause = pauser();
  for (const gid of new Set([...a.groups.keys(), ...b.groups.keys()])) {
    await pause();
    // Per key: the channels it blocks, and per list whether it holds it, on each side.
    const masks = new Map<string, [number, number]>();
    const held = new Map<string, Set<string>>();
    const walk = (side: typeof a, recs: readonly BucketRecord[] | undefined, which: 0 | 1) => {
      for (const rec of recs ?? []) {
        const mask = scopeMask(side.lists.get(rec.listId));
        for (const key of keysOf(rec)) {
          const m = masks.get(key) ?? [0, 0];
          m[which] |= mask;
          masks.set(key, m);
          const tag = `${rec.listId}\u0000${key}`;
          const h = held.get(tag) ?? new Set<string>();
          h.add(which === 0 ? 'now' : 'after');
          held.set(tag, h);
        }
      }
    };
    walk(a, a.groups.get(gid), 0);
    walk(b, b.groups.get(gid), 1);
    const kind = gid.slice(0, gid.indexOf(':')) as EntryKind;
    for (const [key, [m0, m1]] of masks) {
      const lost = m0 & ~m1;
      if (lost !== 0) {
        out.unblocked++;
        if (out.unblockedExamples.length < DIFF_EXAMPLES) {
          out.unblockedExamples.push({ kind, value: key, channels: channelsOf(lost) });
        }
      }
      if ((m1 & ~m0) !== 0) out.newlyBlocked++;
    }
    for (const [tag, sides] of held) {
      if (sides.size === 2) continue;
      const listId = tag.slice(0, tag.indexOf('\u0000'));
      const name = (a.lists.get(listId) ?? b.lists.get(listId))?.name ?? listId;
      const c = listChange(listId, name);
      if (sides.has('now')) c.removed++;
      else c.added++;
    }
  }
  out.lists = [...perList.values()].sort((x, y) => x.name.localeCompare(y.name));

  // Consent and lawful basis per identifier: a restore may move a record's consent onto another address.
  const basis = (contacts: readonly Contact[]) => {
    const m = new Map<string, string>();
    for (const c of contacts) {
      const has = c.consents.length > 0 || c.legitimateInterest !== undefined || c.softOptIn !== undefined;
      if (!has) continue;
      const text = canonicalJson({ consents: c.consents, li: c.legitimateInterest, soft: c.softOptIn });
      for (const k of c.keys) m.set(k, text);
    }
    return m;
  };
  const c0 = basis(now.contacts);
  const c1 = basis(after.contacts);
  for (const k of new Set([...c0.keys(), ...c1.keys()])) {
    const x = c0.get(k);
    const y = c1.get(k);
    if (x === y) continue;
    out.consentChanges++;
    if (out.consentExamples.length < DIFF_EXAMPLES) {
      out.consentExamples.push({
        identifier: k,
        change: x === undefined ? 'gains' : y === undefined ? 'loses' : 'changes',
      });
    }
  }
  return out;
}

/** The database's side of the diff, read in one transaction. */
export async function currentSide(db: HeedDb): Promise<RestoreSide> {
  return db.transaction('r', db.lists, db.buckets, db.contacts, async () => ({
    lists: await db.lists.toArray(),
    // Not a deleted list's entries, which wait on disk for their undo (lib/store/deleted-lists.ts).
    buckets: await liveBuckets(db),
    contacts: await db.contacts.toArray(),
  }));
}

const SETTING_LABEL: Readonly<Record<keyof Settings, string>> = translated({
  language: 'lists_setting_language',
  defaultCountry: 'lists_setting_default_country',
  defaultSubscriber: 'lists_setting_default_subscriber',
  ownDomains: 'lists_setting_own_domains',
  extraPersonalDomains: 'lists_setting_extra_personal_domains',
  showPossibleMatches: 'lists_setting_show_possible_matches',
  retentionDays: 'lists_setting_retention_days',
  annotatedSites: 'lists_setting_annotated_sites',
  sidePanelOnly: 'lists_setting_side_panel_only',
  charity: 'lists_setting_charity',
  sendCheck: 'lists_setting_send_check',
  sendCheckStopOnCheck: 'lists_setting_send_check_stop_on_check',
  teamLiaAssessedAt: 'lists_setting_team_lia_assessed_at',
  teamArt14InFirstMessage: 'lists_setting_team_art14_in_first_message',
  teamScreenedAt: 'lists_setting_team_screened_at',
  teamBusinessEmailSignOffAt: 'lists_setting_team_business_email_sign_off_at',
});

/** The settings a restore would change (every one of them can change a verdict or what is shown), by name. */
export function diffSettings(now: Settings, after: Settings): string[] {
  return (Object.keys(SETTING_LABEL) as (keyof Settings)[])
    .filter((k) => canonicalJson(now[k]) !== canonicalJson(after[k]))
    .map((k) => SETTING_LABEL[k]);
}
