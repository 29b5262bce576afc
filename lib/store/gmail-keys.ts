import { canonicalMailbox, hexToBytes } from '../identifiers';
import { bucketOf, bucketRecord, buildSorted } from './buckets';
import type { BucketRecord, Contact, SuppressionList } from './schemas';

// Lists store a Gmail address as its canonical mailbox (lib/identifiers canonicalMailbox), so that one key read
// finds every dot / +tag / googlemail spelling of it. Data written before that rule (an installed database, an
// old backup) holds the addresses as they were written; this rewrites such a list's email entries once.

export interface CanonicalisedEntries {
  lists: SuppressionList[];
  /** Every bucket record: unchanged ones as they were, the email buckets of rewritten lists rebuilt. */
  buckets: BucketRecord[];
  /** Lists whose email entries were rewritten (their old email buckets are all replaced). */
  rewritten: Set<string>;
}

/**
 * Rewrites the email entries of every list holding a non-canonical Gmail key. Two spellings of one mailbox
 * become one entry that keeps the earliest batch (the first recording says when and why), and the list's
 * counts drop by the entries merged away. Lists without such a key are returned untouched.
 */
export function canonicaliseGmailEntries(
  lists: readonly SuppressionList[],
  buckets: readonly BucketRecord[],
): CanonicalisedEntries {
  const affected = new Set<string>();
  for (const b of buckets) {
    if (b.kind !== 'email' || affected.has(b.listId)) continue;
    if (b.keys.some((k) => canonicalMailbox(k) !== k)) affected.add(b.listId);
  }
  if (affected.size === 0) return { lists: [...lists], buckets: [...buckets], rewritten: affected };

  const entries = new Map<string, Map<string, number>>();
  const out: BucketRecord[] = [];
  for (const b of buckets) {
    if (b.kind !== 'email' || !affected.has(b.listId)) {
      out.push(b);
      continue;
    }
    const m = entries.get(b.listId) ?? new Map<string, number>();
    entries.set(b.listId, m);
    b.keys.forEach((k, i) => {
      const key = canonicalMailbox(k);
      const batch = b.batchIds[i] as number;
      const prev = m.get(key);
      if (prev === undefined || batch < prev) m.set(key, batch);
    });
  }
  const emailCounts = new Map<string, number>();
  for (const [listId, m] of entries) {
    emailCounts.set(listId, m.size);
    const perBucket = new Map<number, Map<string, number>>();
    for (const [key, batch] of m) {
      const bucket = bucketOf('email', key);
      const g = perBucket.get(bucket) ?? new Map<string, number>();
      perBucket.set(bucket, g);
      g.set(key, batch);
    }
    for (const [bucket, g] of perBucket) {
      const sorted = buildSorted('email', g, hexToBytes);
      out.push(bucketRecord(listId, bucket, sorted));
    }
  }
  const newLists = lists.map((l) => {
    const n = emailCounts.get(l.id);
    if (n === undefined) return l;
    const before = l.counts.byKind.email ?? 0;
    return {
      ...l,
      counts: { total: l.counts.total - before + n, byKind: { ...l.counts.byKind, email: n } },
    };
  });
  return { lists: newLists, buckets: out, rewritten: affected };
}

/** A contact's index keys with every email keyed by its canonical mailbox (as lib/store/lookup contactKeys does). */
export function canonicalContactKeys(keys: readonly string[]): string[] {
  const out = keys.map((k) => (k.startsWith('email:') ? `email:${canonicalMailbox(k.slice(6))}` : k));
  return [...new Set(out)];
}

/** The contact with canonical keys, or the same object when its keys already are. */
export function withCanonicalKeys(c: Contact): Contact {
  if (!Array.isArray(c.keys)) return c;
  const keys = canonicalContactKeys(c.keys);
  return keys.length === c.keys.length && keys.every((k, i) => k === c.keys[i]) ? c : { ...c, keys };
}
