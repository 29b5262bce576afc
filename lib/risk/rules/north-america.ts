import { CHANNELS, type Channel } from '../../vocab';
import { addMonths, addYears, formatDay } from '../dates';
import { dayIfPast, type Facts } from '../facts';
import { type Finding, finding } from '../findings';
import type { Deadline } from '../schema';
import { allowedWithWarning } from './common';
import { type Register, registerCall, registerDeadline } from './registers';

// US: CAN-SPAM for email (row 13), the TCPA and FCC rules for texts and calls (rows 31–34), state calling laws,
// and the CCPA/CPRA for California residents. Canada: CASL for electronic messages (row 14) and the CRTC
// Unsolicited Telecommunications Rules for calls (row 35).

const BUSINESS = new Set(['corporate', 'llp', 'public-body']);

function isBusiness(f: Facts): boolean {
  return BUSINESS.has(f.input.subscriber ?? '');
}

const US_DNC: Register = {
  name: 'National Do Not Call Registry',
  freshDays: 31,
  citation: '47 C.F.R. §64.1200(c)(2), (c)(2)(i)(D)',
  legitimateInterest: false,
  override: 'a signed written agreement to be called at this number',
};

/**
 * The TCPA's established business relationship (§64.1200(f)(5)): a purchase or transaction in the last 18 months,
 * or an inquiry in the last 3 months, takes a call outside the National DNC Registry rule.
 */
function usEbrUntil(f: Facts): number | undefined {
  const ends: number[] = [];
  if (f.input.contractActive === true) return Number.POSITIVE_INFINITY;
  if (f.purchaseDay !== undefined) ends.push(addMonths(f.purchaseDay, 18));
  const ended = dayIfPast(f.input.contractEndedAt, f.today);
  if (ended !== undefined) ends.push(addMonths(ended, 18));
  if (f.inquiryDay !== undefined) ends.push(addMonths(f.inquiryDay, 3));
  const last = Math.max(...ends, Number.NEGATIVE_INFINITY);
  return f.today <= last ? last : undefined;
}

function writtenConsentCheck(f: Facts, channel: 'sms' | 'phone'): Finding {
  const florida = f.input.region === 'FL' ? '; Fla. Stat. §501.059(8)(a)' : '';
  const what =
    channel === 'sms'
      ? 'Marketing texts need their prior express written consent: a signed agreement (an e-signature counts) that names the number they gave you.'
      : 'Autodialled or prerecorded marketing calls need their prior express written consent: a signed agreement that names their number. A live call dialled by hand needs none, but Heed cannot tell how you dial.';
  return finding(
    'check',
    'tcpa-written-consent',
    `${what} Record the signed written consent to clear this.`,
    `47 C.F.R. §64.1200(a)(2), (f)(9)${florida}`,
  );
}

function usTextOrCall(f: Facts, channel: 'sms' | 'phone'): Finding[] {
  const out: Finding[] = [writtenConsentCheck(f, channel)];
  if (isBusiness(f)) {
    out.push(
      finding(
        'info',
        'us-dnc-business',
        'A business line is outside the National Do Not Call Registry, which protects residential subscribers. Honour any request to stop calling.',
        '47 C.F.R. §64.1200(c)(2)',
      ),
    );
    return out;
  }
  const ebr = usEbrUntil(f);
  if (ebr !== undefined) {
    const until = Number.isFinite(ebr) ? ` until ${formatDay(ebr)}` : ' while the contract runs';
    out.push(
      finding(
        'info',
        'us-dnc-ebr',
        `An established business relationship lets you call despite the National Do Not Call Registry${until}, unless they ask you to stop.`,
        '47 C.F.R. §64.1200(f)(5), (f)(15)(ii)',
      ),
    );
    return out;
  }
  if (f.input.dnc === true) {
    // Only a signed written agreement overrides the registry (§64.1200(c)(2)(ii)); this runs without one.
    out.push(
      finding(
        'blocked',
        'dnc-listed',
        'The number is on the National Do Not Call Registry: no marketing calls or texts without a signed written agreement to be called at this number.',
        '47 C.F.R. §64.1200(c)(2), (c)(2)(ii)',
      ),
    );
    return out;
  }
  return [...out, ...registerCall(f, US_DNC)];
}

export function usFindings(f: Facts, channel: Channel): Finding[] {
  switch (channel) {
    case 'email':
    case 'inmail':
      return [
        finding(
          'allowed',
          'can-spam-opt-out-model',
          'US email follows an opt-out model: you may email until they opt out. Every message needs honest headers and subject line, a working unsubscribe, your postal address and a clear ad notice; honour opt-outs within 10 business days and never sell or transfer them.',
          'CAN-SPAM 15 U.S.C. §7704(a)(3)–(5); §7704(a)(1)–(2) (headers and subject lines)',
        ),
      ];
    case 'sms':
    case 'phone':
      return usTextOrCall(f, channel);
    case 'post':
      return [
        finding(
          'allowed',
          'post-not-regulated',
          'CAN-SPAM covers electronic mail only; post needs no consent. Honour any request to stop.',
          'CAN-SPAM 15 U.S.C. §7702(6)',
        ),
      ];
  }
}

/** California residents: the CCPA/CPRA covers business contacts too since the B2B exemption ended (1 Jan 2023). */
export function usRecordFindings(f: Facts): Finding[] {
  if (f.jurisdiction !== 'US' || f.input.region !== 'CA') return [];
  return [
    finding(
      'info',
      'ccpa-california-resident',
      'A California resident (business contacts included): give a notice at collection, honour a request to opt out of sale or sharing of their data, and act on a deletion request (record it as erasure on your suppression list).',
      'Cal. Civ. Code §1798.100, §1798.105, §1798.120, §1798.135 (CCPA/CPRA)',
    ),
  ];
}

export function usDeadlines(f: Facts): Deadline[] {
  if (isBusiness(f) || usEbrUntil(f) !== undefined) return [];
  if (f.consent.phone.kind === 'given' && f.consent.sms.kind === 'given') return [];
  return registerDeadline(f, US_DNC);
}

// --- Canada ---

interface Implied {
  readonly purchase?: number;
  readonly inquiry?: number;
  /** Infinity while the contract runs. */
  readonly contract?: number;
}

/** The last day each kind of implied consent holds, if it still does. */
function impliedUntil(f: Facts): Implied {
  const purchase = f.purchaseDay === undefined ? undefined : addYears(f.purchaseDay, 2);
  const inquiry = f.inquiryDay === undefined ? undefined : addMonths(f.inquiryDay, 6);
  const ended = dayIfPast(f.input.contractEndedAt, f.today);
  const contract =
    f.input.contractActive === true
      ? Number.POSITIVE_INFINITY
      : ended === undefined
        ? undefined
        : addYears(ended, 2);
  const live = (d: number | undefined) => (d !== undefined && f.today <= d ? d : undefined);
  return { purchase: live(purchase), inquiry: live(inquiry), contract: live(contract) };
}

function expiredNote(f: Facts): string {
  const notes: string[] = [];
  if (f.purchaseDay !== undefined) {
    notes.push(`implied consent from the purchase ended after ${formatDay(addYears(f.purchaseDay, 2))}`);
  }
  if (f.inquiryDay !== undefined) {
    notes.push(`implied consent from the inquiry ended after ${formatDay(addMonths(f.inquiryDay, 6))}`);
  }
  const ended = dayIfPast(f.input.contractEndedAt, f.today);
  if (ended !== undefined && f.input.contractActive !== true) {
    notes.push(`implied consent from the contract ended after ${formatDay(addYears(ended, 2))}`);
  }
  return notes.length > 0 ? ` (${notes.join('; ')})` : '';
}

function casl(f: Facts, channel: Channel): Finding[] {
  const until = impliedUntil(f);
  const out: Finding[] = [];
  if (until.contract !== undefined) {
    out.push(
      finding(
        'allowed',
        'casl-implied-contract',
        Number.isFinite(until.contract)
          ? `Implied consent from the contract that ended lasts 2 years after its end: until ${formatDay(until.contract)}. Ask for express consent before then.`
          : 'An active contract or subscription is an existing business relationship for as long as it runs and 2 years after it ends. Record the end date when it ends.',
        'CASL s. 10(9)(a), 10(10)(d), 10(11)',
      ),
    );
  }
  if (until.purchase !== undefined) {
    out.push(
      finding(
        'allowed',
        'casl-implied-purchase',
        `Implied consent from a purchase lasts 2 years: until ${formatDay(until.purchase)}. Ask for express consent before then.`,
        'CASL s. 10(9)(a), 10(10)(a)',
      ),
    );
  }
  if (until.inquiry !== undefined) {
    out.push(
      finding(
        'allowed',
        'casl-implied-inquiry',
        `Implied consent from their inquiry lasts 6 months: until ${formatDay(until.inquiry)}. Ask for express consent before then.`,
        'CASL s. 10(9)(a), 10(10)(e)',
      ),
    );
  }
  // The two exemptions below concern the email address they published or handed over.
  if (channel === 'email' && f.input.conspicuouslyPublished === true) {
    out.push(
      finding(
        'allowed',
        'casl-conspicuous-publication',
        'They published this address conspicuously without saying they do not want unsolicited messages: implied consent, but only for messages relevant to their business role.',
        'CASL s. 10(9)(b)',
      ),
    );
  }
  const card = dayIfPast(f.input.businessCardAt, f.today);
  if (channel === 'email' && card !== undefined) {
    out.push(
      finding(
        'allowed',
        'casl-business-card',
        `They gave you this address (business card, ${formatDay(card)}) without saying they do not want unsolicited messages: implied consent, but only for messages relevant to their business role.`,
        'CASL s. 10(9)(c)',
      ),
    );
  }
  if (out.length > 0) return out;
  if (
    f.customer &&
    f.purchaseDay === undefined &&
    f.input.purchaseAt === undefined &&
    f.input.contractEndedAt === undefined
  ) {
    return [
      finding(
        'check',
        'casl-purchase-date-unknown',
        'They are a client but no purchase date, active contract or contract end date is recorded: implied consent lasts 2 years from a purchase, or for an ongoing contract while it runs and 2 years after it ends. Record it, or get express consent.',
        'CASL s. 10(10)(a), 10(10)(d), 10(11)',
      ),
    ];
  }
  return [
    finding(
      'blocked',
      'casl-no-consent',
      `No express or implied consent${expiredNote(f)}. CASL needs express consent, a purchase in the last 2 years, an active contract (or one ended in the last 2 years), an inquiry in the last 6 months, or, for messages about their role, an address they published conspicuously or gave you on a business card. Record whichever applies.`,
      'CASL s. 6(1), s. 10(9)–(11)',
    ),
  ];
}

const DNCL: Register = {
  name: 'National Do Not Call List',
  freshDays: 31,
  citation: 'CRTC Unsolicited Telecommunications Rules, Part II (National DNCL Rules)',
  legitimateInterest: false,
};

/** Telecommunications Act s. 41.7(1)(e)-style EBR for calls: a purchase in 18 months or an inquiry in 6 months. */
function caCallEbrUntil(f: Facts): number | undefined {
  if (f.input.contractActive === true) return Number.POSITIVE_INFINITY;
  const ends: number[] = [];
  if (f.purchaseDay !== undefined) ends.push(addMonths(f.purchaseDay, 18));
  const ended = dayIfPast(f.input.contractEndedAt, f.today);
  if (ended !== undefined) ends.push(addMonths(ended, 18));
  if (f.inquiryDay !== undefined) ends.push(addMonths(f.inquiryDay, 6));
  const last = Math.max(...ends, Number.NEGATIVE_INFINITY);
  return f.today <= last ? last : undefined;
}

function canadaCall(f: Facts): Finding[] {
  if (isBusiness(f)) {
    return allowedWithWarning(
      'crtc-business-call',
      'Calls to a business are exempt from the National Do Not Call List; the Telemarketing Rules still apply (identify yourself, keep your own do-not-call list, calling hours).',
      'CRTC Unsolicited Telecommunications Rules, Part II (business exemption) and Part III',
    );
  }
  const ebr = caCallEbrUntil(f);
  if (ebr !== undefined) {
    const until = Number.isFinite(ebr) ? ` until ${formatDay(ebr)}` : ' while the contract runs';
    return allowedWithWarning(
      'crtc-ebr',
      `An existing business relationship exempts calls from the National Do Not Call List${until}; add them to your own do-not-call list if they ask.`,
      'Telecommunications Act s. 41.7(1); CRTC Unsolicited Telecommunications Rules',
    );
  }
  return registerCall(f, DNCL);
}

export function canadaFindings(f: Facts, channel: Channel): Finding[] {
  switch (channel) {
    case 'email':
    case 'sms':
    case 'inmail':
      return casl(f, channel);
    case 'phone':
      return canadaCall(f);
    case 'post':
      return [
        finding(
          'allowed',
          'post-not-regulated',
          'CASL covers electronic messages only; post needs no consent. Honour any request to stop.',
          'CASL s. 1(1), s. 6(1)',
        ),
      ];
  }
}

const CASL_CHANNELS: readonly Channel[] = CHANNELS.filter(
  (c) => c === 'email' || c === 'sms' || c === 'inmail',
);

export function canadaDeadlines(f: Facts): Deadline[] {
  const out: Deadline[] = [];
  if (CASL_CHANNELS.some((c) => f.consent[c].kind !== 'given')) {
    const until = impliedUntil(f);
    if (until.purchase !== undefined) {
      out.push({
        code: 'casl-implied-purchase',
        due: formatDay(until.purchase),
        citation: 'CASL s. 10(10)(a)',
      });
    }
    if (until.inquiry !== undefined) {
      out.push({
        code: 'casl-implied-inquiry',
        due: formatDay(until.inquiry),
        citation: 'CASL s. 10(10)(e)',
      });
    }
    if (until.contract !== undefined && Number.isFinite(until.contract)) {
      out.push({
        code: 'casl-implied-contract',
        due: formatDay(until.contract),
        citation: 'CASL s. 10(10)(d), 10(11)',
      });
    }
  }
  if (f.consent.phone.kind !== 'given' && !isBusiness(f) && caCallEbrUntil(f) === undefined) {
    out.push(...registerDeadline(f, DNCL));
  }
  return out;
}
