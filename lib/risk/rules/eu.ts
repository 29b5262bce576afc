import type { Channel } from '../../vocab';
import { dayOf } from '../dates';
import type { Facts } from '../facts';
import { type Finding, finding, whicheverHolds } from '../findings';
import type { MemberStateWithRow } from '../jurisdiction';
import type { Deadline } from '../schema';
import { allowedWithWarning, legitimateInterestChecks, postUnderLegitimateInterest } from './common';
import { type Register, registerCall, registerDeadline } from './registers';
import { recordWhat, subscriberFor, unknownCode, unknownWhy } from './subscriber';

// The EU/EEA states under the ePrivacy Directive (rows 8, 11, 12 and 18), with the member states whose own
// transposition Heed encodes (rows 21–30). Germany has its own file.

const DIRECTIVE = 'ePrivacy Directive 2002/58/EC';

/** How a member state treats marketing email and SMS to a legal person (a company on a work address). */
type BusinessEmail =
  /** Allowed without consent when it concerns the person's job and offers an opt-out. */
  | { readonly kind: 'opt-out'; readonly citation: string; readonly note: string }
  /** Consent (or the existing-customer exception) is needed for businesses too. */
  | { readonly kind: 'consent'; readonly citation: string; readonly note: string }
  /** Depends on facts Heed does not record: a privacy officer signs off. */
  | { readonly kind: 'sign-off'; readonly citation: string; readonly note: string };

interface StateRow {
  /** The national transposition of Art. 13(1) for email, SMS and messages. */
  readonly electronic: string;
  /** The national existing-customer exception, or undefined where the state has none. */
  readonly softOptIn: string | undefined;
  readonly business: BusinessEmail;
  /** Marketing calls: what a consumer and a business call need. */
  readonly consumerCall: (f: Facts) => Finding[];
  readonly businessCall: (f: Facts) => Finding[];
  /** The do-not-call register a call must be screened against, for the deadline. */
  readonly register?: (f: Facts) => Register | undefined;
}

function callsNeedConsent(citation: string, who: string): (f: Facts) => Finding[] {
  return () => [
    finding(
      'blocked',
      'eprivacy-calls-consent',
      `Marketing calls to ${who} here need their prior consent to calls.`,
      citation,
    ),
  ];
}

function businessCallsOnLegitimateInterest(citation: string): (f: Facts) => Finding[] {
  return (f) => [
    finding(
      'allowed',
      'eprivacy-calls-business',
      'Marketing calls to a business need no prior consent here: they rest on legitimate interest, must stop when they object, and the privacy notice applies.',
      citation,
    ),
    ...legitimateInterestChecks(f),
  ];
}

// France: from 11 August 2026 consumer cold calls need prior consent (Loi n° 2025-594 rewrote art. L223-1 of the
// Code de la consommation); until then a consumer may be called unless listed on Bloctel. Calls within a current
// contract and about its subject stay allowed.
const FR_CONSENT_FROM = dayOf('2026-08-11');
const BLOCTEL: Register = {
  name: 'Bloctel opposition list',
  freshDays: 30,
  citation: 'Code de la consommation art. L223-1, L223-4 (Bloctel)',
  legitimateInterest: true,
};

function frenchConsumerCall(f: Facts): Finding[] {
  if (f.input.contractActive === true || f.input.stage === 'client') {
    return allowedWithWarning(
      'fr-calls-contract',
      'They have a current contract with you: a call is allowed only if it concerns that contract (its subject or complementary products). Any other marketing call needs their consent.',
      'Code de la consommation art. L223-1 (as amended by Loi n° 2025-594)',
    );
  }
  if (f.today >= FR_CONSENT_FROM) {
    return [
      finding(
        'blocked',
        'fr-calls-consent',
        'Since 11 August 2026, marketing calls to a consumer in France need their prior, free, specific and unambiguous consent (Bloctel no longer suffices).',
        'Code de la consommation art. L223-1 (Loi n° 2025-594 du 30 juin 2025)',
      ),
    ];
  }
  return registerCall(f, BLOCTEL);
}

const ROBINSON_ES: Register = {
  name: 'Lista Robinson (advertising exclusion list)',
  freshDays: 30,
  citation: 'LOPDGDD (Ley Orgánica 3/2018) art. 23(4)',
  legitimateInterest: true,
};
const RPO_IT: Register = {
  name: 'Registro pubblico delle opposizioni',
  freshDays: 15,
  citation:
    'Codice privacy (D.lgs. 196/2003) art. 130(3-bis); D.P.R. 26/2022 (Registro pubblico delle opposizioni)',
  legitimateInterest: true,
};
const NDD_IE: Register = {
  name: 'National Directory Database opt-out',
  freshDays: 30,
  citation: 'S.I. No. 336/2011 reg. 13(5)–(6)',
  legitimateInterest: true,
};
const DNCM_BE: Register = {
  name: '"Ne m’appelez plus / Bel-me-niet-meer" list',
  freshDays: 30,
  citation: 'Code de droit économique / Wetboek van economisch recht art. VI.110',
  legitimateInterest: true,
};
const NIX_SE: Register = {
  name: 'NIX-Telefon register',
  freshDays: 30,
  citation: 'Marknadsföringslagen (2008:486) 5 §, 21 §; NIX-Telefon',
  legitimateInterest: true,
};

const ROWS: Readonly<Record<MemberStateWithRow, StateRow>> = {
  FR: {
    electronic: 'CPCE art. L34-5',
    softOptIn: 'CPCE art. L34-5 al. 4',
    business: {
      kind: 'opt-out',
      citation: 'CPCE art. L34-5; CNIL guidance on B2B email prospecting',
      note: 'France allows marketing email to a professional address without consent when it concerns the person’s job, they were told at collection and every message offers an opt-out.',
    },
    consumerCall: frenchConsumerCall,
    businessCall: businessCallsOnLegitimateInterest(
      'Code de la consommation art. L223-1 (consumers only); GDPR Art. 6(1)(f)',
    ),
    register: (f) => (f.today < FR_CONSENT_FROM ? BLOCTEL : undefined),
  },
  NL: {
    electronic: 'Telecommunicatiewet art. 11.7(1)',
    softOptIn: 'Telecommunicatiewet art. 11.7(3)',
    business: {
      kind: 'sign-off',
      citation: 'Telecommunicatiewet art. 11.7(1), (5)',
      note: 'In the Netherlands business email without consent is allowed only to an address the business published for that purpose.',
    },
    consumerCall: (f) =>
      f.customer
        ? allowedWithWarning(
            'nl-calls-customer',
            'An existing customer may be called about your own similar products unless they objected (for up to 3 years after the customer relationship ended); offer the opt-out in the call.',
            'Telecommunicatiewet art. 11.7(1), (3) (since 1 July 2021)',
          )
        : callsNeedConsent(
            'Telecommunicatiewet art. 11.7(1) (consent for calls to consumers since 1 July 2021)',
            'a consumer',
          )(f),
    businessCall: businessCallsOnLegitimateInterest(
      'Telecommunicatiewet art. 11.7 (consumers only); GDPR Art. 6(1)(f)',
    ),
  },
  AT: {
    electronic: 'TKG 2021 §174(3)',
    softOptIn: 'TKG 2021 §174(4)',
    business: {
      kind: 'consent',
      citation: 'TKG 2021 §174(3)–(4)',
      note: 'Austria requires consent for marketing email and SMS to businesses too.',
    },
    consumerCall: callsNeedConsent('TKG 2021 §174(1)', 'anyone, businesses included,'),
    businessCall: callsNeedConsent('TKG 2021 §174(1)', 'anyone, businesses included,'),
  },
  PL: {
    electronic: 'Prawo komunikacji elektronicznej art. 398(1) (since 10 Nov 2024)',
    softOptIn: undefined,
    business: {
      kind: 'consent',
      citation: 'Prawo komunikacji elektronicznej art. 398(1) (since 10 Nov 2024)',
      note: 'Poland requires prior consent for marketing by email, SMS and calls, businesses included, and has no existing-customer exception.',
    },
    consumerCall: callsNeedConsent(
      'Prawo komunikacji elektronicznej art. 398(1) (since 10 Nov 2024)',
      'anyone, businesses included,',
    ),
    businessCall: callsNeedConsent(
      'Prawo komunikacji elektronicznej art. 398(1) (since 10 Nov 2024)',
      'anyone, businesses included,',
    ),
  },
  ES: {
    electronic: 'LSSI (Ley 34/2002) art. 21(1)',
    softOptIn: 'LSSI (Ley 34/2002) art. 21(2)',
    business: {
      kind: 'consent',
      citation: 'LSSI (Ley 34/2002) art. 21(1)–(2); AEPD practice',
      note: 'Spain requires prior consent or an existing customer relationship for marketing email to businesses too.',
    },
    consumerCall: callsNeedConsent(
      'Ley 11/2022 General de Telecomunicaciones art. 66.1(b) (since 29 June 2023)',
      'a private person',
    ),
    businessCall: (f) => registerCall(f, ROBINSON_ES),
    register: () => ROBINSON_ES,
  },
  IT: {
    electronic: 'Codice privacy (D.lgs. 196/2003) art. 130(1)–(2)',
    softOptIn: 'Codice privacy (D.lgs. 196/2003) art. 130(4)',
    business: {
      kind: 'consent',
      citation: 'Codice privacy (D.lgs. 196/2003) art. 130(1)–(2), (4)',
      note: 'Italy requires consent for marketing email to businesses too.',
    },
    consumerCall: (f) => registerCall(f, RPO_IT),
    businessCall: (f) => registerCall(f, RPO_IT),
    register: () => RPO_IT,
  },
  IE: {
    electronic: 'S.I. No. 336/2011 reg. 13(1)',
    softOptIn: 'S.I. No. 336/2011 reg. 13(11)',
    business: {
      kind: 'opt-out',
      citation: 'S.I. No. 336/2011 reg. 13(1)–(4)',
      note: 'Ireland allows marketing email to a company (not a natural person) until it objects.',
    },
    consumerCall: (f) =>
      f.input.dnc === true
        ? registerCall(f, NDD_IE)
        : [
            finding(
              'check',
              'ie-calls-individual',
              'Calling a private person in Ireland: a mobile needs their prior consent to calls; a landline may be called only if it is not opted out on the National Directory Database. Record consent to calls.',
              'S.I. No. 336/2011 reg. 13(5)–(6)',
            ),
          ],
    businessCall: (f) => registerCall(f, NDD_IE),
    register: () => NDD_IE,
  },
  BE: {
    electronic: 'Code de droit économique art. XII.13; Royal Decree of 4 April 2003',
    softOptIn: 'Royal Decree of 4 April 2003 art. 1',
    business: {
      kind: 'sign-off',
      citation: 'Code de droit économique art. XII.13; Royal Decree of 4 April 2003 art. 1',
      note: 'Belgium allows business email without consent only to impersonal addresses (info@, sales@), not to a named person’s work address.',
    },
    consumerCall: (f) => registerCall(f, DNCM_BE),
    businessCall: businessCallsOnLegitimateInterest(
      'Code de droit économique art. VI.110 (consumers only); GDPR Art. 6(1)(f)',
    ),
    register: () => DNCM_BE,
  },
  SE: {
    electronic: 'Marknadsföringslagen (2008:486) 19 §',
    softOptIn: 'Marknadsföringslagen (2008:486) 19 § andra stycket',
    business: {
      kind: 'opt-out',
      citation: 'Marknadsföringslagen (2008:486) 19–20 §§',
      note: 'Sweden’s consent rule for email and SMS covers natural persons only; a legal person may be emailed until it objects.',
    },
    consumerCall: (f) => registerCall(f, NIX_SE),
    businessCall: businessCallsOnLegitimateInterest('Marknadsföringslagen (2008:486) 5 §; GDPR Art. 6(1)(f)'),
    register: () => NIX_SE,
  },
  DK: {
    electronic: 'Markedsføringsloven §10(1)',
    softOptIn: 'Markedsføringsloven §10(2)',
    business: {
      kind: 'consent',
      citation: 'Markedsføringsloven §10(1)–(2)',
      note: 'Denmark requires prior consent for marketing email and SMS to businesses too.',
    },
    consumerCall: callsNeedConsent(
      'Forbrugeraftaleloven §5(1); Markedsføringsloven §10; CPR Robinson list',
      'a consumer',
    ),
    businessCall: businessCallsOnLegitimateInterest(
      'Forbrugeraftaleloven §5 (consumers only); GDPR Art. 6(1)(f)',
    ),
  },
};

function electronicCitation(f: Facts, article: string): string {
  const row = f.memberState === undefined ? undefined : ROWS[f.memberState];
  return row === undefined ? `${DIRECTIVE} ${article}` : `${row.electronic}; ${DIRECTIVE} ${article}`;
}

function softOptInCitation(f: Facts): string | undefined {
  if (f.memberState === undefined) return `${DIRECTIVE} Art. 13(2)`;
  const own = ROWS[f.memberState].softOptIn;
  return own === undefined ? undefined : `${own}; ${DIRECTIVE} Art. 13(2)`;
}

function naturalPerson(f: Facts): Finding[] {
  const softCitation = softOptInCitation(f);
  if (softCitation !== undefined && f.softOptIn === 'met') {
    return [
      finding(
        'allowed',
        'eprivacy-soft-opt-in',
        'Existing-customer exception: details obtained in a sale, your own similar products, and an opt-out offered at collection and in every message.',
        softCitation,
      ),
    ];
  }
  if (softCitation !== undefined && f.softOptIn === 'unrecorded') {
    return [
      finding(
        'check',
        'soft-opt-in-unrecorded',
        'They are an existing customer, so the existing-customer exception may apply: only for your own similar products, and only if they were offered an opt-out when you collected their details. Record both.',
        softCitation,
      ),
    ];
  }
  const noException = softCitation === undefined ? ' This country has no existing-customer exception.' : '';
  return [
    finding(
      'blocked',
      'eprivacy-individual-no-consent',
      `No recorded consent from a private person (or a sole trader, or anyone on a personal address or their own phone): marketing by email, SMS or message needs prior consent in the EU, existing customers aside.${noException}`,
      electronicCitation(f, 'Art. 13(1)–(2)'),
    ),
  ];
}

function signedOff(f: Facts): boolean {
  const at = f.input.businessEmailSignOffAt;
  return at !== undefined && dayOf(at) <= f.today;
}

function legalPerson(f: Facts): Finding[] {
  const row = f.memberState === undefined ? undefined : ROWS[f.memberState];
  const business: BusinessEmail = row?.business ?? {
    kind: 'sign-off',
    citation: `${DIRECTIVE} Art. 13(5)`,
    note: 'Each member state sets its own rule for marketing to legal persons.',
  };
  if (business.kind === 'opt-out') {
    return [
      finding(
        'allowed',
        'eprivacy-business-opt-out',
        `${business.note} Say who you are, state the right to object, and stop when they object.`,
        `${business.citation}; ${DIRECTIVE} Art. 13(5)`,
      ),
      ...legitimateInterestChecks(f),
    ];
  }
  if (business.kind === 'consent') {
    const soft = softOptInCitation(f);
    if (soft !== undefined && f.softOptIn === 'met') return naturalPerson(f);
    if (soft !== undefined && f.softOptIn === 'unrecorded') return naturalPerson(f);
    return [
      finding(
        'blocked',
        'eprivacy-business-no-consent',
        `${business.note} No consent is recorded.`,
        `${business.citation}; ${DIRECTIVE} Art. 13(5)`,
      ),
    ];
  }
  if (signedOff(f)) {
    return [
      finding(
        'allowed',
        'eprivacy-legal-person-signed-off',
        `Your privacy officer signed off on ${f.input.businessEmailSignOffAt?.slice(0, 10)} that this country’s rule for business email is met. Keep the opt-out in every message.`,
        `${business.citation}; ${DIRECTIVE} Art. 13(5)`,
      ),
      ...legitimateInterestChecks(f),
    ];
  }
  return [
    finding(
      'check',
      'eprivacy-legal-person',
      `Marketing to a legal person (a company on a work address): ${business.note} Have your privacy officer confirm the rule is met and record the sign-off.`,
      `${business.citation}${business.citation.includes('Art. 13(5)') ? '' : `; ${DIRECTIVE} Art. 13(5)`}`,
    ),
    ...legitimateInterestChecks(f),
  ];
}

function electronic(f: Facts, channel: Channel): Finding[] {
  const view = subscriberFor(f, channel, 'unknown');
  if (view.who === 'individual') return naturalPerson(f);
  if (view.who === 'corporate') return legalPerson(f);
  const partnership =
    f.input.subscriber === 'partnership'
      ? 'Whether a partnership counts as a legal person depends on the member state.'
      : unknownWhy(view.missing);
  const unknown = finding(
    'check',
    f.input.subscriber === 'partnership' ? 'subscriber-unknown' : unknownCode(view.missing),
    `${partnership} A private person (or anyone on a personal address, own phone or own account) needs prior consent; for a company on a work address the member state decides. ${recordWhat(view.missing)}`.trim(),
    electronicCitation(f, 'Art. 13(1), 13(5)'),
  );
  return whicheverHolds([naturalPerson(f), legalPerson(f)], unknown);
}

function phone(f: Facts): Finding[] {
  const row = f.memberState === undefined ? undefined : ROWS[f.memberState];
  if (row === undefined) {
    return [
      finding(
        'check',
        'eprivacy-calls-national',
        'Each member state sets its own rule for marketing calls (prior consent or a do-not-call register). Get consent to calls, or check this country’s rule and register with your privacy officer.',
        `${DIRECTIVE} Art. 13(3)`,
      ),
    ];
  }
  // National call rules protect consumers; a sole trader called about their trade is a business here.
  const s = f.input.subscriber;
  if (s === 'individual') return row.consumerCall(f);
  if (s !== undefined && s !== 'unknown') return row.businessCall(f);
  const unknown = finding(
    'check',
    'subscriber-unknown',
    `Whether they are a consumer or a business is not recorded, and this country treats calls to them differently. ${recordWhat(['subscriber'])}`,
    `${DIRECTIVE} Art. 13(3)`,
  );
  return whicheverHolds([row.consumerCall(f), row.businessCall(f)], unknown);
}

export function euFindings(f: Facts, channel: Channel): Finding[] {
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

export function euDeadlines(f: Facts): Deadline[] {
  if (f.memberState === undefined || f.consent.phone.kind === 'given') return [];
  const register = ROWS[f.memberState].register?.(f);
  return register === undefined ? [] : registerDeadline(f, register);
}
