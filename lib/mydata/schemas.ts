import { z } from 'zod';
import { LANGS } from '../i18n/define';

/** What the user records about themselves. Never mixed with suppression lists: this is the user's own data. */
export const IDENTITY_KINDS = ['email', 'phone', 'profile'] as const;
export const IdentityKindSchema = z.enum(IDENTITY_KINDS);
export type IdentityKind = z.infer<typeof IdentityKindSchema>;

const SHA256_HEX = /^[0-9a-f]{64}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const IdentitySchema = z
  .object({
    id: z.string().min(1).max(64),
    kind: IdentityKindSchema,
    /** The normalised value; absent when the user chose to keep only the hash. */
    value: z.string().min(1).max(512).optional(),
    /** SHA-256 of the normalised value: what matching uses, so hashed-only identities still match. */
    sha256: z.string().regex(SHA256_HEX),
    label: z.string().max(80).optional(),
    /** Kept for hashed-only phones, whose country would otherwise be lost with the value. */
    country: z.string().length(2).optional(),
    addedAt: z.string().min(1),
  })
  .strict();
export type Identity = z.infer<typeof IdentitySchema>;

export const REQUEST_KINDS = [
  'access',
  'erasure',
  'objection',
  'rectification',
  'ccpa-know',
  'ccpa-delete',
  'ccpa-opt-out',
  'ccpa-correct',
] as const;
export const RequestKindSchema = z.enum(REQUEST_KINDS);
export type RequestKind = z.infer<typeof RequestKindSchema>;

export const LAWS = ['gdpr', 'uk-gdpr', 'ccpa'] as const;
export const LawSchema = z.enum(LAWS);
export type Law = z.infer<typeof LawSchema>;

export const GDPR_KINDS: readonly RequestKind[] = ['access', 'erasure', 'objection', 'rectification'];
export const CCPA_KINDS: readonly RequestKind[] = [
  'ccpa-know',
  'ccpa-delete',
  'ccpa-opt-out',
  'ccpa-correct',
];

/** The request kinds that exist under a law; the other law's kinds make no sense in its letter. */
export function kindsFor(law: Law): readonly RequestKind[] {
  return law === 'ccpa' ? CCPA_KINDS : GDPR_KINDS;
}

export const IsoDateSchema = z
  .string()
  .regex(ISO_DATE, 'expected a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a calendar date');

export const RequestRecordSchema = z
  .object({
    id: z.string().min(1).max(64),
    company: z.string().trim().min(1).max(200),
    companyEmail: z.string().max(254).optional(),
    /** Where the company is (ISO alpha-2): which regulator a complaint goes to. */
    companyCountry: z
      .string()
      .regex(/^[A-Z]{2}$/, 'expected a two-letter country code')
      .optional(),
    kinds: z.array(RequestKindSchema).min(1).max(REQUEST_KINDS.length),
    law: LawSchema,
    sentAt: IsoDateSchema,
    dueAt: IsoDateSchema,
    answeredAt: IsoDateSchema.optional(),
    notes: z.string().max(2000).optional(),
    /** The language the request letter was written in, so follow-ups and complaints use it too. */
    language: z.enum(LANGS).optional(),
  })
  .strict()
  .refine((r) => r.kinds.every((k) => kindsFor(r.law).includes(k)), {
    message: 'a request kind does not belong to the chosen law',
    path: ['kinds'],
  })
  .refine((r) => r.dueAt >= r.sentAt, { message: 'due date before the sent date', path: ['dueAt'] });
export type RequestRecord = z.infer<typeof RequestRecordSchema>;

/** Small preferences of the self-check page: the user's name for letters, their country. */
export const SelfSettingSchema = z
  .object({
    key: z.enum(['name', 'country']),
    value: z.string().max(200),
  })
  .strict();
export type SelfSetting = z.infer<typeof SelfSettingSchema>;
