import { CHANNELS, type Channel, type SuppressionReason } from '../../vocab';
import type { ReasonCode } from '../codes';
import { addBusinessDays, dayOf, formatDay } from '../dates';
import type { Facts } from '../facts';
import { type Finding, finding } from '../findings';
import type { Jurisdiction } from '../jurisdiction';
import type { Deadline, Suppression } from '../schema';

// Rules that hold in every jurisdiction: suppressions (row 1), consent (rows 2–3), and the GDPR duties that
// sit beside the channel rules (rows 15–17, 19–20).

const SUPPRESSION_TEXT: Readonly<Record<SuppressionReason, string>> = {
  objection: 'They objected to direct marketing',
  unsubscribe: 'They unsubscribed',
  erasure: 'They asked for their data to be erased',
  complaint: 'They complained about our messages, which counts as an objection',
  'do-not-call': 'They asked not to be called',
  bounce: 'Their address bounced and is on your suppression list',
  other: 'They are on your suppression list',
};

function suppressionCitation(reason: SuppressionReason, j: Jurisdiction): string {
  switch (reason) {
    case 'erasure':
      return 'GDPR Art. 17';
    case 'bounce':
      return 'Internal suppression list; GDPR Art. 5(1)(d)';
    case 'other':
      return 'Internal suppression list';
    case 'do-not-call':
      return j === 'GB' ? 'PECR reg. 21(1)(a); GDPR Art. 21(3)' : 'GDPR Art. 21(3)';
    default: {
      const base = 'GDPR Art. 21(2)–(3)';
      if (j === 'US') return `${base}; CAN-SPAM 15 U.S.C. §7704(a)(4)`;
      if (j === 'CA') return `${base}; CASL s. 11(3)`;
      return base;
    }
  }
}

export function suppressedChannels(s: Suppression): readonly Channel[] {
  return s.channels === undefined || s.channels.length === 0 ? CHANNELS : s.channels;
}

export function suppressionFinding(s: Suppression, j: Jurisdiction): Finding {
  const keep =
    s.reason === 'erasure'
      ? 'Erase their data but keep the minimal suppression entry so they are never collected again.'
      : 'Keep the suppression entry: it is exempt from retention limits.';
  return finding(
    'blocked',
    `suppressed-${s.reason}` as ReasonCode,
    `${SUPPRESSION_TEXT[s.reason]} (${s.since.slice(0, 10)}): never contact them again on these channels. ${keep}`,
    suppressionCitation(s.reason, j),
  );
}

function consentCitation(f: Facts): string {
  switch (f.jurisdiction) {
    case 'GB':
      return 'UK GDPR Art. 7(1); PECR reg. 21(4), 22(2)';
    case 'DE':
      return 'GDPR Art. 7(1); UWG §7(2) Nr. 1–2';
    case 'EU':
      return 'GDPR Art. 7(1); ePrivacy Directive Art. 13(1)';
    case 'CA':
      return 'CASL s. 6(1)(a), s. 10(1)';
    default:
      return 'GDPR Art. 7(1)';
  }
}

/** Consent findings for one channel; the jurisdiction's rules run only when there is no live consent. */
export function consentFindings(f: Facts, channel: Channel): Finding[] {
  const state = f.consent[channel];
  if (state.kind === 'given') {
    return [
      finding(
        'allowed',
        'consent-recorded',
        'They gave consent for this channel, with a record of when and how. Honour a withdrawal at once.',
        consentCitation(f),
      ),
    ];
  }
  if (state.kind === 'withdrawn') {
    return [
      finding(
        'blocked',
        'consent-withdrawn',
        `They withdrew their consent on ${state.withdrawnAt.slice(0, 10)}: do not use this channel for marketing from that day.`,
        'GDPR Art. 7(3)',
      ),
    ];
  }
  const out: Finding[] = [];
  if (state.unrecorded.length > 0) {
    out.push(
      finding(
        'warn',
        'consent-unrecorded',
        'Consent is claimed but there is no record of how it was given, so it counts as no consent.',
        'GDPR Art. 7(1); ICO direct marketing guidance',
      ),
    );
  }
  if (state.future.length > 0) {
    out.push(
      finding(
        'warn',
        'consent-not-yet-given',
        'A consent is dated after today, so it does not count yet. Check the date.',
        'GDPR Art. 7(1)',
      ),
    );
  }
  if (f.anyConsent && channel !== 'post') {
    out.push(
      finding(
        'info',
        'consent-per-channel',
        'They consented on another channel only: consent is per channel (email consent does not cover SMS or calls).',
        'GDPR Art. 7(1); ICO direct marketing guidance',
      ),
    );
  }
  return out;
}

const LIA_CITATION = 'GDPR Art. 6(1)(f), Recital 47; ICO legitimate interests guidance';

function liaMissing(effect: 'check' | 'warn'): Finding {
  return finding(
    effect,
    'lia-missing',
    'No legitimate-interest assessment is recorded. Record a three-part assessment (purpose, necessity, balancing against what the person would reasonably expect) before relying on legitimate interest.',
    LIA_CITATION,
  );
}

/** The Art. 14 notice duty, as a check on a channel or a warning on the record. */
function noticeFindings(f: Facts, effect: 'check' | 'warn'): Finding[] {
  const n = f.notice;
  switch (n.kind) {
    case 'not-needed':
      return [];
    case 'given':
      return effect === 'warn'
        ? [
            finding(
              'info',
              'art14-notice-given',
              `They were given the Art. 14 privacy notice on ${n.at.slice(0, 10)}.`,
              'GDPR Art. 14',
            ),
          ]
        : [];
    case 'source-unknown':
      return [
        finding(
          effect,
          'source-unknown',
          'Where the data came from is not recorded. If it did not come from the person (LinkedIn, a vendor file, a conference list), they must get a privacy notice within one month, including their right to object.',
          'GDPR Art. 13, Art. 14(3)',
        ),
      ];
    case 'collected-unknown':
      return [
        finding(
          effect,
          'art14-collected-unknown',
          'The data came from a third party and no privacy notice is recorded. Give the Art. 14 notice, stating the right to object, within one month of collection or in your first message, whichever is earlier. Record when you collected the data.',
          'GDPR Art. 14(3), Art. 21(4)',
        ),
      ];
    case 'due':
      return [
        finding(
          effect,
          'art14-notice-due',
          `The data came from a third party: give the Art. 14 privacy notice, stating the right to object, by ${formatDay(n.due)} or in your first message, whichever is earlier.`,
          'GDPR Art. 14(3), Art. 21(4)',
        ),
      ];
    case 'overdue':
      return [
        finding(
          effect,
          'art14-notice-overdue',
          `The Art. 14 privacy notice was due by ${formatDay(n.due)} (one month after collection) and none is recorded. Send it now, before any marketing.`,
          'GDPR Art. 14(3)(a), Art. 21(4)',
        ),
      ];
  }
}

/**
 * What a channel resting on legitimate interest needs before it is plainly allowed: a recorded assessment
 * and, for data not from the person, the Art. 14 notice. The opt-out in every message is a standing duty
 * that cannot be recorded ahead, so it is stated in the channel's own reason instead.
 */
export function legitimateInterestChecks(f: Facts): Finding[] {
  return [...(f.liaRecorded ? [] : [liaMissing('check')]), ...noticeFindings(f, 'check')];
}

function isSuspectOrProspect(f: Facts): boolean {
  const stage = f.input.stage;
  return stage === undefined || stage === 'unknown' || stage === 'suspect' || stage === 'prospect';
}

/** Warnings and notes about the record as a whole, not one channel. */
/** Post is outside PECR and ePrivacy (row 8): legitimate interest, with its checks. */
export function postUnderLegitimateInterest(f: Facts): Finding[] {
  return [
    finding(
      'allowed',
      'post-legitimate-interest',
      'Post is not covered by PECR or the ePrivacy rules: it can rest on legitimate interest, with the assessment recorded, the privacy notice given and any objection honoured.',
      'GDPR Art. 6(1)(f), Recital 47',
    ),
    ...legitimateInterestChecks(f),
  ];
}

/** A channel allowed for now, with a warning that raises the verdict to caution. */
export function allowedWithWarning(code: ReasonCode, message: string, citation: string): Finding[] {
  return [finding('allowed', code, message, citation), finding('warn', code, message, citation)];
}

export function recordFindings(f: Facts): Finding[] {
  const out: Finding[] = [];
  if (f.gdpr) {
    out.push(...noticeFindings(f, 'warn'));
    if (!f.liaRecorded && !f.anyConsent && isSuspectOrProspect(f)) out.push(liaMissing('warn'));
    if (f.input.stage === 'client') {
      out.push(
        finding(
          'info',
          'client-contract',
          'Servicing a client rests on the contract. Marketing to them still follows the channel rules (consent or the existing-customer exception).',
          'GDPR Art. 6(1)(b)',
        ),
      );
    }
  }
  const until = f.input.retentionUntil;
  if (until !== undefined && f.today > dayOf(until)) {
    out.push(
      finding(
        'warn',
        'retention-expired',
        `This record was to be kept until ${until.slice(0, 10)}. Delete it, or record why it is still needed; do not renew retention silently. Suppression entries are exempt and keep only the minimum.`,
        'GDPR Art. 5(1)(c), 5(1)(e)',
      ),
    );
  }
  const v = f.input.contactVisibility;
  if (v === 'connections-only' || v === 'download-blocked') {
    out.push(
      finding(
        'warn',
        'restricted-contact-details',
        v === 'download-blocked'
          ? 'The member blocked connections from downloading their email: collecting or exporting it has no lawful basis.'
          : 'These contact details were visible only to 1st/2nd-degree connections: collecting or exporting them has no lawful basis.',
        'CNIL decision on KASPR (2024); LinkedIn email-download setting',
      ),
    );
  }
  return out;
}

export function recordDeadlines(f: Facts): Deadline[] {
  const out: Deadline[] = [];
  const n = f.notice;
  if (f.gdpr && (n.kind === 'due' || n.kind === 'overdue')) {
    out.push({ code: 'art14-notice', due: formatDay(n.due), citation: 'GDPR Art. 14(3)(a)' });
  }
  const until = f.input.retentionUntil;
  if (until !== undefined && f.today <= dayOf(until)) {
    out.push({ code: 'retention', due: until.slice(0, 10), citation: 'GDPR Art. 5(1)(e)' });
  }
  if (f.jurisdiction === 'US') {
    // CAN-SPAM gives 10 business days to act on an opt-out; Heed blocks at once, other systems may not.
    for (const s of f.input.suppressions ?? []) {
      const optOut = s.reason === 'unsubscribe' || s.reason === 'objection' || s.reason === 'complaint';
      const due = addBusinessDays(dayOf(s.since), 10);
      if (optOut && suppressedChannels(s).includes('email') && f.today <= due) {
        out.push({
          code: 'can-spam-opt-out',
          due: formatDay(due),
          citation: 'CAN-SPAM 15 U.S.C. §7704(a)(4)',
        });
      }
    }
  }
  return out;
}
