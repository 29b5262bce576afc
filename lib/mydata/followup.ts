import type { Lang } from '../i18n/define';
import { getLanguage, t, tn } from '../i18n/index';
import { normaliseEmail } from '../identifiers/email';
import { daysBetween, longDate } from './dates';
import {
  type GdprLetterText,
  gdprLetterText,
  letterLanguageFor,
  type OverdueFacts,
} from './letter-text/index';
import { CCPA_SHORT, mailtoFor, requestKindShort } from './letters';
import type { RequestKind, RequestRecord } from './schemas';

// What to do when a company has not answered a data request in time: a follow-up letter to the company, then a
// complaint. Pure: `today` is passed in. Sentences are Heed's own, citing the provisions they rest on.

export interface Regulator {
  /** The name to address the complaint to. */
  name: string;
  /** Where the complaint form is (shown as text: Heed never fetches it). */
  site: string;
  /** The name as a German or French letter addresses it, where that differs from `name`. */
  names?: Partial<Record<Lang, string>>;
}

/**
 * Who takes a complaint, by the company's (or, under GDPR Art. 77(1), the user's) country. Germany has a
 * data protection authority per Land for companies; the Federal Commissioner (BfDI) covers federal bodies,
 * telecoms and post, and forwards other complaints to the right Land.
 */
// biome-ignore format: one row per country, easier to check
export const REGULATORS: Readonly<Record<string, Regulator>> = {
  GB: { name: 'the Information Commission (formerly the ICO)', site: 'ico.org.uk/make-a-complaint' },
  FR: { name: 'the CNIL (Commission nationale de l’informatique et des libertés)', site: 'cnil.fr/fr/plaintes', names: { fr: 'CNIL (Commission nationale de l’informatique et des libertés)' } },
  DE: { name: 'the data protection authority of the German Land where the company is based (or the BfDI, which forwards complaints to it)', site: 'bfdi.bund.de', names: { de: 'Datenschutzaufsichtsbehörde des Landes, in dem das Unternehmen seinen Sitz hat (oder BfDI, der Beschwerden an sie weiterleitet)', fr: 'Autorité de protection des données du Land où l’entreprise a son siège (ou BfDI, qui lui transmet les réclamations)' } },
  ES: { name: 'the AEPD (Agencia Española de Protección de Datos)', site: 'sedeagpd.gob.es' },
  IT: { name: 'the Garante per la protezione dei dati personali', site: 'garanteprivacy.it' },
  NL: { name: 'the Autoriteit Persoonsgegevens (AP)', site: 'autoriteitpersoonsgegevens.nl' },
  IE: { name: 'the Data Protection Commission (DPC)', site: 'dataprotection.ie' },
  BE: { name: 'the Data Protection Authority (APD/GBA)', site: 'dataprotectionauthority.be', names: { fr: 'Autorité de protection des données (APD)', de: 'Datenschutzbehörde (GBA/APD)' } },
  AT: { name: 'the Datenschutzbehörde (DSB)', site: 'dsb.gv.at', names: { de: 'Datenschutzbehörde (DSB)' } },
  LU: { name: 'the CNPD (Commission nationale pour la protection des données)', site: 'cnpd.public.lu', names: { fr: 'CNPD (Commission nationale pour la protection des données)' } },
  PT: { name: 'the CNPD (Comissão Nacional de Proteção de Dados)', site: 'cnpd.pt' },
  PL: { name: 'the UODO (Urząd Ochrony Danych Osobowych)', site: 'uodo.gov.pl' },
  SE: { name: 'IMY (Integritetsskyddsmyndigheten)', site: 'imy.se' },
  DK: { name: 'Datatilsynet (Denmark)', site: 'datatilsynet.dk' },
  FI: { name: 'the Data Protection Ombudsman (Tietosuojavaltuutettu)', site: 'tietosuoja.fi' },
  NO: { name: 'Datatilsynet (Norway)', site: 'datatilsynet.no' },
  US: { name: 'the California Privacy Protection Agency (CPPA)', site: 'cppa.ca.gov' },
};

/** The UK duty to handle complaints (DPA 2018 s. 164A, inserted by the Data (Use and Access) Act 2025) applies from this day. */
export const UK_CONTROLLER_COMPLAINTS_FROM = '2026-06-19';

/** The regulator for a country, or null where Heed has none on file (the letter then says "the supervisory authority"). */
export function regulatorFor(country: string | undefined): Regulator | null {
  return REGULATORS[(country ?? '').trim().toUpperCase()] ?? null;
}

/** How a German or French letter's address line names the regulator: its own name, without the English article. */
export function regulatorName(regulator: Regulator, lang: Lang): string {
  if (lang === 'en') return regulator.name;
  return regulator.names?.[lang] ?? regulator.name.replace(/^the /, '');
}

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '2026-10-01' → '1 Oct' ('1. Okt.', '1 oct.'), in the page's language; the year only when it is not `today`'s. */
export function shortDate(iso: string, today: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const thisYear = iso.slice(0, 4) === today.slice(0, 4);
  const lang = getLanguage();
  if (lang === 'en') return `${d} ${SHORT_MONTHS[m - 1]}${thisYear ? '' : ` ${y}`}`;
  return new Intl.DateTimeFormat(lang, {
    day: 'numeric',
    month: 'short',
    ...(thisYear ? {} : { year: 'numeric' }),
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

const ARTICLE: Partial<Record<RequestKind, string>> = {
  access: '15',
  erasure: '17',
  objection: '21',
  rectification: '16',
};

function articles(r: RequestRecord): string[] {
  return r.kinds.map((k) => ARTICLE[k] ?? '');
}

/** 'Art. 15, 17' for the GDPR; 'CCPA know, delete' for California (in the page's language). */
export function kindsLabel(r: RequestRecord): string {
  if (r.law === 'ccpa') return t('mydata_kinds_ccpa', r.kinds.map(requestKindShort).join(', '));
  return t('mydata_kinds_gdpr', articles(r).join(', '));
}

/** One request for the popup's line: 'Acme Ltd (Art. 15, sent 1 Oct, due 31 Oct)'. */
export function overdueItem(r: RequestRecord, today: string): string {
  return t(
    'mydata_overdue_item',
    r.company,
    kindsLabel(r),
    shortDate(r.sentAt, today),
    shortDate(r.dueAt, today),
  );
}

/** The popup's line: '1 request is overdue: Acme Ltd (Art. 15, sent 1 Oct, due 31 Oct)'. Null when none is. */
export function overdueLine(overdue: readonly RequestRecord[], today: string): string | null {
  if (overdue.length === 0) return null;
  return tn('mydata_overdue_line', overdue.length, overdue.map((r) => overdueItem(r, today)).join('; '));
}

export interface Letter {
  /** Who it goes to, in words. */
  to: string;
  subject: string;
  body: string;
  /** A draft with the whole letter, when the company's email is known and valid. */
  mailto: string | null;
  /** The language it is written in: the request's (GDPR), English for the UK GDPR and the CCPA. */
  language: Lang;
}

export interface FollowUpInput {
  record: RequestRecord;
  today: string;
  /** The user's name for the signature. */
  name?: string;
  /** Where the user lives (ISO alpha-2): a GDPR complaint may go to that country's authority (Art. 77(1)). */
  userCountry?: string;
}

function draft(r: RequestRecord, subject: string, body: string): string | null {
  const email = normaliseEmail(r.companyEmail ?? '');
  return email.ok ? mailtoFor(email.value, subject, body) : null;
}

/** The language of the letters about a request: the one it was written in, else its company's country's. */
export function requestLanguage(r: RequestRecord): Lang {
  if (r.law !== 'gdpr') return 'en';
  return r.language ?? letterLanguageFor(r.companyCountry, r.law);
}

function lateBy(r: RequestRecord, today: string): number {
  return Math.max(0, daysBetween(r.dueAt, today));
}

/** The facts the GDPR follow-up and complaint templates state, with dates in the letter's language. */
function facts(text: GdprLetterText, { record: r, today }: FollowUpInput, regulator: string): OverdueFacts {
  return {
    company: r.company,
    ...(r.companyEmail ? { companyEmail: r.companyEmail } : {}),
    articles: articles(r),
    sent: text.date(r.sentAt),
    due: text.date(r.dueAt),
    today: text.date(today),
    daysLate: lateBy(r, today),
    regulator,
    controllerFirst: controllerFirst(r, today),
  };
}

function signOff(closing: string, name: string | undefined, placeholder: string): string[] {
  return [closing, name?.trim() || placeholder];
}

/** A reminder to the company: the request, its date, the deadline that passed, and what follows if it stays unanswered. */
export function followUpLetter(input: FollowUpInput): Letter {
  const { record: r, today, name } = input;
  if (r.law !== 'ccpa') {
    const text = gdprLetterText(r.law, requestLanguage(r));
    const f = facts(text, input, '');
    const subject = text.followUpSubject(f);
    const body = [...text.followUpBody(f), '', ...signOff(text.closing, name, text.namePlaceholder)].join(
      '\n',
    );
    return { to: r.company, subject, body, mailto: draft(r, subject, body), language: text.lang };
  }
  const label = `CCPA ${r.kinds.map((k) => CCPA_SHORT[k] ?? k).join(', ')}`;
  const subject = `Follow-up: my ${label} request of ${longDate(r.sentAt)} is overdue`;
  const body = [
    `To: ${r.company}, privacy team`,
    `Date: ${longDate(today)}`,
    '',
    'Dear Privacy Team,',
    '',
    `On ${longDate(r.sentAt)} I sent you a request under the CCPA (${label}). The reply was due by ${longDate(r.dueAt)}, ${lateBy(r, today)} days ago, and I have not received it.`,
    'Under Cal. Civ. Code §1798.130(a)(2)(A) you had to respond within 45 days (15 business days for an opt-out, 11 CCR §7026(f)).',
    'Please reply to that request now, in full. If you did not receive it, please treat this letter as the request and tell me so.',
    'If I do not hear from you, I will report this to the California Privacy Protection Agency and the California Attorney General.',
    '',
    ...signOff('Sincerely,', name, '[your name]'),
  ].join('\n');
  return { to: r.company, subject, body, mailto: draft(r, subject, body), language: 'en' };
}
/**
 * Whether the law now wants the complaint made to the company first: in the UK from 19 June 2026 controllers must
 * take complaints, acknowledge them within 30 days and tell the complainant the outcome (DPA 2018 s. 164A, inserted
 * by the Data (Use and Access) Act 2025); the Commission may decline a complaint the controller has not had first.
 */
export function controllerFirst(r: RequestRecord, today: string): boolean {
  return r.law === 'uk-gdpr' && today >= UK_CONTROLLER_COMPLAINTS_FROM;
}

/** A formal complaint to the company itself (the UK's first step since 19 June 2026). English: UK law. */
export function controllerComplaint({ record: r, today, name }: FollowUpInput): Letter {
  const label = `Art. ${articles(r).join(', ')}`;
  const subject = `Complaint under s. 164A of the Data Protection Act 2018: unanswered ${label} request of ${longDate(r.sentAt)}`;
  const body = [
    `To: ${r.company}, data protection officer or privacy team`,
    `Date: ${longDate(today)}`,
    '',
    'Dear Data Protection Officer,',
    '',
    `This is a complaint under section 164A of the Data Protection Act 2018. On ${longDate(r.sentAt)} I made a request under the UK GDPR (${label}). Your reply was due by ${longDate(r.dueAt)} (Art. 12(3)); I have not received it.`,
    'Please acknowledge this complaint within 30 days of receiving it, as section 164A requires, investigate it without undue delay, tell me the outcome, and answer my original request in full.',
    'If the complaint is not resolved, I will take it to the Information Commission.',
    '',
    ...signOff('Yours faithfully,', name, '[your name]'),
  ].join('\n');
  return { to: r.company, subject, body, mailto: draft(r, subject, body), language: 'en' };
}

/** The authority a complaint goes to, and why that one (`because` in the page's language). */
export function complaintAuthority(
  r: RequestRecord,
  userCountry: string | undefined,
): { regulator: Regulator | null; because: string } {
  if (r.law === 'uk-gdpr') return { regulator: REGULATORS.GB ?? null, because: t('mydata_because_uk') };
  if (r.law === 'ccpa') return { regulator: REGULATORS.US ?? null, because: t('mydata_because_ccpa') };
  const company = regulatorFor(r.companyCountry);
  if (company) return { regulator: company, because: t('mydata_because_company') };
  const mine = regulatorFor(userCountry);
  if (mine) return { regulator: mine, because: t('mydata_because_user') };
  return { regulator: null, because: t('mydata_because_none') };
}

/** The complaint to the regulator, for after the deadline (and, in the UK, after the company had its complaint). */
export function regulatorComplaint(input: FollowUpInput): Letter {
  const { record: r, today, name, userCountry } = input;
  const { regulator } = complaintAuthority(r, userCountry);
  if (r.law !== 'ccpa') {
    const text = gdprLetterText(r.law, requestLanguage(r));
    const to = regulator ? regulatorName(regulator, text.lang) : text.anyRegulator;
    const f = facts(text, input, to);
    const subject = text.complaintSubject(f);
    const body = [...text.complaintBody(f), '', ...signOff(text.closing, name, text.namePlaceholder)].join(
      '\n',
    );
    return { to, subject, body, mailto: null, language: text.lang };
  }
  const to = regulator?.name ?? 'the supervisory authority';
  const label = `CCPA ${r.kinds.map((k) => CCPA_SHORT[k] ?? k).join(', ')}`;
  const subject = `Complaint: ${r.company} did not answer my ${label} request of ${longDate(r.sentAt)}`;
  const body = [
    `To: ${to}`,
    `Date: ${longDate(today)}`,
    '',
    'Dear Sir or Madam,',
    '',
    `I complain about ${r.company}${r.companyEmail ? ` (${r.companyEmail})` : ''}.`,
    `On ${longDate(r.sentAt)} I sent it a request under the CCPA (${label}). The reply was due by ${longDate(r.dueAt)}; by today, ${lateBy(r, today)} days later, I have received none.`,
    'The business did not respond within the 45 days that Cal. Civ. Code §1798.130(a)(2)(A) allows. I ask you to look into this failure to comply with the CCPA.',
    'I wrote to the company again and did not receive an answer.',
    'I attach my request, the proof of sending and my follow-up. Please tell me how you will deal with this complaint.',
    '',
    ...signOff('Sincerely,', name, '[your name]'),
  ].join('\n');
  return { to, subject, body, mailto: null, language: 'en' };
}
