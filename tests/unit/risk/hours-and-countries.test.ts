import { describe, expect, it } from 'vitest';
import { assess } from '../../../lib/risk';
import { type Case, consent, run } from './helpers';

// Calling hours (a `now` with a time) and the countries added in issue 13: Australia, New Zealand, Switzerland
// and California residents. 2026-11-30 is a Monday.

const cases = (list: readonly Case[]) =>
  it.each(list.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    run(c);
  });

const written = (channel: 'sms' | 'phone') => ({ ...consent(channel), written: true });
const US_OK: Case['input'] = {
  country: 'US',
  subscriber: 'individual',
  consents: [written('sms'), written('phone')],
};

describe('calling hours: US TCPA 8:00–21:00 recipient local time, and stricter states', () => {
  cases([
    {
      name: '22:30 at the offset in now: phone and SMS blocked until 8:00 the next morning',
      input: { ...US_OK, now: '2026-11-30T22:30:00-05:00' },
      channels: { phone: 'blocked', sms: 'blocked', email: 'allowed' },
      codes: { 'calling-hours': ['phone', 'sms'] },
      citation: '47 C.F.R. §64.1200(c)(1)',
      deadlines: { 'calling-hours': '2026-12-01T08:00:00-05:00' },
    },
    {
      name: 'the recipient’s IANA zone wins over the offset in now (21:30 in Chicago)',
      input: { ...US_OK, now: '2026-11-30T22:30:00-05:00', timeZone: 'America/Chicago' },
      channels: { phone: 'blocked' },
      deadlines: { 'calling-hours': '2026-12-01T08:00:00-06:00' },
    },
    {
      name: '20:30 in Chicago: inside the federal window',
      input: { ...US_OK, now: '2026-11-30T21:30:00-05:00', timeZone: 'America/Chicago' },
      channels: { phone: 'allowed', sms: 'allowed' },
      absent: ['calling-hours'],
    },
    {
      name: '21:00 exactly is still allowed ("after 9 p.m." is barred)',
      input: { ...US_OK, now: '2026-11-30T21:00:00-05:00' },
      channels: { phone: 'allowed' },
    },
    {
      name: '07:59 is too early',
      input: { ...US_OK, now: '2026-11-30T07:59:00-08:00' },
      channels: { phone: 'blocked' },
      deadlines: { 'calling-hours': '2026-11-30T08:00:00-08:00' },
    },
    {
      name: 'Florida: 20:30 is after its 8 p.m. limit',
      input: { ...US_OK, region: 'FL', now: '2026-11-30T20:30:00-05:00' },
      channels: { phone: 'blocked' },
      citation: 'Fla. Stat. §501.616(6)(a)',
    },
    ...(['OK', 'MD', 'WA'] as const).map(
      (region): Case => ({
        name: `${region}: 20:30 is after its 8 p.m. limit`,
        input: { ...US_OK, region, now: '2026-11-30T20:30:00-06:00' },
        channels: { phone: 'blocked' },
      }),
    ),
    {
      name: 'Texas: Sunday before noon is barred, next call at 12:00',
      input: { ...US_OK, region: 'US-TX', now: '2026-11-29T10:00:00-06:00' },
      channels: { phone: 'blocked' },
      citation: 'Tex. Bus. & Com. Code §301.051',
      deadlines: { 'calling-hours': '2026-11-29T12:00:00-06:00' },
    },
    {
      name: 'Texas: Monday 9:30 is fine',
      input: { ...US_OK, region: 'TX', now: '2026-11-30T09:30:00-06:00' },
      channels: { phone: 'allowed' },
    },
    {
      name: 'the next permitted time crosses the start of daylight saving time',
      input: { ...US_OK, now: '2026-03-07T22:00:00-05:00', timeZone: 'America/New_York' },
      channels: { phone: 'blocked' },
      deadlines: { 'calling-hours': '2026-03-08T08:00:00-04:00' },
    },
    {
      name: 'a business line is outside §64.1200(c)(1)',
      input: { ...US_OK, subscriber: 'corporate', now: '2026-11-30T22:30:00-05:00' },
      channels: { phone: 'allowed' },
      absent: ['calling-hours'],
    },
    {
      name: 'a date without a time: no calling-hours rule',
      input: { ...US_OK, now: '2026-11-30' },
      channels: { phone: 'allowed' },
      absent: ['calling-hours'],
    },
  ]);
});

describe('calling hours: French consumer calls (Décret 2022-1313)', () => {
  const FR: Case['input'] = {
    country: 'FR',
    subscriber: 'individual',
    source: 'subject',
    legitimateInterestAssessmentAt: '2026-01-01',
    consents: [consent('phone')],
  };
  cases([
    {
      name: 'Monday 11:00 Paris: allowed',
      input: { ...FR, now: '2026-11-30T11:00:00+01:00' },
      channels: { phone: 'allowed' },
    },
    {
      name: 'Monday 13:30: the lunch break, next at 14:00',
      input: { ...FR, now: '2026-11-30T13:30:00+01:00' },
      channels: { phone: 'blocked' },
      citation: 'Décret n° 2022-1313',
      deadlines: { 'calling-hours': '2026-11-30T14:00:00+01:00' },
    },
    {
      name: 'Saturday: none, next Monday 10:00',
      input: { ...FR, now: '2026-11-28T11:00:00+01:00' },
      channels: { phone: 'blocked' },
      deadlines: { 'calling-hours': '2026-11-30T10:00:00+01:00' },
    },
    {
      name: 'Christmas (a Friday): none, next Monday 28 December 10:00',
      input: { ...FR, now: '2026-12-25T11:00:00+01:00', timeZone: 'Europe/Paris' },
      channels: { phone: 'blocked' },
      deadlines: { 'calling-hours': '2026-12-28T10:00:00+01:00' },
    },
    {
      name: 'Easter Monday 2027 (29 March): a public holiday',
      input: { ...FR, now: '2027-03-29T11:00:00+02:00' },
      channels: { phone: 'blocked' },
    },
    {
      name: 'a business line is outside the consumer décret',
      input: { ...FR, subscriber: 'corporate', now: '2026-11-28T11:00:00+01:00' },
      channels: { phone: 'allowed' },
      absent: ['calling-hours'],
    },
  ]);
});

describe('new countries with their own rows', () => {
  cases([
    {
      name: 'AU: commercial email without consent is blocked (Spam Act s. 16)',
      input: { country: 'AU', subscriber: 'corporate', emailKind: 'work' },
      channels: { email: 'blocked', sms: 'blocked', inmail: 'blocked', post: 'allowed' },
      codes: { 'au-spam-no-consent': ['email', 'sms', 'inmail'] },
      citation: 'Spam Act 2003 (Cth) s. 16',
    },
    {
      name: 'AU: consent inferred from an existing customer relationship',
      input: { country: 'AU', stage: 'client', purchaseAt: '2026-03-01' },
      channels: { email: 'allowed', phone: 'allowed' },
      codes: { 'au-inferred-consent': ['email', 'phone'] },
    },
    {
      name: 'AU: conspicuously published address',
      input: { country: 'AU', conspicuouslyPublished: true },
      channels: { email: 'allowed', sms: 'blocked' },
    },
    {
      name: 'AU: number on the Do Not Call Register',
      input: { country: 'AU', dnc: true },
      channels: { phone: 'blocked' },
      citation: 'Do Not Call Register Act 2006',
    },
    {
      name: 'AU: washed against the register 10 days ago',
      input: { country: 'AU', dnc: false, dncScreenedAt: '2026-11-19' },
      channels: { phone: 'allowed' },
      deadlines: { 'dnc-rescreen': '2026-12-18' },
    },
    {
      name: 'AU: no telemarketing calls on Sunday',
      input: { country: 'AU', consents: [consent('phone')], now: '2026-11-29T11:00:00+11:00' },
      channels: { phone: 'blocked' },
      deadlines: { 'calling-hours': '2026-11-30T09:00:00+11:00' },
    },
    {
      name: 'NZ: no consent: blocked (UEMA s. 9)',
      input: { country: 'NZ', subscriber: 'individual' },
      channels: { email: 'blocked', sms: 'blocked', phone: 'allowed' },
      citation: 'Unsolicited Electronic Messages Act 2007 s. 9(1)',
    },
    {
      name: 'NZ: deemed consent from a conspicuously published work address',
      input: { country: 'NZ', conspicuouslyPublished: true },
      channels: { email: 'allowed' },
      codes: { 'nz-deemed-consent': ['email'] },
    },
    {
      name: 'CH: advertising email without consent is unfair (UWG Art. 3(1)(o)), businesses too',
      input: { country: 'CH', subscriber: 'corporate', emailKind: 'work' },
      channels: { email: 'blocked', post: 'allowed' },
      citation: 'UWG/LCD Art. 3(1)(o)',
    },
    {
      name: 'CH: existing customer with the conditions met',
      input: {
        country: 'CH',
        stage: 'client',
        purchaseAt: '2026-03-01',
        source: 'subject',
        softOptIn: { similarProducts: true, optOutOffered: true },
      },
      channels: { email: 'allowed' },
    },
    {
      name: 'CH: a number with the directory asterisk',
      input: { country: 'CH', dnc: true },
      channels: { phone: 'blocked' },
      citation: 'UWG/LCD Art. 3(1)(u)',
    },
    {
      name: 'California resident: CCPA/CPRA applies, business contacts included',
      input: { country: 'US', region: 'CA', subscriber: 'corporate' },
      channels: { email: 'allowed' },
      codes: { 'ccpa-california-resident': [] },
      citation: 'Cal. Civ. Code §1798.100, §1798.105, §1798.120',
    },
  ]);

  it('a Texan is not given the CCPA note', () => {
    const v = assess({ now: '2026-11-30', country: 'US', region: 'TX' });
    expect(v.reasons.map((r) => r.code)).not.toContain('ccpa-california-resident');
  });

  it('no country here falls back to "not covered"', () => {
    for (const country of ['AU', 'NZ', 'CH', 'PR', 'RE', 'AX']) {
      const v = assess({ now: '2026-11-30', country });
      expect(
        v.reasons.map((r) => r.code),
        country,
      ).not.toContain('country-not-covered');
    }
  });
});
