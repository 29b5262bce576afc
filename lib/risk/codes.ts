// Every reason code the engine can emit. Codes are stable: the UI, saved verdicts and outside checks key on
// them. `short` feeds the one-line summary; `record` says what to record to lift a check (only codes that can
// put a channel to 'check' or warn have one) and `lifts` names the input fields that record it, so no check is
// left that nothing can lift; `rows` points at the rules table in docs/rules.md.

interface CodeInfo {
  readonly short: string;
  readonly record?: string;
  /** AssessInput fields (`consents[].written` for a consent's field) that record what `record` asks for. */
  readonly lifts?: readonly string[];
  readonly rows: readonly number[];
}

export const REASON_CODES = {
  'suppressed-objection': { short: 'they objected to direct marketing', rows: [1] },
  'suppressed-unsubscribe': { short: 'they unsubscribed', rows: [1] },
  'suppressed-erasure': { short: 'they asked for erasure', rows: [1] },
  'suppressed-complaint': { short: 'they complained (treated as an objection)', rows: [1] },
  'suppressed-do-not-call': { short: 'they asked not to be called', rows: [1, 7] },
  'suppressed-bounce': { short: 'on your suppression list (bounced)', rows: [1] },
  'suppressed-other': { short: 'on your suppression list', rows: [1] },

  'consent-recorded': { short: 'recorded consent', rows: [2] },
  'consent-unrecorded': {
    short: 'consent claimed without evidence',
    record: 'how the consent was given (evidence), for this channel',
    lifts: ['consents[].evidence'],
    rows: [2],
  },
  'consent-not-yet-given': {
    short: 'consent dated in the future',
    record: 'the correct date the consent was given',
    lifts: ['consents[].givenAt'],
    rows: [2],
  },
  'consent-withdrawn': { short: 'consent withdrawn', rows: [3] },
  'consent-per-channel': { short: 'consent covers only the channel it was given for', rows: [2] },

  'pecr-individual-no-consent': { short: 'no consent for a UK individual', rows: [4, 18] },
  'pecr-soft-opt-in': { short: 'soft opt-in for an existing customer', rows: [5] },
  'pecr-soft-opt-in-unmet': { short: 'soft opt-in conditions not met', rows: [5] },
  'pecr-corporate': { short: 'UK corporate subscriber on a work address', rows: [6] },
  'pecr-tps': { short: 'number on TPS/CTPS and no consent to calls', rows: [7] },
  'pecr-tps-grace': { short: 'number joined TPS/CTPS less than 28 days ago', rows: [7] },
  'pecr-tps-unknown': {
    short: 'TPS/CTPS status not recorded',
    record: 'whether the number is on TPS/CTPS (screen it) and the date of the screen',
    lifts: ['tps', 'tpsScreenedAt', 'tpsListedAt'],
    rows: [7],
  },
  'pecr-tps-stale': {
    short: 'TPS/CTPS screen older than 28 days',
    record: 'the date of a fresh TPS/CTPS screen (within the last 28 days)',
    lifts: ['tpsScreenedAt'],
    rows: [7],
  },
  'pecr-tps-clear': { short: 'number not on TPS/CTPS when screened', rows: [7] },

  'soft-opt-in-unrecorded': {
    short: 'existing customer, soft opt-in conditions not recorded',
    record:
      'whether you market your own similar products and offered an opt-out when you collected the details',
    lifts: ['softOptIn'],
    rows: [5, 9, 11, 38],
  },
  'subscriber-unknown': {
    short: 'subscriber type not known',
    record: 'the subscriber type (individual, sole trader, partnership, LLP, company, public body)',
    lifts: ['subscriber'],
    rows: [4, 6, 10, 11, 12, 21, 22, 25, 26, 27, 28, 29, 30],
  },
  'email-kind-unknown': {
    short: 'not known whether the email is a work address',
    record: 'whether the email is a work address on the employer’s domain or a personal one',
    lifts: ['emailKind'],
    rows: [4, 6, 12],
  },
  'phone-kind-unknown': {
    short: 'not known whether the mobile is company-issued',
    record: 'whether the mobile is company-issued (paid by the employer) or their own',
    lifts: ['phoneKind'],
    rows: [6, 12],
  },
  'inmail-own-account': {
    short: 'a LinkedIn account is the member’s own',
    record: 'their consent to InMail (with evidence)',
    lifts: ['consents[].channel'],
    rows: [6, 12, 18],
  },

  'post-legitimate-interest': { short: 'post under legitimate interest', rows: [8] },
  'lia-missing': {
    short: 'no legitimate-interest assessment recorded',
    record: 'the date of a three-part legitimate-interest assessment (purpose, necessity, balancing)',
    lifts: ['legitimateInterestAssessmentAt'],
    rows: [6, 8, 16],
  },
  'source-unknown': {
    short: 'not known where the data came from',
    record: 'where the data came from (the person, or a third party such as LinkedIn or a vendor file)',
    lifts: ['source'],
    rows: [15],
  },
  'art14-notice-due': {
    short: 'Art. 14 privacy notice not yet given',
    record: 'the date you gave the Art. 14 privacy notice',
    lifts: ['informedAt'],
    rows: [15],
  },
  'art14-notice-overdue': {
    short: 'Art. 14 privacy notice overdue',
    record: 'the date you gave the Art. 14 privacy notice',
    lifts: ['informedAt'],
    rows: [15],
  },
  'art14-collected-unknown': {
    short: 'collection date not recorded',
    record: 'when the data was collected, and the date you gave the Art. 14 privacy notice',
    lifts: ['collectedAt', 'informedAt'],
    rows: [15],
  },
  'art14-notice-given': { short: 'Art. 14 notice given', rows: [15] },
  'client-contract': { short: 'servicing a client rests on the contract', rows: [17] },
  'inmail-as-electronic-mail': { short: 'InMail treated as electronic mail', rows: [18] },
  'retention-expired': {
    short: 'kept past its retention date',
    record: 'a new retention date with the reason for keeping the record, or delete it',
    lifts: ['retentionUntil'],
    rows: [19],
  },
  'restricted-contact-details': {
    short: 'contact details were not lawfully collectable',
    record: 'contact details obtained from the person or a public source, with their visibility as public',
    lifts: ['contactVisibility'],
    rows: [20],
  },
  'employer-changed': {
    short: 'the page shows a different employer than your record',
    record:
      'their current employer, once you have checked what still holds (relationship, soft opt-in, work email)',
    lifts: ['employer'],
    rows: [39],
  },

  'uwg-email-no-consent': { short: 'no prior express consent (Germany)', rows: [9, 18] },
  'uwg-existing-customer': { short: 'German existing-customer exception', rows: [9] },
  'uwg-phone-consumer': { short: 'no prior express consent to calls from a German consumer', rows: [10] },
  'uwg-phone-business': {
    short: 'German business call needs presumed consent',
    record: 'consent to calls, or the concrete facts that let you presume the business wants the call',
    lifts: ['presumedConsent', 'consents[].channel'],
    rows: [10],
  },
  'uwg-phone-presumed-consent': { short: 'presumed consent of a German business recorded', rows: [10] },

  'eprivacy-individual-no-consent': { short: 'no consent for an EU individual', rows: [11, 18] },
  'eprivacy-soft-opt-in': { short: 'EU existing-customer exception', rows: [11] },
  'eprivacy-legal-person': {
    short: 'member-state rules for business email',
    record: 'your privacy officer’s sign-off on this member state’s rules for business email',
    lifts: ['businessEmailSignOffAt'],
    rows: [12, 22, 28],
  },
  'eprivacy-legal-person-signed-off': {
    short: 'business email signed off by your privacy officer',
    rows: [12],
  },
  'eprivacy-business-opt-out': {
    short: 'business email allowed with an opt-out here',
    rows: [12, 21, 27, 29],
  },
  'eprivacy-business-no-consent': {
    short: 'business email needs consent in this country',
    rows: [12, 23, 24, 25, 26, 30],
  },
  'eprivacy-calls-national': {
    short: 'member-state rules for marketing calls',
    record: 'consent to calls (with evidence)',
    lifts: ['consents[].channel'],
    rows: [10],
  },
  'eprivacy-calls-consent': {
    short: 'marketing calls need consent in this country',
    rows: [22, 23, 24, 25, 30],
  },
  'eprivacy-calls-business': {
    short: 'business calls rest on legitimate interest here',
    rows: [21, 22, 28, 29, 30],
  },
  'fr-calls-consent': { short: 'French consumer calls need consent (from 11 Aug 2026)', rows: [21] },
  'fr-calls-contract': { short: 'call within a current contract (France)', rows: [21] },
  'nl-calls-customer': { short: 'Dutch existing-customer call', rows: [22] },
  'ie-calls-individual': {
    short: 'Irish private number: mobiles need consent',
    record: 'consent to calls (with evidence)',
    lifts: ['consents[].channel'],
    rows: [27],
  },
  'dnc-listed': {
    short: 'number on the national do-not-call register',
    rows: [21, 25, 26, 27, 28, 29, 32, 35, 36, 37, 38],
  },
  'dnc-clear': {
    short: 'number screened and not on the do-not-call register',
    rows: [21, 25, 26, 27, 28, 29, 32, 35, 36, 38],
  },
  'dnc-unscreened': {
    short: 'do-not-call register screen missing or stale',
    record: 'whether the number is on the national do-not-call register and the date of the screen',
    lifts: ['dnc', 'dncScreenedAt'],
    rows: [21, 25, 26, 27, 28, 29, 32, 35, 36, 38],
  },

  'can-spam-opt-out-model': { short: 'US opt-out model (CAN-SPAM)', rows: [13] },
  'tcpa-written-consent': {
    short: 'US texts and autodialled calls need prior express written consent',
    record: 'a signed written agreement that names their number (written consent)',
    lifts: ['consents[].written'],
    rows: [31],
  },
  'us-dnc-business': { short: 'business line outside the National Do Not Call Registry', rows: [32] },
  'us-dnc-ebr': { short: 'established business relationship (TCPA)', rows: [32] },
  'ccpa-california-resident': { short: 'California resident (CCPA/CPRA)', rows: [34] },
  'calling-hours': { short: 'outside permitted calling hours', rows: [33] },
  'post-not-regulated': { short: 'post not restricted here', rows: [13, 14, 36, 37, 38] },

  'casl-implied-purchase': { short: 'CASL implied consent from a purchase', rows: [14] },
  'casl-implied-inquiry': { short: 'CASL implied consent from an inquiry', rows: [14] },
  'casl-implied-contract': { short: 'CASL implied consent from a contract', rows: [14] },
  'casl-conspicuous-publication': { short: 'CASL conspicuous publication', rows: [14] },
  'casl-business-card': { short: 'CASL address given on a business card', rows: [14] },
  'casl-no-consent': { short: 'no express or implied consent (CASL)', rows: [14] },
  'casl-purchase-date-unknown': {
    short: 'purchase date not recorded (CASL)',
    record: 'the date of the last purchase, whether a contract is active, or when it ended',
    lifts: ['purchaseAt', 'contractActive', 'contractEndedAt'],
    rows: [14],
  },
  'crtc-business-call': { short: 'business call, exempt from the Canadian DNCL', rows: [35] },
  'crtc-ebr': { short: 'existing business relationship (Canadian calls)', rows: [35] },

  'au-spam-no-consent': { short: 'no consent (Australian Spam Act)', rows: [36] },
  'au-inferred-consent': { short: 'consent inferred from a business relationship (Australia)', rows: [36] },
  'au-conspicuous-publication': { short: 'conspicuously published address (Australia)', rows: [36] },
  'nz-uema-no-consent': { short: 'no consent (New Zealand UEMA)', rows: [37] },
  'nz-inferred-consent': { short: 'consent inferred from a business relationship (New Zealand)', rows: [37] },
  'nz-deemed-consent': { short: 'deemed consent from a published address (New Zealand)', rows: [37] },
  'nz-calls': { short: 'no statutory do-not-call register (New Zealand)', rows: [37] },
  'ch-uwg-no-consent': { short: 'no consent (Swiss UWG)', rows: [38] },
  'ch-customer-exception': { short: 'Swiss existing-customer exception', rows: [38] },

  'country-unknown': {
    short: 'country not known',
    record: 'the person’s country',
    lifts: ['country'],
    rows: [4, 9, 11, 13, 14],
  },
  'country-not-covered': {
    short: 'no rules encoded for this country',
    record: 'consent for the channel (with evidence)',
    lifts: ['consents[].channel'],
    rows: [],
  },
} as const satisfies Record<string, CodeInfo>;

export type ReasonCode = keyof typeof REASON_CODES;

export function codeInfo(code: string): CodeInfo | undefined {
  return Object.hasOwn(REASON_CODES, code) ? REASON_CODES[code as ReasonCode] : undefined;
}

export const DEADLINE_CODES = {
  'art14-notice': 'Art. 14 privacy notice due by',
  'casl-implied-purchase': 'CASL implied consent from the purchase holds until',
  'casl-implied-inquiry': 'CASL implied consent from the inquiry holds until',
  'casl-implied-contract': 'CASL implied consent from the ended contract holds until',
  'casl-unsubscribe': 'Honour the CASL unsubscribe everywhere by',
  'tps-grace': 'Calls allowed despite TPS/CTPS until',
  'tps-rescreen': 'Screen the number against TPS/CTPS again by',
  'dnc-rescreen': 'Screen the number against the do-not-call register again by',
  'can-spam-opt-out': 'Honour the US opt-out everywhere by',
  'tcpa-do-not-call': 'Honour the US do-not-call request everywhere by',
  'calling-hours': 'Next permitted calling time',
  retention: 'Retention period ends',
} as const;

export type DeadlineCode = keyof typeof DEADLINE_CODES;
