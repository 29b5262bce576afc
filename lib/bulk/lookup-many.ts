import { hexToBytes } from '../identifiers';
import { bucketOf } from '../store/buckets';
import type { HeedDb } from '../store/db';
import {
  type Candidate,
  type CandidateGroup,
  candidateKeysWith,
  contactKeys,
  findHits,
  hashersFor,
  indexedCandidatesWith,
  type LookupMatch,
  type LookupResult,
  type NormalisedIds,
  normaliseIds,
  type PersonIds,
  readIfUnchanged,
  toMatches,
  uniqueContacts,
} from '../store/lookup';
import { buildLookupIndex, fingerprint, type LookupIndex, loadLookupIndex } from '../store/lookup-index';
import { type BucketRecord, DIGEST_BYTES } from '../store/schemas';
import { type EntryKind, isHashKind } from '../vocab';
import { FingerprintTable } from './fingerprint-table';
import { findPackedHits, type PackedRecord, packRecord } from './packed-buckets';

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
 * The keys a stretch of a file's rows may be listed under, per bucket, collected before any row of it is looked
 * up (see LookupContext.wantsPlan). Tied to the index it was made with.
 */
export class LookupPlan {
  readonly wanted = new Map<string, { kind: EntryKind; bucket: number; keys: Set<string> }>();
  /** Keys collected (roughly what the plan holds in memory: one short string each). */
  keys = 0;
  /** Per group, the records reduced to the wanted keys they hold, once resolved. */
  resolved?: Map<string, PackedRecord[]>;
  /** Per kind the index holds, its fingerprints as a FingerprintTable. */
  readonly tables: ReadonlyMap<EntryKind, FingerprintTable>;
  constructor(
    readonly index: LookupIndex,
    readonly hashers: Awaited<ReturnType<typeof hashersFor>>,
  ) {
    this.tables = tablesOf(index);
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

/** Groups read per transaction while a plan is resolved: a few megabytes of records at 10M entries. */
const PLAN_READ_GROUPS = 32;
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
   * keys, and a whole list must not end up in the page's heap (issue 18: heap growth ≤ 100 MB). Packed
   * (packed-buckets.ts), 1M plain emails take ~45 MB of it.
   */
  static async load(db: HeedDb, opts: { maxCachedBytes?: number } = {}): Promise<LookupContext> {
    return new LookupContext(await currentIndex(db), opts.maxCachedBytes ?? 64 * 1024 * 1024);
  }

  /**
   * Whether the lists are too large for the cache to hold every bucket a check may need. A million-row file then
   * touches every bucket many times over, and with the cache holding a fraction of them, nearly every batch read
   * its buckets again: at 10M entries 300,000 reads of ~50 KB, eight minutes (issue 18). The check then plans
   * instead: it collects the keys a long stretch of rows may be listed under (plan), reads each bucket they need
   * once and keeps only those keys of it (resolvePlan), and looks the rows up against that.
   */
  wantsPlan(): boolean {
    let bytes = 0;
    for (const [kind, fps] of Object.entries(this.index.fingerprints) as [EntryKind, Uint32Array][]) {
      const perKey = isHashKind(kind) ? DIGEST_BYTES[kind] : STRING_KEY_BYTES;
      bytes += fps.length * perKey;
    }
    bytes += this.index.lists.size * 4096 * RECORD_BYTES;
    return bytes > this.maxCachedBytes;
  }

  async newPlan(): Promise<LookupPlan> {
    const index = this.index;
    return new LookupPlan(index, await hashersFor((kind) => index.fingerprints[kind] !== undefined));
  }

  /**
   * Adds the people's possibly listed keys to `plan`; per person 1 when something must be read for them (a key the
   * index may hold, or a contact key), else 0: their lookup then needs no candidates at all.
   */
  plan(plan: LookupPlan, people: readonly PersonQuery[], possible: boolean): Uint8Array {
    const flags = new Uint8Array(people.length);
    for (let i = 0; i < people.length; i++) {
      const p = people[i] as PersonQuery;
      const found = narrow(
        plan.hashers,
        plan.index,
        plan.tables,
        normaliseIds(p.ids, p.defaultCountry),
        possible,
      );
      if (found.groups.size === 0 && found.cKeys.length === 0) continue;
      flags[i] = 1;
      for (const [gid, g] of found.groups) {
        let w = plan.wanted.get(gid);
        if (!w) {
          w = { kind: g.kind, bucket: g.bucket, keys: new Set() };
          plan.wanted.set(gid, w);
        }
        for (const c of g.cands) {
          if (w.keys.has(c.key)) continue;
          w.keys.add(c.key);
          plan.keys++;
        }
      }
    }
    return flags;
  }

  /**
   * Reads every bucket the plan wants, once, and keeps of each record only the wanted keys it holds (with their
   * batch ids): lookupMany then answers the plan's people from those. False when the data changed meanwhile (the
   * plan is then not used: lookupMany notices the change itself and reads as usual).
   */
  async resolvePlan(db: HeedDb, plan: LookupPlan): Promise<boolean> {
    if (plan.index !== this.index) return false;
    const resolved = new Map<string, PackedRecord[]>();
    const gids = [...plan.wanted.keys()];
    const chunks: string[][] = [];
    for (let at = 0; at < gids.length; at += PLAN_READ_GROUPS)
      chunks.push(gids.slice(at, at + PLAN_READ_GROUPS));
    // A few reads in flight: the database reads the next groups while this thread reduces the last ones.
    let next = 0;
    let stale = false;
    const worker = async () => {
      while (!stale && next < chunks.length) {
        const chunk = chunks[next++] as string[];
        const groups = chunk.map((gid) => plan.wanted.get(gid) as { kind: EntryKind; bucket: number });
        const read = await readIfUnchanged(db, plan.index.token, groups, []);
        if (!read) {
          stale = true;
          return;
        }
        chunk.forEach((gid, i) => {
          const w = plan.wanted.get(gid) as { kind: EntryKind; keys: Set<string> };
          resolved.set(gid, reduceRecords(w.kind, [...w.keys].sort(), read.recsPerGroup[i] ?? []));
          plan.wanted.delete(gid);
        });
      }
    };
    await Promise.all(Array.from({ length: PLAN_READS_IN_FLIGHT }, worker));
    if (stale) return false;
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
    const tables = planned ? tablesOf(index) : undefined;
    const reduced = planned?.plan.resolved;
    const prepared = people.map((p, i) => {
      const identifiers = normaliseIds(p.ids, p.defaultCountry);
      // The plan found nothing to read for this person under this index: no candidate can match. (With a plan, a
      // group the plan did not read holds none of the keys the index may hold: see resolvePlan.)
      if (planned) {
        if (planned.flags[i] === 0) return { identifiers, groups: NO_GROUPS, cKeys: NO_KEYS };
        return { identifiers, ...narrow(hashers, index, tables as FingerprintTables, identifiers, possible) };
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
      if (p.cKeys.length === 0) return { matches, contacts: [], identifiers: p.identifiers };
      const contacts = uniqueContacts(p.cKeys.flatMap((k) => byKey.get(k) ?? []));
      const contact = contacts[0];
      return contact
        ? { matches, contact, contacts, identifiers: p.identifiers }
        : { matches, contacts, identifiers: p.identifiers };
    });
  }
}

const NO_GROUPS: ReadonlyMap<string, CandidateGroup> = new Map();

/**
 * The store's indexedCandidatesWith (lib/store/lookup.ts): the person's keys some list may hold, grouped by bucket
 * in the order each group's first key comes (held or not), and their contact keys the index knows. Here every key
 * is hashed once and tested through the FingerprintTables: the store's version hashes a listed person's keys twice
 * and searches all of a kind's fingerprints per key, which at 10M entries (5M fingerprints a kind, each search ~23
 * cache misses) was the planned check's largest cost after the collector. Used with a plan only (see tryLookupMany).
 * tests/unit/bulk/lookup-many.test.ts compares the answers with unplanned ones, and those with lookupPerson's.
 */
function narrow(
  hashers: Awaited<ReturnType<typeof hashersFor>>,
  index: LookupIndex,
  tables: ReadonlyMap<EntryKind, FingerprintTable>,
  identifiers: NormalisedIds,
  possible: boolean,
): { groups: ReadonlyMap<string, CandidateGroup>; cKeys: string[] } {
  const cands = candidateKeysWith(hashers, identifiers, possible, (kind) => tables.has(kind));
  const cKeys =
    index.contactKeys.size === 0
      ? NO_KEYS
      : [...new Set(contactKeys(identifiers))].filter((k) => index.contactKeys.has(k)).sort();
  let passed: boolean[] | undefined;
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i] as Candidate;
    if (!tables.get(c.kind)?.has(fingerprint(c.kind, c.key, c.needle))) continue;
    passed ??= new Array(cands.length).fill(false);
    passed[i] = true;
  }
  if (!passed) return { groups: NO_GROUPS, cKeys };
  const order = new Map<string, CandidateGroup | null>();
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i] as Candidate;
    const bucket = bucketOf(c.kind, c.key);
    const gid = `${c.kind}:${bucket}`;
    let g = order.get(gid) ?? null;
    if (!order.has(gid)) order.set(gid, null);
    if (!passed[i]) continue;
    if (g) g.cands.push(c);
    else {
      g = { kind: c.kind, bucket, cands: [c] };
      order.set(gid, g);
    }
  }
  const groups = new Map<string, CandidateGroup>();
  for (const [gid, g] of order) if (g) groups.set(gid, g);
  return { groups, cKeys };
}
const NO_KEYS: string[] = [];
const NO_RECORDS: readonly PackedRecord[] = [];

/**
 * A group's records reduced to `keys` (sorted, unique): per record that holds any of them, a packed record of just
 * those, in the record's order, with their batch ids. Searching it for one of `keys` gives what searching the
 * whole record gives (found or not, and the batch), and matches come out in the same order. The records are
 * searched by the store's findHits, as a lookup searches them (no copy of a record is made).
 */
export function reduceRecords(
  kind: EntryKind,
  keys: readonly string[],
  recs: readonly BucketRecord[],
): PackedRecord[] {
  const hashed = isHashKind(kind);
  const cands: Candidate[] = keys.map((key) => ({
    kind,
    key,
    ...(hashed ? { needle: hexToBytes(key) } : {}),
    via: '',
    match: 'exact',
    identifier: '',
  }));
  // Hits come record by record (one record per list in a group), each record's in the keys' order.
  const byList = new Map<string, { held: Candidate[]; batches: number[] }>();
  for (const hit of findHits([{ cands, records: recs }]).values()) {
    let r = byList.get(hit.listId);
    if (!r) {
      r = { held: [], batches: [] };
      byList.set(hit.listId, r);
    }
    r.held.push(hit.c);
    r.batches.push(hit.batchId);
  }
  const out: PackedRecord[] = [];
  for (const [listId, { held, batches }] of byList) {
    const same = batches.every((b) => b === batches[0]);
    const batch = same ? (batches[0] as number) : Uint32Array.from(batches);
    if (hashed) {
      const width = DIGEST_BYTES[kind as keyof typeof DIGEST_BYTES];
      const digests = new Uint8Array(held.length * width);
      held.forEach((c, i) => {
        digests.set(c.needle as Uint8Array, i * width);
      });
      out.push({ listId, kind, digests, text: '', batch, bytes: RECORD_BYTES + digests.length });
      continue;
    }
    const ends = new Uint32Array(held.length);
    let end = 0;
    held.forEach((c, i) => {
      end += c.key.length;
      ends[i] = end;
    });
    const text = held.map((c) => c.key).join('');
    out.push({ listId, kind, text, ends, batch, bytes: RECORD_BYTES + 2 * text.length });
  }
  return out;
}

function matchesFor(
  index: LookupIndex,
  groups: ReadonlyMap<string, CandidateGroup>,
  records: ReadonlyMap<string, readonly PackedRecord[]>,
): LookupMatch[] {
  if (groups.size === 0) return [];
  const hits = findPackedHits(
    [...groups].map(([gid, g]) => ({ cands: g.cands, records: records.get(gid) ?? [] })),
  );
  return toMatches(hits.values(), index.lists, index.batches);
}

/** The persisted index when it is current (the background keeps one), else one built now from every bucket. */
async function currentIndex(db: HeedDb): Promise<LookupIndex> {
  return (await loadLookupIndex(db)) ?? (await buildLookupIndex(db));
}
