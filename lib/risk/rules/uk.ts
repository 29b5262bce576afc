import type { Channel } from '../../vocab';
import { dayOf, formatDay } from '../dates';
import type { Facts } from '../facts';
import { type Finding, finding, whicheverHolds } from '../findings';
import type { Deadline } from '../schema';
import { allowedWithWarning, legitimateInterestChecks, postUnderLegitimateInterest } from './common';
import { recordWhat, subscriberFor } from './subscriber';

// UK GDPR + PECR: rows 4–8 and 18 of the rules table.

const TPS_GRACE_DAYS = 28;

function unmetConditions(f: Facts): string {
  const why: string[] = [];
  if (f.input.source === 'third-party') why.push('their details came from a third party, not from the sale');
  if (f.input.softOptIn?.similarProducts === false)
    why.push('the marketing is not about your own similar products');
  if (f.input.softOptIn?.optOutOffered === false)
    why.push('no opt-out was offered when their details were collected');
  return why.join('; ');
}

function individual(f: Facts): Finding[] {
  switch (f.softOptIn) {
    case 'met':
      return [
        finding(
          'allowed',
          'pecr-soft-opt-in',
          'Soft opt-in: an existing customer whose details you got in a sale or negotiation, offered an opt-out then, and marketed your own similar products. Include an opt-out in every message.',
          'PECR reg. 22(3)',
        ),
      ];
    case 'unrecorded':
      return [
        finding(
          'check',
          'soft-opt-in-unrecorded',
          'They are an existing customer, so the soft opt-in may apply: only for your own similar products, and only if they were offered an opt-out when you collected their details. Record both.',
          'PECR reg. 22(3)',
        ),
      ];
    case 'unmet':
      return [
        finding(
          'blocked',
          'pecr-soft-opt-in-unmet',
          `The soft opt-in does not apply (${unmetConditions(f)}), and a UK individual subscriber needs prior consent for electronic marketing.`,
          'PECR reg. 22(2)–(3)',
        ),
      ];
    case 'not-customer':
      return [
        finding(
          'blocked',
          'pecr-individual-no-consent',
          'No recorded consent from a UK individual subscriber (a private person, sole trader, partnership that is not an LLP, or anyone on a personal email address): marketing by email, SMS or direct message needs their prior consent.',
          'PECR reg. 22(2)',
        ),
      ];
  }
}

function corporate(f: Facts): Finding[] {
  return [
    finding(
      'allowed',
      'pecr-corporate',
      'A company, LLP or public body (on a work address, for email) is a corporate subscriber: PECR reg. 22 does not apply. You still need a UK GDPR lawful basis (legitimate interest), the privacy notice, and an opt-out in every message.',
      'ICO B2B marketing guidance; UK GDPR Art. 6(1)(f), Art. 14, Art. 21',
    ),
    ...legitimateInterestChecks(f),
  ];
}

function electronic(f: Facts, channel: Channel): Finding[] {
  const view = subscriberFor(f, channel, 'individual');
  if (view.who === 'individual') return individual(f);
  if (view.who === 'corporate') return corporate(f);
  const onlyKind = view.missing.length === 1 && view.missing[0] === 'emailKind';
  const unknown = finding(
    'check',
    onlyKind ? 'email-kind-unknown' : 'subscriber-unknown',
    `${onlyKind ? 'It is not recorded whether this is a work address.' : 'The subscriber type is not recorded.'} A private person, sole trader or partnership (not an LLP), or anyone on a personal address, needs prior consent or the soft opt-in; a company, LLP or public body on a work address needs a recorded legitimate-interest assessment. (A Scottish partnership counts as corporate.) ${recordWhat(view.missing)}`,
    'PECR reg. 22(2)–(3); ICO B2B marketing guidance',
  );
  return whicheverHolds([individual(f), corporate(f)], unknown);
}

function tpsGraceEnd(f: Facts): number | undefined {
  const listed = f.input.tpsListedAt;
  if (f.input.tps !== true || listed === undefined) return undefined;
  const lastFreeDay = dayOf(listed) + TPS_GRACE_DAYS - 1;
  return f.today <= lastFreeDay ? lastFreeDay : undefined;
}

function phone(f: Facts): Finding[] {
  if (f.input.tps === undefined) {
    return [
      finding(
        'check',
        'pecr-tps-unknown',
        'Screen the number against the TPS/CTPS registers and record the result: a listed number may be called for marketing only with consent to calls.',
        'PECR reg. 21(1)(b)',
      ),
      ...legitimateInterestChecks(f),
    ];
  }
  if (f.input.tps === false) {
    return [
      finding(
        'allowed',
        'pecr-tps-clear',
        'The number is not on TPS/CTPS: live marketing calls are allowed unless they object. Screen again before each campaign (at least every 28 days).',
        'PECR reg. 21',
      ),
      ...legitimateInterestChecks(f),
    ];
  }
  const graceEnd = tpsGraceEnd(f);
  if (graceEnd !== undefined) {
    return [
      ...allowedWithWarning(
        'pecr-tps-grace',
        `The number joined TPS/CTPS less than 28 days ago: marketing calls are allowed only until ${formatDay(graceEnd)}, then only with consent to calls.`,
        'PECR reg. 21(3)',
      ),
      ...legitimateInterestChecks(f),
    ];
  }
  const assumed =
    f.input.tpsListedAt === undefined
      ? ' (No listing date is recorded, so Heed assumes the 28-day grace period has passed.)'
      : '';
  return [
    finding(
      'blocked',
      'pecr-tps',
      `The number is on the TPS/CTPS register and they have not consented to calls: no marketing calls.${assumed}`,
      'PECR reg. 21(1)(b), 21(3)–(4)',
    ),
  ];
}

export function ukFindings(f: Facts, channel: Channel): Finding[] {
  switch (channel) {
    case 'email':
    case 'sms':
    case 'inmail':
      return electronic(f, channel);
    case 'phone':
      return phone(f);
    case 'post':
      return postUnderLegitimateInterest(f);
  }
}

export function ukDeadlines(f: Facts): Deadline[] {
  const graceEnd = tpsGraceEnd(f);
  if (graceEnd === undefined || f.consent.phone.kind === 'given') return [];
  return [{ code: 'tps-grace', due: formatDay(graceEnd), citation: 'PECR reg. 21(3)' }];
}
