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
import { batchIdAt, decodeBucketLazily, findStoredKey, heldBytes, type StoredBucket } from './bucket-layout';
import { bucketOf } from './buckets';
import { DATA_TOKEN_KEY, META_TABLE, tokenOf } from './data-token';
import type { HeedDb } from './db';
import { type IssueRequest, idbRequest, readAll } from './idb-request';
import {
  countIndexAnswer,
  currentLookupIndex,
  dropLookupIndex,
  type LookupIndex,
  mayHold,
} from './lookup-index';
import type { Batch, BucketRecord, Contact, SuppressionList } from './schemas';

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

// A digest decoded for the index's test only, reused: the test reads it and keeps nothing. One view per digest
// width (16 to 64 bytes), so decoding allocates nothing.
const DIGEST_SCRATCH = new Uint8Array(64);
const DIGEST_VIEWS = new Map([16, 20, 32, 64].map((n) => [n, DIGEST_SCRATCH.subarray(0, n)] as const));

/** A hasher's lower-case hex decoded into the shared scratch (valid until the next call). */
function hexInto(hex: string): Uint8Array {
  const n = hex.length >> 1;
  const out = DIGEST_VIEWS.get(n);
  if (!out) return hexToBytes(hex);
  for (let i = 0; i < n; i++) {
    const hi = hex.charCodeAt(2 * i);
    const lo = hex.charCodeAt(2 * i + 1);
    out[i] = ((hi <= 57 ? hi - 48 : (hi | 0x20) - 87) << 4) | (lo <= 57 ? lo - 48 : (lo | 0x20) - 87);
  }
  return out;
}

// Shared by every kind a person has no value of: the bulk check normalises millions of people, most with one
// kind, and five empty arrays per person (twice per row) were a good share of its garbage. Frozen, so that a caller
// that pushed into one would fail loudly rather than give everyone its value.
const NO_VALUES = Object.freeze([]) as unknown as string[];
const NO_REJECTED = Object.freeze([]) as unknown as NormalisedIds['rejected'];

export function normaliseIds(ids: PersonIds, defaultCountry?: string): NormalisedIds {
  const out: NormalisedIds = {
    emails: NO_VALUES,
    profileUrls: NO_VALUES,
    salesNavUrls: NO_VALUES,
    phones: NO_VALUES,
    domains: NO_VALUES,
    rejected: NO_REJECTED,
  };
  // Plain loops and module functions: the bulk check normalises a million people, and a closure or a copied
  // array per kind and person was a good share of its garbage.
  out.emails = take(out, 'email', ids.emails, normaliseEmail);
  out.profileUrls = take(out, 'profile', ids.profileUrls, canonicalLinkedInProfile);
  out.salesNavUrls = take(out, 'salesnav', ids.salesNavUrls, canonicalSalesNavLead);
  const phones = ids.phones ?? NO_VALUES;
  for (let i = 0; i < phones.length && i < MAX_PER_KIND; i++) {
    const value = phones[i] as string;
    const n = normalisePhone(value, defaultCountry);
    if (n.ok) out.phones = uniq(out.phones, n.value);
    else reject(out, 'phone', value, n.reason);
  }
  const domains = ids.domains ?? NO_VALUES;
  for (let i = 0; i < domains.length && i < MAX_PER_KIND; i++) {
    const value = domains[i] as string;
    const n = normaliseDomain(value);
    if (n.ok) out.domains = uniq(out.domains, n.value.domain);
    else reject(out, 'domain', value, n.reason);
  }
  return out;
}

/** The first MAX_PER_KIND values of `raw`, normalised, once each; the others into `out.rejected`. */
function take(
  out: NormalisedIds,
  kind: string,
  raw: readonly string[] | undefined,
  norm: (s: string) => { ok: true; value: string } | { ok: false; reason: string },
): string[] {
  let into = NO_VALUES;
  if (!raw) return into;
  for (let i = 0; i < raw.length && i < MAX_PER_KIND; i++) {
    const value = raw[i] as string;
    const n = norm(value);
    if (n.ok) into = uniq(into, n.value);
    else reject(out, kind, value, n.reason);
  }
  return into;
}

/** `a` with `v` added unless there; a new array in place of the shared empty one. */
function uniq(a: string[], v: string): string[] {
  if (a === NO_VALUES) return [v];
  if (!a.includes(v)) a.push(v);
  return a;
}

function reject(out: NormalisedIds, kind: string, value: string, reason: string) {
  if (out.rejected === NO_REJECTED) out.rejected = [{ kind, value, reason }];
  else out.rejected.push({ kind, value, reason });
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
  const out: Candidate[] = [];
  forEachCandidateKey(
    hashers,
    HASH_KINDS.filter(held),
    ids,
    possible,
    held,
    (kind, key, match, label, identifier) => {
      out.push(candidate(kind, key, match, label, identifier));
      return false;
    },
  );
  return out;
}

/** One key as a Candidate: how it matches in words (`via`) and, for a digest, its bytes to search. */
export function candidate(
  kind: EntryKind,
  key: string,
  match: 'exact' | 'possible',
  label: string,
  identifier: string,
): Candidate {
  const via = isHashKind(kind) ? `${kind} of ${label}` : kind === 'domain' ? `domain ${key}` : label;
  const c: Candidate = { kind, key, via, match, identifier };
  if (isHashKind(kind)) c.needle = hexToBytes(key);
  return c;
}

export type KeyVisitor = (
  kind: EntryKind,
  key: string,
  match: 'exact' | 'possible',
  label: string,
  identifier: string,
) => boolean;

/**
 * Every key that would suppress this person, in candidateKeys' order, without building a Candidate for each:
 * `visit` gets the key, how it matches, the label of what it came from ('email', 'email variant', 'domain',
 * 'profile', 'salesnav', 'phone') and the person's identifier, and returns true to stop (then so does this).
 * The one place that says which keys a person has, for the full candidates and for the index's quick test.
 * `algos` are the held hash kinds (HASH_KINDS.filter(held)), passed in so a million people share one array.
 */
export function forEachCandidateKey(
  hashers: Hashers | undefined,
  algos: readonly EntryKind[],
  ids: NormalisedIds,
  possible: boolean,
  held: (kind: EntryKind) => boolean,
  visit: KeyVisitor,
): boolean {
  const h = algos.length > 0 ? hashers : undefined;
  const heldEmail = held('email');
  for (const e of ids.emails) {
    if (emailKeys(h, algos, heldEmail, visit, e, 'exact', 'email', e)) return true;
    if (possible)
      for (const v of possibleEmailVariants(e))
        if (emailKeys(h, algos, heldEmail, visit, v, 'possible', 'email variant', e)) return true;
  }
  if (held('domain')) {
    const hosts = new Map<string, string>();
    for (const e of ids.emails) {
      const d = emailDomain(e);
      if (!hosts.has(d)) hosts.set(d, e);
    }
    for (const d of ids.domains) if (!hosts.has(d)) hosts.set(d, d);
    for (const [host, identifier] of hosts) {
      // 'example.com' suppresses exactly that domain; '.example.com' also every subdomain of it.
      if (visit('domain', host, 'exact', 'domain', identifier)) return true;
      for (const a of domainAncestors(host)) {
        if (visit('domain', `.${a}`, 'exact', 'domain', identifier)) return true;
      }
    }
  }
  if (held('profile'))
    for (const p of ids.profileUrls) if (visit('profile', p, 'exact', 'profile', p)) return true;
  if (held('salesnav'))
    for (const s of ids.salesNavUrls) if (visit('salesnav', s, 'exact', 'salesnav', s)) return true;
  if (held('phone')) for (const p of ids.phones) if (visit('phone', p, 'exact', 'phone', p)) return true;
  return false;
}

/** One address's keys (see forEachCandidateKey); true when `visit` stopped. */
function emailKeys(
  h: Hashers | undefined,
  algos: readonly EntryKind[],
  heldEmail: boolean,
  visit: KeyVisitor,
  email: string,
  match: 'exact' | 'possible',
  label: string,
  identifier: string,
): boolean {
  // Plain lists store the canonical mailbox (lib/identifiers entryKeyAs; older data is rewritten on upgrade),
  // so one key finds every Gmail spelling. A hashed list holds whatever its owner hashed: the address as
  // written and, for Gmail, its canonical mailbox too.
  const mailbox = canonicalMailbox(email);
  if (heldEmail && visit('email', mailbox, match, label, identifier)) return true;
  if (!h) return false;
  for (const form of emailHashForms(email))
    for (const algo of algos) if (visit(algo, h[algo as 'md5'](form), match, label, identifier)) return true;
  if (mailbox === email) return false;
  for (const form of emailHashForms(mailbox))
    for (const algo of algos) if (visit(algo, h[algo as 'md5'](form), match, label, identifier)) return true;
  return false;
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

/**
 * Searches each group's candidates in its records with `find` (the candidate's index in the record, or -1); an exact
 * match wins over a possible one. The bulk check runs it over its packed cache (lib/bulk/packed-buckets.ts).
 */
export function findHitsWith<R extends { listId: string }>(
  groups: Iterable<{ cands: readonly Candidate[]; records: readonly R[] }>,
  find: (rec: R, key: string, needle: Uint8Array | undefined) => number,
  batchAt: (rec: R, at: number) => number,
): Map<string, Hit> {
  const hits = new Map<string, Hit>();
  for (const g of groups) {
    for (const rec of g.records) {
      for (const c of g.cands) {
        const at = find(rec, c.key, c.needle);
        if (at < 0) continue;
        const id = `${rec.listId}\u0000${c.kind}\u0000${c.key}`;
        const prev = hits.get(id);
        if (!prev || (prev.c.match === 'possible' && c.match === 'exact')) {
          hits.set(id, { c, listId: rec.listId, batchId: batchAt(rec, at) });
        }
      }
    }
  }
  return hits;
}

/** Binary-searches each group's candidates in its bucket records; an exact match wins over a possible one. */
export function findHits(
  groups: Iterable<{ cands: readonly Candidate[]; records: readonly BucketRecord[] }>,
): Map<string, Hit> {
  return findHitsWith(groups, findStoredKey, (rec, at) => batchIdAt(rec, at) as number);
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
  const index = currentLookupIndex(db);
  if (index) {
    const narrowed = await indexedCandidates(index, identifiers, possible);
    const groups = [...narrowed.groups.values()];
    const holders = groups.length > 0 ? await holdersOf(db, index) : undefined;
    const read = await readIfUnchanged(
      db,
      index.token,
      groups,
      narrowed.contactKeys,
      holders,
      holders ? bucketCacheOf(index) : undefined,
    );
    if (read) {
      countIndexAnswer(db);
      const hits = findHits(groups.map((g, i) => ({ cands: g.cands, records: read.recsPerGroup[i] ?? [] })));
      return finish(identifiers, [...hits.values()], read.contactsPerKey.flat(), index.lists, index.batches);
    }
    dropLookupIndex(db, index);
  }

  // Without an index, or when the data changed since it was built: every candidate bucket is read.
  const groupList = [...groupCandidates(await candidateKeys(identifiers, possible)).values()];
  const read = await readBucketsAndContacts(db, groupList, contactKeys(identifiers));
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
): Promise<{ groups: ReadonlyMap<string, CandidateGroup>; contactKeys: string[] }> {
  const held = (kind: EntryKind) => index.fingerprints[kind] !== undefined;
  return indexedCandidatesWith(await hashersFor(held), index, identifiers, possible);
}

export function indexedCandidatesWith(
  hashers: Hashers | undefined,
  index: LookupIndex,
  identifiers: NormalisedIds,
  possible: boolean,
): { groups: ReadonlyMap<string, CandidateGroup>; contactKeys: string[] } {
  const { held, algos, mayHoldKey } = indexTests(index);
  let groups: ReadonlyMap<string, CandidateGroup> = NO_GROUPS;
  // Most people are on no list: a fingerprint test per key settles that without building, decoding or grouping
  // any candidate (the bulk check asks for a million people).
  if (forEachCandidateKey(hashers, algos, identifiers, possible, held, mayHoldKey)) {
    // What groupCandidates(candidateKeysWith(…)) filtered by the index gives, groups in the order their first key
    // comes (held or not), without a Candidate for the keys the index rules out.
    const order = new Map<string, CandidateGroup | null>();
    forEachCandidateKey(
      hashers,
      algos,
      identifiers,
      possible,
      held,
      (kind, key, match, label, identifier) => {
        const bucket = bucketOf(kind, key);
        const gid = `${kind}:${bucket}`;
        let g = order.get(gid) ?? null;
        if (!order.has(gid)) order.set(gid, null);
        if (!mayHoldKey(kind, key, match, label, identifier)) return false;
        const c = candidate(kind, key, match, label, identifier);
        if (g) g.cands.push(c);
        else {
          g = { kind, bucket, cands: [c] };
          order.set(gid, g);
        }
        return false;
      },
    );
    const found = new Map<string, CandidateGroup>();
    for (const [gid, g] of order) if (g) found.set(gid, g);
    groups = found;
  }
  const keys =
    index.contactKeys.size === 0
      ? []
      : [...new Set(contactKeys(identifiers))].filter((k) => index.contactKeys.has(k)).sort();
  return { groups, contactKeys: keys };
}

const NO_GROUPS: ReadonlyMap<string, CandidateGroup> = new Map();

/** Per index, made once: which kinds it holds and its test of one key (a hash key's hex decoded into scratch). */
const TESTS = new WeakMap<
  LookupIndex,
  { held: (kind: EntryKind) => boolean; algos: readonly EntryKind[]; mayHoldKey: KeyVisitor }
>();
function indexTests(index: LookupIndex) {
  let t = TESTS.get(index);
  if (!t) {
    const held = (kind: EntryKind) => index.fingerprints[kind] !== undefined;
    t = {
      held,
      algos: HASH_KINDS.filter(held),
      mayHoldKey: (kind, key) => mayHold(index, kind, key, isHashKind(kind) ? hexInto(key) : undefined),
    };
    TESTS.set(index, t);
  }
  return t;
}

/** Per entry kind, the lists holding entries of it, as of an index's data token. */
export type Holders = ReadonlyMap<EntryKind, readonly string[]>;

const holdersByIndex = new WeakMap<LookupIndex, Promise<Holders | undefined>>();

/**
 * Which lists hold which kinds, probed once per index (a first-key read per list and kind) in a transaction that
 * also reads the data token: undefined unless the data is still what the index was built from. With it a lookup
 * reads its buckets by primary key — one `get` per holding list — instead of through the [kind+bucket] index,
 * whose `getAll` has a markedly longer tail in Chromium (npm run bench).
 */
export function holdersOf(db: HeedDb, index: LookupIndex): Promise<Holders | undefined> {
  let p = holdersByIndex.get(index);
  if (!p) {
    p = probeHolders(db, index).catch(() => undefined);
    holdersByIndex.set(index, p);
  }
  return p;
}

async function probeHolders(db: HeedDb, index: LookupIndex): Promise<Holders | undefined> {
  if (!db.isOpen()) await db.open();
  const tx = db.backendDB().transaction([META_TABLE, 'buckets'], 'readonly');
  const buckets = tx.objectStore('buckets');
  const kinds = (Object.keys(index.fingerprints) as EntryKind[]).filter((k) => index.fingerprints[k]);
  const probes = kinds.flatMap((kind) =>
    [...index.lists.keys()].map(async (listId) => {
      const range = IDBKeyRange.bound([listId, kind, -Infinity], [listId, kind, Infinity]);
      return (await idbRequest(buckets.getKey(range))) === undefined ? null : ([kind, listId] as const);
    }),
  );
  const [tokenRec, found] = await Promise.all([
    idbRequest(tx.objectStore(META_TABLE).get(DATA_TOKEN_KEY)),
    Promise.all(probes),
  ]);
  if (tokenOf(tokenRec) !== index.token) return undefined;
  const holders = new Map<EntryKind, string[]>();
  for (const f of found) {
    if (!f) continue;
    const ids = holders.get(f[0]) ?? [];
    ids.push(f[1]);
    holders.set(f[0], ids);
  }
  return holders;
}

const cacheKey = (listId: string, kind: EntryKind, bucket: number) => `${listId}\u0000${kind}\u0000${bucket}`;

/** Bytes a cached record holds on to (packed as read, or strings at two bytes a character). */
function cachedBytes(rec: BucketRecord | null): number {
  return rec ? heldBytes(rec) : 64;
}

/**
 * The bucket records a lookup read recently (null: the list holds no such bucket), for one lookup index. A badge, the
 * popup and a page's rows often ask about the same person within seconds; the second asking then reads only the data
 * token. It is correct for as long as its index is: a record cannot change without a new data token, every lookup
 * that uses the cache reads the token in its own transaction and answers from it only when the token is the
 * index's, and an index whose token is outdated is dropped together with its cache. Least recently used records go
 * first once `maxBytes` are held (a bucket is tens of kilobytes at 10M entries).
 */
export class BucketCache {
  private map = new Map<string, BucketRecord | null>();
  private bytes = 0;
  constructor(private readonly maxBytes: number) {}
  get(key: string): BucketRecord | null | undefined {
    const rec = this.map.get(key);
    if (rec === undefined) return undefined;
    this.map.delete(key);
    this.map.set(key, rec);
    return rec;
  }
  set(key: string, rec: BucketRecord | null): void {
    const size = cachedBytes(rec);
    if (size > this.maxBytes) return;
    const old = this.map.get(key);
    if (old !== undefined) {
      this.bytes -= cachedBytes(old);
      this.map.delete(key);
    }
    this.map.set(key, rec);
    this.bytes += size;
    for (const [k, r] of this.map) {
      if (this.bytes <= this.maxBytes) break;
      this.map.delete(k);
      this.bytes -= cachedBytes(r);
    }
  }
  get size(): number {
    return this.map.size;
  }
}

/** 4 MB: about a hundred MD5 buckets at 10M entries, on top of the index's 40 MB (the worker's budget is 64). */
const BUCKET_CACHE_BYTES = 4 * 1024 * 1024;
const bucketCaches = new WeakMap<LookupIndex, BucketCache>();

/** The bucket cache that belongs to `index` (and goes with it). */
export function bucketCacheOf(index: LookupIndex): BucketCache {
  let c = bucketCaches.get(index);
  if (!c) {
    c = new BucketCache(BUCKET_CACHE_BYTES);
    bucketCaches.set(index, c);
  }
  return c;
}

/**
 * Reads the buckets of `groups` and the contacts under `contactKeyList` in one native transaction, with the data
 * token: undefined when the token is no longer `token` (the index that chose these reads is out of date). With
 * `holders` (valid for the same token) each bucket is read by primary key from each list holding its kind, and
 * with `cache` (the index's, see BucketCache) a record read before under the same token is not read again.
 *
 * Every request's result is taken in its own success callback and one promise waits for the last of them: the
 * background answers every look-up through here, and a promise, a closure and an array per request were most of
 * what the read allocates besides the records themselves.
 */
export async function readIfUnchanged(
  db: HeedDb,
  token: string,
  groups: readonly { kind: EntryKind; bucket: number }[],
  contactKeyList: readonly string[],
  holders?: Holders,
  cache?: BucketCache,
): Promise<{ recsPerGroup: BucketRecord[][]; contactsPerKey: Contact[][] } | undefined> {
  if (!db.isOpen()) await db.open();
  // Only the stores read: most lookups read just the token.
  const scope = [META_TABLE];
  if (groups.length > 0) scope.push('buckets');
  if (contactKeyList.length > 0) scope.push('contacts');
  const tx = db.backendDB().transaction(scope, 'readonly');
  const recsPerGroup: BucketRecord[][] = [];
  const contactsPerKey: Contact[][] = [];
  const slotted: [BucketRecord[], (BucketRecord | null | undefined)[]][] = [];
  const fresh: [string, BucketRecord | null][] = [];
  let tokenRec: unknown;
  const ask = (issue: IssueRequest) => {
    issue(tx.objectStore(META_TABLE).get(DATA_TOKEN_KEY), (v) => {
      tokenRec = v;
    });
    const store = groups.length > 0 ? tx.objectStore('buckets') : null;
    for (const g of store ? groups : []) {
      const recs: BucketRecord[] = [];
      recsPerGroup.push(recs);
      if (!holders) {
        issue(
          (store as IDBObjectStore).index('[kind+bucket]').getAll(IDBKeyRange.only([g.kind, g.bucket])),
          (v) => {
            for (const rec of v as StoredBucket[]) recs.push(decodeBucketLazily(rec));
          },
        );
        continue;
      }
      // Requests complete in the order they were made; a cached record is put in its holder's place.
      const lists = holders.get(g.kind) ?? [];
      const slots: (BucketRecord | null | undefined)[] = [];
      slotted.push([recs, slots]);
      for (let i = 0; i < lists.length; i++) {
        const key = cacheKey(lists[i] as string, g.kind, g.bucket);
        const cached = cache?.get(key);
        slots.push(cached);
        if (cached !== undefined) continue;
        issue((store as IDBObjectStore).get([lists[i] as string, g.kind, g.bucket]), (v) => {
          const rec = v === undefined ? null : decodeBucketLazily(v as StoredBucket);
          slots[i] = rec;
          // Kept only once the token read in this transaction says the index (and so its cache) is current.
          fresh.push([key, rec]);
        });
      }
    }
    if (contactKeyList.length > 0) {
      const byKey = tx.objectStore('contacts').index('keys');
      for (const k of contactKeyList) {
        const rows: Contact[] = [];
        contactsPerKey.push(rows);
        issue(byKey.getAll(IDBKeyRange.only(k)), (v) => {
          for (const c of v as Contact[]) rows.push(c);
        });
      }
    }
  };
  await readAll(tx, ask, 'the lookup was aborted');
  if (tokenOf(tokenRec) !== token) return undefined;
  for (const [recs, slots] of slotted) for (const r of slots) if (r) recs.push(r);
  if (cache) for (const [key, rec] of fresh) cache.set(key, rec);
  return { recsPerGroup, contactsPerKey };
}

/** Records read natively, past the Dexie middleware that decodes their batch ids. */
function decodeAll(recsPerGroup: unknown[][]): BucketRecord[][] {
  return recsPerGroup.map((recs) => (recs as StoredBucket[]).map(decodeBucketLazily));
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
    recsPerGroup: decodeAll(recsPerGroup),
    contactRows: contactLists.flat() as Contact[],
    lists: lists as SuppressionList[],
  };
}
