import { z } from 'zod';

// The shared words of Heed: every module (risk engine, store, pages, messages) uses these enums,
// so a value that is valid in one place is valid everywhere.

export const ChannelSchema = z.enum(['email', 'sms', 'phone', 'post', 'inmail']);
export type Channel = z.infer<typeof ChannelSchema>;
export const CHANNELS: readonly Channel[] = ChannelSchema.options;

export const LevelSchema = z.enum(['blocked', 'high', 'caution', 'ok']);
export type Level = z.infer<typeof LevelSchema>;

export const SuppressionReasonSchema = z.enum([
  'objection',
  'unsubscribe',
  'erasure',
  'do-not-call',
  'bounce',
  'complaint',
  'other',
]);
export type SuppressionReason = z.infer<typeof SuppressionReasonSchema>;

export const SubscriberSchema = z.enum([
  'individual',
  'sole-trader',
  'partnership',
  'llp',
  'corporate',
  'public-body',
  'unknown',
]);
export type Subscriber = z.infer<typeof SubscriberSchema>;

export const StageSchema = z.enum(['suspect', 'prospect', 'client', 'former-client', 'unknown']);
export type Stage = z.infer<typeof StageSchema>;

export const EmailKindSchema = z.enum(['personal', 'work', 'unknown']);
export type EmailKind = z.infer<typeof EmailKindSchema>;

export const DataSourceSchema = z.enum(['subject', 'third-party', 'unknown']);
export type DataSource = z.infer<typeof DataSourceSchema>;

/** ISO 8601 date (`2026-11-29`) or date-time (`2026-11-29T10:00:00Z`) that parses to a real instant. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/, {
    message: 'must be an ISO 8601 date (YYYY-MM-DD) or date-time',
  })
  .refine((s) => {
    if (Number.isNaN(Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s))) return false;
    // Date.parse rolls 2026-02-31 over to March, with or without a time part: check the written date itself
    // (the UTC date of a date-time with an offset may differ from it, so it cannot be compared back).
    const y = Number(s.slice(0, 4));
    const m = Number(s.slice(5, 7));
    const d = Number(s.slice(8, 10));
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
    return daysInMonth !== undefined && d >= 1 && d <= daysInMonth;
  }, 'is not a real calendar date');

/**
 * Reasons whose suppression may be narrowed to some channels. An objection (GDPR/UK GDPR Art. 21(2)-(3)),
 * an erasure request (Art. 17) and a complaint (treated as an objection) stop all direct marketing, so they
 * always block every channel whatever channels a list names.
 */
export const CHANNEL_SCOPABLE_REASONS = ['unsubscribe', 'do-not-call', 'bounce', 'other'] as const;

export function reasonAllowsChannelScope(reason: SuppressionReason | 'unknown'): boolean {
  return (CHANNEL_SCOPABLE_REASONS as readonly string[]).includes(reason);
}
