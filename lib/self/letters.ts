import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { normaliseEmail } from '../identifiers/email';
import { addBusinessDays, addDays, addMonths, longDate } from './dates';
import { type IdentityKind, kindsFor, type Law, type RequestKind } from './schemas';

// Paragraphs are single lines: mail programs wrap them to the reader's window, hard-wrapped text would break badly.
// Every sentence below is Heed's own wording, written against the text of the GDPR (Regulation (EU) 2016/679),
// the UK GDPR (same article numbers) and the CCPA as amended by the CPRA (Cal. Civ. Code §1798.100 ff.). Each
// paragraph cites the provision it relies on, so a reviewer can hold the two side by side; tests check the citations.

// biome-ignore format: one country list, easier to check in rows
export const EEA = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT',
  'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO',
] as const;

/**
 * The law to suggest for a user living in `country` (ISO alpha-2). Elsewhere the GDPR may still apply, when the
 * company is in the EU or targets people there (Art. 3), so there is no suggestion and the user chooses.
 */
export function lawForCountry(country: string): Law | undefined {
  const c = country.trim().toUpperCase();
  if ((EEA as readonly string[]).includes(c)) return 'gdpr';
  if (c === 'GB') return 'uk-gdpr';
  if (c === 'US') return 'ccpa';
  return undefined;
}

export const LAW_LABEL: Record<Law, string> = {
  gdpr: 'GDPR (EU and EEA)',
  'uk-gdpr': 'UK GDPR (United Kingdom)',
  ccpa: 'CCPA/CPRA (California residents)',
};

export const KIND_LABEL: Record<RequestKind, string> = {
  access: 'Access: a copy of my data and where it came from (Art. 15)',
  erasure: 'Erasure: delete my data (Art. 17)',
  objection: 'Objection: stop direct marketing (Art. 21(2))',
  rectification: 'Rectification: correct my data (Art. 16)',
  'ccpa-know': 'Know: what you collected, from where, and who got it (§1798.110, §1798.115)',
  'ccpa-delete': 'Delete my personal information (§1798.105)',
  'ccpa-opt-out': 'Opt out of sale and sharing (§1798.120)',
  'ccpa-correct': 'Correct inaccurate information (§1798.106)',
};

/** Short names for the request log. */
export const KIND_SHORT: Record<RequestKind, string> = {
  access: 'access',
  erasure: 'erasure',
  objection: 'objection',
  rectification: 'rectification',
  'ccpa-know': 'know',
  'ccpa-delete': 'delete',
  'ccpa-opt-out': 'opt-out',
  'ccpa-correct': 'correct',
};

const GDPR_ARTICLE: Partial<Record<RequestKind, string>> = {
  access: '15',
  erasure: '17',
  objection: '21(2)',
  rectification: '16',
};

const IDENTITY_WORD: Record<IdentityKind, string> = {
  email: 'Email address',
  phone: 'Phone number',
  profile: 'LinkedIn profile',
};

/**
 * On Windows a mailto: link goes through the shell, which refuses or cuts URLs past about 2,048 characters, and some
 * mail programs cut earlier; a cut letter sent without noticing is worse than pasting one. Percent-encoding makes a
 * full letter (about 1,500 to 3,500 characters) 1.5 times longer, so most letters go the "copy, then open a draft
 * with the subject" way.
 */
export const MAILTO_LIMIT = 1800;

export interface RequestInput {
  kinds: readonly RequestKind[];
  law: Law;
  company: string;
  companyEmail?: string;
  identities: readonly { kind: IdentityKind; value: string }[];
  name?: string;
  /** The date the letter is sent, as YYYY-MM-DD in the user's time zone. */
  today: string;
  /** For rectification/correction: what is wrong and what is right. */
  correction?: string;
  /** Anything else that helps the company find the user (customer number, postal address). */
  details?: string;
  /**
   * CCPA only: the user confirmed they live in California. The CCPA's rights belong to California residents, so the
   * letter says "I am a California resident" only when they ticked it; otherwise the composer says residency is needed.
   */
  californiaResident?: boolean;
  /** Longest mailto: link to offer with the whole letter in it; MAILTO_LIMIT unless a test says otherwise. */
  mailtoLimit?: number;
}

export interface Deadline {
  kinds: RequestKind[];
  dueAt: string;
  rule: string;
}

export interface ComposedRequest {
  subject: string;
  body: string;
  /** The earliest deadline: when a reply is first overdue. */
  dueAt: string;
  deadlines: Deadline[];
  /** A draft with the whole letter, or null when there is no valid address or the letter is too long for a link. */
  mailto: string | null;
  /** A draft with the address and subject only, for pasting a long letter into. Null without a valid address. */
  mailtoSubjectOnly: string | null;
  /** Things the user should fix or know before sending. */
  warnings: string[];
}

/** Deadlines by law: GDPR Art. 12(3); CCPA §1798.130(a)(2)(A) and, for opt-outs, 11 CCR §7026(f). */
export function deadlinesFor(law: Law, kinds: readonly RequestKind[], today: string): Deadline[] {
  if (law !== 'ccpa') {
    return [{ kinds: [...kinds], dueAt: addMonths(today, 1), rule: 'Art. 12(3): one month from receipt' }];
  }
  const out: Deadline[] = [];
  const optOut = kinds.filter((k) => k === 'ccpa-opt-out');
  const rest = kinds.filter((k) => k !== 'ccpa-opt-out');
  if (optOut.length > 0) {
    out.push({
      kinds: optOut,
      dueAt: addBusinessDays(today, 15),
      rule: '11 CCR §7026(f): 15 business days from receipt',
    });
  }
  if (rest.length > 0) {
    out.push({ kinds: rest, dueAt: addDays(today, 45), rule: '§1798.130(a)(2)(A): 45 days from receipt' });
  }
  return out;
}

function oneLine(s: string | undefined, max: number): string {
  return (s ?? '')
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);
}

function paragraph(s: string | undefined, max: number): string {
  return (s ?? '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .trim()
    .slice(0, max);
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}

const CORRECTION_PLACEHOLDER = '[Describe what is wrong and what the correct data is.]';

function gdprSections(has: (k: RequestKind) => boolean, correction: string): string[] {
  const out: string[] = [];
  if (has('access')) {
    out.push(
      [
        'Access (Article 15)',
        'Please confirm whether you process personal data concerning me. If you do, please give me:',
        'a) a copy of that personal data (Art. 15(3)), in a commonly used electronic form;',
        'b) the purposes of the processing, the categories of personal data concerned, and the recipients or categories of recipients it has been or will be disclosed to, including any outside the EEA/UK and the safeguards for those transfers (Art. 15(1)(a)–(c), Art. 15(2));',
        'c) how long it will be stored, or the criteria used to decide that (Art. 15(1)(d));',
        'd) where the data was not collected from me, all available information as to its source (Art. 15(1)(g)): which company, list, website or service it came from, and when. If you obtained it from someone else, I also ask for the information you owed me under Article 14, including the source (Art. 14(2)(f));',
        'e) whether you make automated decisions about me, including profiling, and if so meaningful information about the logic involved and its significance and envisaged consequences for me (Art. 15(1)(h)).',
      ].join('\n'),
    );
  }
  if (has('erasure')) {
    out.push(
      [
        'Erasure (Article 17)',
        `Please erase all personal data concerning me without undue delay (Art. 17(1)). I withdraw any consent I may have given (Art. 17(1)(b)); the data is not necessary for any purpose I have agreed to (Art. 17(1)(a))${has('objection') ? '; I object to its processing for direct marketing below (Art. 17(1)(c))' : ''}; and it must be erased in any case where it was processed unlawfully (Art. 17(1)(d)).`,
        'Please tell every recipient you disclosed it to (Art. 19) and tell me who they are. If you made it public, take reasonable steps to inform others who process it (Art. 17(2)). If you keep any of it under an exception in Art. 17(3), tell me which data and which exception. You may keep the minimum needed to make sure I am not contacted again (for example my email address on a suppression list); please tell me if so.',
      ].join('\n'),
    );
  }
  if (has('objection')) {
    out.push(
      [
        'Objection to direct marketing (Article 21(2))',
        'I object to the processing of my personal data for direct marketing, including profiling to the extent it is related to direct marketing. Under Article 21(3) you must then no longer process it for those purposes; this right is unconditional and I need not give reasons. This includes passing my data to others for their marketing.',
      ].join('\n'),
    );
  }
  if (has('rectification')) {
    out.push(
      [
        'Rectification (Article 16)',
        'The following personal data about me is inaccurate or incomplete. Please rectify or complete it without undue delay:',
        indent(correction),
        'Please tell every recipient you disclosed it to (Art. 19).',
      ].join('\n'),
    );
  }
  return out;
}

function ccpaSections(has: (k: RequestKind) => boolean, correction: string): string[] {
  const out: string[] = [];
  if (has('ccpa-know')) {
    out.push(
      [
        'Right to know (Cal. Civ. Code §1798.110 and §1798.115)',
        'Please disclose to me, for all the time since 1 January 2022 and not only the last 12 months (§1798.130(a)(2)(B)):',
        'a) the specific pieces of personal information you have collected about me (§1798.110(a)(5));',
        'b) the categories of personal information collected, the categories of sources it came from, the business or commercial purposes for collecting, selling or sharing it, and the categories of third parties you disclose it to (§1798.110(a)(1)–(4));',
        'c) the categories of personal information you sold or shared and, for each, the categories of third parties it went to, and the categories you disclosed for a business purpose (§1798.115(a)).',
      ].join('\n'),
    );
  }
  if (has('ccpa-delete')) {
    out.push(
      [
        'Right to delete (§1798.105)',
        'Please delete the personal information about me that you have collected from me, tell your service providers and contractors to delete it, and tell every third party you sold or shared it with to delete it (§1798.105(c)(1)). If you rely on an exception in §1798.105(d), tell me which one and for which data.',
      ].join('\n'),
    );
  }
  if (has('ccpa-opt-out')) {
    out.push(
      [
        'Right to opt out of sale and sharing (§1798.120)',
        'I direct you not to sell or share my personal information (§1798.120(a)), including sharing it for cross-context behavioral advertising. The CCPA regulations require you to act on this no later than 15 business days after receiving it (Cal. Code Regs. tit. 11, §7026(f)).',
      ].join('\n'),
    );
  }
  if (has('ccpa-correct')) {
    out.push(
      [
        'Right to correct (§1798.106)',
        'The following personal information about me is inaccurate. Please correct it:',
        indent(correction),
      ].join('\n'),
    );
  }
  return out;
}

/** How an identifier is written in a letter: phone numbers as people write them (+44 20 7946 0958), not E.164. */
export function letterValue(kind: IdentityKind, value: string): string {
  if (kind !== 'phone') return value;
  return parsePhoneNumberFromString(value)?.formatInternational() ?? value;
}

function numbered(sections: string[]): string {
  return sections
    .map((s, i) => {
      const [title, ...rest] = s.split('\n');
      return [`${i + 1}. ${title}`, ...rest].join('\n');
    })
    .join('\n\n');
}

export function mailtoFor(email: string, subject: string, body?: string): string {
  // '@' may stay as is (RFC 6068), and some mail programs do not decode %40 in the address.
  const to = encodeURIComponent(email).replace(/%40/g, '@');
  const crlf = (s: string) => encodeURIComponent(s.replace(/\r?\n/g, '\r\n'));
  return `mailto:${to}?subject=${crlf(subject)}${body === undefined ? '' : `&body=${crlf(body)}`}`;
}

/**
 * A request letter under the chosen law, pre-filled with the user's identifiers, the date and the deadline.
 * Pure: `today` is passed in. Kinds that do not belong to the law are ignored (and named in `warnings`).
 */
export function composeRequest(input: RequestInput): ComposedRequest {
  const warnings: string[] = [];
  const allowed = kindsFor(input.law);
  const kinds = allowed.filter((k) => input.kinds.includes(k));
  const ignored = input.kinds.filter((k) => !allowed.includes(k));
  if (ignored.length > 0)
    warnings.push(`Not part of ${LAW_LABEL[input.law]}, left out: ${ignored.join(', ')}.`);
  if (kinds.length === 0) warnings.push('Choose at least one request.');
  const has = (k: RequestKind) => kinds.includes(k);

  const company = oneLine(input.company, 200) || '[company]';
  if (company === '[company]') warnings.push('Name the company.');
  const name = oneLine(input.name, 120);
  const ids = input.identities
    .filter((i) => oneLine(i.value, 600) !== '')
    .map((i) => ({ kind: i.kind, value: letterValue(i.kind, oneLine(i.value, 600)) }));
  if (ids.length === 0) {
    warnings.push('Add at least one of your identifiers, or the company cannot find your data.');
  }
  const correctionText = paragraph(input.correction, 2000);
  if ((has('rectification') || has('ccpa-correct')) && correctionText === '') {
    warnings.push('Say what is wrong and what is correct (the letter has a placeholder).');
  }
  const correction = correctionText || CORRECTION_PLACEHOLDER;
  const details = paragraph(input.details, 1000);

  const deadlines = deadlinesFor(input.law, kinds, input.today);
  const dueAt = deadlines.map((d) => d.dueAt).sort()[0] ?? addMonths(input.today, 1);
  const ccpa = input.law === 'ccpa';
  const uk = input.law === 'uk-gdpr';
  if (ccpa && !input.californiaResident) {
    warnings.push(
      'CCPA rights belong to California residents: tick "I am a California resident" if you are one. The letter does not say so until you do.',
    );
  }

  const who = oneLine(name || ids[0]?.value, 80);
  const suffix = who ? ` – ${who}` : '';
  const subject = ccpa
    ? `Consumer privacy request under the CCPA (${kinds.map((k) => KIND_SHORT[k]).join(', ')})${suffix}`
    : `Data subject request under ${uk ? 'the UK GDPR' : 'the GDPR'}, Art. ${kinds.map((k) => GDPR_ARTICLE[k]).join(', ')}${suffix}`;

  const lines: string[] = [];
  lines.push(`To: ${company}, ${ccpa ? 'privacy team' : 'data protection officer or privacy team'}`);
  lines.push(`Date: ${longDate(input.today)}`);
  lines.push('');
  lines.push(ccpa ? 'Dear Privacy Team,' : 'Dear Data Protection Officer,');
  lines.push('');
  if (ccpa) {
    lines.push(
      `${input.californiaResident ? 'I am a California resident. ' : ''}I make the requests below under the California Consumer Privacy Act as amended by the California Privacy Rights Act (Cal. Civ. Code §1798.100 ff., "CCPA").`,
    );
  } else if (uk) {
    lines.push(
      'I make the requests below under the UK General Data Protection Regulation ("UK GDPR") and the Data Protection Act 2018.',
    );
  } else {
    lines.push(
      'I make the requests below under the General Data Protection Regulation (EU) 2016/679 ("GDPR").',
    );
  }
  lines.push('');
  lines.push('You may hold data about me under these identifiers:');
  if (name) lines.push(`- Name: ${name}`);
  for (const i of ids) lines.push(`- ${IDENTITY_WORD[i.kind]}: ${oneLine(i.value, 600)}`);
  if (ids.length === 0 && !name) lines.push('- [your email address or other identifier]');
  if (details) {
    lines.push('Other details that may help you find it:');
    lines.push(indent(details));
  }
  lines.push('');
  lines.push(numbered(ccpa ? ccpaSections(has, correction) : gdprSections(has, correction)));
  lines.push('');
  lines.push('Deadline');
  if (ccpa) {
    const main = deadlines.find((d) => !d.kinds.includes('ccpa-opt-out'));
    const optOut = deadlines.find((d) => d.kinds.includes('ccpa-opt-out'));
    if (main) {
      lines.push(
        `Under §1798.130(a)(2)(A) you must respond free of charge within 45 days of receiving this request, that is by ${longDate(main.dueAt)}. You may extend that once by a further 45 days where reasonably necessary, if you tell me within the first 45 days.`,
      );
    }
    if (optOut) lines.push(`My opt-out must be honoured by ${longDate(optOut.dueAt)} (15 business days).`);
    lines.push(
      'If you need to verify my identity, tell me promptly what you need, and use it for nothing else (§1798.130(a)(7)). You may not treat me differently because I exercised these rights (§1798.125).',
    );
  } else {
    lines.push(
      `Under Article 12(3) you must act on this request without undue delay and at the latest within one month of receiving it, that is by ${longDate(dueAt)}. That period may be extended by two further months only where necessary because of the complexity and number of requests, and you must tell me of any extension, with the reasons, within the first month. This is free of charge (Art. 12(5)). If you have reasonable doubts about my identity, ask at once for the information you need to confirm it, and no more (Art. 12(6)).`,
      `If you do not act on it, tell me why within the same month, and of my right to lodge a complaint with ${uk ? "the Information Commissioner's Office" : 'a supervisory authority'} and to seek a judicial remedy (Art. 12(4), Art. 77, Art. 79).`,
    );
  }
  lines.push('');
  lines.push('Please reply in writing to the address this request comes from.');
  lines.push('');
  lines.push(ccpa ? 'Sincerely,' : 'Yours faithfully,');
  lines.push(name || '[your name]');
  const body = lines.join('\n');

  let mailto: string | null = null;
  let mailtoSubjectOnly: string | null = null;
  const rawEmail = (input.companyEmail ?? '').trim();
  if (rawEmail === '') {
    warnings.push("Add the company's privacy email (its privacy notice names it) to open a draft.");
  } else {
    const email = normaliseEmail(rawEmail);
    if (!email.ok) warnings.push(`The company email is not valid: ${email.reason}.`);
    else {
      mailtoSubjectOnly = mailtoFor(email.value, subject);
      const full = mailtoFor(email.value, subject, body);
      if (full.length <= (input.mailtoLimit ?? MAILTO_LIMIT)) mailto = full;
    }
  }
  return { subject, body, dueAt, deadlines, mailto, mailtoSubjectOnly, warnings };
}
