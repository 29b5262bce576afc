import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { bytesToBase64 } from '../store/backup';
import type { HeedDb } from '../store/db';
import { type BuildEvidenceOptions, buildEvidence, type EvidenceFile, signEvidence } from '../store/evidence';
import type { DecodedBundle } from './format';
import { getSigningKey } from './keys';
import {
  type AppliedSignature,
  MAX_KEPT_HEADER_BYTES,
  MAX_KEPT_SIGNATURES,
  SignaturesRecordSchema,
} from './schemas';

// The team's part of the evidence pack: the signatures of the bundles applied on this browser (kept at apply
// time, in the `settings` table under a `team:` key, so never in a backup and untouched by a restore), and the
// pack's own signature by the team key when this browser holds it (the lead's).

const SIGNATURES = 'team:signatures';

export async function appliedSignatures(db: HeedDb): Promise<AppliedSignature[]> {
  const rec = SignaturesRecordSchema.safeParse(await db.table('settings').get(SIGNATURES));
  return rec.success ? rec.data.signatures : [];
}

/** Called inside applyTeamBundle's transaction: the record commits with the bundle or not at all. */
export async function recordAppliedSignature(db: HeedDb, d: DecodedBundle, appliedAt: string): Promise<void> {
  const h = d.header;
  const rec: AppliedSignature = {
    keyId: h.team.keyId,
    publicKey: h.team.publicKey,
    teamName: h.team.name,
    version: h.version,
    ...(h.baseVersion !== undefined ? { baseVersion: h.baseVersion } : {}),
    createdAt: h.createdAt,
    appliedAt,
    bodySha256: h.body.sha256,
    // Synchronous hashing: awaiting WebCrypto here would let IndexedDB commit the transaction early.
    signedSha256: bytesToHex(sha256(d.signed)),
    ...(d.signed.length <= MAX_KEPT_HEADER_BYTES ? { signed: bytesToBase64(d.signed) } : {}),
    signature: bytesToBase64(d.signature),
  };
  const kept = [...(await appliedSignatures(db)), rec].slice(-MAX_KEPT_SIGNATURES);
  await db.table('settings').put(SignaturesRecordSchema.parse({ key: SIGNATURES, signatures: kept }));
}

/** The evidence pack with the applied bundles' signatures, signed by the team key if this browser holds it. */
export async function buildTeamEvidence(
  db: HeedDb,
  opts: Omit<BuildEvidenceOptions, 'bundleSignatures'> = {},
): Promise<EvidenceFile> {
  const file = await buildEvidence(db, { ...opts, bundleSignatures: await appliedSignatures(db) });
  const key = await getSigningKey(db);
  return key ? signEvidence(file, key) : file;
}
