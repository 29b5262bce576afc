import { describe, expect, it } from 'vitest';
import { IsoDateTimeSchema } from '../../../lib/vocab/schemas';

// The risk engine reads every date through IsoDateTimeSchema, so an impossible date must not slip through.
describe('IsoDateTimeSchema', () => {
  it.each([
    '2026-02-28',
    '2024-02-29',
    '2026-11-29T10:00',
    '2026-11-29T10:00:00Z',
    '2026-12-31T23:59:59.999+14:00',
    '2000-02-29T00:00:00-05:00',
  ])('accepts %s', (s) => {
    expect(IsoDateTimeSchema.safeParse(s).success).toBe(true);
  });

  it.each([
    '2026-02-29',
    '2026-02-31T10:00:00Z',
    '2026-04-31T00:00:00+02:00',
    '1900-02-29T12:00',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00T00:00Z',
    '2026-01-01T25:00Z',
    '29/11/2026',
    '',
  ])('rejects %s', (s) => {
    expect(IsoDateTimeSchema.safeParse(s).success).toBe(false);
  });
});
