import type { HeedDb } from '../store/db';
import {
  type CandidateGroup,
  findHits,
  indexedCandidates,
  type LookupMatch,
  type LookupResult,
  normaliseIds,
  type PersonIds,
  readIfUnchanged,
  toMatches,
  uniqueContacts,
} from '../store/lookup';
import { buildLookupIndex, type LookupIndex } from '../store/lookup-index';
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
  private buckets = new Map<string, BucketRecord[]>();
  private cachedRecords = 0;

  private constructor(
    private index: LookupIndex,
    private readonly maxCachedRecords: number,
  ) {}

  static async load(db: HeedDb, opts: { maxCachedRecords?: number } = {}): Promise<LookupContext> {
    return new LookupContext(await buildLookupIndex(db), opts.maxCachedRecords ?? 50_000);
  }

  async lookupMany(db: HeedDb, people: readonly PersonQuery[], possible: boolean): Promise<LookupResult[]> {
    for (;;) {
      const answered = await this.tryLookupMany(db, people, possible);
      if (answered) return answered;
      // The data changed since the index was built (an import in another tab, say): start again from it.
      this.index = await buildLookupIndex(db);
      this.buckets.clear();
      this.cachedRecords = 0;
    }
  }

  /** Undefined when the data token shows the index is out of date. */
  private async tryLookupMany(
    db: HeedDb,
    people: readonly PersonQuery[],
    possible: boolean,
  ): Promise<LookupResult[] | undefined> {
    const index = this.index;
    const prepared = await Promise.all(
      people.map(async (p) => {
        const identifiers = normaliseIds(p.ids, p.defaultCountry);
        const narrowed = await indexedCandidates(index, identifiers, possible);
        return { identifiers, groups: narrowed.groups, cKeys: narrowed.contactKeys };
      }),
    );

    if (this.cachedRecords > this.maxCachedRecords) {
      this.buckets.clear();
      this.cachedRecords = 0;
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
      this.buckets.set(gid, recs);
      this.cachedRecords += recs.length;
    });
    const byKey = new Map(wantedContacts.map((k, i) => [k, read.contactsPerKey[i] ?? []] as const));

    return prepared.map((p) => {
      const contacts = uniqueContacts(p.cKeys.flatMap((k) => byKey.get(k) ?? []));
      return {
        matches: this.matchesFor(p.groups),
        ...(contacts[0] ? { contact: contacts[0] } : {}),
        contacts,
        identifiers: p.identifiers,
      };
    });
  }

  private matchesFor(groups: Map<string, CandidateGroup>): LookupMatch[] {
    const hits = findHits(
      [...groups].map(([gid, g]) => ({ cands: g.cands, records: this.buckets.get(gid) ?? [] })),
    );
    return toMatches(hits.values(), this.index.lists, this.index.batches);
  }
}
