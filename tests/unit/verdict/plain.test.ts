import { describe, expect, it } from 'vitest';
import type { AssessInput } from '@/lib/risk';
import { assess } from '@/lib/risk';
import { type PlainInput, plainSentence, shortDate } from '@/lib/verdict/plain';

const NOW = new Date('2026-11-30T12:00:00Z');
const base = {
  now: NOW.toISOString(),
  stage: 'suspect',
  source: 'third-party',
  timeZone: 'Europe/London',
} as const;

function sentence(input: Partial<AssessInput>, matches: PlainInput['matches'] = []): string {
  const v = assess({ ...base, ...input } as AssessInput);
  return plainSentence({ level: v.level, channels: v.channels, reasons: v.reasons, matches }, NOW);
}

describe('plainSentence (issue 20, item 1)', () => {
  it('an unsubscribe: says not to email, with its date, and what is still open', () => {
    const s = sentence(
      {
        country: 'GB',
        emailKind: 'work',
        subscriber: 'corporate',
        suppressions: [{ reason: 'unsubscribe', since: '2026-11-30', channels: ['email'] }],
      },
      [{ match: 'exact', reason: 'unsubscribed', since: '2026-11-30' }],
    );
    expect(s.startsWith("Don't email — unsubscribed 30 Nov.")).toBe(true);
    expect(s).not.toMatch(/Don't (text|call)/);
    expect(s).not.toMatch(/GDPR|PECR|Art\. 6/); // citations are behind "Legal detail"
  });

  it('an objection blocks every channel in one phrase, with the year when it is not this one', () => {
    const s = sentence({ country: 'GB', suppressions: [{ reason: 'objection', since: '2025-03-02' }] }, [
      { match: 'exact', reason: 'objected', since: '2025-03-02' },
    ]);
    expect(s).toBe("Don't contact them — objected to direct marketing 2 Mar 2025.");
  });

  it("the person's own opt-out leads, even where a country rule blocks the same channel", () => {
    const s = sentence({
      country: 'DE',
      subscriber: 'corporate',
      suppressions: [{ reason: 'unsubscribe', since: '2026-11-30', channels: ['email'] }],
    });
    expect(s.startsWith("Don't email — unsubscribed.")).toBe(true);
  });

  it('without dates (the on-page badge), an opt-out has no date', () => {
    const s = sentence({
      country: 'GB',
      suppressions: [{ reason: 'do-not-call', since: '2026-11-02', channels: ['phone', 'sms'] }],
    });
    expect(s).toContain("Don't text or call — asked not to be called.");
    expect(s).not.toMatch(/\d/);
  });

  it('a B2B work email with the team facts recorded: email OK on conditions, and the first-message duty', () => {
    const s = sentence({
      country: 'GB',
      emailKind: 'work',
      subscriber: 'corporate',
      legitimateInterestAssessmentAt: '2026-01-01',
      collectedAt: '2026-11-30',
    });
    expect(s).toContain('Email OK if it is about their job and has an opt-out link.');
    expect(s).toContain('Include the Art. 14 privacy notice and an opt-out in your first message.');
  });

  it('a fresh B2B prospect with nothing recorded: one check, in plain words, not per channel', () => {
    const s = sentence({ country: 'GB', emailKind: 'work', subscriber: 'corporate' });
    expect(s).toBe('Check before any contact — no legitimate-interest assessment on record.');
  });

  it('recorded consent: email OK because they consented', () => {
    const s = sentence({
      country: 'GB',
      stage: 'prospect',
      source: 'subject',
      subscriber: 'individual',
      legitimateInterestAssessmentAt: '2026-01-01',
      collectedAt: '2026-11-01',
      informedAt: '2026-11-01',
      consents: [{ channel: 'email', givenAt: '2026-01-02', evidence: 'web form' }],
    });
    expect(s).toContain('Email OK — they consented.');
  });

  it('an unknown country: says so rather than guessing', () => {
    const s = sentence({});
    expect(s).toContain('country not known');
    expect(s.startsWith('Check before you email')).toBe(true);
  });

  it('calling hours: not now, rather than never', () => {
    const s = plainSentence(
      {
        level: 'blocked',
        channels: { email: 'allowed', sms: 'allowed', phone: 'blocked', post: 'allowed', inmail: 'allowed' },
        reasons: [{ code: 'calling-hours', level: 'blocked', channels: ['phone'] }],
      },
      NOW,
    );
    expect(s).toBe("Don't call now — outside calling hours. Email, texts, post and InMail OK.");
  });

  it('formats dates short, and refuses what is not a date', () => {
    expect(shortDate('2026-01-05T10:00:00Z', NOW)).toBe('5 Jan');
    expect(shortDate('nope', NOW)).toBeUndefined();
  });
});
