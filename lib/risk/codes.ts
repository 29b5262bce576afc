// Every reason code the engine can emit. Codes are stable: the UI, saved verdicts and outside checks key on
// them. `short` feeds the one-line summary; `record` says what to record to lift a check (only codes that can
// put a channel to 'check' or warn have one); `rows` points at the rules table in docs/rules.md.

interface CodeInfo {
  readonly short: string;
  readonly record?: string;
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
    rows: [2],
  },
  'consent-not-yet-given': {
    short: 'consent dated in the future',
    record: 'the correct date the consent was given',
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
    record: 'whether the number is on TPS/CTPS (screen it), and since when',
    rows: [7],
  },
  'pecr-tps-clear': { short: 'number not on TPS/CTPS', rows: [7] },

  'soft-opt-in-unrecorded': {
    short: 'existing customer, soft opt-in conditions not recorded',
    record:
      'whether you market your own similar products and offered an opt-out when you collected the details',
    rows: [5, 9, 11],
  },
  'subscriber-unknown': {
    short: 'subscriber type not known',
    record: 'the subscriber type (individual, sole trader, partnership, LLP, company, public body)',
    rows: [4, 6, 10, 11, 12],
  },
  'email-kind-unknown': {
    short: 'not known whether the email is a work address',
    record: 'whether the email is a work address on the employer’s domain or a personal one',
    rows: [4, 6, 12],
  },

  'post-legitimate-interest': { short: 'post under legitimate interest', rows: [8] },
  'lia-missing': {
    short: 'no legitimate-interest assessment recorded',
    record: 'the date of a three-part legitimate-interest assessment (purpose, necessity, balancing)',
    rows: [6, 8, 16],
  },
  'source-unknown': {
    short: 'not known where the data came from',
    record: 'where the data came from (the person, or a third party such as LinkedIn or a vendor file)',
    rows: [15],
  },
  'art14-notice-due': {
    short: 'Art. 14 privacy notice not yet given',
    record: 'the date you gave the Art. 14 privacy notice',
    rows: [15],
  },
  'art14-notice-overdue': {
    short: 'Art. 14 privacy notice overdue',
    record: 'the date you gave the Art. 14 privacy notice',
    rows: [15],
  },
  'art14-collected-unknown': {
    short: 'collection date not recorded',
    record: 'when the data was collected, and the date you gave the Art. 14 privacy notice',
    rows: [15],
  },
  'art14-notice-given': { short: 'Art. 14 notice given', rows: [15] },
  'client-contract': { short: 'servicing a client rests on the contract', rows: [17] },
  'inmail-as-electronic-mail': { short: 'InMail treated as electronic mail', rows: [18] },
  'retention-expired': {
    short: 'kept past its retention date',
    record: 'a new retention date with the reason for keeping the record, or delete it',
    rows: [19],
  },
  'restricted-contact-details': { short: 'contact details were not public', rows: [20] },

  'uwg-email-no-consent': { short: 'no prior express consent (Germany)', rows: [9, 18] },
  'uwg-existing-customer': { short: 'German existing-customer exception', rows: [9] },
  'uwg-phone-consumer': { short: 'no prior express consent to calls from a German consumer', rows: [10] },
  'uwg-phone-business': {
    short: 'German business call needs presumed consent',
    record: 'consent to calls, or the concrete facts that let you presume the business wants the call',
    rows: [10],
  },

  'eprivacy-individual-no-consent': { short: 'no consent for an EU individual', rows: [11, 18] },
  'eprivacy-soft-opt-in': { short: 'EU existing-customer exception', rows: [11] },
  'eprivacy-legal-person': {
    short: 'member-state rules for business email',
    record: 'your privacy officer’s sign-off on this member state’s rules for business email',
    rows: [12],
  },
  'eprivacy-calls-national': {
    short: 'member-state rules for marketing calls',
    record: 'consent to calls, or a check against this country’s rules and do-not-call register',
    rows: [10],
  },

  'can-spam-opt-out-model': { short: 'US opt-out model (CAN-SPAM)', rows: [13] },
  'us-calls-texts-not-covered': {
    short: 'US call and text rules not encoded',
    record: 'consent to calls/texts, or a check against the National Do Not Call Registry',
    rows: [13],
  },
  'post-not-regulated': { short: 'post not restricted here', rows: [13, 14] },

  'casl-implied-purchase': { short: 'CASL implied consent from a purchase', rows: [14] },
  'casl-implied-inquiry': { short: 'CASL implied consent from an inquiry', rows: [14] },
  'casl-no-consent': { short: 'no express or implied consent (CASL)', rows: [14] },
  'casl-purchase-date-unknown': {
    short: 'purchase date not recorded (CASL)',
    record: 'the date of the last purchase or contract',
    rows: [14],
  },
  'casl-calls-not-covered': {
    short: 'Canadian call rules not encoded',
    record: 'consent to calls, or a check against the National Do Not Call List',
    rows: [14],
  },

  'country-unknown': {
    short: 'country not known',
    record: 'the person’s country',
    rows: [4, 9, 11, 13, 14],
  },
  'country-not-covered': {
    short: 'no rules encoded for this country',
    record: 'consent for the channel, or your privacy officer’s sign-off on local law',
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
  'tps-grace': 'Calls allowed despite TPS/CTPS until',
  'can-spam-opt-out': 'Honour the US opt-out everywhere by',
  retention: 'Retention period ends',
} as const;

export type DeadlineCode = keyof typeof DEADLINE_CODES;
