import { z } from 'zod';
import {
  ChannelSchema,
  ChannelVerdictSchema,
  ContactVisibilitySchema,
  DataSourceSchema,
  EmailKindSchema,
  IsoDateTimeSchema,
  LevelSchema,
  PhoneKindSchema,
  StageSchema,
  SubscriberSchema,
  SuppressionReasonSchema,
} from '../vocab/schemas';
import { REASON_CODES, type ReasonCode } from './codes';
import { offsetFormat } from './hours';

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
  givenAt: IsoDateTimeSchema,
  /** How the consent was given (form, recording, signed sheet). Without it the consent does not count. */
  evidence: z.string().max(2000).optional(),
  withdrawnAt: IsoDateTimeSchema.optional(),
  /**
   * A signed written agreement that names the number (US TCPA "prior express written consent",
   * 47 C.F.R. §64.1200(f)(9)). US marketing texts and calls need it; elsewhere it changes nothing.
   */
  written: z.boolean().optional(),
});
export type Consent = z.infer<typeof ConsentSchema>;

export const SuppressionSchema = z.strictObject({
  reason: SuppressionReasonSchema,
  since: IsoDateTimeSchema,
  /**
   * Absent or empty: every channel. Only an unsubscribe, do-not-call, bounce or other entry can be narrowed: an
   * objection, erasure or complaint covers every channel whatever this says (`reasonAllowsChannelScope`).
   */
  channels: z.array(ChannelSchema).optional(),
});
export type Suppression = z.infer<typeof SuppressionSchema>;

export const SoftOptInSchema = z.strictObject({
  similarProducts: z.boolean(),
  optOutOffered: z.boolean(),
});

/** How the contact details were visible where they were collected (rules row 20). */

/** Who pays for the phone: `work` is company-issued or paid by the employer (the PECR subscriber). */

/** An IANA time zone the runtime knows (`America/Chicago`); checked through Intl, no library needed. */
export const TimeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .refine((tz) => {
    try {
      offsetFormat(tz);
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as America/Chicago or Europe/Paris');

/** A region: the ISO 3166-2 subdivision suffix (`TX`, `FL`), with or without the country prefix (`US-TX`). */
export const RegionSchema = z
  .string()
  .trim()
  .regex(/^([A-Za-z]{2}-)?[A-Za-z0-9]{1,3}$/, {
    message: 'must be an ISO 3166-2 subdivision code such as TX, FL or US-CA',
  })
  .transform((s) => s.toUpperCase().replace(/^[A-Z]{2}-/, ''));

// Strict objects: a misspelt key (say `supressions`) would otherwise be dropped in silence and an objection
// read as no objection.
export const AssessInputSchema = z
  .strictObject({
    now: IsoDateTimeSchema,
    country: CountrySchema.optional(),
    subscriber: SubscriberSchema.optional(),
    stage: StageSchema.optional(),
    emailKind: EmailKindSchema.optional(),
    source: DataSourceSchema.optional(),
    collectedAt: IsoDateTimeSchema.optional(),
    informedAt: IsoDateTimeSchema.optional(),
    consents: z.array(ConsentSchema).optional(),
    suppressions: z.array(SuppressionSchema).optional(),
    purchaseAt: IsoDateTimeSchema.optional(),
    inquiryAt: IsoDateTimeSchema.optional(),
    softOptIn: SoftOptInSchema.optional(),
    legitimateInterestAssessmentAt: IsoDateTimeSchema.optional(),
    tps: z.boolean().optional(),
    /**
     * Extension to the interface: the day the number went on TPS/CTPS. PECR reg. 21(3) gives callers
     * 28 days to screen; without this date Heed assumes the 28 days have passed.
     */
    tpsListedAt: IsoDateTimeSchema.optional(),
    retentionUntil: IsoDateTimeSchema.optional(),
    /** Extension to the interface, for rules row 20. */
    contactVisibility: ContactVisibilitySchema.optional(),
    /** The employer the record holds (row 39). */
    employer: z.string().max(200).optional(),
    /** The current employer the page shows now (row 39): when it differs, what rested on the old job may not hold. */
    pageEmployer: z.string().max(200).optional(),
    /** The recipient's IANA time zone, for calling hours; else the offset written in `now`. */
    timeZone: TimeZoneSchema.optional(),
    /** The recipient's state or province (ISO 3166-2 suffix): US state calling rules, CCPA for CA. */
    region: RegionSchema.optional(),
    phoneKind: PhoneKindSchema.optional(),
    /** The day the number was last screened against TPS/CTPS (UK): a screen holds for 28 days. */
    tpsScreenedAt: IsoDateTimeSchema.optional(),
    /** The number is on the national do-not-call register (US National DNC, Canada DNCL, AU DNC Register). */
    dnc: z.boolean().optional(),
    /** The day of the last national do-not-call screen. */
    dncScreenedAt: IsoDateTimeSchema.optional(),
    /** The privacy officer's sign-off that the member state's rule for business email is met. */
    businessEmailSignOffAt: IsoDateTimeSchema.optional(),
    /** The concrete facts behind a German business's presumed consent to a call (UWG §7(2) Nr. 1). */
    presumedConsent: z.string().max(2000).optional(),
    /** An active contract or subscription (CASL existing business relationship for its life). */
    contractActive: z.boolean().optional(),
    /** The day the contract or subscription ended (CASL: 2 more years of implied consent). */
    contractEndedAt: IsoDateTimeSchema.optional(),
    /** CASL s. 10(9)(b): address conspicuously published, no "no unsolicited messages" note, message fits the role. */
    conspicuouslyPublished: z.boolean().optional(),
    /** CASL s. 10(9)(c): the day they gave you the address (a business card), with no "no messages" note. */
    businessCardAt: IsoDateTimeSchema.optional(),
    /** The sender is a charity (UK PECR reg. 22(3A) charity soft opt-in). */
    charity: z.boolean().optional(),
  })
  .refine((i) => i.tpsListedAt === undefined || i.tps === true, {
    message: 'tpsListedAt is set but tps is not true',
    path: ['tpsListedAt'],
  });
export type AssessInput = z.infer<typeof AssessInputSchema>;

export const ChannelStatusSchema = ChannelVerdictSchema;
export type ChannelStatus = z.infer<typeof ChannelStatusSchema>;

export const ReasonLevelSchema = z.enum([...LevelSchema.options, 'info']);
export type ReasonLevel = z.infer<typeof ReasonLevelSchema>;

/** Every code the engine can emit (./codes.ts). */
export const ReasonCodeSchema = z.enum(Object.keys(REASON_CODES) as [ReasonCode, ...ReasonCode[]]);

export const ReasonSchema = z.strictObject({
  code: ReasonCodeSchema,
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
  /**
   * The last day (inclusive) on which the current state holds or the duty can still be met on time; for
   * calling hours, the date-time (with the recipient's offset) from which calls are permitted again.
   */
  due: IsoDateTimeSchema,
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
