import { z } from 'zod';
import {
  ChannelSchema,
  DataSourceSchema,
  EmailKindSchema,
  IsoDateSchema,
  LevelSchema,
  StageSchema,
  SubscriberSchema,
  SuppressionReasonSchema,
} from '../vocab';

// ISO 3166-1 keeps 'UK' exceptionally reserved for GB and the EU writes Greece as 'EL': accept both
// spellings so a UK or Greek person is never mistaken for an uncovered country.
const COUNTRY_ALIASES: Readonly<Record<string, string>> = { UK: 'GB', EL: 'GR' };

export const CountrySchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, {
    message: 'must be an ISO 3166-1 alpha-2 country code such as GB, DE, FR, US, CA',
  })
  .transform((s) => {
    const upper = s.toUpperCase();
    return COUNTRY_ALIASES[upper] ?? upper;
  });

export const ConsentSchema = z.strictObject({
  channel: ChannelSchema,
  givenAt: IsoDateSchema,
  /** How the consent was given (form, recording, signed sheet). Without it the consent does not count. */
  evidence: z.string().max(2000).optional(),
  withdrawnAt: IsoDateSchema.optional(),
  written: z.boolean().optional(),
});
export type Consent = z.infer<typeof ConsentSchema>;

export const SuppressionSchema = z.strictObject({
  reason: SuppressionReasonSchema,
  since: IsoDateSchema,
  /** Absent or empty: every channel. */
  channels: z.array(ChannelSchema).optional(),
});
export type Suppression = z.infer<typeof SuppressionSchema>;

export const SoftOptInSchema = z.strictObject({
  similarProducts: z.boolean(),
  optOutOffered: z.boolean(),
});

/** How the contact details were visible where they were collected (rules row 20). */
export const ContactVisibilitySchema = z.enum(['public', 'connections-only', 'download-blocked', 'unknown']);

// Strict objects: a misspelt key (say `supressions`) would otherwise be dropped in silence and an objection
// read as no objection.
export const AssessInputSchema = z
  .strictObject({
    now: IsoDateSchema,
    country: CountrySchema.optional(),
    subscriber: SubscriberSchema.optional(),
    stage: StageSchema.optional(),
    emailKind: EmailKindSchema.optional(),
    source: DataSourceSchema.optional(),
    collectedAt: IsoDateSchema.optional(),
    informedAt: IsoDateSchema.optional(),
    consents: z.array(ConsentSchema).optional(),
    suppressions: z.array(SuppressionSchema).optional(),
    purchaseAt: IsoDateSchema.optional(),
    inquiryAt: IsoDateSchema.optional(),
    softOptIn: SoftOptInSchema.optional(),
    legitimateInterestAssessmentAt: IsoDateSchema.optional(),
    tps: z.boolean().optional(),
    /**
     * Extension to the interface: the day the number went on TPS/CTPS. PECR reg. 21(3) gives callers
     * 28 days to screen; without this date Heed assumes the 28 days have passed.
     */
    tpsListedAt: IsoDateSchema.optional(),
    retentionUntil: IsoDateSchema.optional(),
    /** Extension to the interface, for rules row 20. */
    contactVisibility: ContactVisibilitySchema.optional(),
    timeZone: z.string().min(1).max(100).optional(),
    region: z.string().min(1).max(10).optional(),
    phoneKind: z.enum(['work', 'personal', 'unknown']).optional(),
    tpsScreenedAt: IsoDateSchema.optional(),
    dnc: z.boolean().optional(),
    dncScreenedAt: IsoDateSchema.optional(),
    businessEmailSignOffAt: IsoDateSchema.optional(),
    presumedConsent: z.string().max(2000).optional(),
    contractActive: z.boolean().optional(),
    contractEndedAt: IsoDateSchema.optional(),
    conspicuouslyPublished: z.boolean().optional(),
    businessCardAt: IsoDateSchema.optional(),
    charity: z.boolean().optional(),
  })
  .refine((i) => i.tpsListedAt === undefined || i.tps === true, {
    message: 'tpsListedAt is set but tps is not true',
    path: ['tpsListedAt'],
  });
export type AssessInput = z.infer<typeof AssessInputSchema>;

export const ChannelStatusSchema = z.enum(['allowed', 'check', 'blocked']);
export type ChannelStatus = z.infer<typeof ChannelStatusSchema>;

export const ReasonLevelSchema = z.enum([...LevelSchema.options, 'info']);
export type ReasonLevel = z.infer<typeof ReasonLevelSchema>;

export const ReasonSchema = z.strictObject({
  code: z.string().min(1),
  /** 'blocked': blocks the channels listed; 'caution': a check or a warning; 'ok': permits; 'info': context. */
  level: ReasonLevelSchema,
  /** The channels the reason concerns; empty when it concerns the record as a whole. */
  channels: z.array(ChannelSchema),
  message: z.string().min(1),
  citation: z.string().min(1),
});
export type Reason = z.infer<typeof ReasonSchema>;

export const DeadlineSchema = z.strictObject({
  code: z.string().min(1),
  /** The last day (inclusive) on which the current state holds or the duty can still be met on time. */
  due: IsoDateSchema,
  citation: z.string().min(1),
});
export type Deadline = z.infer<typeof DeadlineSchema>;

export const VerdictSchema = z.strictObject({
  level: LevelSchema,
  channels: z.record(ChannelSchema, ChannelStatusSchema),
  reasons: z.array(ReasonSchema),
  deadlines: z.array(DeadlineSchema),
});
export type Verdict = z.infer<typeof VerdictSchema>;
