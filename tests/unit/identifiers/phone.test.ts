import { describe, expect, it } from 'vitest';
import { normalisePhone } from '../../../lib/identifiers/phone';

describe('normalisePhone', () => {
  it.each([
    ['+44 20 7946 0958', undefined, '+442079460958'],
    ['+44 (0)20 7946 0958', undefined, '+442079460958'],
    ['+44-20-7946-0958', undefined, '+442079460958'],
    ['020 7946 0958', 'GB', '+442079460958'],
    ['020 7946 0958', 'gb', '+442079460958'],
    ['0044 20 7946 0958', undefined, '+442079460958'],
    ['0044 20 7946 0958', 'GB', '+442079460958'],
    ['tel:+44-20-7946-0958', undefined, '+442079460958'],
    ['TEL:+44-20-7946-0958;ext=12', undefined, '+442079460958'],
    ['+1 (202) 555-0143', undefined, '+12025550143'],
    ['(202) 555-0143', 'US', '+12025550143'],
    ['+1 202 555 0143 ext. 7', undefined, '+12025550143'],
    ['+49 30 123456', undefined, '+4930123456'],
    ['\u00A0+44\u00A020\u200B7946 0958 ', undefined, '+442079460958'],
    ['"+44 7911 123456"', undefined, '+447911123456'],
    ['+442079460958', 'US', '+442079460958'],
  ])('%j (default %s) -> %s', (input, country, expected) => {
    expect(normalisePhone(input, country)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', undefined, 'empty value'],
    ['020 7946 0958', undefined, 'no country code (+44 …) and no default country'],
    ['123', 'GB', 'too short for a phone number'],
    ['+44 1234', undefined, 'too short for a phone number'],
    ['+44 20 7946 0958 123456', undefined, 'too long for a phone number'],
    ['+999 1234567', undefined, 'unknown country calling code'],
    ['call me', 'GB', 'not a phone number'],
    ['call +44 20 7946 0958 now', undefined, 'not a phone number'],
    ['020 7946 0958', 'ZZ', "unknown default country 'ZZ'"],
    ['+44 20 7946\uD800 0958', undefined, 'contains a lone surrogate'],
    ['1'.repeat(300), 'GB', 'too long for a phone number'],
  ])('%j (default %s) is refused: %s', (input, country, reason) => {
    expect(normalisePhone(input, country)).toEqual({ ok: false, reason });
  });

  it('is idempotent on its output', () => {
    for (const [input, country] of [
      ['020 7946 0958', 'GB'],
      ['(202) 555-0143', 'US'],
    ] as const) {
      const first = normalisePhone(input, country);
      if (!first.ok) throw new Error(first.reason);
      expect(normalisePhone(first.value)).toEqual(first);
      expect(normalisePhone(first.value, 'FR')).toEqual(first);
    }
  });
});
