import { describe, expect, it } from 'vitest';
import { assess } from '../../../lib/risk';
import { CHANNELS } from '../../../lib/vocab';
import { type Case, consent, NOW, run } from './helpers';

// One table per row of the rules file (docs/rules.md), in every jurisdiction the row names. Each case states
// the input and the channel statuses, reason codes, citations and deadlines the law gives for it.

const ALL_BLOCKED = {
  email: 'blocked',
  sms: 'blocked',
  phone: 'blocked',
  post: 'blocked',
  inmail: 'blocked',
} as const;
// A UK company on a work address and a company-issued phone, screened against TPS/CTPS this week, with
// everything recorded: every channel but InMail allowed (a LinkedIn account is the member's own, so InMail
// needs consent to InMail), so a rule's effect shows.
const UK_CLEAN = {
  country: 'GB',
  subscriber: 'corporate',
  emailKind: 'work',
  phoneKind: 'work',
  source: 'subject',
  legitimateInterestAssessmentAt: '2026-01-01',
  tps: false,
  tpsScreenedAt: '2026-11-25',
} as const;

// Where the person's country has its own law for an objection: a US or Canadian reason never cites the GDPR.
const OBJECTION_CITATION = {
  GB: 'UK GDPR Art. 21(2)–(3)',
  DE: 'GDPR Art. 21(2)–(3)',
  FR: 'GDPR Art. 21(2)–(3)',
  US: 'CAN-SPAM 15 U.S.C. §7704(a)(4)',
  CA: 'CASL s. 11(3)',
  none: 'GDPR Art. 21(2)–(3)',
} as const;

function table(title: string, cases: readonly Case[]) {
  describe(title, () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      run(c);
    });
  });
}

table('row 1: objection, unsubscribe, erasure block every channel, in any jurisdiction', [
  ...(['GB', 'DE', 'FR', 'US', 'CA', undefined] as const).map(
    (country): Case => ({
      name: `objection beats consent (${country ?? 'no country'})`,
      input: {
        country,
        subscriber: 'corporate',
        consents: CHANNELS.map((c) => consent(c)),
        suppressions: [{ reason: 'objection', since: '2026-06-01' }],
      },
      channels: ALL_BLOCKED,
      codes: { 'suppressed-objection': CHANNELS },
      citation: OBJECTION_CITATION[country ?? 'none'],
      level: 'blocked',
    }),
  ),
  {
    name: 'erasure blocks everything (GB)',
    input: { ...UK_CLEAN, suppressions: [{ reason: 'erasure', since: '2026-06-01', channels: [] }] },
    channels: ALL_BLOCKED,
    codes: { 'suppressed-erasure': CHANNELS },
    citation: 'UK GDPR Art. 17',
  },
  {
    name: 'unsubscribe from email only blocks email (US), 10 business days to honour everywhere',
    input: {
      country: 'US',
      suppressions: [{ reason: 'unsubscribe', since: '2026-11-25', channels: ['email'] }],
    },
    channels: { email: 'blocked', inmail: 'allowed', post: 'allowed' },
    codes: { 'suppressed-unsubscribe': ['email'] },
    citation: '§7704(a)(4)',
    deadlines: { 'can-spam-opt-out': '2026-12-09' },
    level: 'high',
  },
  {
    name: 'do-not-call blocks calls even with consent to calls (GB)',
    input: {
      ...UK_CLEAN,
      consents: [consent('phone')],
      suppressions: [{ reason: 'do-not-call', since: '2026-02-01', channels: ['phone'] }],
    },
    channels: { phone: 'blocked', email: 'allowed', post: 'allowed' },
    citation: 'PECR reg. 21(1)(a)',
  },
  {
    // An objection to direct marketing stops it on every channel (GDPR Art. 21(3)), whatever list it sits in.
    name: 'objection on an email-only list beats the German existing-customer exception on every channel',
    input: {
      country: 'DE',
      stage: 'client',
      purchaseAt: '2026-05-01',
      source: 'subject',
      softOptIn: { similarProducts: true, optOutOffered: true },
      suppressions: [{ reason: 'objection', since: '2026-09-01', channels: ['email'] }],
    },
    channels: ALL_BLOCKED,
    codes: { 'suppressed-objection': CHANNELS },
  },
  ...(['complaint', 'bounce', 'other'] as const).map(
    (reason): Case => ({
      name: `${reason} on the suppression list blocks (CA, with consent)`,
      input: { country: 'CA', consents: [consent('email')], suppressions: [{ reason, since: '2026-01-01' }] },
      channels: ALL_BLOCKED,
      codes: { [`suppressed-${reason}`]: CHANNELS },
    }),
  ),
  {
    name: 'a suppression dated in the future still blocks',
    input: { country: 'US', suppressions: [{ reason: 'objection', since: '2027-01-01' }] },
    channels: ALL_BLOCKED,
  },
]);

table('row 2: consent needs a record and is per channel', [
  {
    name: 'consent without evidence counts as none (GB individual)',
    input: {
      country: 'GB',
      subscriber: 'individual',
      consents: [{ channel: 'email', givenAt: '2026-01-01' }],
    },
    channels: { email: 'blocked' },
    codes: { 'consent-unrecorded': ['email'], 'pecr-individual-no-consent': ['email'] },
    citation: 'GDPR Art. 7(1)',
  },
  {
    name: 'blank evidence counts as none',
    input: {
      country: 'FR',
      subscriber: 'individual',
      consents: [{ channel: 'email', givenAt: '2026-01-01', evidence: '   ' }],
    },
    channels: { email: 'blocked' },
    codes: { 'consent-unrecorded': ['email'] },
  },
  {
    name: 'consent dated after today does not count yet',
    input: { country: 'GB', subscriber: 'individual', consents: [consent('email', '2026-12-01')] },
    channels: { email: 'blocked' },
    codes: { 'consent-not-yet-given': ['email'] },
  },
  ...(
    [
      ['GB', 'individual'],
      ['DE', 'corporate'],
      ['FR', 'individual'],
      ['CA', 'individual'],
    ] as const
  ).map(
    ([country, subscriber]): Case => ({
      name: `email consent does not cover SMS or InMail (${country})`,
      input: { country, subscriber, consents: [consent('email')] },
      channels: { email: 'allowed', sms: 'blocked', inmail: 'blocked' },
      codes: { 'consent-recorded': ['email'], 'consent-per-channel': ['sms', 'inmail'] },
    }),
  ),
  {
    name: 'email consent does not cover texts (US: texts stay at check)',
    input: { country: 'US', consents: [consent('email')] },
    channels: { email: 'allowed', sms: 'check', phone: 'check' },
  },
]);

table('row 3: withdrawn consent blocks the channel from the withdrawal date', [
  {
    name: 'withdrawn today (GB)',
    input: { ...UK_CLEAN, consents: [consent('phone', '2026-01-01', { withdrawnAt: NOW })] },
    channels: { phone: 'blocked', email: 'allowed' },
    codes: { 'consent-withdrawn': ['phone'] },
    citation: 'GDPR Art. 7(3)',
  },
  {
    name: 'withdrawal later the same day already blocks',
    input: {
      now: '2026-11-29T09:00:00Z',
      country: 'GB',
      subscriber: 'individual',
      consents: [consent('email', '2026-01-01', { withdrawnAt: '2026-11-29T18:00:00Z' })],
    },
    channels: { email: 'blocked' },
    codes: { 'consent-withdrawn': ['email'] },
  },
  {
    name: 'withdrawal dated tomorrow: consent still holds',
    input: {
      country: 'GB',
      subscriber: 'individual',
      consents: [consent('email', '2026-01-01', { withdrawnAt: '2026-11-30' })],
    },
    channels: { email: 'allowed' },
  },
  {
    name: 'consent given again after a withdrawal counts',
    input: {
      country: 'DE',
      consents: [
        consent('email', '2026-01-01', { withdrawnAt: '2026-03-01' }),
        consent('email', '2026-06-01'),
      ],
    },
    channels: { email: 'allowed' },
    absent: ['consent-withdrawn'],
  },
  {
    name: 'withdrawal blocks even under the US opt-out model',
    input: { country: 'US', consents: [consent('email', '2026-01-01', { withdrawnAt: '2026-05-01' })] },
    channels: { email: 'blocked', inmail: 'allowed' },
  },
]);

table('row 4: UK individual subscribers need consent for email, SMS and InMail', [
  ...(['individual', 'sole-trader', 'partnership'] as const).map(
    (subscriber): Case => ({
      name: `${subscriber}, no consent, not a customer`,
      input: { country: 'GB', subscriber, stage: 'prospect', emailKind: 'work' },
      channels: { email: 'blocked', sms: 'blocked', inmail: 'blocked' },
      codes: { 'pecr-individual-no-consent': ['email', 'sms', 'inmail'] },
      citation: 'PECR reg. 22(2)',
    }),
  ),
  ...(['corporate', 'llp', 'public-body'] as const).map(
    (subscriber): Case => ({
      name: `a personal email makes a ${subscriber} contact an individual for email only`,
      input: { ...UK_CLEAN, subscriber, emailKind: 'personal' },
      channels: { email: 'blocked', sms: 'allowed', inmail: 'check' },
      codes: {
        'pecr-individual-no-consent': ['email'],
        'pecr-corporate': ['sms'],
        'inmail-own-account': ['inmail'],
      },
    }),
  ),
]);

const CUSTOMER = {
  country: 'GB',
  subscriber: 'individual',
  stage: 'client',
  purchaseAt: '2026-03-01',
} as const;

table('row 5: UK soft opt-in needs both conditions', [
  {
    name: 'existing customer, similar products, opt-out offered',
    input: { ...CUSTOMER, softOptIn: { similarProducts: true, optOutOffered: true } },
    channels: { email: 'allowed', sms: 'allowed', inmail: 'allowed' },
    codes: { 'pecr-soft-opt-in': ['email', 'sms', 'inmail'] },
    citation: 'PECR reg. 22(3)',
  },
  {
    name: 'negotiation of a sale counts (prospect with a purchaseAt)',
    input: {
      country: 'GB',
      subscriber: 'individual',
      stage: 'prospect',
      purchaseAt: '2026-10-01',
      softOptIn: { similarProducts: true, optOutOffered: true },
    },
    channels: { email: 'allowed' },
  },
  {
    name: 'former client still an existing customer',
    input: { ...CUSTOMER, stage: 'former-client', softOptIn: { similarProducts: true, optOutOffered: true } },
    channels: { email: 'allowed' },
  },
  {
    name: 'not similar products',
    input: { ...CUSTOMER, softOptIn: { similarProducts: false, optOutOffered: true } },
    channels: { email: 'blocked', sms: 'blocked' },
    codes: { 'pecr-soft-opt-in-unmet': ['email', 'sms'] },
  },
  {
    name: 'no opt-out offered at collection',
    input: { ...CUSTOMER, softOptIn: { similarProducts: true, optOutOffered: false } },
    channels: { email: 'blocked' },
    codes: { 'pecr-soft-opt-in-unmet': ['email'] },
  },
  {
    name: 'details from a third party, not from the sale',
    input: { ...CUSTOMER, source: 'third-party', softOptIn: { similarProducts: true, optOutOffered: true } },
    channels: { email: 'blocked' },
    codes: { 'pecr-soft-opt-in-unmet': ['email'] },
  },
  {
    name: 'customer but conditions not recorded: check, not allowed',
    input: CUSTOMER,
    channels: { email: 'check', sms: 'check' },
    codes: { 'soft-opt-in-unrecorded': ['email', 'sms'] },
  },
]);

table('row 6: UK corporate subscriber on a work email: allowed with checks', [
  {
    name: 'nothing recorded: check, saying what to record',
    input: { country: 'GB', subscriber: 'corporate', emailKind: 'work', phoneKind: 'work' },
    channels: { email: 'check', sms: 'check', inmail: 'check' },
    codes: { 'pecr-corporate': ['email'], 'lia-missing': ['email', 'sms'], 'source-unknown': ['email'] },
    citation: 'ICO B2B marketing guidance',
  },
  ...(['corporate', 'llp', 'public-body'] as const).map(
    (subscriber): Case => ({
      name: `${subscriber}: assessment recorded, data from the person: allowed (InMail needs consent to InMail)`,
      input: { ...UK_CLEAN, subscriber },
      channels: { email: 'allowed', sms: 'allowed', inmail: 'check' },
      absent: ['lia-missing'],
    }),
  ),
  {
    name: 'third-party data: allowed once the Art. 14 notice is recorded',
    input: { ...UK_CLEAN, source: 'third-party', collectedAt: '2026-11-01', informedAt: '2026-11-02' },
    channels: { email: 'allowed' },
  },
  {
    name: 'third-party data without the notice: check',
    input: { ...UK_CLEAN, source: 'third-party', collectedAt: '2026-11-20' },
    channels: { email: 'check', post: 'check' },
    codes: { 'art14-notice-due': ['email', 'post'] },
  },
  {
    name: 'company, but not known whether the address is a work one',
    input: { ...UK_CLEAN, emailKind: 'unknown' },
    channels: { email: 'check', sms: 'allowed' },
    codes: { 'email-kind-unknown': ['email'] },
  },
]);

table('row 7: UK calls to a TPS/CTPS number', [
  {
    name: 'on TPS, no consent to calls',
    input: { ...UK_CLEAN, tps: true },
    channels: { phone: 'blocked', email: 'allowed' },
    codes: { 'pecr-tps': ['phone'] },
    citation: 'PECR reg. 21(1)(b)',
    level: 'high',
  },
  {
    name: 'on TPS with consent to calls',
    input: { ...UK_CLEAN, tps: true, consents: [consent('phone')] },
    channels: { phone: 'allowed' },
  },
  {
    name: 'on TPS, consent to email does not cover calls',
    input: { ...UK_CLEAN, tps: true, consents: [consent('email')] },
    channels: { phone: 'blocked' },
  },
  {
    name: 'listed 27 days ago: still in the 28-day grace period, last day today',
    input: { ...UK_CLEAN, tps: true, tpsListedAt: '2026-11-02' },
    channels: { phone: 'allowed' },
    codes: { 'pecr-tps-grace': ['phone'] },
    deadlines: { 'tps-grace': '2026-11-29' },
    level: 'caution',
  },
  {
    name: 'listed 28 days ago: blocked',
    input: { ...UK_CLEAN, tps: true, tpsListedAt: '2026-11-01' },
    channels: { phone: 'blocked' },
    absent: ['pecr-tps-grace'],
  },
  {
    name: 'not on TPS, screened 4 days ago',
    input: UK_CLEAN,
    channels: { phone: 'allowed' },
    codes: { 'pecr-tps-clear': ['phone'] },
    deadlines: { 'tps-rescreen': '2026-12-22' },
  },
  {
    name: 'TPS not screened: check',
    input: { ...UK_CLEAN, tps: undefined },
    channels: { phone: 'check' },
    codes: { 'pecr-tps-unknown': ['phone'] },
  },
]);

table('row 8: post in the UK and EU rests on legitimate interest, with checks', [
  ...(['GB', 'DE', 'FR'] as const).flatMap((country): Case[] => [
    {
      name: `${country}: no assessment recorded`,
      input: { country, subscriber: 'individual', source: 'subject' },
      channels: { post: 'check' },
      codes: { 'post-legitimate-interest': ['post'], 'lia-missing': ['post'] },
      citation: 'GDPR Art. 6(1)(f), Recital 47',
    },
    {
      name: `${country}: assessment recorded, notice given`,
      input: {
        country,
        subscriber: 'individual',
        source: 'third-party',
        collectedAt: '2026-10-01',
        informedAt: '2026-10-05',
        legitimateInterestAssessmentAt: '2026-01-01',
      },
      channels: { post: 'allowed' },
    },
  ]),
]);

const DE_CUSTOMER = {
  country: 'DE',
  stage: 'client',
  purchaseAt: '2026-05-01',
  source: 'subject',
} as const;

table('row 9: Germany, email needs prior express consent, B2B and B2C', [
  ...(
    [
      ['individual', 'personal'],
      ['corporate', 'work'],
      ['sole-trader', 'work'],
    ] as const
  ).map(
    ([subscriber, emailKind]): Case => ({
      name: `${subscriber} on a ${emailKind} address, no consent`,
      input: { country: 'DE', subscriber, emailKind, legitimateInterestAssessmentAt: '2026-01-01' },
      channels: { email: 'blocked', sms: 'blocked', inmail: 'blocked' },
      codes: { 'uwg-email-no-consent': ['email', 'sms', 'inmail'] },
      citation: 'UWG §7(2) Nr. 2',
    }),
  ),
  {
    name: 'all four existing-customer conditions hold',
    input: {
      ...DE_CUSTOMER,
      subscriber: 'individual',
      softOptIn: { similarProducts: true, optOutOffered: true },
    },
    channels: { email: 'allowed' },
    codes: { 'uwg-existing-customer': ['email'] },
    citation: 'UWG §7(3)',
  },
  {
    name: 'not told they may object: blocked',
    input: { ...DE_CUSTOMER, softOptIn: { similarProducts: true, optOutOffered: false } },
    channels: { email: 'blocked' },
  },
  {
    name: 'not similar goods: blocked',
    input: { ...DE_CUSTOMER, softOptIn: { similarProducts: false, optOutOffered: true } },
    channels: { email: 'blocked' },
  },
  {
    name: 'customer, conditions not recorded: check',
    input: DE_CUSTOMER,
    channels: { email: 'check' },
    codes: { 'soft-opt-in-unrecorded': ['email'] },
  },
  {
    name: 'express consent',
    input: { country: 'DE', subscriber: 'corporate', emailKind: 'work', consents: [consent('email')] },
    channels: { email: 'allowed' },
  },
]);

table('row 10: Germany, calls', [
  {
    name: 'consumer without consent',
    input: { country: 'DE', subscriber: 'individual' },
    channels: { phone: 'blocked' },
    codes: { 'uwg-phone-consumer': ['phone'] },
    citation: 'UWG §7(2) Nr. 1',
  },
  ...(['corporate', 'sole-trader', 'llp'] as const).map(
    (subscriber): Case => ({
      name: `business (${subscriber}): presumed consent needed, check`,
      input: { country: 'DE', subscriber },
      channels: { phone: 'check' },
      codes: { 'uwg-phone-business': ['phone'] },
    }),
  ),
  {
    name: 'consumer or business unknown: check, saying what to record',
    input: { country: 'DE' },
    channels: { phone: 'check' },
    codes: { 'subscriber-unknown': ['phone'] },
  },
  {
    name: 'consumer with consent to calls',
    input: { country: 'DE', subscriber: 'individual', consents: [consent('phone')] },
    channels: { phone: 'allowed' },
  },
]);

table('row 11: other EU countries, email to an individual needs consent', [
  ...(
    [
      ['FR', 'individual'],
      ['IT', 'sole-trader'],
      ['NL', 'individual'],
      ['NO', 'individual'],
      ['GR', 'individual'],
    ] as const
  ).map(
    ([country, subscriber]): Case => ({
      name: `${country} ${subscriber}, no consent, not a customer`,
      input: { country, subscriber },
      channels: { email: 'blocked', sms: 'blocked', inmail: 'blocked' },
      codes: { 'eprivacy-individual-no-consent': ['email', 'sms', 'inmail'] },
      citation: 'Art. 13(1)',
    }),
  ),
  {
    name: 'Greece written EL is still the EU',
    input: { country: 'el', subscriber: 'individual' },
    channels: { email: 'blocked' },
    codes: { 'eprivacy-individual-no-consent': ['email'] },
  },
  {
    name: 'FR company contact on a personal address is an individual for email',
    input: { country: 'FR', subscriber: 'corporate', emailKind: 'personal' },
    channels: { email: 'blocked', sms: 'check' },
  },
  {
    name: 'existing customer with both conditions',
    input: {
      country: 'FR',
      subscriber: 'individual',
      stage: 'client',
      purchaseAt: '2026-01-15',
      softOptIn: { similarProducts: true, optOutOffered: true },
    },
    channels: { email: 'allowed', sms: 'allowed' },
    codes: { 'eprivacy-soft-opt-in': ['email'] },
    citation: 'Art. 13(2)',
  },
  {
    name: 'existing customer, conditions not recorded: check',
    input: { country: 'ES', subscriber: 'individual', stage: 'client' },
    channels: { email: 'check' },
  },
  {
    name: 'calls in a member state without its own row follow national rules: check',
    input: { country: 'PT', subscriber: 'individual' },
    channels: { phone: 'check' },
    codes: { 'eprivacy-calls-national': ['phone'] },
  },
]);

table('row 12: other EU countries, email to a legal person: the member state decides', [
  {
    name: 'PT company on a work address and phone',
    input: { country: 'PT', subscriber: 'corporate', emailKind: 'work', phoneKind: 'work' },
    channels: { email: 'check', sms: 'check' },
    codes: { 'eprivacy-legal-person': ['email', 'sms'] },
    citation: 'Art. 13(5)',
  },
  {
    name: 'PT company, privacy officer signed off: allowed',
    input: {
      country: 'PT',
      subscriber: 'corporate',
      emailKind: 'work',
      source: 'subject',
      legitimateInterestAssessmentAt: '2026-01-01',
      businessEmailSignOffAt: '2026-11-01',
    },
    channels: { email: 'allowed' },
    codes: { 'eprivacy-legal-person-signed-off': ['email'] },
  },
  {
    name: 'NL company, assessment and notice recorded: still check',
    input: {
      country: 'NL',
      subscriber: 'corporate',
      emailKind: 'work',
      source: 'subject',
      legitimateInterestAssessmentAt: '2026-01-01',
    },
    channels: { email: 'check' },
    absent: ['lia-missing'],
  },
  {
    name: 'PT partnership: legal person or not depends on the member state',
    input: { country: 'PT', subscriber: 'partnership', emailKind: 'work' },
    channels: { email: 'check' },
    codes: { 'subscriber-unknown': ['email'] },
  },
]);

table('row 13: US, opt-out model for email', [
  {
    name: 'no consent needed for email',
    input: { country: 'US', subscriber: 'individual', emailKind: 'personal', source: 'third-party' },
    channels: { email: 'allowed', inmail: 'allowed', post: 'allowed', sms: 'check', phone: 'check' },
    codes: { 'can-spam-opt-out-model': ['email', 'inmail'], 'tcpa-written-consent': ['sms', 'phone'] },
    citation: '15 U.S.C. §7704(a)(3)',
    absent: ['art14-notice-due', 'lia-missing', 'source-unknown'],
  },
  {
    name: 'opted out: blocked',
    input: {
      country: 'US',
      suppressions: [{ reason: 'unsubscribe', since: '2026-11-01', channels: ['email'] }],
    },
    channels: { email: 'blocked' },
  },
  {
    // A plain consent is not enough for US texts and calls (47 C.F.R. §64.1200(a)(2), (f)(9)): it must be written.
    name: 'signed written consent to texts and calls: every channel allowed, level ok',
    input: {
      country: 'US',
      consents: [
        { ...consent('sms'), written: true },
        { ...consent('phone'), written: true },
      ],
    },
    channels: { email: 'allowed', sms: 'allowed', phone: 'allowed', post: 'allowed', inmail: 'allowed' },
    level: 'ok',
  },
]);

table('row 14: Canada, CASL express or implied consent', [
  {
    name: 'express consent, years old: no expiry',
    input: { country: 'CA', consents: [consent('email', '2019-01-01')] },
    channels: { email: 'allowed', sms: 'blocked' },
    citation: 'CASL s. 6(1)(a)',
  },
  {
    name: 'purchase exactly 2 years ago: last day of implied consent',
    input: { country: 'CA', purchaseAt: '2024-11-29' },
    channels: { email: 'allowed', sms: 'allowed', inmail: 'allowed' },
    codes: { 'casl-implied-purchase': ['email'] },
    deadlines: { 'casl-implied-purchase': '2026-11-29' },
    citation: 'CASL s. 10(9)(a), 10(10)(a)',
  },
  {
    name: 'purchase 2 years and a day ago: blocked',
    input: { now: '2026-11-30', country: 'CA', purchaseAt: '2024-11-29' },
    channels: { email: 'blocked', sms: 'blocked', inmail: 'blocked' },
    codes: { 'casl-no-consent': ['email'] },
  },
  {
    name: 'purchase on 29 February: 2 years end on 28 February',
    input: { now: '2026-02-28', country: 'CA', purchaseAt: '2024-02-29' },
    channels: { email: 'allowed' },
    deadlines: { 'casl-implied-purchase': '2026-02-28' },
  },
  {
    name: 'purchase on 29 February, the day after the 2 years',
    input: { now: '2026-03-01', country: 'CA', purchaseAt: '2024-02-29' },
    channels: { email: 'blocked' },
  },
  {
    name: 'inquiry exactly 6 months ago: last day',
    input: { country: 'CA', inquiryAt: '2026-05-29' },
    channels: { email: 'allowed' },
    codes: { 'casl-implied-inquiry': ['email'] },
    deadlines: { 'casl-implied-inquiry': '2026-11-29' },
    citation: '10(10)(e)',
  },
  {
    name: 'inquiry 6 months and a day ago: blocked',
    input: { now: '2026-11-30', country: 'CA', inquiryAt: '2026-05-29' },
    channels: { email: 'blocked' },
  },
  {
    name: 'inquiry on 31 August: 6 months end on 28 February',
    input: { now: '2027-02-28', country: 'CA', inquiryAt: '2026-08-31' },
    channels: { email: 'allowed' },
    deadlines: { 'casl-implied-inquiry': '2027-02-28' },
  },
  {
    name: 'inquiry on 31 August, 1 March is too late',
    input: { now: '2027-03-01', country: 'CA', inquiryAt: '2026-08-31' },
    channels: { email: 'blocked' },
  },
  {
    // Business-to-business calls are exempt from the National DNCL Rules.
    name: 'no consent at all (a company)',
    input: { country: 'CA', subscriber: 'corporate', emailKind: 'work' },
    channels: { email: 'blocked', sms: 'blocked', inmail: 'blocked', phone: 'allowed', post: 'allowed' },
    codes: { 'casl-no-consent': ['email', 'sms', 'inmail'] },
    citation: 'CASL s. 6(1)',
  },
  {
    name: 'client with no purchase date: check',
    input: { country: 'CA', stage: 'client' },
    channels: { email: 'check' },
    codes: { 'casl-purchase-date-unknown': ['email'] },
  },
]);

table('row 15: data not from the person needs an Art. 14 notice within one month', [
  ...(['GB', 'DE', 'FR'] as const).flatMap((country): Case[] => [
    {
      name: `${country}: collected a month ago today, notice due today`,
      input: { country, source: 'third-party', collectedAt: '2026-10-29' },
      channels: {},
      codes: { 'art14-notice-due': [] },
      absent: ['art14-notice-overdue'],
      deadlines: { 'art14-notice': '2026-11-29' },
      citation: 'GDPR Art. 14(3)',
    },
    {
      name: `${country}: a month and a day: overdue`,
      input: { now: '2026-11-30', country, source: 'third-party', collectedAt: '2026-10-29' },
      channels: {},
      codes: { 'art14-notice-overdue': [] },
      deadlines: { 'art14-notice': '2026-11-29' },
    },
  ]),
  {
    name: 'collected 31 January: notice due 28 February',
    input: { now: '2026-02-28', country: 'GB', source: 'third-party', collectedAt: '2026-01-31' },
    channels: {},
    codes: { 'art14-notice-due': [] },
    deadlines: { 'art14-notice': '2026-02-28' },
  },
  {
    name: 'collected 31 January: overdue on 1 March',
    input: { now: '2026-03-01', country: 'GB', source: 'third-party', collectedAt: '2026-01-31' },
    channels: {},
    codes: { 'art14-notice-overdue': [] },
  },
  {
    name: 'notice given',
    input: { country: 'GB', source: 'third-party', collectedAt: '2026-10-01', informedAt: '2026-10-03' },
    channels: {},
    codes: { 'art14-notice-given': [] },
    absent: ['art14-notice-due', 'art14-notice-overdue'],
  },
  {
    name: 'no collection date: notice at first contact at the latest',
    input: { country: 'FR', source: 'third-party' },
    channels: {},
    codes: { 'art14-collected-unknown': [] },
  },
  {
    name: 'data from the person: no Art. 14 duty',
    input: { country: 'GB', source: 'subject' },
    channels: {},
    absent: ['art14-notice-due', 'art14-notice-overdue', 'art14-collected-unknown', 'source-unknown'],
  },
]);

table('row 16: legitimate interest needs a recorded assessment', [
  ...(['GB', 'DE', 'FR'] as const).flatMap((country): Case[] => [
    {
      name: `${country} suspect, no assessment: warning`,
      input: { country, stage: 'suspect', consents: [] },
      channels: {},
      codes: { 'lia-missing': [] },
      citation: 'GDPR Art. 6(1)(f)',
    },
    {
      name: `${country} prospect with an assessment`,
      input: { country, stage: 'prospect', legitimateInterestAssessmentAt: '2026-02-01' },
      channels: {},
      absent: ['lia-missing'],
    },
  ]),
  {
    name: 'an assessment dated in the future does not count',
    input: { country: 'GB', stage: 'suspect', legitimateInterestAssessmentAt: '2026-12-15' },
    channels: {},
    codes: { 'lia-missing': [] },
  },
]);

table('row 17: clients: the contract covers servicing, marketing follows the channel rules', [
  {
    name: 'GB client: contract noted, marketing email still needs the soft opt-in',
    input: { country: 'GB', subscriber: 'individual', stage: 'client' },
    channels: { email: 'check' },
    codes: { 'client-contract': [], 'soft-opt-in-unrecorded': ['email'] },
    citation: 'GDPR Art. 6(1)(b)',
  },
  {
    name: 'DE client, conditions unmet: blocked',
    input: { ...DE_CUSTOMER, softOptIn: { similarProducts: false, optOutOffered: false } },
    channels: { email: 'blocked' },
    codes: { 'client-contract': [] },
  },
  {
    name: 'CA client with a recent purchase',
    input: { country: 'CA', stage: 'client', purchaseAt: '2026-01-01' },
    channels: { email: 'allowed' },
  },
]);

table('row 18: InMail follows the electronic mail rules (an interpretation)', [
  ...(
    [
      ['GB', 'individual', 'pecr-individual-no-consent', 'ICO electronic mail guidance'],
      ['DE', 'corporate', 'uwg-email-no-consent', 'UWG §7(2) Nr. 2; ePrivacy Directive 2002/58/EC Art. 2(h)'],
      ['FR', 'individual', 'eprivacy-individual-no-consent', 'ePrivacy Directive 2002/58/EC Art. 2(h)'],
    ] as const
  ).map(
    ([country, subscriber, code, citation]): Case => ({
      name: `${country} ${subscriber}`,
      input: { country, subscriber },
      channels: { inmail: 'blocked' },
      codes: { [code]: ['inmail'], 'inmail-as-electronic-mail': ['inmail'] },
      citation,
    }),
  ),
  {
    name: 'InMail consent covers InMail only',
    input: { country: 'GB', subscriber: 'individual', consents: [consent('inmail')] },
    channels: { inmail: 'allowed', email: 'blocked' },
  },
]);

table('row 19: retention', [
  {
    name: 'kept past the retention date',
    input: { country: 'GB', retentionUntil: '2026-11-28' },
    channels: {},
    codes: { 'retention-expired': [] },
    citation: 'UK GDPR Art. 5(1)(c), 5(1)(e)',
  },
  {
    name: 'last day of retention: a deadline, no warning',
    input: { country: 'US', retentionUntil: NOW },
    channels: {},
    absent: ['retention-expired'],
    deadlines: { retention: NOW },
  },
  {
    name: 'a suppressed record past retention keeps blocking',
    input: {
      country: 'GB',
      retentionUntil: '2025-01-01',
      suppressions: [{ reason: 'objection', since: '2024-01-01' }],
    },
    channels: ALL_BLOCKED,
    codes: { 'retention-expired': [], 'suppressed-objection': CHANNELS },
  },
]);

table('row 20: contact details that were not public', [
  {
    name: 'visible only to connections',
    input: { country: 'FR', contactVisibility: 'connections-only' },
    channels: {},
    codes: { 'restricted-contact-details': CHANNELS },
    citation: 'CNIL decision on KASPR (2024)',
  },
  {
    name: 'email download blocked by the member',
    input: { country: 'US', contactVisibility: 'download-blocked' },
    channels: {},
    codes: { 'restricted-contact-details': CHANNELS },
  },
  {
    name: 'public details: no warning',
    input: { country: 'US', contactVisibility: 'public' },
    channels: {},
    absent: ['restricted-contact-details'],
  },
]);

table('unknown inputs are never read as permission', [
  {
    name: 'no country, no consent: email and SMS at best check',
    input: {},
    channels: { email: 'check', sms: 'check', inmail: 'check', phone: 'check' },
    codes: { 'country-unknown': ['email', 'sms'] },
  },
  {
    name: 'no country, recorded consent: allowed',
    input: { consents: [consent('email')] },
    channels: { email: 'allowed', sms: 'check' },
  },
  {
    name: 'a country Heed has no rules for',
    input: { country: 'JP', subscriber: 'individual' },
    channels: { email: 'check', sms: 'check', phone: 'check', post: 'check', inmail: 'check' },
    codes: { 'country-not-covered': CHANNELS },
  },
  {
    name: 'GB, subscriber type unknown',
    input: { country: 'GB', source: 'subject', legitimateInterestAssessmentAt: '2026-01-01' },
    channels: { email: 'check', sms: 'check', inmail: 'check' },
    codes: { 'subscriber-unknown': ['email', 'sms', 'inmail'] },
  },
  {
    name: 'GB, unknown subscriber on a personal address: an individual for email',
    input: { country: 'GB', emailKind: 'personal' },
    channels: { email: 'blocked', sms: 'check' },
  },
  {
    name: 'GB, unknown subscriber but every possibility allows',
    input: {
      ...CUSTOMER,
      subscriber: 'unknown',
      source: 'subject',
      legitimateInterestAssessmentAt: '2026-01-01',
      softOptIn: { similarProducts: true, optOutOffered: true },
    },
    channels: { email: 'allowed', sms: 'allowed' },
  },
  {
    name: '"uk" is read as GB',
    input: { country: 'uk', subscriber: 'individual' },
    channels: { email: 'blocked' },
    codes: { 'pecr-individual-no-consent': ['email'] },
  },
]);

describe('the verdict', () => {
  it('lists blocking reasons first and every channel it names exists', () => {
    const v = assess({
      now: NOW,
      country: 'GB',
      subscriber: 'individual',
      source: 'third-party',
      suppressions: [{ reason: 'objection', since: '2026-01-01', channels: ['email'] }],
    });
    const order = { blocked: 0, high: 1, caution: 2, ok: 3, info: 4 } as const;
    const levels = v.reasons.map((r) => order[r.level]);
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
    expect(v.reasons.every((r) => r.citation.length > 0 && r.message.length > 0)).toBe(true);
  });

  it('does not depend on the machine time zone for a date-time without an offset', () => {
    const a = assess({ now: '2026-11-29T23:30', country: 'CA', purchaseAt: '2024-11-29' });
    // Read as UTC: 23:30 is outside Canadian calling hours either way.
    expect(a.channels.phone).toBe('blocked');
    const b = assess({ now: '2026-11-29T23:30:00Z', country: 'CA', purchaseAt: '2024-11-29' });
    expect(a).toEqual(b);
    expect(a.channels.email).toBe('allowed');
  });
});
