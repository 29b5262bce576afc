import type { HeedDb } from '../store/db';
import {
  type CandidateGroup,
  findHits,
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
import type { BucketRecord } from '../store/schemas';

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
  private buckets = new Map<string, { recs: BucketRecord[]; bytes: number }>();
  private cachedBytes = 0;

  private constructor(
    private index: LookupIndex,
    private readonly maxCachedBytes: number,
  ) {}

  /**
   * The cache is bounded by (estimated) bytes, not records: at 10M entries one bucket record holds thousands of
   * keys, and a whole list must not end up in the page's heap (issue 18: heap growth ≤ 100 MB).
   */
  static async load(db: HeedDb, opts: { maxCachedBytes?: number } = {}): Promise<LookupContext> {
    return new LookupContext(await currentIndex(db), opts.maxCachedBytes ?? 48 * 1024 * 1024);
  }

  async lookupMany(db: HeedDb, people: readonly PersonQuery[], possible: boolean): Promise<LookupResult[]> {
    for (;;) {
      const answered = await this.tryLookupMany(db, people, possible);
      if (answered) return answered;
      // The data changed since the index was built (an import in another tab, say): start again from it.
      this.index = await currentIndex(db);
      this.buckets.clear();
      this.cachedBytes = 0;
    }
  }

  /** Undefined when the data token shows the index is out of date. */
  private async tryLookupMany(
    db: HeedDb,
    people: readonly PersonQuery[],
    possible: boolean,
  ): Promise<LookupResult[] | undefined> {
    const index = this.index;
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
    const missing = new Map<string, CandidateGroup>();
    for (const p of prepared)
      for (const [gid, g] of p.groups) if (!this.buckets.has(gid)) missing.set(gid, g);
    const wantedContacts = [...new Set(prepared.flatMap((p) => p.cKeys))];

    // The cached buckets and the index are only used while the token is the one the index was built with.
    const read = await readIfUnchanged(db, index.token, [...missing.values()], wantedContacts);
    if (!read) return undefined;
    [...missing.keys()].forEach((gid, i) => {
      const recs = read.recsPerGroup[i] ?? [];
      const bytes = recs.reduce((n, r) => n + recordBytes(r), 0);
      this.buckets.set(gid, { recs, bytes });
      this.cachedBytes += bytes;
    });
    const byKey = new Map(wantedContacts.map((k, i) => [k, read.contactsPerKey[i] ?? []] as const));

    return prepared.map((p) => {
      const contacts = p.cKeys.length === 0 ? [] : uniqueContacts(p.cKeys.flatMap((k) => byKey.get(k) ?? []));
      return {
        matches: this.matchesFor(p.groups),
        ...(contacts[0] ? { contact: contacts[0] } : {}),
        contacts,
        identifiers: p.identifiers,
      };
    });
  }

  private matchesFor(groups: ReadonlyMap<string, CandidateGroup>): LookupMatch[] {
    if (groups.size === 0) return [];
    const hits = findHits(
      [...groups].map(([gid, g]) => ({ cands: g.cands, records: this.buckets.get(gid)?.recs ?? [] })),
    );
    return toMatches(hits.values(), this.index.lists, this.index.batches);
  }
}

/** The persisted index when it is current (the background keeps one), else one built now from every bucket. */
async function currentIndex(db: HeedDb): Promise<LookupIndex> {
  return (await loadLookupIndex(db)) ?? (await buildLookupIndex(db));
}

/** Roughly what a bucket record costs in the heap: its bytes, or per string key its characters and a header. */
function recordBytes(rec: BucketRecord): number {
  if (rec.keys instanceof Uint8Array) return rec.keys.byteLength + rec.batchIds.byteLength;
  let n = rec.batchIds.byteLength;
  for (const k of rec.keys) n += 32 + k.length;
  return n;
}
