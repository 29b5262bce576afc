import { CHANNELS, type Channel } from '../vocab';
import { addMonths, compareMoments, dayOf } from './dates';
import {
  gdprMayApply,
  type Jurisdiction,
  jurisdictionOf,
  legalCountryOf,
  type MemberStateWithRow,
  memberStateRowOf,
} from './jurisdiction';
import type { AssessInput, Consent } from './schema';

export type ConsentState =
  | { kind: 'given'; record: Consent }
  | { kind: 'withdrawn'; withdrawnAt: string }
  | { kind: 'none'; unrecorded: Consent[]; future: Consent[] };

export type SoftOptInState = 'met' | 'unmet' | 'unrecorded' | 'not-customer';

export type NoticeState =
  | { kind: 'not-needed' }
  | { kind: 'given'; at: string }
  | { kind: 'due'; due: number }
  | { kind: 'overdue'; due: number }
  | { kind: 'collected-unknown' }
  | { kind: 'source-unknown' };

/** What the rules read, worked out once from the input. */
export interface Facts {
  readonly input: AssessInput;
  readonly today: number;
  readonly jurisdiction: Jurisdiction;
  /** The country whose law applies (a territory mapped to its state: PR → US, RE → FR, AX → FI). */
  readonly country: string | undefined;
  /** The EU member state when Heed has its own row for it. */
  readonly memberState: MemberStateWithRow | undefined;
  readonly gdpr: boolean;
  readonly consent: Readonly<Record<Channel, ConsentState>>;
  readonly anyConsent: boolean;
  readonly customer: boolean;
  /** A purchase or inquiry dated in the future is not one yet. */
  readonly purchaseDay: number | undefined;
  readonly inquiryDay: number | undefined;
  readonly softOptIn: SoftOptInState;
  readonly liaRecorded: boolean;
  readonly notice: NoticeState;
}

function onOrBefore(iso: string, now: string): boolean {
  return compareMoments(iso, now) <= 0;
}

function hasEvidence(c: Consent): boolean {
  return (c.evidence ?? '').trim() !== '';
}

/**
 * Consent for one channel. A withdrawal counts from its calendar day; consent given again strictly after the
 * latest withdrawal (and recorded with evidence) counts again. Ties go to the withdrawal.
 */
export function consentFor(channel: Channel, consents: readonly Consent[], now: string): ConsentState {
  const mine = consents.filter((c) => c.channel === channel);
  const today = dayOf(now);
  const withdrawals = mine
    .map((c) => c.withdrawnAt)
    .filter((w): w is string => w !== undefined && dayOf(w) <= today);
  const latestWithdrawal = withdrawals.reduce<string | undefined>(
    (latest, w) => (latest === undefined || compareMoments(w, latest) > 0 ? w : latest),
    undefined,
  );
  const live = mine.filter(
    (c) =>
      hasEvidence(c) &&
      onOrBefore(c.givenAt, now) &&
      !(c.withdrawnAt !== undefined && dayOf(c.withdrawnAt) <= today) &&
      (latestWithdrawal === undefined || compareMoments(c.givenAt, latestWithdrawal) > 0),
  );
  // A signed written agreement is the strongest record: prefer it so a US text or call sees it.
  const first = live.find((c) => c.written === true) ?? live[0];
  if (first) return { kind: 'given', record: first };
  if (latestWithdrawal !== undefined) return { kind: 'withdrawn', withdrawnAt: latestWithdrawal };
  return {
    kind: 'none',
    unrecorded: mine.filter((c) => !hasEvidence(c)),
    future: mine.filter((c) => hasEvidence(c) && !onOrBefore(c.givenAt, now)),
  };
}

function noticeState(input: AssessInput, today: number): NoticeState {
  if (input.source === 'subject') return { kind: 'not-needed' };
  if (input.informedAt !== undefined && onOrBefore(input.informedAt, input.now)) {
    return { kind: 'given', at: input.informedAt };
  }
  if (input.source !== 'third-party') return { kind: 'source-unknown' };
  if (input.collectedAt === undefined) return { kind: 'collected-unknown' };
  // Art. 14(3)(a): within a reasonable period, one month at the latest.
  const due = addMonths(dayOf(input.collectedAt), 1);
  return today > due ? { kind: 'overdue', due } : { kind: 'due', due };
}

/** Whether an optional date is on or before today. */
export function dayIfPast(iso: string | undefined, today: number): number | undefined {
  return iso !== undefined && dayOf(iso) <= today ? dayOf(iso) : undefined;
}

function softOptInState(input: AssessInput, customer: boolean): SoftOptInState {
  if (!customer) return 'not-customer';
  if (input.softOptIn === undefined) return 'unrecorded';
  // The details must come from the person in the course of the sale, not from a list.
  if (input.source === 'third-party') return 'unmet';
  return input.softOptIn.similarProducts && input.softOptIn.optOutOffered ? 'met' : 'unmet';
}

export function factsOf(input: AssessInput): Facts {
  const today = dayOf(input.now);
  const jurisdiction = jurisdictionOf(input.country);
  const country = legalCountryOf(input.country);
  const consents = input.consents ?? [];
  const consent = Object.fromEntries(CHANNELS.map((c) => [c, consentFor(c, consents, input.now)])) as Record<
    Channel,
    ConsentState
  >;
  const purchaseDay =
    input.purchaseAt !== undefined && dayOf(input.purchaseAt) <= today ? dayOf(input.purchaseAt) : undefined;
  const inquiryDay =
    input.inquiryAt !== undefined && dayOf(input.inquiryAt) <= today ? dayOf(input.inquiryAt) : undefined;
  // A sale (a purchase, a contract, the client stages). The UK soft opt-in also counts negotiations for a sale
  // (PECR reg. 22(3)(a)), and a charity's supporters and enquirers (reg. 22(3A)); the EU and German exceptions
  // need an actual sale (ePrivacy Art. 13(2) "in the context of the sale"; UWG §7(3) Nr. 1).
  const sale =
    purchaseDay !== undefined ||
    input.stage === 'client' ||
    input.stage === 'former-client' ||
    input.contractActive === true ||
    dayIfPast(input.contractEndedAt, today) !== undefined;
  const customer = jurisdiction === 'GB' ? sale || inquiryDay !== undefined : sale;
  const lia = input.legitimateInterestAssessmentAt;
  return {
    input,
    today,
    jurisdiction,
    country,
    memberState: memberStateRowOf(input.country),
    gdpr: gdprMayApply(jurisdiction),
    consent,
    anyConsent: CHANNELS.some((c) => consent[c].kind === 'given'),
    customer,
    purchaseDay,
    inquiryDay,
    softOptIn: softOptInState(input, customer),
    liaRecorded: lia !== undefined && onOrBefore(lia, input.now),
    notice: noticeState(input, today),
  };
}
