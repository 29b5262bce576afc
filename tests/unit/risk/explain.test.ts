import { describe, expect, it } from 'vitest';
import { assess, describeDeadline, summarize, whatToRecord } from '../../../lib/risk';

const NOW = '2026-11-29';

describe('summarize', () => {
  it('names the blocked channels and the rule', () => {
    const v = assess({ now: NOW, country: 'GB', subscriber: 'individual' });
    expect(summarize(v)).toBe(
      'Email, SMS and InMail blocked — no consent for a UK individual (PECR reg. 22(2))',
    );
  });

  it('says every channel when an objection blocks all of them', () => {
    const v = assess({
      now: NOW,
      country: 'US',
      suppressions: [{ reason: 'objection', since: '2026-01-01' }],
    });
    // A US objection cites US law (CAN-SPAM), never the GDPR.
    expect(summarize(v)).toBe(
      'Every channel blocked — they objected to direct marketing (CAN-SPAM 15 U.S.C. §7704(a)(4))',
    );
  });

  it('adds channels blocked for another reason', () => {
    const v = assess({
      now: NOW,
      country: 'GB',
      subscriber: 'corporate',
      emailKind: 'personal',
      tps: true,
      source: 'subject',
      legitimateInterestAssessmentAt: '2026-01-01',
    });
    expect(summarize(v)).toBe(
      'Email blocked — no consent for a UK individual (PECR reg. 22(2)); Phone blocked too',
    );
  });

  it('tells what needs a check when nothing is blocked', () => {
    const v = assess({ now: NOW, country: 'FR', subscriber: 'corporate', emailKind: 'work' });
    expect(summarize(v)).toMatch(
      /^Check before using Email, SMS, Phone, Post and InMail|^Check before using any channel/,
    );
    expect(summarize(v)).toContain('(');
  });

  it('says allowed on every channel only when nothing warns', () => {
    const v = assess({
      now: NOW,
      country: 'US',
      consents: [
        { channel: 'sms', givenAt: '2026-01-01', evidence: 'signed form', written: true },
        { channel: 'phone', givenAt: '2026-01-01', evidence: 'signed form', written: true },
      ],
    });
    expect(summarize(v)).toBe('Allowed on every channel');
  });

  it('mentions a warning when channels are allowed but something is due', () => {
    const v = assess({
      now: NOW,
      country: 'US',
      consents: [
        { channel: 'sms', givenAt: '2026-01-01', evidence: 'signed form', written: true },
        { channel: 'phone', givenAt: '2026-01-01', evidence: 'signed form', written: true },
      ],
      retentionUntil: '2026-01-01',
    });
    expect(summarize(v)).toBe(
      'Allowed, with a warning — kept past its retention date (Cal. Civ. Code §1798.100(a)(3))',
    );
  });
});

describe('whatToRecord', () => {
  it('lists what lifts each check, channels first', () => {
    const v = assess({ now: NOW, country: 'GB', tps: undefined });
    const hints = whatToRecord(v);
    const codes = hints.map((h) => h.code);
    expect(codes).toContain('subscriber-unknown');
    expect(codes).toContain('pecr-tps-unknown');
    expect(codes).toContain('lia-missing');
    const subscriber = hints.find((h) => h.code === 'subscriber-unknown');
    expect(subscriber?.channels).toEqual(['email', 'sms', 'inmail']);
    expect(subscriber?.what).toMatch(/subscriber type/);
    const counts = hints.map((h) => h.channels.length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('recording what it asks for lifts the check', () => {
    const before = assess({
      now: NOW,
      country: 'GB',
      subscriber: 'corporate',
      emailKind: 'work',
      tps: false,
    });
    expect(before.channels.email).toBe('check');
    expect(whatToRecord(before).map((h) => h.code)).toEqual(
      expect.arrayContaining(['lia-missing', 'source-unknown']),
    );
    // Every hint names a field; recording them all (a company phone, a fresh TPS screen, consent to InMail,
    // which reaches the member's own account) leaves nothing to check.
    const hints = whatToRecord(before).map((h) => h.code);
    expect(hints).toEqual(
      expect.arrayContaining(['phone-kind-unknown', 'pecr-tps-stale', 'inmail-own-account']),
    );
    const after = assess({
      now: NOW,
      country: 'GB',
      subscriber: 'corporate',
      emailKind: 'work',
      tps: false,
      legitimateInterestAssessmentAt: '2026-11-01',
      source: 'subject',
      phoneKind: 'work',
      tpsScreenedAt: '2026-11-20',
      consents: [{ channel: 'inmail', givenAt: '2026-11-01', evidence: 'LinkedIn reply' }],
    });
    expect(after.channels.email).toBe('allowed');
    expect(whatToRecord(after)).toEqual([]);
  });

  it('has nothing to record for a blocked-only verdict', () => {
    const v = assess({ now: NOW, country: 'US', suppressions: [{ reason: 'erasure', since: '2026-01-01' }] });
    expect(whatToRecord(v)).toEqual([]);
  });
});

describe('describeDeadline', () => {
  it('words the Art. 14 deadline', () => {
    const v = assess({ now: NOW, country: 'GB', source: 'third-party', collectedAt: '2026-11-10' });
    expect(v.deadlines.map(describeDeadline)).toContain('Art. 14 privacy notice due by 2026-12-10');
  });
});
