import { describe, expect, it } from 'vitest';
import { AssessInputSchema, assess, safeAssess } from '../../../lib/risk';

function errorOf(input: unknown): string {
  const r = safeAssess(input);
  if (r.success) throw new Error(`expected a rejection for ${JSON.stringify(input)}`);
  return r.error;
}

describe('invalid input is rejected with a clear message', () => {
  it.each([
    [{ now: '2026-02-30' }, 'now', 'real calendar date'],
    [{ now: '29/11/2026' }, 'now', 'ISO 8601'],
    [{ now: '2026-11-29', collectedAt: '2026-02-31T10:00:00Z' }, 'collectedAt', 'real calendar date'],
    [{ now: '2026-11-29', country: 'GBR' }, 'country', 'alpha-2'],
    [{ now: '2026-11-29', subscriber: 'company' }, 'subscriber', 'individual'],
    [{ now: '2026-11-29', stage: 'lead' }, 'stage', 'prospect'],
    [{ now: '2026-11-29', consents: [{ channel: 'fax', givenAt: '2026-01-01' }] }, 'consents', 'email'],
    [
      { now: '2026-11-29', suppressions: [{ reason: 'spam', since: '2026-01-01' }] },
      'suppressions',
      'objection',
    ],
    [{ now: '2026-11-29', suppressions: [{ reason: 'objection' }] }, 'since', ''],
    [{ now: '2026-11-29', supressions: [] }, '', 'supressions'],
    [{ now: '2026-11-29', tps: false, tpsListedAt: '2026-11-01' }, 'tpsListedAt', 'tps is not true'],
    [{ country: 'GB' }, 'now', ''],
    [{ now: '2026-11-29', timeZone: 'Mars/Olympus' }, 'timeZone', 'IANA'],
    [{ now: '2026-11-29', region: 'Texas!' }, 'region', 'ISO 3166-2'],
    [{ now: '2026-11-29', phoneKind: 'mobile' }, 'phoneKind', 'work'],
    [{ now: '2026-11-29', tpsScreenedAt: '2026-13-01' }, 'tpsScreenedAt', ''],
    [
      { now: '2026-11-29', consents: [{ channel: 'sms', givenAt: '2026-01-01', written: 'yes' }] },
      'written',
      '',
    ],
    [{ now: '2026-11-29', dnc: 'no' }, 'dnc', ''],
  ])('%j', (input, path, words) => {
    const error = errorOf(input);
    expect(error).toContain(path);
    expect(error).toContain(words);
  });

  it('assess throws a ZodError on invalid input instead of guessing', () => {
    expect(() => assess({ now: 'yesterday' })).toThrow(/ISO 8601/);
  });

  it('normalises the country code', () => {
    expect(AssessInputSchema.parse({ now: '2026-11-29', country: ' de ' }).country).toBe('DE');
    expect(AssessInputSchema.parse({ now: '2026-11-29', country: 'UK' }).country).toBe('GB');
  });

  it('normalises the region and accepts a date-time now with an offset and an IANA zone', () => {
    const parsed = AssessInputSchema.parse({
      now: '2026-11-30T22:30:00-05:00',
      region: 'us-tx',
      timeZone: 'America/Chicago',
    });
    expect(parsed.region).toBe('TX');
  });

  it('returns the verdict for valid input', () => {
    const r = safeAssess({ now: '2026-11-29', country: 'DE', subscriber: 'individual' });
    expect(r.success && r.verdict.channels.email).toBe('blocked');
  });
});
