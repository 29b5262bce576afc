import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { type AppliedSignature, AppliedSignatureSchema } from '../team/schemas';
import { type ChainEvent, type ChainReport, canonicalJson, verifyAuditChain } from './audit-chain';
import { base64ToBytes as fromBase64, bytesToBase64 as toBase64 } from './base64';
import type { HeedDb } from './db';
import { sha256Hex } from './sha256';

// The evidence pack: one JSON file a privacy officer hands to a regulator, holding the audit log with its
// hash chain, the lists (names, scope, counts, when each was last fed), TPS/DNC screening dates and Art. 14
// notice dates from the contacts, send-time overrides, the signatures of the team bundles applied, and a
// human-readable summary. A SHA-256 checksum over the canonical JSON of the payload seals the file, and where
// the browser holds the team key, a detached Ed25519 signature over the same bytes says who exported it (the
// checksum alone anyone can recompute after an edit). `npm run verify-evidence FILE` checks all of it offline
// (scripts/verify-evidence.ts); this module stays free of the database so that Node can load it.
// Regulators fine the absence of proof (the ICO's TPS-screening cases): the pack is that proof. It holds no
// email address, phone number or name: contacts appear by their internal id only.

export const EVIDENCE_FORMAT = 'heed-evidence';
export const EVIDENCE_VERSION = 1;

export interface EvidenceList {
  id: string;
  name: string;
  /** Absent: every channel. */
  channels?: string[];
  total: number;
  byKind: Record<string, number>;
  batches: number;
  latestImportAt?: string;
  latestSince?: string;
  sources: string[];
}

export interface EvidencePayload {
  format: typeof EVIDENCE_FORMAT;
  version: typeof EVIDENCE_VERSION;
  createdAt: string;
  audit: { chain: ChainReport; events: ChainEvent[] };
  lists: EvidenceList[];
  /** The team bundles applied here: version, key, and the signed header with its signature, checkable offline. */
  bundleSignatures: AppliedSignature[];
  screening: {
    contactId: string;
    tps?: boolean;
    tpsListedAt?: string;
    tpsScreenedAt?: string;
    dncScreenedAt?: string;
  }[];
  notices: { contactId: string; informedAt: string }[];
  /** Audit events recording a send despite a warning (any action naming an override), with their reasons. */
  sendOverrides: ChainEvent[];
  summaryMarkdown: string;
}

export interface EvidenceFile {
  payload: EvidencePayload;
  checksum: { algorithm: 'SHA-256'; over: 'canonical JSON of payload'; value: string };
  /** Absent: no team key on the browser that exported it. */
  signature?: EvidenceSignature;
}

/** A detached signature over the payload's canonical bytes, with the key to check it by. */
export interface EvidenceSignature {
  algorithm: 'Ed25519';
  over: 'UTF-8 of the canonical JSON of payload';
  teamName: string;
  /** Fingerprint: lower-case hex SHA-256 of the raw public key, as the options page shows it. */
  keyId: string;
  /** base64 of the raw 32-byte public key. */
  publicKey: string;
  /** base64 of the 64-byte signature. */
  value: string;
}

/** The signing side of a team key (lib/team/keys.ts holds it). */
export interface EvidenceSigner {
  teamName: string;
  keyId: string;
  publicKey: string;
  privateKey: CryptoKey;
}

// New user-facing words, kept together until they move into lib/i18n.
const TEXT = {
  unsigned: 'Signature: unsigned (no team key on this browser).',
  signed: (fp: string, team: string) => `Signature: signed by team key ${fp} (“${team}”).`,
  sigBroken: (why: string) => `Signature: BROKEN: ${why}`,
  sigWrongKey: 'the public key in the file does not match its fingerprint',
  sigMismatch:
    'it does not match the payload: the file was changed after it was signed, or signed by another key than the one named',
  sigUnreadable: 'the signature or its key cannot be read',
  notExpected: (fp: string) => `Signature: NOT the expected key: the expected team key is ${fp}.`,
  expectedUnsigned: (fp: string) =>
    `Signature: MISSING: the pack is unsigned, the expected team key is ${fp}.`,
  bundlesNone: 'Team bundles applied: none recorded.',
  bundleOk: (b: AppliedSignature) =>
    `Team bundle v${b.version} of “${b.teamName}” (key ${groupFingerprint(b.keyId)}), applied ${b.appliedAt}: signature valid.`,
  bundleKept: (b: AppliedSignature) =>
    `Team bundle v${b.version} of “${b.teamName}” (key ${groupFingerprint(b.keyId)}), applied ${b.appliedAt}: signature checked when applied (its header was too large to keep).`,
  bundleBroken: (i: number, why: string) => `Team bundle record ${i + 1}: BROKEN: ${why}.`,
} as const;

/** The fingerprint as people compare it aloud: 16 groups of four hex digits, as the options page shows it. */
export function groupFingerprint(keyId: string): string {
  return (keyId.match(/.{1,4}/g) ?? []).join(' ');
}

/** The bytes the signature covers: the payload's canonical JSON, the checksum's input too. */
export function evidenceBytes(payload: unknown): Uint8Array<ArrayBuffer> {
  return utf8ToBytes(canonicalJson(payload)) as Uint8Array<ArrayBuffer>;
}

/** The file with a detached Ed25519 signature by the team key over its payload. */
export async function signEvidence(file: EvidenceFile, signer: EvidenceSigner): Promise<EvidenceFile> {
  const sig = new Uint8Array(
    await crypto.subtle.sign({ name: 'Ed25519' }, signer.privateKey, evidenceBytes(file.payload)),
  );
  return {
    ...file,
    signature: {
      algorithm: 'Ed25519',
      over: 'UTF-8 of the canonical JSON of payload',
      teamName: signer.teamName,
      keyId: signer.keyId,
      publicKey: signer.publicKey,
      value: toBase64(sig),
    },
  };
}

function optionalIso(v: unknown): string | undefined {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v : undefined;
}

export interface BuildEvidenceOptions {
  now?: string;
  /** The signatures of the team bundles applied here (lib/team/evidence.ts reads them). */
  bundleSignatures?: AppliedSignature[];
}

export async function buildEvidence(db: HeedDb, opts: BuildEvidenceOptions = {}): Promise<EvidenceFile> {
  // Not db's nowIso: `npm run verify-evidence` loads this module in Node, and db.ts pulls in the whole store.
  const createdAt = opts.now ?? new Date().toISOString();
  const [events, lists, batches, contacts] = await db.transaction(
    'r',
    [db.audit, db.lists, db.batches, db.contacts],
    () =>
      Promise.all([
        db.audit.orderBy(':id').toArray(),
        db.lists.toArray(),
        db.batches.toArray(),
        db.contacts.toArray(),
      ]),
  );
  const chain = verifyAuditChain(events);
  const outLists: EvidenceList[] = lists.map((l) => {
    const mine = batches.filter((b) => b.listId === l.id);
    const latest = mine.reduce<string | undefined>(
      (m, b) => (m === undefined || b.importedAt > m ? b.importedAt : m),
      undefined,
    );
    const since = mine.reduce<string | undefined>(
      (m, b) => (m === undefined || b.since > m ? b.since : m),
      undefined,
    );
    return {
      id: l.id,
      name: l.name,
      ...(l.channels ? { channels: [...l.channels] } : {}),
      total: l.counts.total,
      byKind: { ...l.counts.byKind } as Record<string, number>,
      batches: mine.length,
      ...(latest ? { latestImportAt: latest } : {}),
      ...(since ? { latestSince: since } : {}),
      sources: [...new Set(mine.map((b) => b.source))].sort(),
    };
  });
  const screening: EvidencePayload['screening'] = [];
  const notices: EvidencePayload['notices'] = [];
  for (const c of contacts) {
    // Read defensively: tpsScreenedAt and dncScreenedAt come with another change and may be absent.
    const rec = c as unknown as Record<string, unknown>;
    const tpsScreenedAt = optionalIso(rec.tpsScreenedAt);
    const dncScreenedAt = optionalIso(rec.dncScreenedAt);
    const tpsListedAt = optionalIso(rec.tpsListedAt);
    if (tpsScreenedAt || dncScreenedAt || tpsListedAt || typeof rec.tps === 'boolean') {
      screening.push({
        contactId: c.id,
        ...(typeof rec.tps === 'boolean' ? { tps: rec.tps } : {}),
        ...(tpsListedAt ? { tpsListedAt } : {}),
        ...(tpsScreenedAt ? { tpsScreenedAt } : {}),
        ...(dncScreenedAt ? { dncScreenedAt } : {}),
      });
    }
    const informedAt = optionalIso(rec.informedAt);
    if (informedAt) notices.push({ contactId: c.id, informedAt });
  }
  const plain: ChainEvent[] = events.map((e) => JSON.parse(JSON.stringify(e)) as ChainEvent);
  const sendOverrides = plain.filter((e) => /override/i.test(e.action));
  const payload: EvidencePayload = {
    format: EVIDENCE_FORMAT,
    version: EVIDENCE_VERSION,
    createdAt,
    audit: { chain, events: plain },
    lists: outLists,
    bundleSignatures: opts.bundleSignatures ?? [],
    screening,
    notices,
    sendOverrides,
    summaryMarkdown: '',
  };
  payload.summaryMarkdown = evidenceSummary(payload);
  return {
    payload,
    checksum: {
      algorithm: 'SHA-256',
      over: 'canonical JSON of payload',
      value: sha256Hex(canonicalJson(payload)),
    },
  };
}

function chainLine(chain: ChainReport): string {
  if (chain.ok) {
    return chain.entries === 0
      ? 'The audit log is empty.'
      : `The audit log is intact since ${chain.since} (${chain.entries} entries${chain.legacy ? `, ${chain.legacy} of them from before the chain, covered by it` : ''}).`;
  }
  return `The audit log is BROKEN at entry #${chain.broken.id} (${chain.broken.at}, ${chain.broken.action}): it ${chain.broken.problem}.`;
}

/** The human-readable page inside the pack. */
export function evidenceSummary(p: EvidencePayload): string {
  const byAction = new Map<string, number>();
  for (const e of p.audit.events) byAction.set(e.action, (byAction.get(e.action) ?? 0) + 1);
  const lines = [
    '# Heed evidence pack',
    '',
    `Created ${p.createdAt}. Everything below was recorded on this device; no data left it.`,
    '',
    '## Audit log',
    '',
    chainLine(p.audit.chain),
    '',
    ...[...byAction].sort().map(([a, n]) => `- ${a}: ${n}`),
    '',
    '## Suppression lists',
    '',
    '| List | Blocks | Entries | Batches | Last import | Latest opt-out date |',
    '| --- | --- | --- | --- | --- | --- |',
    ...p.lists.map(
      (l) =>
        `| ${l.name.replace(/\|/g, '\\|')} | ${l.channels?.join(', ') ?? 'every channel'} | ${l.total} | ${l.batches} | ${l.latestImportAt ?? '-'} | ${l.latestSince ?? '-'} |`,
    ),
    '',
    '## Screening and notices',
    '',
    `- Contacts with TPS/DNC screening records: ${p.screening.length}`,
    `- Contacts screened against TPS: ${p.screening.filter((s) => s.tpsScreenedAt).length}; against a DNC list: ${p.screening.filter((s) => s.dncScreenedAt).length}`,
    `- Art. 14 notices recorded: ${p.notices.length}`,
    `- Send-time overrides recorded: ${p.sendOverrides.length}`,
    `- Signed team bundles applied: ${p.bundleSignatures.length}`,
    '',
    '## Checking this file',
    '',
    'Run `npm run verify-evidence FILE` in a copy of Heed. It recomputes the SHA-256 checksum of the payload and every link of the audit hash chain, checks the team key\'s signature over the payload (when the exporting browser held the team key) and the signature of every team bundle applied, and prints "intact" or what is broken. Compare the fingerprint it prints with the team key\'s fingerprint in the options page (or pass it with `--expect-key`). Removing events from the end of the log leaves no broken link: compare the entry count and the last hash with an earlier pack.',
    '',
  ];
  return lines.join('\n');
}

// A shape check at the trust boundary: the file may come from anywhere.
const EvidenceFileSchema = z.object({
  payload: z.looseObject({
    format: z.literal(EVIDENCE_FORMAT),
    version: z.literal(EVIDENCE_VERSION),
    createdAt: z.string(),
    audit: z.looseObject({
      events: z.array(
        z.looseObject({
          id: z.number().int(),
          at: z.string(),
          actor: z.string(),
          action: z.string(),
          listId: z.string().optional(),
          counts: z.record(z.string(), z.number()).optional(),
          detail: z.string().optional(),
          prevHash: z.string().optional(),
          hash: z.string().optional(),
        }),
      ),
    }),
  }),
  checksum: z.object({ algorithm: z.literal('SHA-256'), value: z.string().regex(/^[0-9a-f]{64}$/) }),
  signature: z
    .object({
      algorithm: z.literal('Ed25519'),
      teamName: z.string().max(200),
      keyId: z.string().regex(/^[0-9a-f]{64}$/),
      publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'must be a base64 32-byte key'),
      value: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'must be a base64 64-byte signature'),
    })
    .optional(),
});

export interface EvidenceVerdict {
  ok: boolean;
  checksumOk: boolean;
  chain: ChainReport | null;
  /** 'signed': a valid signature by `signedBy`; 'unsigned': none; 'broken': present but not valid. */
  signature: 'signed' | 'unsigned' | 'broken';
  /** The fingerprint of the key that signed the pack, when the signature is valid. */
  signedBy?: string;
  /** Whether every applied bundle's signature that can be checked is valid. */
  bundlesOk: boolean;
  lines: string[];
}

export interface VerifyEvidenceOptions {
  /** The team key's fingerprint (hex, spaces allowed): the pack must be signed by exactly that key. */
  expectKey?: string;
}

async function ed25519Verify(
  publicKey: Uint8Array<ArrayBuffer>,
  sig: Uint8Array<ArrayBuffer>,
  data: Uint8Array<ArrayBuffer>,
) {
  const key = await crypto.subtle.importKey('raw', publicKey, { name: 'Ed25519' }, false, ['verify']);
  return crypto.subtle.verify({ name: 'Ed25519' }, key, sig, data);
}

const fingerprintOf = (raw: Uint8Array) => bytesToHex(sha256(raw));

/** Checks the pack's own signature; the reason in words when it is not valid. */
async function checkPackSignature(
  sig: NonNullable<z.infer<typeof EvidenceFileSchema>['signature']>,
  payload: unknown,
): Promise<{ ok: true } | { ok: false; why: string }> {
  let raw: Uint8Array<ArrayBuffer>;
  let value: Uint8Array<ArrayBuffer>;
  try {
    raw = fromBase64(sig.publicKey);
    value = fromBase64(sig.value);
  } catch {
    return { ok: false, why: TEXT.sigUnreadable };
  }
  if (raw.length !== 32 || value.length !== 64) return { ok: false, why: TEXT.sigUnreadable };
  if (fingerprintOf(raw) !== sig.keyId) return { ok: false, why: TEXT.sigWrongKey };
  try {
    if (await ed25519Verify(raw, value, evidenceBytes(payload))) return { ok: true };
  } catch {
    return { ok: false, why: TEXT.sigUnreadable };
  }
  return { ok: false, why: TEXT.sigMismatch };
}

const BUNDLE_MAGIC = 'HEEDTB01';

/**
 * One applied bundle's record: the kept signed bytes must be a bundle header for this key, version and body, and
 * the signature must verify over them with the key whose fingerprint the record names. Null when it holds.
 */
async function bundleProblem(b: AppliedSignature): Promise<string | null> {
  const raw = fromBase64(b.publicKey);
  if (raw.length !== 32 || fingerprintOf(raw) !== b.keyId)
    return 'its public key does not match its fingerprint';
  if (b.signed === undefined) return null;
  const signed = fromBase64(b.signed);
  if (bytesToHex(sha256(signed)) !== b.signedSha256) return 'its signed header does not match its SHA-256';
  const magic = new TextDecoder().decode(signed.subarray(0, 8));
  const len = signed.length >= 12 ? new DataView(signed.buffer).getUint32(8, true) : -1;
  if (magic !== BUNDLE_MAGIC || len !== signed.length - 12) return 'its signed bytes are not a bundle header';
  let header: { team?: { keyId?: unknown }; version?: unknown; body?: { sha256?: unknown } };
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(signed.subarray(12)));
  } catch {
    return 'its signed header cannot be read';
  }
  if (header.team?.keyId !== b.keyId || header.version !== b.version || header.body?.sha256 !== b.bodySha256)
    return 'its signed header names another key, version or body than the record';
  try {
    if (!(await ed25519Verify(raw, fromBase64(b.signature), signed))) return 'the signature does not match';
  } catch {
    return 'the signature cannot be read';
  }
  return null;
}

/** Checks a parsed evidence file: its checksum, the audit chain inside it, its signature and the bundles'. */
export async function verifyEvidence(
  raw: unknown,
  opts: VerifyEvidenceOptions = {},
): Promise<EvidenceVerdict> {
  const parsed = EvidenceFileSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      checksumOk: false,
      chain: null,
      signature: 'broken',
      bundlesOk: false,
      lines: [
        `Not a Heed evidence file: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`,
      ],
    };
  }
  // Over the raw payload, not the parsed copy, so that nothing the schema drops or adds changes the sum.
  const payload = (raw as { payload: unknown }).payload;
  const checksumOk = sha256Hex(canonicalJson(payload)) === parsed.data.checksum.value;
  const chain = verifyAuditChain(parsed.data.payload.audit.events as ChainEvent[]);
  const lines = [
    checksumOk
      ? 'Checksum: intact (SHA-256 of the payload matches).'
      : 'Checksum: BROKEN: the file was changed after it was exported.',
    `Audit chain: ${chainLine(chain).replace(/^The audit log is /, '')}`,
  ];

  let signature: EvidenceVerdict['signature'] = 'unsigned';
  let signedBy: string | undefined;
  const sig = parsed.data.signature;
  if (sig) {
    const r = await checkPackSignature(sig, payload);
    if (r.ok) {
      signature = 'signed';
      signedBy = sig.keyId;
      lines.push(TEXT.signed(groupFingerprint(sig.keyId), sig.teamName));
    } else {
      signature = 'broken';
      lines.push(TEXT.sigBroken(r.why));
    }
  } else lines.push(TEXT.unsigned);
  const expected = opts.expectKey?.toLowerCase().replace(/[^0-9a-f]/g, '');
  let keyOk = true;
  if (expected !== undefined && signature !== 'broken' && signedBy !== expected) {
    keyOk = false;
    lines.push(
      signature === 'unsigned'
        ? TEXT.expectedUnsigned(groupFingerprint(expected))
        : TEXT.notExpected(groupFingerprint(expected)),
    );
  }

  // Read from the raw payload: the shape check above lets the rest of the payload through unexamined.
  const bundles = (payload as { bundleSignatures?: unknown }).bundleSignatures;
  let bundlesOk = true;
  if (!Array.isArray(bundles) || bundles.length === 0) lines.push(TEXT.bundlesNone);
  else {
    for (const [i, rec] of bundles.entries()) {
      const b = AppliedSignatureSchema.safeParse(rec);
      const problem = b.success
        ? await bundleProblem(b.data).catch(() => 'it cannot be read')
        : 'it is not a bundle signature record';
      if (problem !== null || !b.success) {
        bundlesOk = false;
        lines.push(TEXT.bundleBroken(i, problem ?? 'invalid'));
      } else lines.push(b.data.signed === undefined ? TEXT.bundleKept(b.data) : TEXT.bundleOk(b.data));
    }
  }
  return {
    ok: checksumOk && chain.ok && signature !== 'broken' && keyOk && bundlesOk,
    checksumOk,
    chain,
    signature,
    ...(signedBy ? { signedBy } : {}),
    bundlesOk,
    lines,
  };
}
