import type { Channel } from '../../vocab';
import { dayOf, formatDay } from '../dates';
import type { Facts } from '../facts';
import { type Finding, finding, whicheverHolds } from '../findings';
import type { Deadline } from '../schema';
import { allowedWithWarning, legitimateInterestChecks, postUnderLegitimateInterest } from './common';
import { recordWhat, subscriberFor, unknownCode, unknownWhy } from './subscriber';

// UK GDPR + PECR: rows 4–8 and 18 of the rules table.

const TPS_GRACE_DAYS = 28;
/** A TPS/CTPS screen covers the day it was run and the 27 days after (a number listed that day is protected 28 days later). */
const TPS_SCREEN_DAYS = 28;

// Data (Use and Access) Act 2025: PECR penalties at UK GDPR level (up to £17.5m or 4% of turnover) for conduct
// from 5 February 2026.
const DUAA_PENALTIES_FROM = dayOf('2026-02-05');
const DUAA_CITATION = 'Data (Use and Access) Act 2025 (PECR penalties at UK GDPR level from 5 Feb 2026)';

function pecrBlock(f: Facts, message: string, citation: string): Finding {
  const fines = f.today >= DUAA_PENALTIES_FROM;
  return finding(
    'blocked',
    citation.startsWith('PECR reg. 21') ? 'pecr-tps' : 'pecr-individual-no-consent',
    fines
      ? `${message} Fines for breaking PECR now reach UK GDPR levels (up to £17.5m or 4% of turnover).`
      : message,
    fines ? `${citation}; ${DUAA_CITATION}` : citation,
  );
}

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
  const charity = f.input.charity === true;
  switch (f.softOptIn) {
    case 'met':
      return [
        charity
          ? finding(
              'allowed',
              'pecr-soft-opt-in',
              'Charity soft opt-in: they expressed an interest in or supported your charitable purposes, you market only to further those purposes, and they were offered an opt-out then. Include an opt-out in every message.',
              'PECR reg. 22(3A) (Data (Use and Access) Act 2025)',
            )
          : finding(
              'allowed',
              'pecr-soft-opt-in',
              'Soft opt-in: you got their details in a sale or in negotiations for a sale, offered an opt-out then, and market your own similar products. Include an opt-out in every message.',
              'PECR reg. 22(3)',
            ),
      ];
    case 'unrecorded':
      return [
        finding(
          'check',
          'soft-opt-in-unrecorded',
          charity
            ? 'They supported or asked about your charity, so the charity soft opt-in may apply: only to further your charitable purposes, and only if they were offered an opt-out when you collected their details. Record both.'
            : 'They are an existing customer (or in negotiations for a sale), so the soft opt-in may apply: only for your own similar products, and only if they were offered an opt-out when you collected their details. Record both.',
          charity ? 'PECR reg. 22(3A)' : 'PECR reg. 22(3)',
        ),
      ];
    case 'unmet':
      return [
        {
          ...pecrBlock(
            f,
            `The soft opt-in does not apply (${unmetConditions(f)}), and a UK individual subscriber needs prior consent for electronic marketing.`,
            charity ? 'PECR reg. 22(2), 22(3A)' : 'PECR reg. 22(2)–(3)',
          ),
          code: 'pecr-soft-opt-in-unmet',
        },
      ];
    case 'not-customer':
      return [
        pecrBlock(
          f,
          'No recorded consent from a UK individual subscriber (a private person, sole trader, partnership that is not an LLP, or anyone on a personal email address or their own phone): marketing by email, SMS or direct message needs their prior consent.',
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
      'A company, LLP or public body (on a work address or company-issued phone) is a corporate subscriber: PECR reg. 22 does not apply. Every message must still say who you are and give a valid address to opt out, and you need a UK GDPR lawful basis (legitimate interest) and the privacy notice.',
      'ICO B2B marketing guidance; PECR reg. 22(2), 23; UK GDPR Art. 6(1)(f), Art. 14, Art. 21',
    ),
    ...legitimateInterestChecks(f),
  ];
}

function electronic(f: Facts, channel: Channel): Finding[] {
  const view = subscriberFor(f, channel, 'individual');
  if (view.who === 'individual') return individual(f);
  if (view.who === 'corporate') return corporate(f);
  const unknown = finding(
    'check',
    unknownCode(view.missing),
    `${unknownWhy(view.missing)} A private person, sole trader or partnership (not an LLP), or anyone on a personal address or their own phone or account, needs prior consent or the soft opt-in; a company, LLP or public body on a work address or company-issued phone needs a recorded legitimate-interest assessment. (A Scottish partnership counts as corporate.) ${recordWhat(view.missing)}`,
    'PECR reg. 2(1), 22(2)–(3); ICO B2B marketing guidance',
  );
  return whicheverHolds([individual(f), corporate(f)], unknown);
}

function tpsGraceEnd(f: Facts): number | undefined {
  const listed = f.input.tpsListedAt;
  if (f.input.tps !== true || listed === undefined) return undefined;
  const lastFreeDay = dayOf(listed) + TPS_GRACE_DAYS - 1;
  return f.today <= lastFreeDay ? lastFreeDay : undefined;
}

/** The last day the latest TPS/CTPS screen still covers, if one is recorded and not in the future. */
function screenCoversUntil(f: Facts): number | undefined {
  const at = f.input.tpsScreenedAt;
  if (at === undefined || dayOf(at) > f.today) return undefined;
  return dayOf(at) + TPS_SCREEN_DAYS - 1;
}

function phone(f: Facts): Finding[] {
  if (f.input.tps === undefined) {
    return [
      finding(
        'check',
        'pecr-tps-unknown',
        'Screen the number against the TPS/CTPS registers and record the result and the date: a listed number may be called for marketing only with consent to calls.',
        'PECR reg. 21(1)(b)',
      ),
      ...legitimateInterestChecks(f),
    ];
  }
  if (f.input.tps === false) {
    const covered = screenCoversUntil(f);
    if (covered === undefined || f.today > covered) {
      const when =
        f.input.tpsScreenedAt === undefined
          ? 'No screening date is recorded'
          : `The last TPS/CTPS screen (${f.input.tpsScreenedAt.slice(0, 10)}) is more than 28 days old`;
      return [
        finding(
          'check',
          'pecr-tps-stale',
          `${when}: a number can join TPS/CTPS at any time and is protected 28 days later. Screen it again and record the date before calling.`,
          'PECR reg. 21(1)(b), 21(3); ICO guidance on screening against TPS/CTPS',
        ),
        ...legitimateInterestChecks(f),
      ];
    }
    return [
      finding(
        'allowed',
        'pecr-tps-clear',
        `The number was not on TPS/CTPS when screened: live marketing calls are allowed unless they object, until ${formatDay(covered)}; screen again after that.`,
        'PECR reg. 21(1)(b), 21(3)',
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
    pecrBlock(
      f,
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
  if (f.consent.phone.kind === 'given') return [];
  const out: Deadline[] = [];
  const graceEnd = tpsGraceEnd(f);
  if (graceEnd !== undefined)
    out.push({ code: 'tps-grace', due: formatDay(graceEnd), citation: 'PECR reg. 21(3)' });
  const covered = screenCoversUntil(f);
  if (f.input.tps === false && covered !== undefined) {
    // The next screen is due when the last one stops covering calls; if that has passed, today.
    out.push({
      code: 'tps-rescreen',
      due: formatDay(Math.max(covered, f.today)),
      citation: 'PECR reg. 21(1)(b), 21(3)',
    });
  }
  return out;
}
