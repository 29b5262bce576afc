import { sha256 } from 'hash-wasm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadHashers } from '../../../lib/identifiers';
import {
  BACKUP_LIMITS,
  type BackupError,
  base64ToBytes,
  bytesToBase64,
  canonicalJson,
  createBackup,
  parseBackup,
  restoreBackup,
} from '../../../lib/store/backup';
import { bucketOf } from '../../../lib/store/buckets';
import { saveContact } from '../../../lib/store/contacts';
import type { HeedDb } from '../../../lib/store/db';
import { addEntries } from '../../../lib/store/entries';
import { createList, ensureDefaultList } from '../../../lib/store/lists';
import { lookupPerson } from '../../../lib/store/lookup';
import { dump, freshDb } from './helpers';

// A backup's checksum is public: anyone can edit the file and recompute it. Each test here edits a real
// backup the way an attacker would, re-signs the checksum, and expects the restore to be refused before
// anything changes. Each attack is also shown to work when the check is skipped (restored straight into
// a database), so the refusal is what protects the user.

// biome-ignore lint/suspicious/noExplicitAny: a crafted backup is free-form JSON
type Env = any;

let db: HeedDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => db.close());

async function reseal(env: Env): Promise<string> {
  env.checksum = await sha256(canonicalJson(env.data));
  return JSON.stringify(env);
}

async function refused(text: string): Promise<BackupError> {
  try {
    await parseBackup(text);
  } catch (e) {
    return e as BackupError;
  }
  throw new Error('expected the backup to be refused');
}

const BLOCKED = 'blocked.person@example.com';

/** A database where BLOCKED is on the default list, plus a hashed list and a contact with consent. */
async function populate() {
  const h = await loadHashers();
  const dnc = await ensureDefaultList(db);
  await addEntries(db, dnc.id, [{ kind: 'email', value: BLOCKED }], {
    reason: 'objection',
    since: '2025-01-01',
  });
  const hashed = await createList(db, { name: 'Vendor hashes' });
  await addEntries(db, hashed.id, [{ kind: 'sha256', value: h.sha256('hashed@example.com') }], {
    reason: 'unsubscribe',
    since: '2025-01-01',
  });
  await saveContact(db, {
    emails: ['consented@example.com'],
    consents: [{ channel: 'email', givenAt: '2024-01-01', evidence: 'webform' }],
  });
  return { dnc, hashed, text: await createBackup(db) };
}

function emailBucketOf(env: Env, key: string) {
  return env.data.buckets.findIndex(
    (b: Env) => b.kind === 'email' && Array.isArray(b.keys) && (b.keys as string[]).includes(key),
  );
}

/** Restores a crafted file without the checks, to show what the attack would do if it were accepted. */
async function restoreUnchecked(env: Env): Promise<HeedDb> {
  const other = await freshDb();
  const buckets = env.data.buckets.map((b: Env) => ({
    listId: b.listId,
    kind: b.kind,
    bucket: b.bucket,
    keys: typeof b.keys === 'string' ? base64ToBytes(b.keys) : b.keys,
    batchIds: new Uint32Array(base64ToBytes(b.batchIds).buffer),
  }));
  await restoreBackup(
    other,
    { version: 1, createdAt: env.createdAt, data: { ...env.data, buckets } },
    { mode: 'replace' },
  );
  return other;
}

async function verdictOf(target: HeedDb, email: string) {
  const r = await lookupPerson(target, { emails: [email] });
  return r.matches.some((m) => m.match === 'exact') ? 'listed' : 'unknown';
}

describe('crafted backups are refused and change nothing', () => {
  it('an un-normalised key (the blocked person would become Unknown)', async () => {
    const { text } = await populate();
    const before = await dump(db);
    const env: Env = JSON.parse(text);
    const i = emailBucketOf(env, BLOCKED);
    const upper = BLOCKED.toUpperCase();
    // Same bucket, so only normalisation can tell.
    const same = bucketOf('email', upper) === env.data.buckets[i].bucket;
    env.data.buckets[i].keys = [upper];
    if (!same) env.data.buckets[i].bucket = bucketOf('email', upper);

    const hijacked = await restoreUnchecked(structuredClone(env));
    expect(await verdictOf(hijacked, BLOCKED)).toBe('unknown');
    hijacked.close();

    const e = await refused(await reseal(env));
    expect(e.code).toBe('integrity');
    expect(e.message).toMatch(/not in normalised form/);
    expect(e.message).not.toContain(BLOCKED.toUpperCase());
    expect(await dump(db)).toEqual(before);
  });

  it('a normalised key moved to the wrong bucket', async () => {
    const { text } = await populate();
    const before = await dump(db);
    const env: Env = JSON.parse(text);
    const i = emailBucketOf(env, BLOCKED);
    env.data.buckets[i].bucket = (env.data.buckets[i].bucket + 1) % 4096;

    const hijacked = await restoreUnchecked(structuredClone(env));
    expect(await verdictOf(hijacked, BLOCKED)).toBe('unknown');
    hijacked.close();

    const e = await refused(await reseal(env));
    expect(e.code).toBe('integrity');
    expect(e.message).toMatch(/another bucket/);
    expect(e.message).toContain('Do not contact');
    expect(await dump(db)).toEqual(before);
  });

  it('a hash digest moved to the wrong bucket', async () => {
    const { text } = await populate();
    const env: Env = JSON.parse(text);
    const i = env.data.buckets.findIndex((b: Env) => b.kind === 'sha256');
    env.data.buckets[i].bucket = (env.data.buckets[i].bucket + 7) % 4096;
    const e = await refused(await reseal(env));
    expect(e.code).toBe('integrity');
    expect(e.message).toMatch(/another bucket/);
  });

  it('a hash of the wrong digest length', async () => {
    const { text } = await populate();
    const env: Env = JSON.parse(text);
    const i = env.data.buckets.findIndex((b: Env) => b.kind === 'sha256');
    const digest = base64ToBytes(env.data.buckets[i].keys);
    // a SHA-256 bucket holding 20 bytes (a SHA-1 digest)
    env.data.buckets[i].keys = bytesToBase64(digest.slice(0, 20));
    const e = await refused(await reseal(env));
    expect(e.code).toBe('schema');
    expect(e.message).toContain('data.buckets');
  });

  it('keys out of order or repeated', async () => {
    const { dnc, text } = await populate();
    const env: Env = JSON.parse(text);
    const i = emailBucketOf(env, BLOCKED);
    env.data.buckets[i].keys = [BLOCKED, BLOCKED];
    env.data.buckets[i].batchIds = bytesToBase64(
      new Uint8Array(
        new Uint32Array([...new Uint32Array(base64ToBytes(env.data.buckets[i].batchIds).buffer), 1]).buffer,
      ),
    );
    const list = env.data.lists.find((l: Env) => l.id === dnc.id);
    list.counts.total += 1;
    list.counts.byKind.email += 1;
    const e = await refused(await reseal(env));
    expect(e.code).toBe('integrity');
    expect(e.message).toMatch(/not sorted/);
  });

  it('contact keys that point at another address (consent moved)', async () => {
    const { text } = await populate();
    const before = await dump(db);
    const env: Env = JSON.parse(text);
    env.data.contacts[0].keys = ['email:someone.else@example.com'];

    const hijacked = await restoreUnchecked(structuredClone(env));
    const r = await lookupPerson(hijacked, { emails: ['someone.else@example.com'] });
    expect(r.contact?.consents).toHaveLength(1);
    hijacked.close();

    const e = await refused(await reseal(env));
    expect(e.code).toBe('integrity');
    expect(e.message).toMatch(/contact record 0 .*lookup keys that do not match/);
    expect(await dump(db)).toEqual(before);
  });

  it('contact identifiers that are not normalised', async () => {
    const { text } = await populate();
    const env: Env = JSON.parse(text);
    env.data.contacts[0].emails = ['Consented@Example.com'];
    const e = await refused(await reseal(env));
    expect(e.code).toBe('integrity');
    expect(e.message).toMatch(/not in normalised form/);
  });

  it('two default lists', async () => {
    const { dnc, text } = await populate();
    const before = await dump(db);
    const env: Env = JSON.parse(text);
    const second = env.data.lists.find((l: Env) => l.id !== dnc.id);
    second.isDefault = true;
    const e = await refused(await reseal(env));
    expect(e.code).toBe('integrity');
    expect(e.message).toMatch(/default list/);
    expect(e.message).toContain('Vendor hashes');
    expect(await dump(db)).toEqual(before);
  });

  it.each(Object.keys(BACKUP_LIMITS) as (keyof typeof BACKUP_LIMITS)[])(
    'more %s than the cap, refused quickly before the records are checked',
    async (key) => {
      const { text } = await populate();
      const before = await dump(db);
      const env: Env = JSON.parse(text);
      // The records are junk: the size check must come first and say so.
      env.data[key] = new Array(BACKUP_LIMITS[key] + 1).fill(0);
      const t0 = performance.now();
      const e = await refused(await reseal(env));
      expect(performance.now() - t0).toBeLessThan(5000);
      expect(e.code).toBe('size');
      expect(e.message).toMatch(/more than the .* Heed restores/);
      expect(await dump(db)).toEqual(before);
    },
  );

  it('a real backup still passes every check and round-trips, every kind and spelling included', async () => {
    const { dnc } = await populate();
    // Stored forms the checks must accept as they are: Unicode domains, subdomain wildcards, Sales
    // Navigator leads, national phone numbers stored in E.164.
    const added = await addEntries(
      db,
      dnc.id,
      [
        { kind: 'email', value: 'Jörg@Bücher.example' },
        { kind: 'email', value: 'ana@xn--caf-dma.example' },
        { kind: 'domain', value: '*.acme.co.uk' },
        { kind: 'domain', value: 'xn--bcher-kva.example' },
        { kind: 'profile', value: 'https://de.linkedin.com/in/J%C3%B6rg-M%C3%BCller/' },
        { kind: 'salesnav', value: 'https://www.linkedin.com/sales/lead/ACwAAAbcdEFGhij,NAME_SEARCH,xyz' },
        { kind: 'phone', value: '020 7946 0018' },
        { kind: 'phone', value: '+1 (212) 555-0123' },
      ],
      { reason: 'objection', defaultCountry: 'GB' },
    );
    expect(added.rejected).toEqual([]);
    await saveContact(
      db,
      {
        emails: ['Émile@Exämple.example'],
        phones: ['020 7946 0999'],
        profileUrls: ['linkedin.com/in/emile'],
      },
      { defaultCountry: 'GB' },
    );
    const text = await createBackup(db);
    const before = await dump(db);
    const other = await freshDb();
    await restoreBackup(other, await parseBackup(text), { mode: 'replace' });
    expect(await dump(other)).toEqual(before);
    expect(await verdictOf(other, BLOCKED)).toBe('listed');
    other.close();
  });
});
