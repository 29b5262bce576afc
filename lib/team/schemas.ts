import { z } from 'zod';
import type { EntryKind } from '../vocab';
import {
  ChannelSchema,
  EntryKindSchema,
  IsoDateTimeSchema,
  SubscriberSchema,
  SuppressionReasonSchema,
} from '../vocab/schemas';

// Everything a bundle or key file says about itself is parsed here, at the boundary, before any of it is trusted.

export const BUNDLE_FORMAT = 'heed-team-bundle';
/** The newest bundle format this Heed reads. 2: SHA-512 sections (format 1 files read as before). */
export const BUNDLE_FORMAT_VERSION = 2;

/** The format a bundle is written in: the oldest that reads it, so reps on a Heed from before SHA-512 still can. */
export function bundleFormatFor(kinds: Iterable<EntryKind>): number {
  for (const k of kinds) if (k === 'sha512') return 2;
  return 1;
}
/** A bundle's header is small (list names, batch metas, section sizes): anything larger is not ours. */
export const MAX_HEADER_BYTES = 4 * 1024 * 1024;
/** 20 million entries at ~30 bytes: generous for a team's lists, small enough to refuse a runaway file early. */
export const MAX_BUNDLE_BYTES = 768 * 1024 * 1024;
export const MAX_BUNDLE_ENTRIES = 20_000_000;
export const MAX_BUNDLE_LISTS = 200;
/** A stored string key is at most this long (a normalised URL is the longest kind). */
export const MAX_KEY_LENGTH = 2048;

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex characters');
const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');
const Count = z.number().int().nonnegative().max(MAX_BUNDLE_ENTRIES);
const Bytes = z.number().int().nonnegative().max(MAX_BUNDLE_BYTES);

/** Settings a lead recommends to the team (no defaults here: an absent key recommends nothing). */
export const RecommendedSettingsSchema = z
  .object({
    defaultCountry: z.string().regex(/^[A-Z]{2}$/),
    defaultSubscriber: SubscriberSchema,
    ownDomains: z.array(z.string().max(253)).max(1000),
    extraPersonalDomains: z.array(z.string().max(253)).max(10000),
    showPossibleMatches: z.boolean(),
    retentionDays: z.number().int().min(1).max(36500),
  })
  .partial()
  .strict();
export type RecommendedSettings = z.infer<typeof RecommendedSettingsSchema>;

/**
 * One run of entries of one kind in the body: `set` is the list's whole content of that kind, `add` and `remove`
 * change the previous version. Keys are raw digests back to back (hash kinds) or UTF-8 joined by '\n' (string
 * kinds); `metaBytes` is one little-endian uint32 per entry, an index into the list's `metas` (add/set only).
 */
export const BundleSectionSchema = z.object({
  kind: EntryKindSchema,
  op: z.enum(['set', 'add', 'remove']),
  count: Count,
  keyBytes: Bytes,
  metaBytes: Bytes,
});
export type BundleSection = z.infer<typeof BundleSectionSchema>;

export const BundleListSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).default(''),
  channels: z.array(ChannelSchema).min(1).optional(),
  /** full: the list as a whole; delta: changes since the bundle's baseVersion. */
  mode: z.enum(['full', 'delta']),
  metas: z.array(z.object({ reason: SuppressionReasonSchema, since: IsoDateTimeSchema })).max(100_000),
  sections: z.array(BundleSectionSchema).max(32),
});
export type BundleList = z.infer<typeof BundleListSchema>;

export const BundleHeaderSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    formatVersion: z.number().int().min(1).max(BUNDLE_FORMAT_VERSION),
    team: z.object({
      name: z.string().trim().min(1).max(200),
      keyId: Hex64,
      /** Raw 32-byte Ed25519 public key, base64. */
      publicKey: Base64.max(64),
    }),
    version: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    /** Present on a delta bundle: it applies only on top of exactly this version. */
    baseVersion: z.number().int().positive().optional(),
    createdAt: IsoDateTimeSchema,
    entryMode: z.enum(['plain', 'hashed']),
    settings: RecommendedSettingsSchema.optional(),
    lists: z.array(BundleListSchema).max(MAX_BUNDLE_LISTS),
    body: z.object({ bytes: Bytes, sha256: Hex64 }),
  })
  .superRefine((h, ctx) => {
    if (h.baseVersion !== undefined && h.baseVersion >= h.version) {
      ctx.addIssue({ code: 'custom', path: ['baseVersion'], message: 'must be lower than version' });
    }
    if (h.baseVersion === undefined && h.lists.some((l) => l.mode === 'delta')) {
      ctx.addIssue({ code: 'custom', path: ['lists'], message: 'a full bundle cannot hold delta lists' });
    }
    const ids = new Set(h.lists.map((l) => l.id));
    if (ids.size !== h.lists.length)
      ctx.addIssue({ code: 'custom', path: ['lists'], message: 'duplicate id' });
    let sum = 0;
    let entries = 0;
    for (const l of h.lists) {
      for (const s of l.sections) {
        sum += s.keyBytes + s.metaBytes;
        entries += s.count;
        if (l.mode === 'full' && s.op !== 'set') {
          ctx.addIssue({ code: 'custom', path: ['lists'], message: 'a full list has only set sections' });
        }
        if (l.mode === 'delta' && s.op === 'set') {
          ctx.addIssue({ code: 'custom', path: ['lists'], message: 'a delta list has no set sections' });
        }
        const wantMeta = s.op === 'remove' ? 0 : s.count * 4;
        if (s.metaBytes !== wantMeta) {
          ctx.addIssue({
            code: 'custom',
            path: ['lists'],
            message: 'section meta size does not match its count',
          });
        }
      }
    }
    if (sum !== h.body.bytes)
      ctx.addIssue({ code: 'custom', path: ['body'], message: 'sections do not add up' });
    if (entries > MAX_BUNDLE_ENTRIES)
      ctx.addIssue({ code: 'custom', path: ['lists'], message: 'too many entries' });
  });
export type BundleHeader = z.infer<typeof BundleHeaderSchema>;

// ---- Records kept in the `settings` table (not the `settings` key): never in a backup file ----------------

/** The lead's signing key. The private key is a CryptoKey kept by IndexedDB itself, never serialised by Heed. */
export interface SigningKeyRecord {
  key: 'team:signing-key';
  teamName: string;
  keyId: string;
  publicKey: string;
  privateKey: CryptoKey;
  createdAt: string;
}

export const TrustedKeySchema = z.object({
  keyId: Hex64,
  publicKey: Base64.max(64),
  teamName: z.string().max(200),
  pinnedAt: IsoDateTimeSchema,
});
export type TrustedKey = z.infer<typeof TrustedKeySchema>;

export const TrustedKeysRecordSchema = z.object({
  key: z.literal('team:trusted'),
  keys: z.array(TrustedKeySchema).max(100),
});

export const AppliedRecordSchema = z.object({
  key: z.literal('team:applied'),
  teams: z.record(
    Hex64,
    z.object({
      version: z.number().int().positive(),
      appliedAt: IsoDateTimeSchema,
      createdAt: IsoDateTimeSchema,
      teamName: z.string().max(200),
      settings: RecommendedSettingsSchema.optional(),
    }),
  ),
});
export type AppliedRecord = z.infer<typeof AppliedRecordSchema>;

/**
 * One applied bundle's signature, kept for the evidence pack: with the signed bytes (magic, length and header) and
 * the public key, anyone can check offline that the team key signed that header, and the header pins the entries
 * by their SHA-256. A header larger than MAX_KEPT_HEADER_BYTES is kept by its SHA-256 only.
 */
export const AppliedSignatureSchema = z.object({
  keyId: Hex64,
  publicKey: Base64.max(64),
  teamName: z.string().max(200),
  version: z.number().int().positive(),
  baseVersion: z.number().int().positive().optional(),
  createdAt: IsoDateTimeSchema,
  appliedAt: IsoDateTimeSchema,
  /** SHA-256 of the bundle's entries, as its signed header states it. */
  bodySha256: Hex64,
  /** SHA-256 of the signed bytes. */
  signedSha256: Hex64,
  /** base64 of the signed bytes: "HEEDTB01", the header length, the header JSON. */
  signed: Base64.optional(),
  /** base64 of the 64-byte Ed25519 signature. */
  signature: Base64.max(88),
});
export type AppliedSignature = z.infer<typeof AppliedSignatureSchema>;
export const MAX_KEPT_HEADER_BYTES = 64 * 1024;
/** The newest signatures kept: years of daily updates. */
export const MAX_KEPT_SIGNATURES = 1000;

export const SignaturesRecordSchema = z.object({
  key: z.literal('team:signatures'),
  signatures: z.array(AppliedSignatureSchema).max(MAX_KEPT_SIGNATURES),
});

/** The lead's side: the last version exported under the key, and what each list held then (for deltas). */
export const ExportedRecordSchema = z.object({
  key: z.literal('team:exported'),
  keyId: Hex64,
  version: z.number().int().nonnegative(),
  exportedAt: IsoDateTimeSchema.optional(),
});
export type ExportedRecord = z.infer<typeof ExportedRecordSchema>;

export const SNAPSHOT_PREFIX = 'team:snapshot:';

// ---- The passphrase-protected key file ------------------------------------------------------------------

export const KEY_FILE_FORMAT = 'heed-team-key';
export const PBKDF2_ITERATIONS = 600_000;

export const KeyFileSchema = z.object({
  format: z.literal(KEY_FILE_FORMAT),
  version: z.literal(1),
  teamName: z.string().trim().min(1).max(200),
  publicKey: Base64.max(64),
  kdf: z.object({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.number().int().min(100_000).max(10_000_000),
    salt: Base64.max(64),
  }),
  cipher: z.object({ name: z.literal('AES-GCM'), iv: Base64.max(32) }),
  /** AES-GCM of the PKCS#8 private key. */
  data: Base64.max(1024),
  /** The last version exported under the key, so a second admin's first bundle is newer than every rep's. */
  lastVersion: z.number().int().nonnegative().default(0),
});
export type KeyFile = z.infer<typeof KeyFileSchema>;
