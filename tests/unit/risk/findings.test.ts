import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import {
  AssessInputSchema,
  assess,
  CHANNEL_SCOPABLE_REASONS,
  ConsentSchema,
  REASON_CODES,
  reasonAllowsChannelScope,
} from '../../../lib/risk';
import { CHANNELS } from '../../../lib/vocab';
import { SuppressionReasonSchema } from '../../../lib/vocab/schemas';
import { type Case, consent, NOW, run } from './helpers';

// Issue 13: one describe per finding of the legal review, named after it, plus the over-blocking and
// citation fixes. Each case is written from the statute, not from the engine's output.

const ALL_BLOCKED = {
  email: 'blocked',
  sms: 'blocked',
  phone: 'blocked',
  post: 'blocked',
  inmail: 'blocked',
} as const;

const cases = (list: readonly Case[]) =>
  it.each(list.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    run(c);
  });

const written = (channel: 'sms' | 'phone', givenAt = '2026-01-10') => ({
  ...consent(channel, givenAt),
  evidence: 'signed web form naming +1 512 555 0100',
  written: true,
});

describe('finding 1: objection, complaint or erasure on a channel-scoped list blocks every channel', () => {
  const GB_PROSPECT = {
    country: 'GB',
    subscriber: 'corporate',
    emailKind: 'work',
    phoneKind: 'work',
    stage: 'prospect',
    source: 'subject',
    legitimateInterestAssessmentAt: '2026-01-01',
    tps: false,
    tpsScreenedAt: '2026-11-25',
    consents: CHANNELS.map((c) => consent(c)),
  } as const;

  it.each(['objection', 'complaint', 'erasure'] as const)('%s recorded on an email-only list', (reason) => {
    const v = assess({
      now: NOW,
      ...GB_PROSPECT,
      suppressions: [{ reason, since: '2026-10-01', channels: ['email'] }],
    });
    expect(v.channels).toEqual(ALL_BLOCKED);
    expect(v.reasons.find((r) => r.code === `suppressed-${reason}`)?.channels).toEqual([...CHANNELS]);
  });

  it.each(['unsubscribe', 'do-not-call', 'bounce', 'other'] as const)('%s may stay narrowed', (reason) => {
    const v = assess({
      now: NOW,
      ...GB_PROSPECT,
      suppressions: [{ reason, since: '2026-10-01', channels: ['phone'] }],
    });
    expect(v.channels.phone).toBe('blocked');
    expect(v.channels.email).toBe('allowed');
  });

  it('exports which reasons may be scoped to channels', () => {
    expect([...CHANNEL_SCOPABLE_REASONS]).toEqual(['unsubscribe', 'do-not-call', 'bounce', 'other']);
    const scoped = SuppressionReasonSchema.options.filter(reasonAllowsChannelScope);
    expect(scoped).toEqual(['unsubscribe', 'do-not-call', 'bounce', 'other']);
    expect(reasonAllowsChannelScope('objection')).toBe(false);
    expect(reasonAllowsChannelScope('erasure')).toBe(false);
    expect(reasonAllowsChannelScope('complaint')).toBe(false);
  });

  cases([
    {
      name: 'GB objection cites the UK GDPR',
      input: {
        country: 'GB',
        suppressions: [{ reason: 'objection', since: '2026-01-01', channels: ['sms'] }],
      },
      channels: ALL_BLOCKED,
      citation: 'UK GDPR Art. 21(2)–(3)',
    },
    {
      name: 'a US objection on an SMS-only list blocks email too and cites CAN-SPAM and the TCPA',
      input: {
        country: 'US',
        suppressions: [{ reason: 'objection', since: '2026-11-20', channels: ['sms'] }],
      },
      channels: ALL_BLOCKED,
      citation: 'CAN-SPAM 15 U.S.C. §7704(a)(4); 47 C.F.R. §64.1200(a)(10), (d)(3)',
      deadlines: { 'can-spam-opt-out': '2026-12-04', 'tcpa-do-not-call': '2026-12-04' },
    },
  ]);
});

describe('finding 2: US SMS and phone need prior express written consent', () => {
  const US = { country: 'US', subscriber: 'individual' } as const;
  cases([
    {
      name: 'consent with evidence but not written: SMS and phone stay check',
      input: { ...US, consents: [consent('sms'), consent('phone')] },
      channels: { sms: 'check', phone: 'check' },
      codes: { 'tcpa-written-consent': ['sms', 'phone'] },
      citation: '47 C.F.R. §64.1200(a)(2), (f)(9)',
    },
    {
      name: 'signed written consent naming the number: allowed (number screened, not on the DNC)',
      input: { ...US, consents: [written('sms'), written('phone')] },
      channels: { sms: 'allowed', phone: 'allowed' },
      absent: ['tcpa-written-consent'],
    },
    {
      name: 'written consent overrides the National DNC Registry',
      input: { ...US, dnc: true, consents: [written('phone')] },
      channels: { phone: 'allowed' },
    },
    {
      name: 'on the National DNC with only a plain consent: blocked',
      input: { ...US, dnc: true, consents: [consent('phone')] },
      channels: { phone: 'blocked', sms: 'blocked' },
      codes: { 'dnc-listed': ['phone', 'sms'] },
      citation: '§64.1200(c)(2), (c)(2)(ii)',
    },
    {
      name: 'Florida adds its own written-consent rule',
      input: { ...US, region: 'FL' },
      channels: { sms: 'check' },
      citation: 'Fla. Stat. §501.059(8)(a)',
    },
    {
      name: 'a business line is outside the National DNC (residential subscribers only)',
      input: { country: 'US', subscriber: 'corporate', dnc: true },
      channels: { phone: 'check' },
      codes: { 'us-dnc-business': ['phone'] },
      absent: ['dnc-listed'],
    },
    {
      name: 'an established business relationship takes a call outside the National DNC (18 months)',
      input: { ...US, dnc: true, purchaseAt: '2025-08-01' },
      channels: { phone: 'check' },
      codes: { 'us-dnc-ebr': ['phone'] },
      absent: ['dnc-listed'],
    },
    {
      name: 'not on the DNC but screened 40 days ago: screen again',
      input: { ...US, dnc: false, dncScreenedAt: '2026-10-20' },
      channels: { phone: 'check' },
      codes: { 'dnc-unscreened': ['phone'] },
    },
    {
      name: 'not on the DNC, screened 31 days ago counting today: no DNC check',
      input: { ...US, dnc: false, dncScreenedAt: '2026-10-30' },
      channels: { phone: 'check' },
      absent: ['dnc-unscreened'],
      deadlines: { 'dnc-rescreen': '2026-11-29' },
    },
    {
      name: 'company do-not-call request: blocked, honoured within 10 business days',
      input: { ...US, suppressions: [{ reason: 'do-not-call', since: '2026-11-27', channels: ['phone'] }] },
      channels: { phone: 'blocked', email: 'allowed' },
      citation: '47 C.F.R. §64.1200(d)(3)',
      deadlines: { 'tcpa-do-not-call': '2026-12-11' },
    },
    {
      name: 'US erasure cites the CCPA right to delete, not the GDPR',
      input: { ...US, suppressions: [{ reason: 'erasure', since: '2026-11-01' }] },
      channels: ALL_BLOCKED,
      citation: 'Cal. Civ. Code §1798.105',
    },
    ...(['PR', 'GU', 'VI', 'AS', 'MP'] as const).map(
      (country): Case => ({
        name: `${country} is covered by CAN-SPAM and the TCPA`,
        input: { country, subscriber: 'individual', consents: [consent('sms')] },
        channels: { email: 'allowed', sms: 'check' },
        codes: { 'can-spam-opt-out-model': ['email'], 'tcpa-written-consent': ['sms'] },
      }),
    ),
  ]);
});

describe('finding 3: UK SMS and InMail follow the subscriber type of the phone or account', () => {
  const UK_COMPANY = {
    country: 'GB',
    subscriber: 'corporate',
    emailKind: 'work',
    source: 'subject',
    legitimateInterestAssessmentAt: '2026-01-01',
  } as const;
  cases([
    {
      name: 'company contact, phone kind not recorded: SMS check',
      input: UK_COMPANY,
      channels: { sms: 'check', email: 'allowed' },
      codes: { 'phone-kind-unknown': ['sms'] },
    },
    {
      name: 'company contact on their own mobile: an individual subscriber, SMS blocked',
      input: { ...UK_COMPANY, phoneKind: 'personal' },
      channels: { sms: 'blocked' },
      codes: { 'pecr-individual-no-consent': ['sms'] },
      citation: 'PECR reg. 22(2)',
    },
    {
      name: 'company-issued phone: corporate subscriber, SMS allowed',
      input: { ...UK_COMPANY, phoneKind: 'work' },
      channels: { sms: 'allowed' },
      codes: { 'pecr-corporate': ['sms'] },
    },
    {
      name: 'InMail to a company employee: check at best (their own account)',
      input: { ...UK_COMPANY, phoneKind: 'work' },
      channels: { inmail: 'check' },
      codes: { 'inmail-own-account': ['inmail'] },
    },
    {
      name: 'InMail with consent to InMail: allowed',
      input: { ...UK_COMPANY, consents: [consent('inmail')] },
      channels: { inmail: 'allowed' },
    },
  ]);
});

describe('finding 4: a UK live call needs a TPS/CTPS screen from the last 28 days', () => {
  const UK = {
    country: 'GB',
    subscriber: 'corporate',
    source: 'subject',
    legitimateInterestAssessmentAt: '2026-01-01',
    tps: false,
  } as const;
  cases([
    {
      name: 'not on TPS but no screening date: check',
      input: UK,
      channels: { phone: 'check' },
      codes: { 'pecr-tps-stale': ['phone'] },
      citation: 'PECR reg. 21(1)(b), 21(3)',
    },
    {
      name: 'screened on day 28 counting the screen day (27 days ago): allowed, screen again today',
      input: { ...UK, tpsScreenedAt: '2026-11-02' },
      channels: { phone: 'allowed' },
      deadlines: { 'tps-rescreen': '2026-11-29' },
    },
    {
      name: 'screened 28 days ago: check, screen today',
      input: { ...UK, tpsScreenedAt: '2026-11-01' },
      channels: { phone: 'check' },
      codes: { 'pecr-tps-stale': ['phone'] },
      deadlines: { 'tps-rescreen': '2026-11-29' },
    },
    {
      name: 'a screen dated in the future does not count',
      input: { ...UK, tpsScreenedAt: '2026-12-10' },
      channels: { phone: 'check' },
    },
    {
      name: 'not screened at all: check, asking for the screen and its date',
      input: { ...UK, tps: undefined },
      channels: { phone: 'check' },
      codes: { 'pecr-tps-unknown': ['phone'] },
    },
  ]);
});

describe('finding 5: member states with their own rows', () => {
  const biz = { subscriber: 'corporate', emailKind: 'work', phoneKind: 'work', source: 'subject' } as const;
  const lia = { legitimateInterestAssessmentAt: '2026-01-01' } as const;
  cases([
    {
      name: 'FR consumer cold call after 11 Aug 2026 needs consent',
      input: { country: 'FR', subscriber: 'individual', dnc: false, dncScreenedAt: '2026-11-20' },
      channels: { phone: 'blocked' },
      codes: { 'fr-calls-consent': ['phone'] },
      citation: 'Loi n° 2025-594',
    },
    {
      name: 'FR consumer call before 11 Aug 2026: allowed if screened against Bloctel',
      input: {
        now: '2026-06-01',
        country: 'FR',
        subscriber: 'individual',
        source: 'subject',
        ...lia,
        dnc: false,
        dncScreenedAt: '2026-05-20',
      },
      channels: { phone: 'allowed' },
      codes: { 'dnc-clear': ['phone'] },
      citation: 'Bloctel',
    },
    {
      name: 'FR consumer on Bloctel before 11 Aug 2026: blocked',
      input: { now: '2026-06-01', country: 'FR', subscriber: 'individual', dnc: true },
      channels: { phone: 'blocked' },
      codes: { 'dnc-listed': ['phone'] },
    },
    {
      name: 'FR B2B email about the job with an opt-out: allowed once the assessment is recorded',
      input: { country: 'FR', ...biz, ...lia },
      channels: { email: 'allowed' },
      codes: { 'eprivacy-business-opt-out': ['email'] },
      citation: 'CPCE art. L34-5',
    },
    {
      name: 'NL consumer call without consent: blocked',
      input: { country: 'NL', subscriber: 'individual' },
      channels: { phone: 'blocked' },
      citation: 'Telecommunicatiewet art. 11.7',
    },
    {
      name: 'NL business email: check until the privacy officer signs off',
      input: { country: 'NL', ...biz, ...lia },
      channels: { email: 'check' },
      codes: { 'eprivacy-legal-person': ['email'] },
    },
    {
      name: 'AT business call and email need consent',
      input: { country: 'AT', ...biz, ...lia },
      channels: { phone: 'blocked', email: 'blocked', sms: 'blocked' },
      citation: 'TKG 2021 §174',
    },
    {
      name: 'PL business email, SMS and call need consent, even for a customer',
      input: {
        country: 'PL',
        ...biz,
        ...lia,
        stage: 'client',
        purchaseAt: '2026-05-01',
        softOptIn: { similarProducts: true, optOutOffered: true },
      },
      channels: { email: 'blocked', sms: 'blocked', phone: 'blocked' },
      citation: 'Prawo komunikacji elektronicznej art. 398',
    },
    {
      name: 'ES business email without consent or a customer relationship: blocked',
      input: { country: 'ES', ...biz, ...lia },
      channels: { email: 'blocked' },
      codes: { 'eprivacy-business-no-consent': ['email'] },
      citation: 'LSSI (Ley 34/2002) art. 21',
    },
    {
      name: 'ES business email to a customer with the exception met: allowed',
      input: {
        country: 'ES',
        ...biz,
        stage: 'client',
        purchaseAt: '2026-05-01',
        softOptIn: { similarProducts: true, optOutOffered: true },
      },
      channels: { email: 'allowed' },
    },
    {
      name: 'IT call to a number checked against the Registro 10 days ago: allowed',
      input: { country: 'IT', ...biz, ...lia, dnc: false, dncScreenedAt: '2026-11-20' },
      channels: { phone: 'allowed' },
    },
    {
      name: 'IT Registro check older than 15 days: check',
      input: { country: 'IT', ...biz, ...lia, dnc: false, dncScreenedAt: '2026-11-10' },
      channels: { phone: 'check' },
      codes: { 'dnc-unscreened': ['phone'] },
      citation: 'Registro pubblico delle opposizioni',
    },
    {
      name: 'IT number on the Registro: blocked',
      input: { country: 'IT', subscriber: 'individual', dnc: true },
      channels: { phone: 'blocked' },
    },
    {
      name: 'IE individual email without consent: blocked under S.I. 336/2011',
      input: { country: 'IE', subscriber: 'individual' },
      channels: { email: 'blocked', phone: 'check' },
      citation: 'S.I. No. 336/2011 reg. 13',
    },
    {
      name: 'IE company email: allowed until they object',
      input: { country: 'IE', ...biz, ...lia },
      channels: { email: 'allowed' },
    },
    {
      name: 'BE consumer on the Ne m’appelez plus list: blocked',
      input: { country: 'BE', subscriber: 'individual', dnc: true },
      channels: { phone: 'blocked' },
      citation: 'VI.110',
    },
    {
      name: 'BE named work address: check (impersonal addresses only)',
      input: { country: 'BE', ...biz, ...lia },
      channels: { email: 'check' },
      citation: 'XII.13',
    },
    {
      name: 'SE company email: allowed until they object',
      input: { country: 'SE', ...biz, ...lia },
      channels: { email: 'allowed' },
      citation: 'Marknadsföringslagen',
    },
    {
      name: 'SE consumer screened against NIX: allowed',
      input: {
        country: 'SE',
        subscriber: 'individual',
        source: 'subject',
        ...lia,
        dnc: false,
        dncScreenedAt: '2026-11-20',
      },
      channels: { phone: 'allowed' },
    },
    {
      name: 'DK consumer call without consent: blocked; DK business email needs consent',
      input: { country: 'DK', subscriber: 'individual' },
      channels: { phone: 'blocked', email: 'blocked' },
      citation: 'Markedsføringsloven §10',
    },
    {
      name: 'DK business email without consent: blocked',
      input: { country: 'DK', ...biz, ...lia },
      channels: { email: 'blocked' },
    },
    ...(['RE', 'GP', 'MQ', 'GF', 'YT', 'MF'] as const).map(
      (country): Case => ({
        name: `${country} is France in the EU`,
        input: { country, subscriber: 'individual' },
        channels: { email: 'blocked', phone: 'blocked' },
        codes: { 'fr-calls-consent': ['phone'] },
        citation: 'CPCE art. L34-5',
      }),
    ),
    {
      name: 'AX (Åland) is Finland in the EU',
      input: { country: 'AX', subscriber: 'individual' },
      channels: { email: 'blocked', phone: 'check' },
      codes: { 'eprivacy-individual-no-consent': ['email'], 'eprivacy-calls-national': ['phone'] },
    },
  ]);
});

describe('finding 6: CASL and TPS deadlines only for Canada and the UK', () => {
  it('a German customer never gets CASL or TPS deadlines', () => {
    const v = assess({
      now: NOW,
      country: 'DE',
      purchaseAt: '2026-01-01',
      inquiryAt: '2026-10-01',
      contractEndedAt: '2026-06-01',
      tps: true,
      tpsListedAt: '2026-11-20',
    });
    expect(v.deadlines.map((d) => d.code)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^casl|^tps/)]),
    );
    expect(v.deadlines.every((d) => !/CASL|PECR/.test(d.citation))).toBe(true);
  });

  it.each(['US', 'FR', 'AU', 'JP'])('%s gets no CASL deadline either', (country) => {
    const v = assess({ now: NOW, country, purchaseAt: '2026-01-01', inquiryAt: '2026-10-01' });
    expect(v.deadlines.filter((d) => d.code.startsWith('casl'))).toEqual([]);
  });

  cases([
    {
      name: 'Canada keeps its CASL deadlines',
      input: { country: 'CA', purchaseAt: '2026-01-01', inquiryAt: '2026-10-01' },
      channels: { email: 'allowed' },
      deadlines: { 'casl-implied-purchase': '2028-01-01', 'casl-implied-inquiry': '2027-04-01' },
    },
    {
      name: 'the UK keeps its TPS grace deadline',
      input: { country: 'GB', tps: true, tpsListedAt: '2026-11-20' },
      channels: {},
      deadlines: { 'tps-grace': '2026-12-17' },
    },
  ]);
});

describe('finding 7: contact details that were not lawfully collectable allow no channel', () => {
  it.each([
    ['GB', 'connections-only'],
    ['US', 'download-blocked'],
    ['DE', 'connections-only'],
    ['CA', 'download-blocked'],
  ] as const)('%s, %s, even with consent and written consent everywhere', (country, contactVisibility) => {
    const v = assess({
      now: NOW,
      country,
      contactVisibility,
      consents: [consent('email'), written('sms'), written('phone'), consent('post'), consent('inmail')],
    });
    for (const c of CHANNELS) expect(v.channels[c], c).not.toBe('allowed');
    expect(v.reasons.find((r) => r.code === 'restricted-contact-details')?.channels).toEqual([...CHANNELS]);
  });

  it('public details do not trigger it', () => {
    const v = assess({ now: NOW, country: 'US', contactVisibility: 'public', consents: [consent('email')] });
    expect(v.channels.email).toBe('allowed');
  });
});

describe('finding 9: Germany needs an actual sale; Canada gives 6 months for an inquiry, 2 years for a purchase', () => {
  cases([
    {
      name: 'DE: a negotiation (inquiry) is not an existing-customer sale',
      input: {
        country: 'DE',
        stage: 'prospect',
        inquiryAt: '2026-10-01',
        source: 'subject',
        softOptIn: { similarProducts: true, optOutOffered: true },
      },
      channels: { email: 'blocked' },
      codes: { 'uwg-email-no-consent': ['email'] },
    },
    {
      name: 'UK: negotiations for a sale do count (reg. 22(3)(a))',
      input: {
        country: 'GB',
        subscriber: 'individual',
        stage: 'prospect',
        inquiryAt: '2026-10-01',
        source: 'subject',
        softOptIn: { similarProducts: true, optOutOffered: true },
      },
      channels: { email: 'allowed', sms: 'allowed' },
      codes: { 'pecr-soft-opt-in': ['email'] },
    },
    {
      name: 'CA: an inquiry 7 months ago no longer implies consent',
      input: { country: 'CA', inquiryAt: '2026-04-28' },
      channels: { email: 'blocked' },
    },
    {
      name: 'CA: a purchase 23 months ago still implies consent',
      input: { country: 'CA', purchaseAt: '2025-01-01' },
      channels: { email: 'allowed' },
    },
  ]);

  it('docs/rules.md says purchaseAt records an actual sale, and the Canadian periods', () => {
    const doc = readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8');
    expect(doc).toMatch(/actual sale[^\n]*`purchaseAt`/);
    expect(doc).not.toMatch(/purchase or negotiation \(`purchaseAt`/);
    expect(doc).toMatch(/inquiry[^\n]*6 months/);
  });
});

describe('over-blocking: lawful contact can reach allowed', () => {
  cases([
    {
      name: 'CASL: an active contract is an existing business relationship',
      input: { country: 'CA', contractActive: true },
      channels: { email: 'allowed', sms: 'allowed', inmail: 'allowed' },
      codes: { 'casl-implied-contract': ['email'] },
      citation: 'CASL s. 10(9)(a), 10(10)(d), 10(11)',
    },
    {
      name: 'CASL: a contract that ended 2 years ago today still counts, with a deadline',
      input: { country: 'CA', contractEndedAt: '2024-11-29' },
      channels: { email: 'allowed' },
      deadlines: { 'casl-implied-contract': '2026-11-29' },
    },
    {
      name: 'CASL: a contract that ended more than 2 years ago does not',
      input: { country: 'CA', contractEndedAt: '2024-11-28' },
      channels: { email: 'blocked' },
    },
    {
      name: 'CASL: a conspicuously published business address allows email',
      input: { country: 'CA', subscriber: 'corporate', emailKind: 'work', conspicuouslyPublished: true },
      channels: { email: 'allowed', sms: 'blocked' },
      codes: { 'casl-conspicuous-publication': ['email'] },
      citation: 'CASL s. 10(9)(b)',
    },
    {
      name: 'CASL: an address handed over on a business card allows email',
      input: { country: 'CA', subscriber: 'corporate', businessCardAt: '2026-09-15' },
      channels: { email: 'allowed' },
      codes: { 'casl-business-card': ['email'] },
      citation: 'CASL s. 10(9)(c)',
    },
    {
      name: 'Germany: presumed-consent facts recorded: a business call is allowed',
      input: {
        country: 'DE',
        subscriber: 'corporate',
        source: 'subject',
        legitimateInterestAssessmentAt: '2026-01-01',
        presumedConsent: 'Their purchasing lead asked us at the trade fair to call about a quote.',
      },
      channels: { phone: 'allowed' },
      codes: { 'uwg-phone-presumed-consent': ['phone'] },
    },
    {
      name: 'UK charity soft opt-in for a supporter who enquired',
      input: {
        country: 'GB',
        subscriber: 'individual',
        charity: true,
        inquiryAt: '2026-09-01',
        source: 'subject',
        softOptIn: { similarProducts: true, optOutOffered: true },
      },
      channels: { email: 'allowed' },
      citation: 'PECR reg. 22(3A)',
    },
  ]);

  it('every "record X" hint names input fields that exist, so every check can be lifted', () => {
    const fields = new Set(Object.keys(AssessInputSchema.shape));
    const consentFields = new Set(Object.keys(ConsentSchema.shape));
    for (const [code, info] of Object.entries(REASON_CODES)) {
      const record = (info as { record?: string }).record;
      const lifts = (info as { lifts?: readonly string[] }).lifts;
      if (record === undefined) continue;
      expect(lifts, code).toBeDefined();
      for (const field of lifts ?? []) {
        if (field.startsWith('consents[].')) expect(consentFields.has(field.slice(11)), field).toBe(true);
        else expect(fields.has(field), `${code}: ${field}`).toBe(true);
      }
    }
  });
});

describe('citations: each country cites its own law', () => {
  cases([
    {
      name: 'UK legitimate interest cites the UK GDPR and the DUAA example',
      input: { country: 'GB', subscriber: 'corporate', emailKind: 'work', phoneKind: 'work' },
      channels: { email: 'check' },
      citation: 'UK GDPR Art. 6(1)(f), Art. 6(11)(a)',
    },
    {
      name: 'EU legitimate interest cites EDPB Guidelines 1/2024',
      input: { country: 'PT', subscriber: 'corporate', emailKind: 'work' },
      channels: { email: 'check' },
      citation: 'EDPB Guidelines 1/2024',
    },
    {
      name: 'UK corporate email cites PECR reg. 23',
      input: { country: 'GB', subscriber: 'corporate', emailKind: 'work' },
      channels: {},
      citation: 'PECR reg. 22(2), 23',
    },
    {
      name: 'CAN-SPAM header rules are §7704(a)(1)–(2)',
      input: { country: 'US' },
      channels: { email: 'allowed' },
      citation: '§7704(a)(1)–(2)',
    },
    {
      name: 'Canadian company do-not-call cites the CRTC rules',
      input: {
        country: 'CA',
        suppressions: [{ reason: 'do-not-call', since: '2026-11-01', channels: ['phone'] }],
      },
      channels: { phone: 'blocked' },
      citation: 'CRTC Unsolicited Telecommunications Rules',
    },
    {
      name: 'PECR blocks mention UK GDPR-level fines from 5 Feb 2026',
      input: { country: 'GB', subscriber: 'individual' },
      channels: { email: 'blocked' },
      citation: 'Data (Use and Access) Act 2025',
    },
  ]);

  it('a PECR block before 5 Feb 2026 does not claim the new fines', () => {
    const v = assess({ now: '2026-01-10', country: 'GB', subscriber: 'individual' });
    expect(v.channels.email).toBe('blocked');
    const blocks = v.reasons.filter((r) => r.level === 'blocked');
    expect(blocks.map((r) => r.code)).toContain('pecr-individual-no-consent');
    expect(blocks.map((r) => r.citation).join(' ')).not.toContain('Data (Use and Access) Act');
  });

  it('an invalid time zone is a Zod error naming the field', () => {
    expect(() => assess({ now: NOW, timeZone: 'Mars/Olympus' })).toThrow(ZodError);
    try {
      assess({ now: NOW, timeZone: 'Mars/Olympus' });
    } catch (e) {
      expect((e as ZodError).issues[0]?.path).toEqual(['timeZone']);
    }
  });
});

describe('row 39: the page shows a different employer than the record', () => {
  const CLIENT = {
    now: NOW,
    country: 'GB',
    subscriber: 'individual',
    stage: 'client',
    emailKind: 'personal',
    purchaseAt: '2025-06-01',
    softOptIn: { similarProducts: true, optOutOffered: true },
    legitimateInterestAssessmentAt: '2026-01-01',
  } as const;

  it('warns that the relationship, soft opt-in and domain match may no longer hold, citing storage limitation, KASPR and the AEPD', () => {
    const v = assess({ ...CLIENT, employer: 'Widgets & Co', pageEmployer: 'Acme Ltd' });
    const r = v.reasons.find((x) => x.code === 'employer-changed');
    expect(r?.level).toBe('caution');
    expect(r?.channels).toEqual([]);
    expect(r?.message).toContain('Widgets & Co');
    expect(r?.message).toContain('Acme Ltd');
    expect(r?.message).toMatch(/customer relationship, soft opt-in/);
    expect(r?.citation).toContain('CNIL decision on KASPR (2024)');
    expect(r?.citation).toContain('AEPD');
    expect(r?.citation).toContain('UK GDPR Art. 5(1)(c), 5(1)(e)');
    expect(v.level).not.toBe('ok');
  });

  it.each([
    ['Acme Ltd', 'ACME Limited'],
    ['Acme GmbH & Co. KG', 'Acme'],
    ['Société Générale S.A.', 'Societe Generale'],
    ['Maple Procurement Inc.', 'maple procurement, inc'],
    ['The Acme Company', 'Acme Co.'],
  ])('the same employer written differently (%s / %s) raises nothing', (employer, pageEmployer) => {
    const v = assess({ ...CLIENT, employer, pageEmployer });
    expect(v.reasons.map((x) => x.code)).not.toContain('employer-changed');
  });

  it('raises nothing when either side is unknown', () => {
    for (const input of [
      { employer: 'Acme Ltd' },
      { pageEmployer: 'Acme Ltd' },
      { employer: 'Ltd', pageEmployer: '' },
    ]) {
      const v = assess({ ...CLIENT, ...input });
      expect(v.reasons.map((x) => x.code)).not.toContain('employer-changed');
    }
  });
});
