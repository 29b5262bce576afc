import { CHANNELS, type Channel, reasonAllowsChannelScope, type SuppressionReason } from '../../vocab';
import type { ReasonCode } from '../codes';
import { addBusinessDays, dayOf, formatDay } from '../dates';
import { employerDiffers } from '../employer';
import type { Facts } from '../facts';
import { type Finding, finding } from '../findings';
import { gdprName, type Jurisdiction } from '../jurisdiction';
import { consentCitation, sharedLaw, withdrawalCitation } from '../law';
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

type SuppressionLaw = Readonly<Record<'optOut' | 'erasure' | 'doNotCall' | 'bounce', string>>;

// What an opt-out, an erasure request, a company do-not-call request and a bounce rest on, per jurisdiction.
// US and Canadian reasons cite their own law, never the GDPR.
const SUPPRESSION_LAW: Readonly<Record<Jurisdiction, SuppressionLaw>> = {
  GB: {
    optOut: 'UK GDPR Art. 21(2)–(3); PECR reg. 22(3)(c), 23',
    erasure: 'UK GDPR Art. 17',
    doNotCall: 'PECR reg. 21(1)(a); UK GDPR Art. 21(3)',
    bounce: 'Internal suppression list; UK GDPR Art. 5(1)(d)',
  },
  DE: {
    optOut: 'GDPR Art. 21(2)–(3); UWG §7(2) Nr. 2, §7(3) Nr. 3',
    erasure: 'GDPR Art. 17',
    doNotCall: 'GDPR Art. 21(3); UWG §7(2) Nr. 1',
    bounce: 'Internal suppression list; GDPR Art. 5(1)(d)',
  },
  EU: {
    optOut: 'GDPR Art. 21(2)–(3); ePrivacy Directive 2002/58/EC Art. 13(2)',
    erasure: 'GDPR Art. 17',
    doNotCall: 'GDPR Art. 21(3); ePrivacy Directive 2002/58/EC Art. 13(3)',
    bounce: 'Internal suppression list; GDPR Art. 5(1)(d)',
  },
  unknown: {
    optOut: 'GDPR Art. 21(2)–(3)',
    erasure: 'GDPR Art. 17',
    doNotCall: 'GDPR Art. 21(3)',
    bounce: 'Internal suppression list; GDPR Art. 5(1)(d)',
  },
  US: {
    optOut: 'CAN-SPAM 15 U.S.C. §7704(a)(4); 47 C.F.R. §64.1200(a)(10), (d)(3)',
    erasure: 'Cal. Civ. Code §1798.105 (CCPA right to delete) and other state privacy laws',
    doNotCall: '47 C.F.R. §64.1200(d)(3) (company do-not-call list, honoured within 10 business days)',
    bounce: 'Internal suppression list',
  },
  CA: {
    optOut: 'CASL s. 11(3); PIPEDA Sch. 1, Principle 4.3.8',
    erasure: 'PIPEDA Sch. 1, Principles 4.3.8, 4.5.3',
    doNotCall: 'CRTC Unsolicited Telecommunications Rules (internal do not call list)',
    bounce: 'Internal suppression list',
  },
  AU: {
    optOut: 'Spam Act 2003 (Cth) s. 18; Privacy Act 1988 (Cth) APP 7.6–7.7',
    erasure: 'Privacy Act 1988 (Cth) APP 11.2',
    doNotCall: 'Privacy Act 1988 (Cth) APP 7.6–7.7',
    bounce: 'Internal suppression list',
  },
  NZ: {
    optOut: 'Unsolicited Electronic Messages Act 2007 s. 11',
    erasure: 'Privacy Act 2020 IPP 9',
    doNotCall: 'Privacy Act 2020 (internal do-not-call request)',
    bounce: 'Internal suppression list',
  },
  CH: {
    optOut: 'UWG/LCD Art. 3(1)(o); FADP Art. 30(2)(b)',
    erasure: 'FADP Art. 30(2)(b), Art. 32(2)(c)',
    doNotCall: 'UWG/LCD Art. 3(1)(u); FADP Art. 30(2)(b)',
    bounce: 'Internal suppression list',
  },
  other: {
    optOut: 'Internal suppression list (honour the request; local law not encoded)',
    erasure: 'Internal suppression list (erasure request; local law not encoded)',
    doNotCall: 'Internal suppression list (do-not-call request; local law not encoded)',
    bounce: 'Internal suppression list',
  },
};

function suppressionCitation(reason: SuppressionReason, j: Jurisdiction): string {
  const law = SUPPRESSION_LAW[j];
  switch (reason) {
    case 'erasure':
      return law.erasure;
    case 'bounce':
      return law.bounce;
    case 'other':
      return 'Internal suppression list';
    case 'do-not-call':
      return law.doNotCall;
    default:
      return law.optOut;
  }
}

/**
 * The channels a suppression blocks. An objection, a complaint (treated as one) or an erasure request stops all
 * direct marketing whatever channels the entry names (GDPR Art. 21(2)–(3), Art. 17); only an unsubscribe, a
 * do-not-call request, a bounce or another internal reason may be narrowed to channels.
 */
export function suppressedChannels(s: Suppression): readonly Channel[] {
  if (!reasonAllowsChannelScope(s.reason)) return CHANNELS;
  return s.channels === undefined || s.channels.length === 0 ? CHANNELS : s.channels;
}

export function suppressionFinding(s: Suppression, j: Jurisdiction): Finding {
  const keep =
    s.reason === 'erasure'
      ? 'Erase their data but keep the minimal suppression entry so they are never collected again.'
      : 'Keep the suppression entry: it is exempt from retention limits.';
  const where = reasonAllowsChannelScope(s.reason) ? 'on these channels' : 'on any channel';
  return finding(
    'blocked',
    `suppressed-${s.reason}` as ReasonCode,
    `${SUPPRESSION_TEXT[s.reason]} (${s.since.slice(0, 10)}): never contact them again ${where}. ${keep}`,
    suppressionCitation(s.reason, j),
  );
}

/** A US text or call needs a signed written agreement (TCPA prior express written consent). */
export function writtenConsentNeeded(f: Facts, channel: Channel): boolean {
  return f.jurisdiction === 'US' && (channel === 'sms' || channel === 'phone');
}

/** Consent findings for one channel; the jurisdiction's rules run only when there is no live consent. */
export function consentFindings(f: Facts, channel: Channel): Finding[] {
  const state = f.consent[channel];
  const law = sharedLaw(f.jurisdiction);
  if (state.kind === 'given') {
    if (writtenConsentNeeded(f, channel) && state.record.written !== true) {
      return [
        finding(
          'info',
          'consent-recorded',
          'They gave consent for this channel, but it is not recorded as a signed written agreement naming their number.',
          consentCitation(f.jurisdiction, channel),
        ),
      ];
    }
    return [
      finding(
        'allowed',
        'consent-recorded',
        'They gave consent for this channel, with a record of when and how. Honour a withdrawal at once.',
        consentCitation(f.jurisdiction, channel),
      ),
    ];
  }
  if (state.kind === 'withdrawn') {
    return [
      finding(
        'blocked',
        'consent-withdrawn',
        `They withdrew their consent on ${state.withdrawnAt.slice(0, 10)}: do not use this channel for marketing from that day.`,
        withdrawalCitation(f.jurisdiction, channel),
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
        law.proof,
      ),
    );
  }
  if (state.future.length > 0) {
    out.push(
      finding(
        'warn',
        'consent-not-yet-given',
        'A consent is dated after today, so it does not count yet. Check the date.',
        law.proof,
      ),
    );
  }
  if (f.anyConsent && channel !== 'post') {
    out.push(
      finding(
        'info',
        'consent-per-channel',
        'They consented on another channel only: consent is per channel (email consent does not cover SMS or calls).',
        law.consent,
      ),
    );
  }
  return out;
}

/**
 * Contact details that were not lawfully collectable (visible to connections only, or the member blocked
 * email download: the CNIL's KASPR decision): no channel may be allowed on them.
 */
export function restrictedDetailsFindings(f: Facts): Finding[] {
  const v = f.input.contactVisibility;
  if (v !== 'connections-only' && v !== 'download-blocked') return [];
  return [
    finding(
      'check',
      'restricted-contact-details',
      v === 'download-blocked'
        ? 'The member blocked connections from downloading their email: collecting or exporting it has no lawful basis, so do not use it. Get their details from them or a public source first.'
        : 'These contact details were visible only to 1st/2nd-degree connections: collecting or exporting them has no lawful basis, so do not use them. Get their details from them or a public source first.',
      'CNIL decision on KASPR (2024); LinkedIn email-download setting',
    ),
  ];
}

/**
 * The page shows a current employer other than the one recorded (row 39): a customer relationship, a soft opt-in
 * or an inquiry was with the old employer, and a work address or a domain match may now reach someone else or no
 * one. Data kept for a purpose that has lapsed must not be reused (storage limitation, the CNIL's KASPR
 * decision); Spain's AEPD reads the LSSI customer exception as tied to the relationship that gave the address.
 */
export function employerFindings(f: Facts): Finding[] {
  const { employer, pageEmployer } = f.input;
  if (!employerDiffers(employer, pageEmployer)) return [];
  return [
    finding(
      'warn',
      'employer-changed',
      `Your record says they work at ${employer}, but the page shows ${pageEmployer}. A customer relationship, soft opt-in or inquiry with the old employer, and a match on its email domain, may no longer hold: check before relying on them, then update the employer.`,
      `${sharedLaw(f.jurisdiction).retention}; CNIL decision on KASPR (2024); LSSI (Ley 34/2002) art. 21(2), AEPD practice`,
    ),
  ];
}

function liaCitation(f: Facts): string {
  return f.jurisdiction === 'GB'
    ? 'UK GDPR Art. 6(1)(f), Art. 6(11)(a) (Data (Use and Access) Act 2025); ICO legitimate interests guidance'
    : 'GDPR Art. 6(1)(f), Recital 47; EDPB Guidelines 1/2024 on legitimate interests';
}

function liaMissing(f: Facts, effect: 'check' | 'warn'): Finding {
  const uk =
    f.jurisdiction === 'GB'
      ? ' Since the Data (Use and Access) Act 2025, direct marketing is named as an example of a legitimate interest, but the balancing test is still needed.'
      : '';
  return finding(
    effect,
    'lia-missing',
    `No legitimate-interest assessment is recorded. Record a three-part assessment (purpose, necessity, balancing against what the person would reasonably expect) before relying on legitimate interest.${uk}`,
    liaCitation(f),
  );
}

/** The Art. 14 notice duty, as a check on a channel or a warning on the record. */
function noticeFindings(f: Facts, effect: 'check' | 'warn'): Finding[] {
  const n = f.notice;
  const g = gdprName(f.jurisdiction);
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
              `${g} Art. 14`,
            ),
          ]
        : [];
    case 'source-unknown':
      return [
        finding(
          effect,
          'source-unknown',
          'Where the data came from is not recorded. If it did not come from the person (LinkedIn, a vendor file, a conference list), they must get a privacy notice within one month, including their right to object.',
          `${g} Art. 13, Art. 14(3)`,
        ),
      ];
    case 'collected-unknown':
      return [
        finding(
          effect,
          'art14-collected-unknown',
          'The data came from a third party and no privacy notice is recorded. Give the Art. 14 notice, stating the right to object, within one month of collection or in your first message, whichever is earlier. Record when you collected the data.',
          `${g} Art. 14(3), Art. 21(4)`,
        ),
      ];
    case 'due':
      return [
        finding(
          effect,
          'art14-notice-due',
          `The data came from a third party: give the Art. 14 privacy notice, stating the right to object, by ${formatDay(n.due)} or in your first message, whichever is earlier.`,
          `${g} Art. 14(3), Art. 21(4)`,
        ),
      ];
    case 'overdue':
      return [
        finding(
          effect,
          'art14-notice-overdue',
          `The Art. 14 privacy notice was due by ${formatDay(n.due)} (one month after collection) and none is recorded. Send it now, before any marketing.`,
          `${g} Art. 14(3)(a), Art. 21(4)`,
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
  return [...(f.liaRecorded ? [] : [liaMissing(f, 'check')]), ...noticeFindings(f, 'check')];
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
      `${gdprName(f.jurisdiction)} Art. 6(1)(f), Recital 47`,
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
    if (!f.liaRecorded && !f.anyConsent && isSuspectOrProspect(f)) out.push(liaMissing(f, 'warn'));
    if (f.input.stage === 'client') {
      out.push(
        finding(
          'info',
          'client-contract',
          'Servicing a client rests on the contract. Marketing to them still follows the channel rules (consent or the existing-customer exception).',
          `${gdprName(f.jurisdiction)} Art. 6(1)(b)`,
        ),
      );
    }
  }
  out.push(...employerFindings(f));
  const until = f.input.retentionUntil;
  if (until !== undefined && f.today > dayOf(until)) {
    out.push(
      finding(
        'warn',
        'retention-expired',
        `This record was to be kept until ${until.slice(0, 10)}. Delete it, or record why it is still needed; do not renew retention silently. Suppression entries are exempt and keep only the minimum.`,
        sharedLaw(f.jurisdiction).retention,
      ),
    );
  }
  return out;
}

export function recordDeadlines(f: Facts): Deadline[] {
  const out: Deadline[] = [];
  const n = f.notice;
  if (f.gdpr && (n.kind === 'due' || n.kind === 'overdue')) {
    out.push({
      code: 'art14-notice',
      due: formatDay(n.due),
      citation: `${gdprName(f.jurisdiction)} Art. 14(3)(a)`,
    });
  }
  const until = f.input.retentionUntil;
  if (until !== undefined && f.today <= dayOf(until)) {
    out.push({ code: 'retention', due: until.slice(0, 10), citation: sharedLaw(f.jurisdiction).retention });
  }
  // Opt-outs have a statutory time to take effect; Heed blocks at once, other systems may not.
  for (const s of f.input.suppressions ?? []) {
    const optOut = s.reason === 'unsubscribe' || s.reason === 'objection' || s.reason === 'complaint';
    const channels = suppressedChannels(s);
    const due = addBusinessDays(dayOf(s.since), 10);
    if (f.today > due) continue;
    if (f.jurisdiction === 'US' && optOut && channels.includes('email')) {
      out.push({ code: 'can-spam-opt-out', due: formatDay(due), citation: 'CAN-SPAM 15 U.S.C. §7704(a)(4)' });
    }
    if (f.jurisdiction === 'US' && (optOut || s.reason === 'do-not-call') && channels.includes('phone')) {
      out.push({
        code: 'tcpa-do-not-call',
        due: formatDay(due),
        citation: '47 C.F.R. §64.1200(a)(10), (d)(3)',
      });
    }
    if (f.jurisdiction === 'CA' && optOut && channels.includes('email')) {
      out.push({ code: 'casl-unsubscribe', due: formatDay(due), citation: 'CASL s. 11(3)' });
    }
  }
  return out;
}
