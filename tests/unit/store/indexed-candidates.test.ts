import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadHashers } from '../../../lib/identifiers';
import { bucketOf } from '../../../lib/store/buckets';
import {
  candidateKeysWith,
  groupCandidates,
  indexedCandidatesWith,
  normaliseIds,
} from '../../../lib/store/lookup';
import { fingerprint, type LookupIndex, mayHold } from '../../../lib/store/lookup-index';
import { ENTRY_KINDS, type EntryKind } from '../../../lib/vocab';

// indexedCandidatesWith rules people out without building candidates and builds only the keys the index lets
// through (the bulk check's speed, issue 18). Its answer must stay exactly the plain one: every candidate grouped
// by bucket in first-key order, then filtered by the index. Group order decides match order, so it is compared too.

const EMAILS = [
  'ada@adaworks.example',
  'j.smith+news@googlemail.com',
  'jsmith@gmail.com',
  'bob+x@sub.corp.example',
  'zoë@bücher.example',
  'carol@corp.example',
];
const DOMAINS = ['corp.example', 'sub.corp.example', 'other.example'];
const PHONES = ['+44 20 7946 0000', '+1 415 555 2671'];
const PROFILES = ['https://www.linkedin.com/in/ada-l/', 'https://www.linkedin.com/in/bob/'];

describe('indexedCandidatesWith', () => {
  it('gives what grouping every candidate and filtering by the index gives, group order included', async () => {
    const hashers = await loadHashers();
    const person = fc.record({
      emails: fc.subarray(EMAILS),
      domains: fc.subarray(DOMAINS),
      phones: fc.subarray(PHONES),
      profileUrls: fc.subarray(PROFILES),
    });
    await fc.assert(
      fc.asyncProperty(
        person,
        fc.subarray([...ENTRY_KINDS]),
        fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
        fc.boolean(),
        async (ids, heldKinds, picks, possible) => {
          const identifiers = normaliseIds(ids, 'GB');
          // The index holds some of the person's own keys (those picked) and noise, for the kinds held.
          const every = candidateKeysWith(hashers, identifiers, possible);
          const fps: Partial<Record<EntryKind, number[]>> = {};
          for (const k of heldKinds) fps[k] = [12345, 4_000_000_000];
          every.forEach((c, i) => {
            if (picks[i % picks.length]) fps[c.kind]?.push(fingerprint(c.kind, c.key, c.needle));
          });
          const index: LookupIndex = {
            token: 't',
            fingerprints: Object.fromEntries(
              Object.entries(fps).map(([k, v]) => [k, Uint32Array.from(new Set(v)).sort()]),
            ),
            contactKeys: new Set(),
            lists: new Map(),
            batches: new Map(),
          };
          const held = (k: EntryKind) => index.fingerprints[k] !== undefined;
          const all = candidateKeysWith(hashers, identifiers, possible, held);
          const expected = new Map();
          if (all.some((c) => mayHold(index, c.kind, c.key, c.needle))) {
            for (const [gid, g] of groupCandidates(all)) {
              const cands = g.cands.filter((c) => mayHold(index, c.kind, c.key, c.needle));
              if (cands.length > 0) expected.set(gid, { ...g, cands });
            }
          }
          const got = indexedCandidatesWith(hashers, index, identifiers, possible);
          expect([...got.groups]).toEqual([...expected]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps a bucket’s place from its first key even when the index lets only a later key of it through', async () => {
    const hashers = await loadHashers();
    // Two hosts in one bucket, the first with a parent domain between them in the visiting order.
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; !pair; i++) {
      const host = `a${i}.corp.example`;
      const b = bucketOf('domain', host);
      const first = seen.get(b);
      if (first) pair = [first, host];
      else seen.set(b, host);
    }
    const identifiers = normaliseIds({ domains: pair });
    const keys = candidateKeysWith(hashers, identifiers, true).map((c) => c.key);
    expect(keys.indexOf(pair[0])).toBeLessThan(keys.indexOf('.corp.example'));
    expect(keys.indexOf('.corp.example')).toBeLessThan(keys.indexOf(pair[1]));
    const held = keys.filter((k) => k !== pair[0]);
    const index: LookupIndex = {
      token: 't',
      fingerprints: { domain: Uint32Array.from(new Set(held.map((k) => fingerprint('domain', k)))).sort() },
      contactKeys: new Set(),
      lists: new Map(),
      batches: new Map(),
    };
    const got = indexedCandidatesWith(hashers, index, identifiers, true);
    const first = [...got.groups.values()][0];
    expect(first?.bucket).toBe(bucketOf('domain', pair[0]));
    expect(first?.cands.map((c) => c.key)).toEqual([pair[1]]);
  });
});
