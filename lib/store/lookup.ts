import {
  canonicalLinkedInProfile,
  canonicalMailbox,
  canonicalSalesNavLead,
  domainAncestors,
  emailDomain,
  emailHashForms,
  type Hashers,
  hexToBytes,
  loadHashers,
  normaliseDomain,
  normaliseEmail,
  normalisePhone,
  possibleEmailVariants,
} from '../identifiers';
import {
  type Channel,
  type EntryKind,
  HASH_KINDS,
  isHashKind,
  reasonAllowsChannelScope,
  type SuppressionReason,
} from '../vocab';
import { bucketOf, searchDigest, searchString } from './buckets';
import { DATA_TOKEN_KEY, META_TABLE, tokenOf } from './data-token';
import type { HeedDb } from './db';
import { idbRequest } from './idb-request';
import {
  countIndexAnswer,
  currentLookupIndex,
  dropLookupIndex,
  type LookupIndex,
  mayHold,
} from './lookup-index';
import { type Batch, type BucketRecord, type Contact, DIGEST_BYTES, type SuppressionList } from './schemas';

export interface PersonIds {
  emails?: readonly string[];
  profileUrls?: readonly string[];
  salesNavUrls?: readonly string[];
  phones?: readonly string[];
  /** Company or website domains to check besides the emails' own domains. */
  domains?: readonly string[];
}

export interface LookupOptions {
  /** Also report Gmail dot / +tag variants, labelled 'possible'. Default true. */
  possible?: boolean;
  defaultCountry?: string;
  /**
   * Also look up the emails and phones the person's contact record holds (issue 20, item 4). The badge and popup
   * ask for it; a plain lookup (the bulk check's reference) looks up only the identifiers given.
   */
  withRecorded?: boolean;
}

export interface LookupMatch {
  listId: string;
  listName: string;
  /** Absent: the list applies to every channel. */
  channels?: Channel[];
  kind: EntryKind;
  match: 'exact' | 'possible';
  /** How it matched, e.g. 'email', 'md5 of email', 'domain .example.com', 'email variant'. */
  via: string;
  /** The person's own normalised identifier that matched. */
  identifier: string;
  reason: SuppressionReason | 'unknown';
  since: string;
}

export interface NormalisedIds {
  emails: string[];
  profileUrls: string[];
  salesNavUrls: string[];
  phones: string[];
  domains: string[];
  rejected: { kind: string; value: string; reason: string }[];
}

export interface LookupResult {
  matches: LookupMatch[];
  /** The contact record holding any of the identifiers (the first, if several). */
  contact?: Contact;
  contacts: Contact[];
  identifiers: NormalisedIds;
}

export interface Candidate {
  kind: EntryKind;
  key: string;
  needle?: Uint8Array;
  via: string;
  match: 'exact' | 'possible';
  identifier: string;
}

// Bounds the work a single lookup can cause (the background also validates what content scripts send).
const MAX_PER_KIND = 20;

export function normaliseIds(ids: PersonIds, defaultCountry?: string): NormalisedIds {
  const out: NormalisedIds = {
    emails: [],
    profileUrls: [],
    salesNavUrls: [],
    phones: [],
    domains: [],
    rejected: [],
  };
  const take = <T>(
    kind: string,
    raw: readonly string[] | undefined,
    norm: (s: string) => { ok: true; value: T } | { ok: false; reason: string },
    into: (v: T) => void,
  ) => {
    for (const value of (raw ?? []).slice(0, MAX_PER_KIND)) {
      const n = norm(value);
      if (n.ok) into(n.value);
      else out.rejected.push({ kind, value, reason: n.reason });
    }
  };
  const uniq = (a: string[], v: string) => {
    if (!a.includes(v)) a.push(v);
  };
  take('email', ids.emails, normaliseEmail, (v) => uniq(out.emails, v));
  take('profile', ids.profileUrls, canonicalLinkedInProfile, (v) => uniq(out.profileUrls, v));
  take('salesnav', ids.salesNavUrls, canonicalSalesNavLead, (v) => uniq(out.salesNavUrls, v));
  take(
    'phone',
    ids.phones,
    (s) => normalisePhone(s, defaultCountry),
    (v) => uniq(out.phones, v),
  );
  take('domain', ids.domains, normaliseDomain, (v) => uniq(out.domains, v.domain));
  return out;
}

/**
 * Every key that would suppress this person, labelled with how it would match. `held` leaves out kinds no list
 * holds (the lookup index knows them), which saves hashing the email four ways when no list is hashed.
 */
/** The hashers, loaded only when some hashed kind is held (hashing is then needed). */
export async function hashersFor(held: (kind: EntryKind) => boolean): Promise<Hashers | undefined> {
  return HASH_KINDS.some(held) ? loadHashers() : undefined;
}

export async function candidateKeys(
  ids: NormalisedIds,
  possible: boolean,
  held: (kind: EntryKind) => boolean = () => true,
): Promise<Candidate[]> {
  return candidateKeysWith(await hashersFor(held), ids, possible, held);
}

/** candidateKeys with the hashers already loaded: no promise per person (the bulk check asks millions of times). */
export function candidateKeysWith(
  hashers: Hashers | undefined,
  ids: NormalisedIds,
  possible: boolean,
  held: (kind: EntryKind) => boolean = () => true,
): Candidate[] {
  const algos = HASH_KINDS.filter(held);
  const h = algos.length > 0 ? hashers : undefined;
  const out: Candidate[] = [];
  const emailKeys = (email: string, match: 'exact' | 'possible', label: string, identifier: string) => {
    // Plain lists store the canonical mailbox (lib/identifiers entryKeyAs; older data is rewritten on upgrade),
    // so one key finds every Gmail spelling. A hashed list holds whatever its owner hashed: the address as
    // written and, for Gmail, its canonical mailbox too.
    const mailbox = canonicalMailbox(email);
    if (held('email')) out.push({ kind: 'email', key: mailbox, via: label, match, identifier });
    if (!h) return;
    const forms = mailbox === email ? [email] : [email, mailbox];
    for (const form of forms.flatMap(emailHashForms)) {
      for (const algo of algos) {
        out.push({ kind: algo, key: h[algo](form), via: `${algo} of ${label}`, match, identifier });
      }
    }
  };
  const hosts = new Map<string, string>();
  for (const e of ids.emails) {
    emailKeys(e, 'exact', 'email', e);
    if (possible) for (const v of possibleEmailVariants(e)) emailKeys(v, 'possible', 'email variant', e);
    const d = emailDomain(e);
    if (!hosts.has(d)) hosts.set(d, e);
  }
  for (const d of ids.domains) if (!hosts.has(d)) hosts.set(d, d);
  if (held('domain')) {
    for (const [host, identifier] of hosts) {
      // 'example.com' suppresses exactly that domain; '.example.com' also every subdomain of it.
      out.push({ kind: 'domain', key: host, via: `domain ${host}`, match: 'exact', identifier });
      for (const a of domainAncestors(host)) {
        out.push({ kind: 'domain', key: `.${a}`, via: `domain .${a}`, match: 'exact', identifier });
      }
    }
  }
  if (held('profile'))
    for (const p of ids.profileUrls)
      out.push({ kind: 'profile', key: p, via: 'profile', match: 'exact', identifier: p });
  if (held('salesnav'))
    for (const s of ids.salesNavUrls)
      out.push({ kind: 'salesnav', key: s, via: 'salesnav', match: 'exact', identifier: s });
  if (held('phone'))
    for (const p of ids.phones)
      out.push({ kind: 'phone', key: p, via: 'phone', match: 'exact', identifier: p });
  for (const c of out) if (isHashKind(c.kind)) c.needle = hexToBytes(c.key);
  return out;
}

/**
 * The keys a contact record is indexed and found under. An email is keyed by its canonical mailbox, so a record
 * made for 'j.smith@gmail.com' is found from 'jsmith+news@googlemail.com' (the same Gmail mailbox).
 */
export function contactKeys(ids: Pick<NormalisedIds, 'emails' | 'profileUrls' | 'salesNavUrls' | 'phones'>) {
  return [
    ...ids.emails.map((v) => `email:${canonicalMailbox(v)}`),
    ...ids.profileUrls.map((v) => `profile:${v}`),
    ...ids.salesNavUrls.map((v) => `salesnav:${v}`),
    ...ids.phones.map((v) => `phone:${v}`),
  ];
}

/** A bucket to read and the person's candidate keys that fall into it. */
export interface CandidateGroup {
  kind: EntryKind;
  bucket: number;
  cands: Candidate[];
}

export type Hit = { c: Candidate; listId: string; batchId: number };

/** Candidates grouped by the (kind, bucket) record they would be in, keyed `kind:bucket`. */
export function groupCandidates(candidates: readonly Candidate[]): Map<string, CandidateGroup> {
  const groups = new Map<string, CandidateGroup>();
  for (const c of candidates) {
    const bucket = bucketOf(c.kind, c.key);
    const gid = `${c.kind}:${bucket}`;
    const g = groups.get(gid);
    if (g) g.cands.push(c);
    else groups.set(gid, { kind: c.kind, bucket, cands: [c] });
  }
  return groups;
}

/** Binary-searches each group's candidates in its bucket records; an exact match wins over a possible one. */
export function findHits(
  groups: Iterable<{ cands: readonly Candidate[]; records: readonly BucketRecord[] }>,
) {
  const hits = new Map<string, Hit>();
  for (const g of groups) {
    for (const rec of g.records) {
      for (const c of g.cands) {
        const at = c.needle
          ? searchDigest(rec.keys as Uint8Array, DIGEST_BYTES[c.kind as 'md5'], c.needle)
          : searchString(rec.keys as string[], c.key);
        if (at < 0) continue;
        const id = `${rec.listId}\u0000${c.kind}\u0000${c.key}`;
        const prev = hits.get(id);
        if (!prev || (prev.c.match === 'possible' && c.match === 'exact')) {
          hits.set(id, { c, listId: rec.listId, batchId: rec.batchIds[at] as number });
        }
      }
    }
  }
  return hits;
}

/**
 * What one entry blocks: the recording's own channels within the list's scope. A recording cannot widen its
 * list (an "Email" list's entry never blocks calls); an empty overlap keeps the list's scope, never "nothing".
 */
function scopeOf(
  listChannels: readonly Channel[] | undefined,
  batchChannels: readonly Channel[] | undefined,
): Channel[] | undefined {
  if (!batchChannels || batchChannels.length === 0) return listChannels ? [...listChannels] : undefined;
  if (!listChannels) return [...batchChannels];
  const both = batchChannels.filter((c) => listChannels.includes(c));
  return both.length > 0 ? both : [...listChannels];
}

/** Hits named with their list and batch (reason, date), exact matches first. */
export function toMatches(
  hits: Iterable<Hit>,
  listById: ReadonlyMap<string, SuppressionList>,
  batchById: ReadonlyMap<number, Batch>,
): LookupMatch[] {
  const matches: LookupMatch[] = [];
  for (const h of hits) {
    const list = listById.get(h.listId);
    if (!list) continue;
    const batch = batchById.get(h.batchId);
    const reason = batch?.reason ?? 'unknown';
    // An objection, erasure or complaint stops all direct marketing (GDPR Art. 21(2)-(3), Art. 17) whatever
    // channels the list it was recorded on names: the list's scope only narrows the reasons that may be
    // narrowed. An entry whose batch (and so its reason) is lost blocks everything too: it may be an objection.
    const scoped = reason !== 'unknown' && reasonAllowsChannelScope(reason);
    const channels = scoped ? scopeOf(list.channels, batch?.channels) : undefined;
    matches.push({
      listId: list.id,
      listName: list.name,
      // A copy: the list may be the lookup index's cached record, shared by every lookup.
      ...(channels ? { channels } : {}),
      kind: h.c.kind,
      match: h.c.match,
      via: h.c.via,
      identifier: h.c.identifier,
      reason,
      since: batch?.since ?? '',
    });
  }
  return matches.sort((a, b) => Number(a.match === 'possible') - Number(b.match === 'possible'));
}

/** Contacts in the order found, each once. */
export function uniqueContacts(rows: Iterable<Contact>): Contact[] {
  const seen = new Set<string>();
  const out: Contact[] = [];
  for (const ct of rows) {
    if (seen.has(ct.id)) continue;
    seen.add(ct.id);
    out.push(ct);
  }
  return out;
}

/**
 * The lookup the background and the pages share: which list entries (exact or possible) and which contact
 * record concern this person. All bucket reads go out at once in one read transaction; a person with a few
 * identifiers touches a few dozen small bucket records however large the lists are.
 */
export async function lookupPerson(
  db: HeedDb,
  ids: PersonIds,
  opts: LookupOptions = {},
): Promise<LookupResult> {
  const first = await lookupOnce(db, ids, opts);
  if (!opts.withRecorded) return first;
  // Issue 20, item 4: a contact record ties the profile to its emails and phones, so an opt-out recorded
  // against the email shows on the profile even before the contact info is opened. When the record names
  // identifiers the page did not show, the person is looked up again with all of them: that second lookup is
  // one consistent read of its own (lists, entries and contacts together), and its answer is the one returned.
  const extra = recordedIdentifiers(first, ids, opts.defaultCountry);
  if (!extra) return first;
  return lookupOnce(db, extra, opts);
}

/** The page's identifiers plus the contact records' emails and phones, or null when the records add none. */
function recordedIdentifiers(found: LookupResult, ids: PersonIds, defaultCountry?: string): PersonIds | null {
  if (found.contacts.length === 0) return null;
  const recorded = normaliseIds(
    { emails: found.contacts.flatMap((c) => c.emails), phones: found.contacts.flatMap((c) => c.phones) },
    defaultCountry,
  );
  const emails = recorded.emails.filter((e) => !found.identifiers.emails.includes(e));
  const phones = recorded.phones.filter((p) => !found.identifiers.phones.includes(p));
  if (emails.length === 0 && phones.length === 0) return null;
  return { ...ids, emails: [...(ids.emails ?? []), ...emails], phones: [...(ids.phones ?? []), ...phones] };
}

async function lookupOnce(db: HeedDb, ids: PersonIds, opts: LookupOptions): Promise<LookupResult> {
  const identifiers = normaliseIds(ids, opts.defaultCountry);
  const possible = opts.possible ?? true;
  const keys = contactKeys(identifiers);
  const index = currentLookupIndex(db);
  if (index) {
    const narrowed = await indexedCandidates(index, identifiers, possible);
    const groups = [...narrowed.groups.values()];
    const read = await readIfUnchanged(db, index.token, groups, narrowed.contactKeys);
    if (read) {
      countIndexAnswer(db);
      const hits = findHits(groups.map((g, i) => ({ cands: g.cands, records: read.recsPerGroup[i] ?? [] })));
      return finish(identifiers, [...hits.values()], read.contactsPerKey.flat(), index.lists, index.batches);
    }
    dropLookupIndex(db, index);
  }

  // Without an index, or when the data changed since it was built: every candidate bucket is read.
  const groupList = [...groupCandidates(await candidateKeys(identifiers, possible)).values()];
  const read = await readBucketsAndContacts(db, groupList, keys);
  const hits = [
    ...findHits(groupList.map((g, i) => ({ cands: g.cands, records: read.recsPerGroup[i] ?? [] }))).values(),
  ];
  let batchById = new Map<number, Batch>();
  if (hits.length > 0) {
    const batches = await db.batches.bulkGet([...new Set(hits.map((h) => h.batchId))]);
    batchById = new Map(batches.flatMap((b) => (b ? [[b.id, b] as const] : [])));
  }
  return finish(
    identifiers,
    hits,
    read.contactRows,
    new Map(read.lists.map((l) => [l.id, l] as const)),
    batchById,
  );
}

function finish(
  identifiers: NormalisedIds,
  hits: Hit[],
  contactRows: Contact[],
  listById: ReadonlyMap<string, SuppressionList>,
  batchById: ReadonlyMap<number, Batch>,
): LookupResult {
  const contacts = uniqueContacts(contactRows);
  const matches = hits.length > 0 ? toMatches(hits, listById, batchById) : [];
  return { matches, ...(contacts[0] ? { contact: contacts[0] } : {}), contacts, identifiers };
}

/**
 * The person's keys that some list may hold, grouped by the bucket they would be in, and the person's contact
 * keys that some contact record has (unique, in index order); the index rules out all the others.
 */
export async function indexedCandidates(
  index: LookupIndex,
  identifiers: NormalisedIds,
  possible: boolean,
): Promise<{ groups: Map<string, CandidateGroup>; contactKeys: string[] }> {
  const held = (kind: EntryKind) => index.fingerprints[kind] !== undefined;
  return indexedCandidatesWith(await hashersFor(held), index, identifiers, possible);
}

export function indexedCandidatesWith(
  hashers: Hashers | undefined,
  index: LookupIndex,
  identifiers: NormalisedIds,
  possible: boolean,
): { groups: Map<string, CandidateGroup>; contactKeys: string[] } {
  const held = (kind: EntryKind) => index.fingerprints[kind] !== undefined;
  const groups = new Map<string, CandidateGroup>();
  const candidates = candidateKeysWith(hashers, identifiers, possible, held);
  // Most people are on no list: a fingerprint test per key settles that without grouping anything.
  if (candidates.some((c) => mayHold(index, c.kind, c.key, c.needle))) {
    for (const [gid, g] of groupCandidates(candidates)) {
      const cands = g.cands.filter((c) => mayHold(index, c.kind, c.key, c.needle));
      if (cands.length > 0) groups.set(gid, { ...g, cands });
    }
  }
  const keys =
    index.contactKeys.size === 0
      ? []
      : [...new Set(contactKeys(identifiers))].filter((k) => index.contactKeys.has(k)).sort();
  return { groups, contactKeys: keys };
}

/**
 * Reads the buckets of `groups` and the contacts under `contactKeyList` in one native transaction, with the data
 * token: undefined when the token is no longer `token` (the index that chose these reads is out of date).
 */
export async function readIfUnchanged(
  db: HeedDb,
  token: string,
  groups: readonly { kind: EntryKind; bucket: number }[],
  contactKeyList: readonly string[],
): Promise<{ recsPerGroup: BucketRecord[][]; contactsPerKey: Contact[][] } | undefined> {
  if (!db.isOpen()) await db.open();
  // Only the stores read: most lookups read just the token.
  const scope = [META_TABLE];
  if (groups.length > 0) scope.push('buckets');
  if (contactKeyList.length > 0) scope.push('contacts');
  const tx = db.backendDB().transaction(scope, 'readonly');
  const [tokenRec, recsPerGroup, contactsPerKey] = await Promise.all([
    idbRequest(tx.objectStore(META_TABLE).get(DATA_TOKEN_KEY)),
    Promise.all(
      groups.map((g) =>
        idbRequest(
          tx
            .objectStore('buckets')
            .index('[kind+bucket]')
            .getAll(IDBKeyRange.only([g.kind, g.bucket])),
        ),
      ),
    ),
    Promise.all(
      contactKeyList.map((k) =>
        idbRequest(tx.objectStore('contacts').index('keys').getAll(IDBKeyRange.only(k))),
      ),
    ),
  ]);
  if (tokenOf(tokenRec) !== token) return undefined;
  return { recsPerGroup: recsPerGroup as BucketRecord[][], contactsPerKey: contactsPerKey as Contact[][] };
}

// Native IndexedDB, not Dexie, on both paths: every request goes out at once in one transaction, and through
// Dexie the same reads cost more at p99 (npm run bench).
async function readBucketsAndContacts(
  db: HeedDb,
  groups: readonly { kind: EntryKind; bucket: number }[],
  contactKeyList: readonly string[],
): Promise<{ recsPerGroup: BucketRecord[][]; contactRows: Contact[]; lists: SuppressionList[] }> {
  if (!db.isOpen()) await db.open();
  const tx = db.backendDB().transaction(['buckets', 'contacts', 'lists'], 'readonly');
  const byKindBucket = tx.objectStore('buckets').index('[kind+bucket]');
  const byKey = tx.objectStore('contacts').index('keys');
  const [recsPerGroup, contactLists, lists] = await Promise.all([
    Promise.all(groups.map((g) => idbRequest(byKindBucket.getAll(IDBKeyRange.only([g.kind, g.bucket]))))),
    // In index order, as a cursor over the keys would return them: the first contact found stays the same.
    Promise.all(
      [...new Set(contactKeyList)].sort().map((k) => idbRequest(byKey.getAll(IDBKeyRange.only(k)))),
    ),
    idbRequest(tx.objectStore('lists').getAll()),
  ]);
  return {
    recsPerGroup: recsPerGroup as BucketRecord[][],
    contactRows: contactLists.flat() as Contact[],
    lists: lists as SuppressionList[],
  };
}
