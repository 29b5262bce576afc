import { z } from 'zod';
import {
  CHANNEL_VERDICTS,
  CHANNELS,
  COLUMN_ROLES,
  CONTACT_VISIBILITIES,
  DATA_SOURCES,
  EMAIL_KINDS,
  ENTRY_KINDS,
  LEVELS,
  PAGE_SOURCES,
  PHONE_KINDS,
  STAGES,
  SUBSCRIBERS,
  SUPPRESSION_REASONS,
} from './index';

// The shared words (./index.ts) as Zod enums, for checking them where data comes in (a file, a message, a backup).
// Built from the plain arrays, so a word added there is accepted here.

export const ChannelSchema = z.enum(CHANNELS);
export const LevelSchema = z.enum(LEVELS);
export const ChannelVerdictSchema = z.enum(CHANNEL_VERDICTS);
export const SuppressionReasonSchema = z.enum(SUPPRESSION_REASONS);
export const SubscriberSchema = z.enum(SUBSCRIBERS);
export const StageSchema = z.enum(STAGES);
export const EmailKindSchema = z.enum(EMAIL_KINDS);
export const DataSourceSchema = z.enum(DATA_SOURCES);
export const EntryKindSchema = z.enum(ENTRY_KINDS);
export const ColumnRoleSchema = z.enum(COLUMN_ROLES);
export const PageSourceSchema = z.enum(PAGE_SOURCES);
export const PhoneKindSchema = z.enum(PHONE_KINDS);
export const ContactVisibilitySchema = z.enum(CONTACT_VISIBILITIES);

/**
 * ISO 8601 date-time (`2026-11-29T10:00:00Z`), or a bare date (`2026-11-29`), that parses to a real instant. Not
 * lib/mydata's IsoDateSchema, which takes a calendar date only.
 */
export const IsoDateTimeSchema = z
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
