import type { HeedDb } from '../store/db';
import {
  type CandidateGroup,
  candidate,
  contactKeys,
  forEachCandidateKey,
  hashersFor,
  indexedCandidatesWith,
  type KeyVisitor,
  type LookupMatch,
  type LookupResult,
  type NormalisedIds,
  normaliseIds,
  type PersonIds,
  readIfUnchanged,
  toMatches,
  uniqueContacts,
} from '../store/lookup';
import { buildLookupIndex, type LookupIndex, loadLookupIndex } from '../store/lookup-index';
import { BUCKET_COUNT, DIGEST_BYTES } from '../store/schemas';
import { type EntryKind, HASH_KINDS, isHashKind } from '../vocab';
import { FingerprintTable } from './fingerprint-table';
import { findPackedHits, type PackedRecord, packRecord } from './packed-buckets';
import {
  type BucketRange,
  bucketOfPlanKey,
  bucketRanges,
  keyFingerprint,
  PlanKeys,
  planKey,
  readRanges,
  reduceStored,
} from './plan-reads';

// The store's lookupPerson, for many people at once. One lookup per row costs a read transaction and a few
// bucket reads; a campaign file of 100,000 rows would take minutes that way. Here a batch of rows shares one
// transaction, the lookup index (lib/store/lookup-index.ts) rules out most candidate keys without any read, and
// the bucket records that are read stay cached across batches. The result per person is the same as
// lookupPerson's, match order included: tests/unit/bulk/lookup-many.test.ts compares the two.

export interface PersonQuery {
  ids: PersonIds;
  /** For national phone numbers. */
  defaultCountry?: string;
}

/**
 * The keys a stretch of a file's rows may be listed under, as plan keys per kind (lib/bulk/plan-reads.ts), collected
 * before any row of it is looked up (see LookupContext.wantsPlan). Tied to the index it was made with.
 */
export class LookupPlan {
  readonly wanted = new Map<EntryKind, PlanKeys>();
  /** Keys collected, repeats included (four bytes each, outside the heap). */
  keys = 0;
  /** Per group, the records reduced to the wanted keys they hold, once resolved. */
  resolved?: Map<string, PackedRecord[]>;
  /** Per kind the index holds, its fingerprints as a FingerprintTable. */
  readonly tables: ReadonlyMap<EntryKind, FingerprintTable>;
  readonly held: (kind: EntryKind) => boolean;
  readonly algos: readonly EntryKind[];
  constructor(
    readonly index: LookupIndex,
    readonly hashers: Awaited<ReturnType<typeof hashersFor>>,
  ) {
    const tables = tablesOf(index);
    this.tables = tables;
    this.held = (kind) => tables.has(kind);
    this.algos = HASH_KINDS.filter(this.held);
  }
}

type FingerprintTables = ReadonlyMap<EntryKind, FingerprintTable>;
const fingerprintTables = new WeakMap<LookupIndex, Map<EntryKind, FingerprintTable>>();

/** The index's fingerprints as tables, made once per index (a few milliseconds per kind at 10M entries). */
function tablesOf(index: LookupIndex): ReadonlyMap<EntryKind, FingerprintTable> {
  let tables = fingerprintTables.get(index);
  if (!tables) {
    tables = new Map();
    for (const [kind, fps] of Object.entries(index.fingerprints) as [EntryKind, Uint32Array | undefined][])
      if (fps) tables.set(kind, new FingerprintTable(fps));
    fingerprintTables.set(index, tables);
  }
  return tables;
}

/**
 * While a plan is resolved: consecutive buckets read by one request, requests per transaction (at 10M entries a few
 * megabytes of records), and transactions in flight.
 */
const PLAN_RANGE_BUCKETS = 16;
const PLAN_READ_RANGES = 4;
const PLAN_READS_IN_FLIGHT = 3;
/** What the cache's estimate counts per string key (the key's characters and where it ends) and per record. */
const STRING_KEY_BYTES = 44;
const RECORD_BYTES = 64;

/** The lookup index and the bucket records read so far, for one bulk check. */
export class LookupContext {
  private buckets = new Map<string, { recs: PackedRecord[]; bytes: number }>();
  private cachedBytes = 0;

  private constructor(
    private index: LookupIndex,
    private readonly maxCachedBytes: number,
  ) {}

  /**
   * The cache is bounded by (estimated) bytes, not records: at 10M entries one bucket record holds thousands of
   * keys, and a whole list must not end up in the page's heap (issue 18: heap growth ≤ 100 MB). A record is kept
   * packed (packed-buckets.ts): a string kind's keys as the code units they were stored as, with where each ends.
   */
  static async load(db: HeedDb, opts: { maxCachedBytes?: number } = {}): Promise<LookupContext> {
    return new LookupContext(await currentIndex(db), opts.maxCachedBytes ?? 64 * 1024 * 1024);
  }

  /**
   * Whether the lists are too large for the cache to hold every bucket a check may need. A million-row file then
   * touches every bucket many times over, and with the cache holding a fraction of them, nearly every batch read
   * its buckets again: at 10M entries 300,000 reads of ~50 KB, eight minutes (issue 18). The check then plans
   * instead: it collects the keys a long stretch of rows may be listed under (plan), reads each bucket they need
   * once and keeps only the entries it wants (resolvePlan, lib/bulk/plan-reads.ts), and looks the rows up against
   * that.
   */
  wantsPlan(): boolean {
    let bytes = 0;
    for (const [kind, fps] of Object.entries(this.index.fingerprints) as [EntryKind, Uint32Array][]) {
      const perKey = isHashKind(kind) ? DIGEST_BYTES[kind] : STRING_KEY_BYTES;
      bytes += fps.length * perKey;
    }
    bytes += this.index.lists.size * BUCKET_COUNT * RECORD_BYTES;
    return bytes > this.maxCachedBytes;
  }

  async newPlan(): Promise<LookupPlan> {
    const index = this.index;
    return new LookupPlan(index, await hashersFor((kind) => index.fingerprints[kind] !== undefined));
  }

  /**
   * Adds the people's possibly listed keys to `plan`; per person a PlanFlag: NOTHING when nothing must be read for
   * them (no key the index may hold, no contact key): their lookup then needs no candidates at all; HASHED when a
   * digest of theirs may be listed; else PLAIN: their lookup then needs no hashing, which was a third of it.
   */
  plan(plan: LookupPlan, people: readonly PersonQuery[], possible: boolean): Uint8Array {
    const flags = new Uint8Array(people.length);
    const { index, tables, wanted } = plan;
    let found = false;
    let hashed = false;
    // One visitor for all the people: a key the index may hold goes into the plan, and nothing is allocated for it.
    const visit: KeyVisitor = (kind, key) => {
      const fp = keyFingerprint(kind, key);
      if (!tables.get(kind)?.has(fp)) return false;
      let keys = wanted.get(kind);
      if (!keys) {
        keys = new PlanKeys();
        wanted.set(kind, keys);
      }
      keys.push(planKey(kind, fp));
      plan.keys++;
      found = true;
      if (isHashKind(kind)) hashed = true;
      return false;
    };
    for (let i = 0; i < people.length; i++) {
      const p = people[i] as PersonQuery;
      const ids = normaliseIds(p.ids, p.defaultCountry);
      found = false;
      hashed = false;
      forEachCandidateKey(plan.hashers, plan.algos, ids, possible, plan.held, visit);
      if (hashed) flags[i] = PlanFlag.HASHED;
      else if (
        found ||
        (index.contactKeys.size > 0 && contactKeys(ids).some((k) => index.contactKeys.has(k)))
      )
        flags[i] = PlanFlag.PLAIN;
    }
    return flags;
  }

  /**
   * Reads every bucket the plan wants, once, and keeps of each record only the entries whose fingerprint it wants
   * (every wanted key the record holds, with its batch id; see plan-reads.ts): lookupMany then answers the plan's
   * people from those. False when the data changed meanwhile (the
   * plan is then not used: lookupMany notices the change itself and reads as usual).
   */
  async resolvePlan(db: HeedDb, plan: LookupPlan): Promise<boolean> {
    if (plan.index !== this.index) return false;
    const resolved = new Map<string, PackedRecord[]>();
    const ranges: BucketRange[] = [];
    for (const [kind, keys] of plan.wanted)
      ranges.push(...bucketRanges(kind, keys.sortedUnique(), PLAN_RANGE_BUCKETS));
    const chunks: BucketRange[][] = [];
    for (let at = 0; at < ranges.length; at += PLAN_READ_RANGES)
      chunks.push(ranges.slice(at, at + PLAN_READ_RANGES));
    // A few reads in flight: the database reads the next buckets while this thread reduces the last ones.
    let next = 0;
    let stale = false;
    const worker = async () => {
      while (!stale && next < chunks.length) {
        const chunk = chunks[next++] as BucketRange[];
        const read = await readRanges(db, plan.index.token, chunk);
        if (!read) {
          stale = true;
          return;
        }
        chunk.forEach((range, i) => {
          for (const rec of read[i] ?? []) {
            const reduced = reduceStored(rec, range.keys);
            if (!reduced) continue;
            const gid = `${range.kind}:${(rec as { bucket: number }).bucket}`;
            const recs = resolved.get(gid);
            if (recs) recs.push(reduced);
            else resolved.set(gid, [reduced]);
          }
        });
      }
    };
    await Promise.all(Array.from({ length: PLAN_READS_IN_FLIGHT }, worker));
    if (stale) return false;
    plan.wanted.clear();
    plan.resolved = resolved;
    plan.keys = 0;
    return true;
  }

  /**
   * The people's results, in order. Calls may overlap (the bulk check reads one batch's buckets while it prepares
   * the next): each call matches against the records it took from the cache or read itself, whatever another
   * call evicts or clears meanwhile.
   */
  async lookupMany(
    db: HeedDb,
    people: readonly PersonQuery[],
    possible: boolean,
    planned?: { plan: LookupPlan; flags: Uint8Array },
  ): Promise<LookupResult[]> {
    for (;;) {
      const index = this.index;
      // A plan answers only for the index it was made with, and only once resolved.
      const usable = planned?.plan.index === index && planned.plan.resolved ? planned : undefined;
      const answered = await this.tryLookupMany(db, index, people, possible, usable);
      if (answered) return answered;
      // The data changed since the index was built (an import in another tab, say): start again from it, unless
      // an overlapping call already did.
      if (this.index === index) {
        const fresh = await currentIndex(db);
        if (this.index === index) {
          this.index = fresh;
          this.buckets.clear();
          this.cachedBytes = 0;
        }
      }
    }
  }

  /** Undefined when the data token shows `index` is out of date. */
  private async tryLookupMany(
    db: HeedDb,
    index: LookupIndex,
    people: readonly PersonQuery[],
    possible: boolean,
    planned: { plan: LookupPlan; flags: Uint8Array } | undefined,
  ): Promise<LookupResult[] | undefined> {
    const hashers = await hashersFor((kind) => index.fingerprints[kind] !== undefined);
    const narrowing = planned ? narrowingOf(index) : undefined;
    const reduced = planned?.plan.resolved;
    const prepared = people.map((p, i) => {
      const identifiers = normaliseIds(p.ids, p.defaultCountry);
      // The plan found nothing to read for this person under this index: no candidate can match. (With a plan, a
      // group the plan did not read holds none of the keys the index may hold: see resolvePlan.)
      if (planned) {
        const flag = planned.flags[i];
        if (flag === PlanFlag.NOTHING) return { identifiers, groups: NO_GROUPS, cKeys: NO_KEYS };
        // None of the person's digests may be listed: their keys without the digests group the same (a group
        // holds one kind), so they are not computed.
        const hashing = flag === PlanFlag.HASHED;
        return {
          identifiers,
          ...narrow(
            hashing ? hashers : undefined,
            index,
            narrowing as Narrowing,
            hashing,
            identifiers,
            possible,
          ),
        };
      }
      // Without a plan the store's own narrowing: it allocates nothing for a person on no list, which at 2M
      // entries (fingerprints that mostly stay in the processor's cache) is worth more than narrow's single hashing.
      const narrowed = indexedCandidatesWith(hashers, index, identifiers, possible);
      return { identifiers, groups: narrowed.groups, cKeys: narrowed.contactKeys };
    });

    // The oldest buckets go first; those this batch needs are read again below.
    for (const [gid, b] of this.buckets) {
      if (this.cachedBytes <= this.maxCachedBytes) break;
      this.buckets.delete(gid);
      this.cachedBytes -= b.bytes;
    }
    // The records this call matches against: from the cache now, or read below.
    const records = new Map<string, readonly PackedRecord[]>();
    const missing = new Map<string, CandidateGroup>();
    for (const p of prepared)
      for (const [gid, g] of p.groups) {
        if (records.has(gid) || missing.has(gid)) continue;
        if (reduced) {
          records.set(gid, reduced.get(gid) ?? NO_RECORDS);
          continue;
        }
        const cached = this.buckets.get(gid);
        if (cached && this.index === index) records.set(gid, cached.recs);
        else missing.set(gid, g);
      }
    const wantedContacts = [...new Set(prepared.flatMap((p) => p.cKeys))];

    // The cached buckets and the index are only used while the token is the one the index was built with.
    const read = await readIfUnchanged(db, index.token, [...missing.values()], wantedContacts);
    if (!read) return undefined;
    let i = 0;
    for (const gid of missing.keys()) {
      const recs = (read.recsPerGroup[i++] ?? []).map(packRecord);
      records.set(gid, recs);
      // Cached only for the index they were read under (an overlapping call may have replaced it).
      if (this.index !== index) continue;
      const bytes = recs.reduce((n, r) => n + r.bytes, 0);
      const had = this.buckets.get(gid);
      if (had) this.cachedBytes -= had.bytes;
      this.buckets.set(gid, { recs, bytes });
      this.cachedBytes += bytes;
    }
    const byKey = new Map(wantedContacts.map((k, i) => [k, read.contactsPerKey[i] ?? []] as const));

    return prepared.map((p) => {
      const matches = matchesFor(index, p.groups, records);
      if (p.cKeys.length === 0) return { matches, contacts: NO_CONTACTS, identifiers: p.identifiers };
      const contacts = uniqueContacts(p.cKeys.flatMap((k) => byKey.get(k) ?? []));
      const contact = contacts[0];
      return contact
        ? { matches, contact, contacts, identifiers: p.identifiers }
        : { matches, contacts, identifiers: p.identifiers };
    });
  }
}

const NO_GROUPS: ReadonlyMap<string, CandidateGroup> = new Map();
const NO_KINDS: readonly EntryKind[] = [];

/** What LookupContext.plan found for a person (see there). */
export const PlanFlag = { NOTHING: 0, PLAIN: 1, HASHED: 2 } as const;

/** What narrow needs of an index, made once per index. */
interface Narrowing {
  tables: FingerprintTables;
  held: (kind: EntryKind) => boolean;
  algos: readonly EntryKind[];
}
const narrowings = new WeakMap<LookupIndex, Narrowing>();
function narrowingOf(index: LookupIndex): Narrowing {
  let n = narrowings.get(index);
  if (!n) {
    const tables = tablesOf(index);
    const held = (kind: EntryKind) => tables.has(kind);
    n = { tables, held, algos: HASH_KINDS.filter(held) };
    narrowings.set(index, n);
  }
  return n;
}

// One person's candidate keys as narrow visits them, reused from person to person (a million of them).
const seen = {
  n: 0,
  kinds: [] as EntryKind[],
  keys: [] as string[],
  matches: [] as ('exact' | 'possible')[],
  labels: [] as string[],
  identifiers: [] as string[],
  fps: [] as number[],
  passed: [] as boolean[],
  any: false,
  tables: undefined as FingerprintTables | undefined,
};
const collect: KeyVisitor = (kind, key, match, label, identifier) => {
  const i = seen.n++;
  const fp = keyFingerprint(kind, key);
  const passed = (seen.tables as FingerprintTables).get(kind)?.has(fp) ?? false;
  seen.kinds[i] = kind;
  seen.keys[i] = key;
  seen.matches[i] = match;
  seen.labels[i] = label;
  seen.identifiers[i] = identifier;
  seen.fps[i] = fp;
  seen.passed[i] = passed;
  if (passed) seen.any = true;
  return false;
};

/**
 * The store's indexedCandidatesWith (lib/store/lookup.ts): the person's keys some list may hold, grouped by bucket
 * in the order each group's first key comes (held or not), and their contact keys the index knows. Here every key
 * is hashed once and tested through the FingerprintTables (the store's version hashes a listed person's keys twice
 * and searches all of a kind's fingerprints per key: at 10M entries, 5M fingerprints a kind, ~23 cache misses a
 * search), and a Candidate is made only for a key that passes. Used with a plan only (see tryLookupMany).
 * tests/unit/bulk/lookup-many.test.ts compares the answers with unplanned ones, and those with lookupPerson's.
 */
function narrow(
  hashers: Awaited<ReturnType<typeof hashersFor>>,
  index: LookupIndex,
  narrowing: Narrowing,
  hashing: boolean,
  identifiers: NormalisedIds,
  possible: boolean,
): { groups: ReadonlyMap<string, CandidateGroup>; cKeys: string[] } {
  const cKeys =
    index.contactKeys.size === 0
      ? NO_KEYS
      : [...new Set(contactKeys(identifiers))].filter((k) => index.contactKeys.has(k)).sort();
  seen.n = 0;
  seen.any = false;
  seen.tables = narrowing.tables;
  forEachCandidateKey(
    hashers,
    hashing ? narrowing.algos : NO_KINDS,
    identifiers,
    possible,
    narrowing.held,
    collect,
  );
  if (!seen.any) return { groups: NO_GROUPS, cKeys };
  const order = new Map<string, CandidateGroup | null>();
  for (let i = 0; i < seen.n; i++) {
    const kind = seen.kinds[i] as EntryKind;
    const bucket = bucketOfPlanKey(planKey(kind, seen.fps[i] as number));
    const gid = `${kind}:${bucket}`;
    let g = order.get(gid) ?? null;
    if (!order.has(gid)) order.set(gid, null);
    if (!seen.passed[i]) continue;
    const c = candidate(
      kind,
      seen.keys[i] as string,
      seen.matches[i] as 'exact' | 'possible',
      seen.labels[i] as string,
      seen.identifiers[i] as string,
    );
    if (g) g.cands.push(c);
    else {
      g = { kind, bucket, cands: [c] };
      order.set(gid, g);
    }
  }
  const groups = new Map<string, CandidateGroup>();
  for (const [gid, g] of order) if (g) groups.set(gid, g);
  return { groups, cKeys };
}
const NO_KEYS: string[] = [];
// Shared by every row on no list or without contact keys (most of a file); frozen, so a caller that pushed into
// one would fail loudly instead of giving every row its value.
const NO_MATCHES = Object.freeze([]) as unknown as LookupMatch[];
const NO_CONTACTS = Object.freeze([]) as unknown as LookupResult['contacts'];
const NO_RECORDS: readonly PackedRecord[] = [];

function matchesFor(
  index: LookupIndex,
  groups: ReadonlyMap<string, CandidateGroup>,
  records: ReadonlyMap<string, readonly PackedRecord[]>,
): LookupMatch[] {
  if (groups.size === 0) return NO_MATCHES;
  const hits = findPackedHits(
    [...groups].map(([gid, g]) => ({ cands: g.cands, records: records.get(gid) ?? [] })),
  );
  return toMatches(hits.values(), index.lists, index.batches);
}

/** The persisted index when it is current (the background keeps one), else one built now from every bucket. */
async function currentIndex(db: HeedDb): Promise<LookupIndex> {
  return (await loadLookupIndex(db)) ?? (await buildLookupIndex(db));
}
