import { CHANNELS, type Channel } from '../../vocab';
import { addMonths, addYears, formatDay } from '../dates';
import type { Facts } from '../facts';
import { type Finding, finding } from '../findings';
import type { Deadline } from '../schema';

// US CAN-SPAM (row 13) and Canada's CASL (row 14). Calls and texts in both are governed by other laws Heed does
// not encode (TCPA, the Do Not Call lists), so they stay at 'check'.

export function usFindings(channel: Channel): Finding[] {
  switch (channel) {
    case 'email':
    case 'inmail':
      return [
        finding(
          'allowed',
          'can-spam-opt-out-model',
          'US email follows an opt-out model: you may email until they opt out. Every message needs a working unsubscribe, your postal address and honest headers; honour opt-outs within 10 business days and never sell or transfer them.',
          'CAN-SPAM 15 U.S.C. §7704(a)(3)–(5)',
        ),
      ];
    case 'sms':
    case 'phone':
      return [
        finding(
          'check',
          'us-calls-texts-not-covered',
          'Heed does not encode US call and text rules: marketing texts and autodialled or prerecorded calls need prior express written consent, and numbers must be screened against the National Do Not Call Registry.',
          'TCPA 47 U.S.C. §227; 47 C.F.R. §64.1200',
        ),
      ];
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

/** The last day implied consent from a purchase (2 years) or an inquiry (6 months) holds, if it still does. */
function impliedUntil(f: Facts): { purchase?: number; inquiry?: number } {
  const purchase = f.purchaseDay === undefined ? undefined : addYears(f.purchaseDay, 2);
  const inquiry = f.inquiryDay === undefined ? undefined : addMonths(f.inquiryDay, 6);
  return {
    purchase: purchase !== undefined && f.today <= purchase ? purchase : undefined,
    inquiry: inquiry !== undefined && f.today <= inquiry ? inquiry : undefined,
  };
}

function expiredNote(f: Facts): string {
  const notes: string[] = [];
  if (f.purchaseDay !== undefined) {
    notes.push(`implied consent from the purchase ended after ${formatDay(addYears(f.purchaseDay, 2))}`);
  }
  if (f.inquiryDay !== undefined) {
    notes.push(`implied consent from the inquiry ended after ${formatDay(addMonths(f.inquiryDay, 6))}`);
  }
  return notes.length > 0 ? ` (${notes.join('; ')})` : '';
}

function casl(f: Facts): Finding[] {
  const until = impliedUntil(f);
  const out: Finding[] = [];
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
  if (out.length > 0) return out;
  if (f.customer && f.purchaseDay === undefined && f.input.purchaseAt === undefined) {
    return [
      finding(
        'check',
        'casl-purchase-date-unknown',
        'They are a client but no purchase date is recorded: implied consent lasts 2 years from a purchase or contract. Record the date, or get express consent.',
        'CASL s. 10(10)(a)',
      ),
    ];
  }
  return [
    finding(
      'blocked',
      'casl-no-consent',
      `No express or implied consent${expiredNote(f)}. CASL needs express consent, a purchase in the last 2 years or an inquiry in the last 6 months. (An address they published conspicuously, without a "no unsolicited email" note, implies consent for messages about their role; Heed cannot see that, so record express consent.)`,
      'CASL s. 6(1), s. 10(9)–(10)',
    ),
  ];
}

export function canadaFindings(f: Facts, channel: Channel): Finding[] {
  switch (channel) {
    case 'email':
    case 'sms':
    case 'inmail':
      return casl(f);
    case 'phone':
      return [
        finding(
          'check',
          'casl-calls-not-covered',
          'CASL does not cover voice calls, and Heed does not encode Canada’s telemarketing rules: screen the number against the National Do Not Call List, or get consent to calls.',
          'CRTC Unsolicited Telecommunications Rules',
        ),
      ];
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
  if (!CASL_CHANNELS.some((c) => f.consent[c].kind !== 'given')) return [];
  const until = impliedUntil(f);
  const out: Deadline[] = [];
  if (until.purchase !== undefined) {
    out.push({
      code: 'casl-implied-purchase',
      due: formatDay(until.purchase),
      citation: 'CASL s. 10(10)(a)',
    });
  }
  if (until.inquiry !== undefined) {
    out.push({ code: 'casl-implied-inquiry', due: formatDay(until.inquiry), citation: 'CASL s. 10(10)(e)' });
  }
  return out;
}
