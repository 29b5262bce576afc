import type { HeedDb } from '../store/db';
import {
  type CandidateGroup,
  hashersFor,
  indexedCandidatesWith,
  type LookupMatch,
  type LookupResult,
  normaliseIds,
  type PersonIds,
  readIfUnchanged,
  toMatches,
  uniqueContacts,
} from '../store/lookup';
import { buildLookupIndex, type LookupIndex, loadLookupIndex } from '../store/lookup-index';
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
   * The people's results, in order. Calls may overlap (the bulk check reads one batch's buckets while it prepares
   * the next): each call matches against the records it took from the cache or read itself, whatever another
   * call evicts or clears meanwhile.
   */
  async lookupMany(db: HeedDb, people: readonly PersonQuery[], possible: boolean): Promise<LookupResult[]> {
    for (;;) {
      const index = this.index;
      const answered = await this.tryLookupMany(db, index, people, possible);
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
  ): Promise<LookupResult[] | undefined> {
    const hashers = await hashersFor((kind) => index.fingerprints[kind] !== undefined);
    const prepared = people.map((p) => {
      const identifiers = normaliseIds(p.ids, p.defaultCountry);
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
