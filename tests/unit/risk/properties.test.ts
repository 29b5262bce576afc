import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AssessInput,
  AssessInputSchema,
  assess,
  REASON_CODES,
  summarize,
  VerdictSchema,
  whatToRecord,
} from '../../../lib/risk';
import { CHANNELS } from '../../../lib/vocab';
import {
  ChannelSchema,
  DataSourceSchema,
  EmailKindSchema,
  StageSchema,
  SubscriberSchema,
  SuppressionReasonSchema,
} from '../../../lib/vocab/schemas';

const STRICTNESS = { allowed: 0, check: 1, blocked: 2 } as const;
const RUNS = { numRuns: 400 };

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

// Dates around "now", written every way the schema accepts: a date, a date-time with or without seconds,
// with Z, an offset, or no offset at all.
const dateArb = fc
  .record({
    day: fc.integer({ min: Date.UTC(2018, 0, 1) / 864e5, max: Date.UTC(2030, 11, 31) / 864e5 }),
    time: fc.option(
      fc.record({
        h: fc.integer({ min: 0, max: 23 }),
        m: fc.integer({ min: 0, max: 59 }),
        zone: fc.constantFrom('', 'Z', '+14:00', '-12:00', '+01:00'),
      }),
    ),
  })
  .map(({ day, time }) => {
    const date = new Date(day * 864e5).toISOString().slice(0, 10);
    return time === null ? date : `${date}T${pad(time.h)}:${pad(time.m)}${time.zone}`;
  });

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const consentArb = fc.record(
  {
    channel: fc.constantFrom(...ChannelSchema.options),
    givenAt: dateArb,
    evidence: fc.constantFrom('form', '', ' ', 'call recording'),
    withdrawnAt: dateArb,
    written: fc.boolean(),
  },
  { requiredKeys: ['channel', 'givenAt'] },
);

// Every jurisdiction Heed covers, territories that map to one, a country it does not cover, and aliases.
const COVERED = [
  'GB',
  'DE',
  'FR',
  'NL',
  'AT',
  'PL',
  'ES',
  'IT',
  'IE',
  'BE',
  'SE',
  'DK',
  'PT',
  'NO',
  'FI',
  'US',
  'CA',
  'AU',
  'NZ',
  'CH',
  'PR',
  'GU',
  'RE',
  'AX',
] as const;
const countryArb = fc.constantFrom(...COVERED, 'JP', 'uk', 'de');

const suppressionArb = fc.record(
  {
    reason: fc.constantFrom(...SuppressionReasonSchema.options),
    since: dateArb,
    channels: fc.uniqueArray(fc.constantFrom(...ChannelSchema.options), { maxLength: 5 }),
  },
  { requiredKeys: ['reason', 'since'] },
);

const inputArb: fc.Arbitrary<AssessInput> = fc
  .record({
    now: dateArb,
    country: opt(countryArb),
    subscriber: opt(fc.constantFrom(...SubscriberSchema.options)),
    stage: opt(fc.constantFrom(...StageSchema.options)),
    emailKind: opt(fc.constantFrom(...EmailKindSchema.options)),
    source: opt(fc.constantFrom(...DataSourceSchema.options)),
    collectedAt: opt(dateArb),
    informedAt: opt(dateArb),
    consents: opt(fc.array(consentArb, { maxLength: 4 })),
    suppressions: opt(fc.array(suppressionArb, { maxLength: 2 })),
    purchaseAt: opt(dateArb),
    inquiryAt: opt(dateArb),
    softOptIn: opt(fc.record({ similarProducts: fc.boolean(), optOutOffered: fc.boolean() })),
    legitimateInterestAssessmentAt: opt(dateArb),
    tps: opt(fc.boolean()),
    tpsListedAt: opt(dateArb),
    retentionUntil: opt(dateArb),
    contactVisibility: opt(
      fc.constantFrom('public', 'connections-only', 'download-blocked', 'unknown' as const),
    ),
    timeZone: opt(fc.constantFrom('America/Chicago', 'Europe/Paris', 'Australia/Sydney', 'UTC')),
    region: opt(fc.constantFrom('TX', 'FL', 'CA', 'MD', 'OK', 'WA', 'NY', 'US-CA')),
    phoneKind: opt(fc.constantFrom('work', 'personal', 'unknown' as const)),
    tpsScreenedAt: opt(dateArb),
    dnc: opt(fc.boolean()),
    dncScreenedAt: opt(dateArb),
    businessEmailSignOffAt: opt(dateArb),
    presumedConsent: opt(fc.constantFrom('', 'asked us to call at the fair')),
    contractActive: opt(fc.boolean()),
    contractEndedAt: opt(dateArb),
    conspicuouslyPublished: opt(fc.boolean()),
    businessCardAt: opt(dateArb),
    charity: opt(fc.boolean()),
  })
  .map((i) => {
    // Drop undefined keys (the input is what a caller would write) and keep tpsListedAt consistent with tps.
    const clean = Object.fromEntries(Object.entries(i).filter(([, v]) => v !== undefined)) as AssessInput;
    if (clean.tps !== true) delete clean.tpsListedAt;
    return clean;
  });

function noLessBlocked(before: ReturnType<typeof assess>, after: ReturnType<typeof assess>) {
  for (const c of CHANNELS) {
    expect(STRICTNESS[after.channels[c]], c).toBeGreaterThanOrEqual(STRICTNESS[before.channels[c]]);
  }
}

describe('assess, for any schema-valid input', () => {
  it('every generated input is schema-valid (the generator tests what it claims)', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(AssessInputSchema.safeParse(input).success).toBe(true);
      }),
      RUNS,
    );
  });

  it('never throws, and returns a well-formed verdict the UI can explain', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const v = assess(input);
        expect(VerdictSchema.safeParse(v).success).toBe(true);
        expect(summarize(v).length).toBeGreaterThan(0);
        expect(Array.isArray(whatToRecord(v))).toBe(true);
      }),
      RUNS,
    );
  });

  it('adding a suppression never makes any channel less blocked', () => {
    fc.assert(
      fc.property(inputArb, suppressionArb, (input, s) => {
        const before = assess(input);
        const after = assess({ ...input, suppressions: [...(input.suppressions ?? []), s] });
        noLessBlocked(before, after);
        const named = s.channels === undefined || s.channels.length === 0 ? CHANNELS : s.channels;
        for (const c of named) expect(after.channels[c]).toBe('blocked');
      }),
      RUNS,
    );
  });

  it('withdrawing consent never makes a channel more allowed', () => {
    const withConsent = fc
      .tuple(inputArb, fc.array(consentArb, { minLength: 1, maxLength: 3 }), fc.nat(), dateArb)
      .map(([input, consents, pick, withdrawnAt]) => ({ input: { ...input, consents }, pick, withdrawnAt }));
    fc.assert(
      fc.property(withConsent, ({ input, pick, withdrawnAt }) => {
        const consents = input.consents ?? [];
        const i = pick % consents.length;
        // Withdrawing adds a withdrawal; moving an existing one later would be un-withdrawing.
        const withdrawn = consents.map((c, j) =>
          j === i ? { ...c, withdrawnAt: c.withdrawnAt ?? withdrawnAt } : c,
        );
        noLessBlocked(assess(input), assess({ ...input, consents: withdrawn }));
      }),
      RUNS,
    );
  });

  it('explains every channel that is not allowed, and the level matches the channels', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const v = assess(input);
        for (const c of CHANNELS) {
          const status = v.channels[c];
          if (status === 'allowed') continue;
          const level = status === 'blocked' ? 'blocked' : 'caution';
          expect(
            v.reasons.some((r) => r.level === level && r.channels.includes(c)),
            `${c} ${status}`,
          ).toBe(true);
        }
        const blocked = CHANNELS.filter((c) => v.channels[c] === 'blocked').length;
        const expected =
          blocked === CHANNELS.length
            ? 'blocked'
            : blocked > 0
              ? 'high'
              : CHANNELS.some((c) => v.channels[c] === 'check') ||
                  v.reasons.some((r) => r.level === 'caution')
                ? 'caution'
                : 'ok';
        expect(v.level).toBe(expected);
        for (const r of v.reasons) expect(Object.keys(REASON_CODES)).toContain(r.code);
      }),
      RUNS,
    );
  });

  it('with an unknown country or subscriber and no consent, email and SMS are never allowed by default', () => {
    const unknownArb = inputArb.map((i) => {
      // Drop everything that stands for consent or a customer relationship (the CASL/UEMA/Spam Act
      // relationship and publication facts of issue 13 included).
      const {
        consents: _c,
        softOptIn: _s,
        purchaseAt: _p,
        inquiryAt: _q,
        stage: _st,
        contractActive: _ca,
        contractEndedAt: _ce,
        conspicuouslyPublished: _cp,
        businessCardAt: _bc,
        ...rest
      } = i;
      return rest;
    });
    fc.assert(
      fc.property(unknownArb, fc.boolean(), (input, dropCountry) => {
        const unknown: AssessInput = dropCountry
          ? { ...input, country: undefined }
          : { ...input, subscriber: 'unknown', emailKind: 'unknown' };
        const v = assess(unknown);
        // The US opt-out model is the one rule that allows email without consent, and only once the country
        // is known.
        if (v.reasons.some((r) => r.code === 'can-spam-opt-out-model')) return;
        expect(v.channels.email).not.toBe('allowed');
        expect(v.channels.sms).not.toBe('allowed');
      }),
      RUNS,
    );
  });
});

// Which law a citation belongs to, to check that a country's deadlines cite only its own law.
const FOREIGN_LAW: Readonly<Record<string, RegExp>> = {
  GB: /CASL|CAN-SPAM|C\.F\.R\.|CRTC|Spam Act|UWG|Décret|(?<!UK )GDPR/,
  US: /GDPR|PECR|CASL|CRTC|Spam Act|UWG|Décret/,
  CA: /GDPR|PECR|CAN-SPAM|C\.F\.R\.|Spam Act|UWG|Décret/,
  DE: /UK GDPR|PECR|CASL|CAN-SPAM|C\.F\.R\.|CRTC|Spam Act/,
  FR: /UK GDPR|PECR|CASL|CAN-SPAM|C\.F\.R\.|CRTC|Spam Act/,
  AU: /GDPR|PECR|CASL|CAN-SPAM|C\.F\.R\.|CRTC|Décret/,
};

describe('issue 13 properties, across every covered country', () => {
  const scopedArb = fc.record({
    reason: fc.constantFrom('objection', 'erasure', 'complaint' as const),
    since: dateArb,
    channels: fc.uniqueArray(fc.constantFrom(...ChannelSchema.options), { maxLength: 5 }),
  });

  it('finding 1: an objection, erasure or complaint with any channel scope blocks all five channels', () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom(...COVERED, 'JP'), scopedArb, (input, country, s) => {
        const v = assess({ ...input, country, suppressions: [...(input.suppressions ?? []), s] });
        for (const c of CHANNELS) expect(v.channels[c], `${country} ${c}`).toBe('blocked');
        expect(v.level).toBe('blocked');
      }),
      RUNS,
    );
  });

  it('more suppression never yields a less restrictive verdict, in any channel or overall', () => {
    const LEVEL = { ok: 0, caution: 1, high: 2, blocked: 3 } as const;
    fc.assert(
      fc.property(inputArb, fc.array(suppressionArb, { minLength: 1, maxLength: 3 }), (input, more) => {
        const before = assess(input);
        const after = assess({ ...input, suppressions: [...(input.suppressions ?? []), ...more] });
        noLessBlocked(before, after);
        expect(LEVEL[after.level]).toBeGreaterThanOrEqual(LEVEL[before.level]);
      }),
      RUNS,
    );
  });

  it("finding 6: a country's deadlines only cite that country's law", () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom('GB', 'US', 'CA', 'DE', 'FR', 'AU'), (input, country) => {
        const v = assess({ ...input, country });
        const foreign = FOREIGN_LAW[country] as RegExp;
        for (const d of v.deadlines) expect(d.citation, `${country} ${d.code}`).not.toMatch(foreign);
        const codes = v.deadlines.map((d) => d.code);
        if (country !== 'CA') expect(codes.filter((c) => c.startsWith('casl'))).toEqual([]);
        if (country !== 'GB') expect(codes.filter((c) => c.startsWith('tps'))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('a US or Canadian reason never cites the GDPR', () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom('US', 'CA', 'PR', 'GU', 'VI', 'AS', 'MP'), (input, country) => {
        const v = assess({ ...input, country });
        for (const r of v.reasons) expect(r.citation, r.code).not.toMatch(/GDPR/);
        for (const d of v.deadlines) expect(d.citation, d.code).not.toMatch(/GDPR/);
      }),
      RUNS,
    );
  });

  it('a UK reason cites the UK GDPR, never the EU GDPR', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const v = assess({ ...input, country: 'GB' });
        for (const r of v.reasons) expect(r.citation, r.code).not.toMatch(/(?<!UK )GDPR/);
      }),
      RUNS,
    );
  });

  it('finding 7: restricted contact details never leave a channel allowed', () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom('connections-only', 'download-blocked' as const), (input, v) => {
        const verdict = assess({ ...input, contactVisibility: v });
        for (const c of CHANNELS) expect(verdict.channels[c]).not.toBe('allowed');
      }),
      RUNS,
    );
  });

  it('every check can be lifted: a channel at check has a reason saying what to record, naming a field', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const v = assess(input);
        for (const c of CHANNELS) {
          if (v.channels[c] !== 'check') continue;
          const liftable = v.reasons.some((r) => {
            if (r.level !== 'caution' || !r.channels.includes(c)) return false;
            const info = REASON_CODES[r.code as keyof typeof REASON_CODES] as { lifts?: readonly string[] };
            return (info.lifts ?? []).length > 0;
          });
          expect(liftable, `${input.country} ${c}: ${v.reasons.map((r) => r.code).join(', ')}`).toBe(true);
        }
      }),
      RUNS,
    );
  });
});
