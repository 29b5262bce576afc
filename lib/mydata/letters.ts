import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { Lang } from '../i18n/define';
import { type MessageKey, t } from '../i18n/index';
import { normaliseEmail } from '../identifiers/email';
import { EEA_COUNTRIES } from '../vocab';
import { addBusinessDays, addDays, addMonths, longDate } from './dates';
import {
  type GdprLetterText,
  gdprLetterText,
  type LetterSection,
  letterLanguageFor,
  letterLanguages,
} from './letter-text/index';
import { type IdentityKind, kindsFor, type Law, type RequestKind } from './schemas';

// Paragraphs are single lines: mail programs wrap them to the reader's window, hard-wrapped text would break badly.
// Every sentence below is Heed's own wording, written against the text of the GDPR (Regulation (EU) 2016/679),
// the UK GDPR (same article numbers) and the CCPA as amended by the CPRA (Cal. Civ. Code §1798.100 ff.). Each
// paragraph cites the provision it relies on, so a reviewer can hold the two side by side; tests check the citations.

/**
 * The law to suggest for a user living in `country` (ISO alpha-2). Elsewhere the GDPR may still apply, when the
 * company is in the EU or targets people there (Art. 3), so there is no suggestion and the user chooses.
 */
export function lawForCountry(country: string): Law | undefined {
  const c = country.trim().toUpperCase();
  if ((EEA_COUNTRIES as readonly string[]).includes(c)) return 'gdpr';
  if (c === 'GB') return 'uk-gdpr';
  if (c === 'US') return 'ccpa';
  return undefined;
}

const LAW_LABEL_KEY: Record<Law, MessageKey> = {
  gdpr: 'mydata_law_gdpr',
  'uk-gdpr': 'mydata_law_uk_gdpr',
  ccpa: 'mydata_law_ccpa',
};

/** 'GDPR (EU and EEA)', in the page's language. */
export function lawLabel(law: Law): string {
  return t(LAW_LABEL_KEY[law]);
}

const REQUEST_KIND_KEY: Record<RequestKind, MessageKey> = {
  access: 'mydata_kind_access',
  erasure: 'mydata_kind_erasure',
  objection: 'mydata_kind_objection',
  rectification: 'mydata_kind_rectification',
  'ccpa-know': 'mydata_kind_ccpa_know',
  'ccpa-delete': 'mydata_kind_ccpa_delete',
  'ccpa-opt-out': 'mydata_kind_ccpa_opt_out',
  'ccpa-correct': 'mydata_kind_ccpa_correct',
};

/** What a request asks for, with its article, for the composer's check boxes. */
export function requestKindLabel(kind: RequestKind): string {
  return t(REQUEST_KIND_KEY[kind]);
}

const REQUEST_KIND_SHORT_KEY: Record<RequestKind, MessageKey> = {
  access: 'mydata_short_access',
  erasure: 'mydata_short_erasure',
  objection: 'mydata_short_objection',
  rectification: 'mydata_short_rectification',
  'ccpa-know': 'mydata_short_ccpa_know',
  'ccpa-delete': 'mydata_short_ccpa_delete',
  'ccpa-opt-out': 'mydata_short_ccpa_opt_out',
  'ccpa-correct': 'mydata_short_ccpa_correct',
};

/** Short names for the request log, in the page's language. */
export function requestKindShort(kind: RequestKind): string {
  return t(REQUEST_KIND_SHORT_KEY[kind]);
}

/** The CCPA's short names as its letters (English only) write them. */
export const CCPA_SHORT: Partial<Record<RequestKind, string>> = {
  'ccpa-know': 'know',
  'ccpa-delete': 'delete',
  'ccpa-opt-out': 'opt-out',
  'ccpa-correct': 'correct',
};

/** The article each GDPR request rests on, as the letter texts take it ('21(2)': Art. 21 para. 2). */
export const GDPR_ARTICLE: Partial<Record<RequestKind, string>> = {
  access: '15',
  erasure: '17',
  objection: '21(2)',
  rectification: '16',
};

const IDENTITY_WORD: Record<IdentityKind | 'name', string> = {
  name: 'Name',
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
  /** Where the company is (ISO alpha-2): picks the letter's language unless `language` is given. */
  companyCountry?: string;
  /** The letter's language, when the user chose one (GDPR only; UK GDPR and CCPA letters are English). */
  language?: Lang;
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
  /** Things the user should fix or know before sending, in the page's language. */
  warnings: string[];
  /** The language the letter is written in. */
  language: Lang;
}

/** Deadlines by law: GDPR Art. 12(3); CCPA §1798.130(a)(2)(A) and, for opt-outs, 11 CCR §7026(f). */
export function deadlinesFor(law: Law, kinds: readonly RequestKind[], today: string): Deadline[] {
  if (law !== 'ccpa') {
    return [{ kinds: [...kinds], dueAt: addMonths(today, 1), rule: t('mydata_rule_gdpr') }];
  }
  const out: Deadline[] = [];
  const optOut = kinds.filter((k) => k === 'ccpa-opt-out');
  const rest = kinds.filter((k) => k !== 'ccpa-opt-out');
  if (optOut.length > 0) {
    out.push({
      kinds: optOut,
      dueAt: addBusinessDays(today, 15),
      rule: t('mydata_rule_ccpa_opt_out'),
    });
  }
  if (rest.length > 0) {
    out.push({ kinds: rest, dueAt: addDays(today, 45), rule: t('mydata_rule_ccpa') });
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

const CCPA_CORRECTION_PLACEHOLDER = '[Describe what is wrong and what the correct data is.]';

function gdprSections(
  text: GdprLetterText,
  has: (k: RequestKind) => boolean,
  correction: string,
): LetterSection[] {
  const out: LetterSection[] = [];
  if (has('access')) out.push(text.access);
  if (has('erasure')) out.push(text.erasure(has('objection')));
  if (has('objection')) out.push(text.objection);
  if (has('rectification')) out.push(text.rectification(indent(correction)));
  return out;
}

function ccpaSections(has: (k: RequestKind) => boolean, correction: string): LetterSection[] {
  const out: LetterSection[] = [];
  if (has('ccpa-know')) {
    out.push({
      title: 'Right to know (Cal. Civ. Code §1798.110 and §1798.115)',
      lines: [
        'Please disclose to me, for all the time since 1 January 2022 and not only the last 12 months (§1798.130(a)(2)(B)):',
        'a) the specific pieces of personal information you have collected about me (§1798.110(a)(5));',
        'b) the categories of personal information collected, the categories of sources it came from, the business or commercial purposes for collecting, selling or sharing it, and the categories of third parties you disclose it to (§1798.110(a)(1)–(4));',
        'c) the categories of personal information you sold or shared and, for each, the categories of third parties it went to, and the categories you disclosed for a business purpose (§1798.115(a)).',
      ],
    });
  }
  if (has('ccpa-delete')) {
    out.push({
      title: 'Right to delete (§1798.105)',
      lines: [
        'Please delete the personal information about me that you have collected from me, tell your service providers and contractors to delete it, and tell every third party you sold or shared it with to delete it (§1798.105(c)(1)). If you rely on an exception in §1798.105(d), tell me which one and for which data.',
      ],
    });
  }
  if (has('ccpa-opt-out')) {
    out.push({
      title: 'Right to opt out of sale and sharing (§1798.120)',
      lines: [
        'I direct you not to sell or share my personal information (§1798.120(a)), including sharing it for cross-context behavioral advertising. The CCPA regulations require you to act on this no later than 15 business days after receiving it (Cal. Code Regs. tit. 11, §7026(f)).',
      ],
    });
  }
  if (has('ccpa-correct')) {
    out.push({
      title: 'Right to correct (§1798.106)',
      lines: [
        'The following personal information about me is inaccurate. Please correct it:',
        indent(correction),
      ],
    });
  }
  return out;
}

/** How an identifier is written in a letter: phone numbers as people write them (+44 20 7946 0958), not E.164. */
export function letterValue(kind: IdentityKind, value: string): string {
  if (kind !== 'phone') return value;
  return parsePhoneNumberFromString(value)?.formatInternational() ?? value;
}

function numbered(sections: readonly LetterSection[]): string {
  return sections.map((s, i) => [`${i + 1}. ${s.title}`, ...s.lines].join('\n')).join('\n\n');
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
 * The letter is in `language`, by default the language of the company's country (`letterLanguageFor`); UK GDPR
 * and CCPA letters are English. Warnings are for the user, in the page's language.
 */
export function composeRequest(input: RequestInput): ComposedRequest {
  const warnings: string[] = [];
  const allowed = kindsFor(input.law);
  const kinds = allowed.filter((k) => input.kinds.includes(k));
  const ignored = input.kinds.filter((k) => !allowed.includes(k));
  if (ignored.length > 0) warnings.push(t('mydata_warn_left_out', lawLabel(input.law), ignored.join(', ')));
  if (kinds.length === 0) warnings.push(t('mydata_warn_no_kind'));
  const has = (k: RequestKind) => kinds.includes(k);
  const ccpa = input.law === 'ccpa';
  const language = letterLanguages(input.law).includes(input.language ?? 'en')
    ? (input.language ?? letterLanguageFor(input.companyCountry, input.law))
    : 'en';
  const text = gdprLetterText(input.law, language);

  const companyName = oneLine(input.company, 200);
  if (companyName === '') warnings.push(t('mydata_warn_no_company'));
  const company = companyName || (ccpa ? '[company]' : text.companyPlaceholder);
  const name = oneLine(input.name, 120);
  const ids = input.identities
    .filter((i) => oneLine(i.value, 600) !== '')
    .map((i) => ({ kind: i.kind, value: letterValue(i.kind, oneLine(i.value, 600)) }));
  if (ids.length === 0) warnings.push(t('mydata_warn_no_identifier'));
  const correctionText = paragraph(input.correction, 2000);
  if ((has('rectification') || has('ccpa-correct')) && correctionText === '') {
    warnings.push(t('mydata_warn_no_correction'));
  }
  const correction = correctionText || (ccpa ? CCPA_CORRECTION_PLACEHOLDER : text.correctionPlaceholder);
  const details = paragraph(input.details, 1000);

  const deadlines = deadlinesFor(input.law, kinds, input.today);
  const dueAt = deadlines.map((d) => d.dueAt).sort()[0] ?? addMonths(input.today, 1);
  if (ccpa && !input.californiaResident) warnings.push(t('mydata_warn_california'));

  const who = oneLine(name || ids[0]?.value, 80);
  const body = ccpa
    ? ccpaBody({ input, kinds, has, company, name, ids, details, correction, deadlines })
    : gdprBody({ text, has, company, name, ids, details, correction, today: input.today, dueAt });
  const subject = ccpa
    ? `Consumer privacy request under the CCPA (${kinds.map((k) => CCPA_SHORT[k]).join(', ')})${who ? ` – ${who}` : ''}`
    : text.subject(
        kinds.map((k) => GDPR_ARTICLE[k] ?? ''),
        who,
      );

  let mailto: string | null = null;
  let mailtoSubjectOnly: string | null = null;
  const rawEmail = (input.companyEmail ?? '').trim();
  if (rawEmail === '') {
    warnings.push(t('mydata_warn_no_email'));
  } else {
    const email = normaliseEmail(rawEmail);
    if (!email.ok) warnings.push(t('mydata_warn_bad_email', email.reason));
    else {
      mailtoSubjectOnly = mailtoFor(email.value, subject);
      const full = mailtoFor(email.value, subject, body);
      if (full.length <= (input.mailtoLimit ?? MAILTO_LIMIT)) mailto = full;
    }
  }
  return { subject, body, dueAt, deadlines, mailto, mailtoSubjectOnly, warnings, language };
}

interface Parts {
  has: (k: RequestKind) => boolean;
  company: string;
  name: string;
  ids: { kind: IdentityKind; value: string }[];
  details: string;
  correction: string;
}

function identifierLines(
  words: Record<IdentityKind | 'name', string>,
  { name, ids }: Pick<Parts, 'name' | 'ids'>,
  none: string,
  field: (label: string, value: string) => string = (label, value) => `${label}: ${value}`,
): string[] {
  const lines: string[] = [];
  if (name) lines.push(`- ${field(words.name, name)}`);
  for (const i of ids) lines.push(`- ${field(words[i.kind], i.value)}`);
  if (ids.length === 0 && !name) lines.push(`- ${none}`);
  return lines;
}

function gdprBody(p: Parts & { text: GdprLetterText; today: string; dueAt: string }): string {
  const { text } = p;
  return [
    text.to(p.company),
    text.dateLine(text.date(p.today)),
    '',
    text.salutation,
    '',
    text.intro,
    '',
    text.identifiersHead,
    ...identifierLines(text.identityWord, p, text.noIdentifier, text.field),
    ...(p.details ? [text.detailsHead, indent(p.details)] : []),
    '',
    numbered(gdprSections(text, p.has, p.correction)),
    '',
    text.deadlineHead,
    ...text.deadline(text.date(p.dueAt)),
    '',
    text.reply,
    '',
    text.closing,
    p.name || text.namePlaceholder,
  ].join('\n');
}

// The CCPA letter is English only: the statute and its regulations are.
function ccpaBody(p: Parts & { input: RequestInput; kinds: RequestKind[]; deadlines: Deadline[] }): string {
  const lines: string[] = [
    `To: ${p.company}, privacy team`,
    `Date: ${longDate(p.input.today)}`,
    '',
    'Dear Privacy Team,',
    '',
    `${p.input.californiaResident ? 'I am a California resident. ' : ''}I make the requests below under the California Consumer Privacy Act as amended by the California Privacy Rights Act (Cal. Civ. Code §1798.100 ff., "CCPA").`,
    '',
    'You may hold data about me under these identifiers:',
    ...identifierLines(IDENTITY_WORD, p, '[your email address or other identifier]'),
    ...(p.details ? ['Other details that may help you find it:', indent(p.details)] : []),
    '',
    numbered(ccpaSections(p.has, p.correction)),
    '',
    'Deadline',
  ];
  const main = p.deadlines.find((d) => !d.kinds.includes('ccpa-opt-out'));
  const optOut = p.deadlines.find((d) => d.kinds.includes('ccpa-opt-out'));
  if (main) {
    lines.push(
      `Under §1798.130(a)(2)(A) you must respond free of charge within 45 days of receiving this request, that is by ${longDate(main.dueAt)}. You may extend that once by a further 45 days where reasonably necessary, if you tell me within the first 45 days.`,
    );
  }
  if (optOut) lines.push(`My opt-out must be honoured by ${longDate(optOut.dueAt)} (15 business days).`);
  lines.push(
    'If you need to verify my identity, tell me promptly what you need, and use it for nothing else (§1798.130(a)(7)). You may not treat me differently because I exercised these rights (§1798.125).',
    '',
    'Please reply in writing to the address this request comes from.',
    '',
    'Sincerely,',
    p.name || '[your name]',
  );
  return lines.join('\n');
}
