import { z } from 'zod';
import { LANGUAGE_CHOICES } from '../i18n/define';
import { type EntryKind, HASH_KINDS, type HashKind, STRING_KINDS } from '../vocab';
import {
  ChannelSchema,
  ColumnRoleSchema,
  ContactVisibilitySchema,
  DataSourceSchema,
  EmailKindSchema,
  EntryKindSchema,
  IsoDateTimeSchema,
  PhoneKindSchema,
  StageSchema,
  SubscriberSchema,
  SuppressionReasonSchema,
} from '../vocab/schemas';
import { lazySchema } from './lazy-schema';

// Every record the store writes or reads from outside (file, message, backup) has its shape here, and the
// TypeScript types are inferred from these schemas so the two can never drift apart.

/** Raw digest length in bytes, the stride of a hash bucket's key array. */
export const DIGEST_BYTES: Record<HashKind, number> = { md5: 16, sha1: 20, sha256: 32, sha512: 64 };

/** 12 bits of bucket: enough to keep each bucket small at a million entries (~250 per bucket). */
export const BUCKET_BITS = 12;
export const BUCKET_COUNT = 1 << BUCKET_BITS;

const Id = lazySchema(() => z.string().min(1).max(100));
const ShortText = (max: number) => z.string().max(max);

export const KindCountsSchema = lazySchema(() =>
  z.partialRecord(EntryKindSchema, z.number().int().nonnegative()),
);

export const ListCountsSchema = lazySchema(() =>
  z.object({
    total: z.number().int().nonnegative(),
    byKind: KindCountsSchema,
  }),
);
export type ListCounts = z.infer<typeof ListCountsSchema>;

export const SuppressionListSchema = lazySchema(() =>
  z.object({
    id: Id,
    name: z.string().trim().min(1).max(200),
    description: ShortText(2000).default(''),
    /** Absent means the list applies to every channel. */
    channels: z.array(ChannelSchema).min(1).optional(),
    isDefault: z.boolean().default(false),
    sourceFile: ShortText(500).optional(),
    /**
     * Set on a list that came from a signed team bundle: the rep can read and search it but not change or delete
     * it (lib/store refuses), and only a newer bundle from the same team key replaces it.
     */
    managed: z
      .object({
        /** Fingerprint of the team key (lower-case hex SHA-256 of the raw Ed25519 public key). */
        teamKeyId: z.string().regex(/^[0-9a-f]{64}$/),
        teamName: ShortText(200),
        bundleVersion: z.number().int().positive(),
        /** The list's id in the lead's browser: stable across bundle versions. */
        bundleListId: Id,
      })
      .optional(),
    counts: ListCountsSchema,
    createdAt: IsoDateTimeSchema,
    updatedAt: IsoDateTimeSchema,
  }),
);
export type SuppressionList = z.infer<typeof SuppressionListSchema>;

export const BatchSourceSchema = lazySchema(() => z.enum(['import', 'manual', 'restore', 'merge', 'bundle']));
export type BatchSource = z.infer<typeof BatchSourceSchema>;

// One batch per import (per distinct reason/date in it): the entries carry only its 4-byte id, which is
// what keeps a million entries in a few megabytes.
export const BatchSchema = lazySchema(() =>
  z.object({
    id: z.number().int().positive().max(0xffffffff),
    listId: Id,
    reason: SuppressionReasonSchema,
    since: IsoDateTimeSchema,
    source: BatchSourceSchema,
    fileName: ShortText(500).optional(),
    /**
     * The channels this recording blocks, when narrower than the list's (issue 20, item 5: an unsubscribe blocks
     * email, a do-not-call blocks phone and SMS). Honoured only for reasons that may be narrowed (lib/vocab).
     */
    channels: z.array(ChannelSchema).min(1).optional(),
    importedAt: IsoDateTimeSchema,
  }),
);
export type Batch = z.infer<typeof BatchSchema>;
export const NewBatchSchema = lazySchema(() => BatchSchema.omit({ id: true }));

const BucketNumber = lazySchema(() =>
  z
    .number()
    .int()
    .min(0)
    .max(BUCKET_COUNT - 1),
);

/**
 * The entries of one list, kind and bucket, sorted by key, discriminated by kind: hash kinds keep raw digests
 * back to back in one Uint8Array; string kinds keep a sorted string[]. `batchIds[i]` is the batch of entry i.
 * (On disk the batch ids are stored compactly: lib/store/bucket-layout.ts.)
 */
export const BucketRecordSchema = lazySchema(() =>
  z.discriminatedUnion('kind', [
    z
      .object({
        listId: Id,
        kind: z.enum(HASH_KINDS),
        bucket: BucketNumber,
        keys: z.instanceof(Uint8Array),
        batchIds: z.instanceof(Uint32Array),
      })
      .superRefine((r, ctx) => checkEntryCount(r.keys.length / DIGEST_BYTES[r.kind], r, ctx)),
    z
      .object({
        listId: Id,
        kind: z.enum(STRING_KINDS),
        bucket: BucketNumber,
        keys: z.array(z.string()),
        batchIds: z.instanceof(Uint32Array),
      })
      .superRefine((r, ctx) => checkEntryCount(r.keys.length, r, ctx)),
  ]),
);
export type BucketRecord = z.infer<typeof BucketRecordSchema>;

function checkEntryCount(n: number, r: { kind: string; batchIds: Uint32Array }, ctx: z.RefinementCtx) {
  if (!Number.isInteger(n)) {
    ctx.addIssue({ code: 'custom', path: ['keys'], message: `wrong key encoding for kind ${r.kind}` });
  } else if (n !== r.batchIds.length) {
    ctx.addIssue({
      code: 'custom',
      path: ['batchIds'],
      message: `has ${r.batchIds.length} ids for ${n} keys`,
    });
  }
}

export const ContactConsentSchema = lazySchema(() =>
  z.object({
    channel: ChannelSchema,
    givenAt: IsoDateTimeSchema,
    evidence: ShortText(500).optional(),
    withdrawnAt: IsoDateTimeSchema.optional(),
    /** A signed written agreement naming the number (TCPA prior express written consent, 47 C.F.R. §64.1200(f)(9)). */
    written: z.boolean().optional(),
  }),
);
export type ContactConsent = z.infer<typeof ContactConsentSchema>;

export const LegitimateInterestSchema = lazySchema(() =>
  z.object({
    assessedAt: IsoDateTimeSchema,
    reference: ShortText(200).optional(),
  }),
);

const CountryCode = lazySchema(() =>
  z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code like GB'),
);

/** An IANA time zone the browser knows (`America/Chicago`): an unknown one would silently mean UTC. */
export const TimeZoneSchema = lazySchema(() =>
  z
    .string()
    .min(1)
    .max(100)
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as America/Chicago or Europe/London'),
);

/** What a caller may save; the store normalises identifiers and fills id/keys/timestamps. */
export const ContactInputSchema = lazySchema(() =>
  z.object({
    id: Id.optional(),
    name: ShortText(200).optional(),
    emails: z.array(z.string().max(320)).max(20).default([]),
    profileUrls: z.array(z.string().max(500)).max(10).default([]),
    salesNavUrls: z.array(z.string().max(500)).max(10).default([]),
    phones: z.array(z.string().max(40)).max(10).default([]),
    stage: StageSchema.default('unknown'),
    subscriber: SubscriberSchema.default('unknown'),
    country: CountryCode.optional(),
    emailKind: EmailKindSchema.default('unknown'),
    consents: z.array(ContactConsentSchema).max(50).default([]),
    legitimateInterest: LegitimateInterestSchema.optional(),
    source: DataSourceSchema.default('unknown'),
    collectedAt: IsoDateTimeSchema.optional(),
    /** Date the Art. 14 notice was given. */
    informedAt: IsoDateTimeSchema.optional(),
    retentionUntil: IsoDateTimeSchema.optional(),
    purchaseAt: IsoDateTimeSchema.optional(),
    inquiryAt: IsoDateTimeSchema.optional(),
    /** PECR reg. 22(3): both conditions are recorded separately, since the soft opt-in needs both. */
    softOptIn: z.object({ similarProducts: z.boolean(), optOutOffered: z.boolean() }).optional(),
    tps: z.boolean().optional(),
    /** When the number went on TPS/CTPS: callers have 28 days to screen (PECR reg. 21(3)). */
    tpsListedAt: IsoDateTimeSchema.optional(),
    /** Last TPS/CTPS screen of the number: a UK live call needs one within 28 days (PECR reg. 21). */
    tpsScreenedAt: IsoDateTimeSchema.optional(),
    /** work = company-issued phone or account paid by the employer (the PECR subscriber is the company). */
    phoneKind: PhoneKindSchema.optional(),
    /** On the national do-not-call register (US National DNC, Canada DNCL, AU DNC Register). */
    dnc: z.boolean().optional(),
    dncScreenedAt: IsoDateTimeSchema.optional(),
    /** The privacy officer's sign-off that the member state's business-email rule is met. */
    businessEmailSignOffAt: IsoDateTimeSchema.optional(),
    /** German B2B presumed-consent facts for calls (UWG §7(2) Nr. 1). */
    presumedConsent: ShortText(2000).optional(),
    /** CASL existing business relationship: an active contract lasts; an ended one counts for 2 years. */
    contractActive: z.boolean().optional(),
    contractEndedAt: IsoDateTimeSchema.optional(),
    /** CASL s. 10(9)(b): conspicuously published, no "no unsolicited messages" note, relevant to the role. */
    conspicuouslyPublished: z.boolean().optional(),
    /** CASL s. 10(9)(c): the person gave the address (a business card) on this date. */
    businessCardAt: IsoDateTimeSchema.optional(),
    /** ISO 3166-2 subdivision suffix (a US state such as TX): state calling hours, CCPA. */
    region: z
      .string()
      .regex(/^[A-Z0-9]{1,3}$/, 'must be an ISO 3166-2 subdivision code such as TX or CA')
      .optional(),
    /** The person's IANA time zone, for calling hours. */
    timeZone: TimeZoneSchema.optional(),
    /** How the contact details were visible where they were collected (the CNIL's KASPR decision). */
    contactVisibility: ContactVisibilitySchema.optional(),
    /**
     * The employer when this was recorded: a page showing another one means the relationship may have lapsed
     * (issue 20, item 10). Optional and unindexed, so older records and backups stay valid with no migration.
     */
    employer: ShortText(200).optional(),
    notes: ShortText(1000).optional(),
  }),
);
export type ContactInput = z.input<typeof ContactInputSchema>;

export const ContactSchema = lazySchema(() =>
  ContactInputSchema.extend({
    id: Id,
    /** Normalised identifiers as 'email:…', 'profile:…', 'phone:…', 'salesnav:…' (multiEntry index). */
    keys: z.array(z.string()),
    createdAt: IsoDateTimeSchema,
    updatedAt: IsoDateTimeSchema,
  }),
);
export type Contact = z.infer<typeof ContactSchema>;

/** The settings' bounds, for the schema and for the form that says them before saving. */
export const SETTINGS_LIMITS = {
  /** Domains the team sends from, and extra personal (free-mail) domains. */
  ownDomains: 1000,
  extraPersonalDomains: 10000,
  /** Retention in days: at least one, at most a hundred years. */
  retentionDays: { min: 1, max: 36500 },
  annotatedSites: 1000,
} as const;

export const SettingsSchema = lazySchema(() =>
  z.object({
    /** The language of every Heed surface: the browser's (`auto`), or English, German or French. */
    language: z.enum(LANGUAGE_CHOICES).default('auto'),
    defaultCountry: CountryCode.optional(),
    defaultSubscriber: SubscriberSchema.default('unknown'),
    ownDomains: z.array(z.string().max(253)).max(SETTINGS_LIMITS.ownDomains).default([]),
    extraPersonalDomains: z.array(z.string().max(253)).max(SETTINGS_LIMITS.extraPersonalDomains).default([]),
    showPossibleMatches: z.boolean().default(true),
    retentionDays: z
      .number()
      .int()
      .min(SETTINGS_LIMITS.retentionDays.min)
      .max(SETTINGS_LIMITS.retentionDays.max)
      .default(730),
    annotatedSites: z.array(z.string().max(300)).max(SETTINGS_LIMITS.annotatedSites).default([]),
    /** Leave no trace on pages: verdicts and forms only in the browser's side panel, nothing inserted. */
    sidePanelOnly: z.boolean().default(false),
    /** The sending organisation is a charity: the charity soft opt-in of PECR reg. 22(3A) may apply. */
    charity: z.boolean().optional(),
    /** The check at Send in each mail and messaging site; each can be switched off. */
    sendCheck: z
      .object({
        gmail: z.boolean().default(true),
        outlook: z.boolean().default(true),
        linkedin: z.boolean().default(true),
      })
      .default({ gmail: true, outlook: true, linkedin: true }),
    /** Recipients marked "check" also stop the send until the user confirms with a reason. */
    sendCheckStopOnCheck: z.boolean().default(false),
    /**
     * Team facts, recorded once by the team lead (issue 20, item 2) and used where a contact has nothing recorded:
     * the date of the legitimate-interest assessment for B2B prospecting, ...
     */
    teamLiaAssessedAt: IsoDateTimeSchema.optional(),
    /** ... that the first message carries the Art. 14 notice and an opt-out (a duty shown, not a notice given), ... */
    teamArt14InFirstMessage: z.boolean().optional(),
    /** ... the date of the team's last TPS/CTPS and do-not-call screen, ... */
    teamScreenedAt: IsoDateTimeSchema.optional(),
    /** ... and the privacy officer's sign-off of the business-email rules. */
    teamBusinessEmailSignOffAt: IsoDateTimeSchema.optional(),
  }),
);
export type Settings = z.infer<typeof SettingsSchema>;
export type SettingsInput = z.input<typeof SettingsSchema>;

export const SettingsRecordSchema = lazySchema(() =>
  z.object({ key: z.literal('settings'), value: SettingsSchema }),
);
export type SettingsRecord = z.infer<typeof SettingsRecordSchema>;

export const AuditActionSchema = lazySchema(() =>
  z.enum([
    'import',
    'export',
    'delete-list',
    'delete-entry',
    'create-list',
    'update-list',
    'merge-lists',
    'restore',
    'backup',
    'settings',
    'contact-save',
    'contact-delete',
    'opt-out',
    'purge',
    'send-override',
    'team-bundle',
    'team-key',
  ]),
);
export type AuditAction = z.infer<typeof AuditActionSchema>;

// The audit log says who did what and when, never to whom: no identifiers, no file names, no free text
// that could carry personal data. The one exception is `send-override`: sending to a suppressed person anyway
// must be accountable (GDPR Art. 5(2)), so it names the recipient, the list entry and the typed reason (never
// the message), which is why `detail` is longer than a summary needs.
export const AuditEventSchema = lazySchema(() =>
  z.object({
    id: z.number().int().positive(),
    at: IsoDateTimeSchema,
    actor: z.enum(['user', 'system']).default('user'),
    action: AuditActionSchema,
    listId: Id.optional(),
    counts: z.record(z.string().max(50), z.number().int()).optional(),
    detail: ShortText(700).optional(),
    /** The hash chain (lib/store/audit-chain.ts): absent on events written before it existed. Not indexed. */
    prevHash: z
      .string()
      .regex(/^[0-9a-f]{64}$|^heed-audit-genesis-v1$/)
      .optional(),
    hash: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
  }),
);
export type AuditEvent = z.infer<typeof AuditEventSchema>;
export type NewAuditEvent = Omit<z.input<typeof AuditEventSchema>, 'id' | 'at' | 'prevHash' | 'hash'> & {
  at?: string;
};

// ---- Import ----------------------------------------------------------------------------------------

export const ColumnMappingSchema = lazySchema(() =>
  z.object({
    columns: z
      .array(z.object({ index: z.number().int().min(0).max(10000), role: ColumnRoleSchema }))
      .max(10000),
  }),
);
export type ColumnMapping = z.infer<typeof ColumnMappingSchema>;

export const DelimiterSchema = lazySchema(() => z.enum([',', '\t', ';', '|', '']));
/** '' means one value per line. */
export type Delimiter = z.infer<typeof DelimiterSchema>;

export const TextEncodingSchema = lazySchema(() => z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']));
export type TextEncoding = z.infer<typeof TextEncodingSchema>;

// ---- Backup ----------------------------------------------------------------------------------------

export const BACKUP_FORMAT = 'heed-backup';
/** The newest backup version this Heed reads. 2: SHA-512 entries (version 1 files read as before). */
export const BACKUP_VERSION = 2;

/**
 * The version a backup is written with: the oldest that can read it, so that a backup without SHA-512 entries
 * still restores in a Heed from before them (which refuses a newer version with "update Heed first").
 */
export function backupVersionFor(kinds: Iterable<EntryKind>): number {
  for (const k of kinds) if (k === 'sha512') return 2;
  return 1;
}

const Base64 = lazySchema(() => z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'));

export const BackupBucketSchema = lazySchema(() =>
  z.object({
    listId: Id,
    kind: EntryKindSchema,
    bucket: z
      .number()
      .int()
      .min(0)
      .max(BUCKET_COUNT - 1),
    /** base64 of the raw digests for hash kinds, the sorted strings otherwise. */
    keys: z.union([Base64, z.array(z.string())]),
    /** base64 of the little-endian uint32 batch ids. */
    batchIds: Base64,
  }),
);
export type BackupBucket = z.infer<typeof BackupBucketSchema>;

export const BackupDataSchema = lazySchema(() =>
  z.object({
    lists: z.array(SuppressionListSchema),
    batches: z.array(BatchSchema),
    buckets: z.array(BackupBucketSchema),
    contacts: z.array(ContactSchema),
    settings: SettingsSchema.optional(),
    audit: z.array(AuditEventSchema),
  }),
);

export const BackupEnvelopeSchema = lazySchema(() =>
  z.object({
    format: z.literal(BACKUP_FORMAT),
    version: z.number().int(),
    createdAt: IsoDateTimeSchema,
    checksum: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex characters'),
    data: z.unknown(),
  }),
);
