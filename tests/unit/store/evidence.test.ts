import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logAudit } from '../../../lib/store/audit';
import { canonicalJson } from '../../../lib/store/audit-chain';
import { base64ToBytes, bytesToBase64 } from '../../../lib/store/backup';
import type { HeedDb } from '../../../lib/store/db';
import { addEntries } from '../../../lib/store/entries';
import {
  buildEvidence,
  type EvidenceFile,
  evidenceBytes,
  signEvidence,
  verifyEvidence,
} from '../../../lib/store/evidence';
import { importFile } from '../../../lib/store/import';
import { createList } from '../../../lib/store/lists';
import { sha256Hex } from '../../../lib/store/sha256';
import { applyTeamBundle, verifyTeamBundle } from '../../../lib/team/apply';
import { buildTeamEvidence } from '../../../lib/team/evidence';
import { exportTeamBundle } from '../../../lib/team/export';
import { createTeamKey, fingerprint, getSigningKey, groupedFingerprint } from '../../../lib/team/keys';
import { blobOf, freshDb } from './helpers';

let db: HeedDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => db.close());

async function seeded(): Promise<EvidenceFile> {
  await importFile(db, blobOf(['email,date\na@x.com,2026-03-10\nb@x.com,2026-03-11\n']), {
    target: { newList: { name: 'Newsletter unsubscribes', channels: ['email'] } },
    reason: 'unsubscribe',
    fileName: 'unsubscribed.csv',
  });
  const now = '2026-03-12T09:00:00.000Z';
  await db.contacts.add({
    id: 'c1',
    name: 'Jane Roe',
    emails: ['jane@roe.example'],
    profileUrls: [],
    salesNavUrls: [],
    phones: ['+44 20 7946 0000'],
    stage: 'unknown',
    subscriber: 'unknown',
    emailKind: 'unknown',
    consents: [],
    source: 'unknown',
    informedAt: '2026-03-01',
    keys: ['email:jane@roe.example'],
    createdAt: now,
    updatedAt: now,
    // A field another change adds; read if present.
    tpsScreenedAt: '2026-03-05',
  } as never);
  await logAudit(db, { action: 'settings', detail: 'send check on' });
  return buildEvidence(db, { now });
}

function run(file: string, extra: string[] = []) {
  const r = spawnSync(
    join(process.cwd(), 'node_modules/.bin/tsx'),
    ['scripts/verify-evidence.ts', file, ...extra],
    { encoding: 'utf8' },
  );
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

function reseal(f: EvidenceFile): EvidenceFile {
  return { ...f, checksum: { ...f.checksum, value: sha256Hex(canonicalJson(f.payload)) } };
}

describe('evidence pack', () => {
  it('holds the chained log, list versions, screening and notice dates, and a summary, without identifiers', async () => {
    const f = await seeded();
    const p = f.payload;
    expect(p.audit.chain).toMatchObject({ ok: true, entries: 3 });
    expect(p.lists.find((l) => l.name === 'Newsletter unsubscribes')).toMatchObject({
      channels: ['email'],
      total: 2,
      batches: 2,
      latestSince: '2026-03-11',
      sources: ['import'],
    });
    expect(p.screening).toEqual([{ contactId: 'c1', tpsScreenedAt: '2026-03-05' }]);
    expect(p.notices).toEqual([{ contactId: 'c1', informedAt: '2026-03-01' }]);
    expect(p.bundleSignatures).toEqual([]);
    expect(p.summaryMarkdown).toMatch(/intact since/);
    expect(p.summaryMarkdown).toMatch(/Art\. 14 notices recorded: 1/);
    const text = JSON.stringify(f);
    for (const personal of ['jane@roe.example', 'Jane Roe', '7946', 'a@x.com'])
      expect(text).not.toContain(personal);
    expect(await verifyEvidence(JSON.parse(text))).toMatchObject({
      ok: true,
      checksumOk: true,
      signature: 'unsigned',
    });
  });

  it('verify-evidence says intact, then finds a tampered entry and a changed file', async () => {
    const f = await seeded();
    const dir = mkdtempSync(join(tmpdir(), 'heed-evidence-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(f));
    const ok = run(good);
    expect(ok.out).toMatch(/Checksum: intact/);
    expect(ok.out).toMatch(/Signature: unsigned \(no team key on this browser\)/);
    expect(ok.out).toMatch(/good\.json: intact/);
    expect(ok.code).toBe(0);

    // Someone edits an event and recomputes the file checksum: the chain still gives it away.
    const edited: EvidenceFile = JSON.parse(JSON.stringify(f));
    const target = edited.payload.audit.events[1];
    if (!target) throw new Error('fixture has events');
    target.counts = { ...target.counts, rows: 1 };
    const chainBroken = join(dir, 'chain.json');
    writeFileSync(chainBroken, JSON.stringify(reseal(edited)));
    const bad = run(chainBroken);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(new RegExp(`BROKEN at entry #${target.id} .*changed after it was written`));

    // Without resealing, the checksum fails first.
    const sumBroken = join(dir, 'sum.json');
    writeFileSync(sumBroken, JSON.stringify(edited));
    const bad2 = run(sumBroken);
    expect(bad2.code).toBe(1);
    expect(bad2.out).toMatch(/Checksum: BROKEN/);

    const notJson = join(dir, 'x.json');
    writeFileSync(notJson, '{"hello":1}');
    expect(run(notJson)).toMatchObject({ code: 1, out: expect.stringMatching(/Not a Heed evidence file/) });
  }, 30_000);
});

describe('signed evidence pack', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'heed-evidence-signed-'));
  });
  const write = (name: string, f: unknown) => {
    const p = join(dir, name);
    writeFileSync(p, typeof f === 'string' ? f : JSON.stringify(f, null, 1));
    return p;
  };

  /** A lead with a team key and a list, and a rep who applied two of the lead's bundles. */
  async function team() {
    await createTeamKey(db, 'Acme sales');
    const list = await createList(db, { name: 'Do not call', channels: ['phone'] });
    await addEntries(db, list.id, [{ kind: 'phone', value: '+44 20 7946 0018' }], { reason: 'do-not-call' });
    const rep = await freshDb();
    for (let i = 0; i < 2; i++) {
      const b = await exportTeamBundle(db, { listIds: [list.id], entryMode: 'plain', delta: i > 0 });
      const v = await verifyTeamBundle(rep, b.bytes);
      await applyTeamBundle(rep, v, { pin: v.trust === 'first-use' });
    }
    const key = await getSigningKey(db);
    if (!key) throw new Error('no key');
    return { rep, key };
  }

  it("the lead's pack is signed by the team key over the canonical payload and verifies offline with its fingerprint", async () => {
    const { key, rep } = await team();
    const f = await buildTeamEvidence(db, { now: '2026-03-12T09:00:00.000Z' });
    expect(f.signature).toMatchObject({ algorithm: 'Ed25519', keyId: key.keyId, publicKey: key.publicKey });
    // The signature is the team key's over exactly the canonical bytes of the payload.
    const pub = await crypto.subtle.importKey('raw', base64ToBytes(key.publicKey), 'Ed25519', false, [
      'verify',
    ]);
    const sig = base64ToBytes(f.signature?.value ?? '');
    expect(await crypto.subtle.verify('Ed25519', pub, sig, evidenceBytes(f.payload))).toBe(true);
    expect(await fingerprint(base64ToBytes(key.publicKey))).toBe(f.signature?.keyId);

    const verdict = await verifyEvidence(JSON.parse(JSON.stringify(f)));
    expect(verdict).toMatchObject({ ok: true, signature: 'signed', signedBy: key.keyId });
    const out = run(write('signed.json', f));
    expect(out.code).toBe(0);
    expect(out.out).toContain(
      `Signature: signed by team key ${groupedFingerprint(key.keyId)} (“Acme sales”)`,
    );
    expect(out.out).toMatch(/signed\.json: intact/);
    // The expected key, given as the options page shows it (grouped), passes.
    const args = ['--expect-key', groupedFingerprint(key.keyId)];
    expect(run(write('s3.json', f), args).code).toBe(0);
    rep.close();
  }, 60_000);

  it('any tampered byte fails it, even with the checksum recomputed', async () => {
    const { rep } = await team();
    const f = await buildTeamEvidence(db);
    const text = JSON.stringify(f, null, 1);
    // One byte of a list name (not the checksum, not the signature) changed.
    const at = text.indexOf('Do not call');
    const tampered = `${text.slice(0, at)}D0${text.slice(at + 2)}`;
    const t1 = run(write('t1.json', tampered));
    expect(t1.code).toBe(1);
    expect(t1.out).toMatch(/Checksum: BROKEN/);
    expect(t1.out).toMatch(/Signature: BROKEN/);
    expect(t1.out).toMatch(/t1\.json: BROKEN/);
    // Whoever edits it and recomputes the checksum still cannot make the team key's signature fit.
    const edited = reseal(JSON.parse(tampered) as EvidenceFile);
    const v = await verifyEvidence(edited);
    expect(v).toMatchObject({ ok: false, checksumOk: true, signature: 'broken' });
    expect(run(write('t2.json', edited)).code).toBe(1);
    rep.close();
  }, 60_000);

  it("a signature by another key than the one the pack names fails; re-signing with one's own key shows another fingerprint", async () => {
    const { key, rep } = await team();
    const f = await buildTeamEvidence(db);
    const other = (await crypto.subtle.generateKey('Ed25519', true, ['sign', 'verify'])) as CryptoKeyPair;
    const otherRaw = new Uint8Array(await crypto.subtle.exportKey('raw', other.publicKey));
    const otherId = await fingerprint(otherRaw);

    // Signed by the other key while still naming the team key: the signature does not fit.
    const forged = await signEvidence(f, { ...key, privateKey: other.privateKey });
    expect(forged.signature?.keyId).toBe(key.keyId);
    expect(await verifyEvidence(forged)).toMatchObject({ ok: false, signature: 'broken' });
    const r1 = run(write('forged.json', forged));
    expect(r1.code).toBe(1);
    expect(r1.out).toMatch(/Signature: BROKEN: it does not match the payload/);

    // Naming the other key but keeping the team key's fingerprint: the key does not match its fingerprint.
    const swapped = { ...f, signature: { ...f.signature!, publicKey: bytesToBase64(otherRaw) } };
    expect((await verifyEvidence(swapped)).lines.join('\n')).toMatch(/does not match its fingerprint/);

    // An edited pack, resealed and re-signed with the editor's own key, is self-consistent: the fingerprint
    // printed is not the team's, and --expect-key with the team's fingerprint fails it.
    const edited = JSON.parse(JSON.stringify(f)) as EvidenceFile;
    edited.payload.lists[0]!.total = 0;
    const resigned = await signEvidence(reseal(edited), {
      teamName: 'Acme sales',
      keyId: otherId,
      publicKey: bytesToBase64(otherRaw),
      privateKey: other.privateKey,
    });
    const r2 = run(write('resigned.json', resigned));
    expect(r2.out).toContain(`signed by team key ${groupedFingerprint(otherId)}`);
    expect(r2.out).not.toContain(groupedFingerprint(key.keyId));
    const r3 = run(write('resigned2.json', resigned), ['--expect-key', key.keyId]);
    expect(r3.code).toBe(1);
    expect(r3.out).toMatch(/NOT the expected key/);
    rep.close();
  }, 60_000);

  it('an unsigned pack verifies and says so; --expect-key then fails it', async () => {
    const f = await seeded();
    const p = write('unsigned.json', f);
    const r = run(p);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Signature: unsigned \(no team key on this browser\)/);
    const r2 = run(p, ['--expect-key', 'ab'.repeat(32)]);
    expect(r2.code).toBe(1);
    expect(r2.out).toMatch(/Signature: MISSING/);
  }, 30_000);

  it("a rep's pack carries the signatures of the bundles applied, each checkable offline", async () => {
    const { rep, key } = await team();
    const f = await buildTeamEvidence(rep);
    expect(f.signature).toBeUndefined(); // the rep has no team key
    expect(f.payload.bundleSignatures.map((b) => [b.version, b.keyId, b.teamName])).toEqual([
      [1, key.keyId, 'Acme sales'],
      [2, key.keyId, 'Acme sales'],
    ]);
    expect(f.payload.bundleSignatures[1]?.baseVersion).toBe(1);
    expect(f.payload.summaryMarkdown).toMatch(/Signed team bundles applied: 2/);
    const r = run(write('rep.json', f));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Team bundle v1 of “Acme sales” .*: signature valid/);
    expect(r.out).toMatch(/Team bundle v2 of “Acme sales” .*: signature valid/);

    // A bundle record whose signed header was altered (say, another body digest), resealed: caught.
    const edited = JSON.parse(JSON.stringify(f)) as EvidenceFile;
    const b = edited.payload.bundleSignatures[0]!;
    const signed = base64ToBytes(b.signed!);
    const text = new TextDecoder().decode(signed.subarray(12)).replace(b.bodySha256, 'f'.repeat(64));
    const bytes = new Uint8Array([...signed.subarray(0, 12), ...new TextEncoder().encode(text)]);
    b.signed = bytesToBase64(bytes);
    b.bodySha256 = 'f'.repeat(64);
    b.signedSha256 = bytesToHex(nobleSha256(bytes));
    const v = await verifyEvidence(reseal(edited));
    expect(v).toMatchObject({ ok: false, checksumOk: true, bundlesOk: false });
    expect(v.lines.join('\n')).toMatch(/Team bundle record 1: BROKEN: the signature does not match/);
    rep.close();
  }, 60_000);
});
