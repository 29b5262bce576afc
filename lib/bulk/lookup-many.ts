import type { HeedDb } from '../store/db';
import {
  type CandidateGroup,
  candidateKeys,
  contactKeys,
  findHits,
  groupCandidates,
  type LookupMatch,
  type LookupResult,
  normaliseIds,
  type PersonIds,
  toMatches,
  uniqueContacts,
} from '../store/lookup';
import type { Batch, BucketRecord, Contact, SuppressionList } from '../store/schemas';

// The store's lookupPerson, for many people at once. One lookup per row costs a read transaction and a few
// dozen bucket reads; a campaign file of 100,000 rows would take minutes that way. Here a batch of rows shares
// one transaction, and bucket records stay cached across batches (a bucket holds a few hundred keys, and the
// same buckets come back again and again). The result per person is the same as lookupPerson's, match order
// included: tests/unit/bulk/lookup-many.test.ts compares the two.

export interface PersonQuery {
  ids: PersonIds;
  /** For national phone numbers. */
  defaultCountry?: string;
}

/** Lists, batches and bucket records read once per bulk check. */
export class LookupContext {
  private buckets = new Map<string, BucketRecord[]>();
  private cachedRecords = 0;

  private constructor(
    private readonly lists: Map<string, SuppressionList>,
    private readonly batches: Map<number, Batch>,
    /** Every kind:bucket that holds a record: a candidate in any other bucket cannot match, and is not read. */
    private readonly stored: ReadonlySet<string>,
    /** All contact records by key, when there are few enough to hold; otherwise read per batch. */
    private readonly allContacts: Map<string, Contact[]> | null,
    private readonly maxCachedRecords: number,
  ) {}

  static async load(
    db: HeedDb,
    opts: { maxCachedRecords?: number; maxHeldContacts?: number } = {},
  ): Promise<LookupContext> {
    return db.transaction('r', db.lists, db.batches, db.buckets, db.contacts, async () => {
      const [lists, batches, bucketKeys, contactCount] = await Promise.all([
        db.lists.toArray(),
        db.batches.toArray(),
        db.buckets.orderBy('[kind+bucket]').uniqueKeys(),
        db.contacts.count(),
      ]);
      let allContacts: Map<string, Contact[]> | null = null;
      if (contactCount <= (opts.maxHeldContacts ?? 20_000)) {
        allContacts = contactsByKey(await db.contacts.toArray(), null);
      }
      const stored = new Set(
        bucketKeys.map(
          (k) => `${(k as unknown as [string, number])[0]}:${(k as unknown as [string, number])[1]}`,
        ),
      );
      return new LookupContext(
        new Map(lists.map((l) => [l.id, l])),
        new Map(batches.map((b) => [b.id, b])),
        stored,
        allContacts,
        opts.maxCachedRecords ?? 50_000,
      );
    });
  }

  async lookupMany(db: HeedDb, people: readonly PersonQuery[], possible: boolean): Promise<LookupResult[]> {
    const prepared = await Promise.all(
      people.map(async (p) => {
        const identifiers = normaliseIds(p.ids, p.defaultCountry);
        const groups = groupCandidates(await candidateKeys(identifiers, possible));
        return { identifiers, groups, cKeys: contactKeys(identifiers) };
      }),
    );

    const missing = new Map<string, [string, number]>();
    for (const p of prepared) {
      for (const [gid, g] of p.groups) {
        if (!this.stored.has(gid) || this.buckets.has(gid) || missing.has(gid)) continue;
        missing.set(gid, [g.kind, g.bucket]);
      }
    }
    if (this.cachedRecords > this.maxCachedRecords) {
      this.buckets.clear();
      this.cachedRecords = 0;
      for (const p of prepared) {
        for (const [gid, g] of p.groups) {
          if (!this.stored.has(gid)) continue;
          missing.set(gid, [g.kind, g.bucket]);
        }
      }
    }
    const allContactKeys = this.allContacts ? [] : [...new Set(prepared.flatMap((p) => p.cKeys))];

    const [bucketRows, contactRows] = await db.transaction('r', db.buckets, db.contacts, () =>
      Promise.all([
        missing.size > 0
          ? db.buckets
              .where('[kind+bucket]')
              .anyOf([...missing.values()])
              .toArray()
          : Promise.resolve([] as BucketRecord[]),
        allContactKeys.length > 0
          ? db.contacts.where('keys').anyOf(allContactKeys).toArray()
          : Promise.resolve([] as Contact[]),
      ]),
    );
    for (const gid of missing.keys()) this.buckets.set(gid, []);
    // anyOf returns records in index order, then primary-key order: the order equals() gives lookupPerson.
    for (const rec of bucketRows) {
      (this.buckets.get(`${rec.kind}:${rec.bucket}`) as BucketRecord[]).push(rec);
      this.cachedRecords++;
    }

    const byKey = this.allContacts ?? contactsByKey(contactRows, new Set(allContactKeys));

    return prepared.map((p) => {
      const contacts = uniqueContacts([...p.cKeys].sort().flatMap((k) => byKey.get(k) ?? []));
      const matches = this.matchesFor(p.groups);
      return {
        matches,
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
    return toMatches(hits.values(), this.lists, this.batches);
  }
}

/** Contacts under each of their keys (only the wanted ones, if given), each list in primary-key order. */
function contactsByKey(rows: readonly Contact[], wanted: ReadonlySet<string> | null): Map<string, Contact[]> {
  const out = new Map<string, Contact[]>();
  const seen = new Set<string>();
  for (const ct of rows) {
    if (seen.has(ct.id)) continue;
    seen.add(ct.id);
    for (const k of ct.keys) {
      if (wanted && !wanted.has(k)) continue;
      const list = out.get(k);
      if (list) list.push(ct);
      else out.set(k, [ct]);
    }
  }
  for (const list of out.values()) list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out;
}
