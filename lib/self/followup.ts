import { normaliseEmail } from '../identifiers/email';
import { daysBetween, longDate } from './dates';
import { KIND_SHORT, mailtoFor } from './letters';
import type { RequestKind, RequestRecord } from './schemas';

// What to do when a company has not answered a data request in time: a follow-up letter to the company, then a
// complaint. Pure: `today` is passed in. Sentences are Heed's own, citing the provisions they rest on.

export interface Regulator {
  /** The name to address the complaint to. */
  name: string;
  /** Where the complaint form is (shown as text: Heed never fetches it). */
  site: string;
}

/**
 * Who takes a complaint, by the company's (or, under GDPR Art. 77(1), the user's) country. Germany has a
 * data protection authority per Land for companies; the Federal Commissioner (BfDI) covers federal bodies,
 * telecoms and post, and forwards other complaints to the right Land.
 */
// biome-ignore format: one row per country, easier to check
export const REGULATORS: Readonly<Record<string, Regulator>> = {
  GB: { name: 'the Information Commission (formerly the ICO)', site: 'ico.org.uk/make-a-complaint' },
  FR: { name: 'the CNIL (Commission nationale de l’informatique et des libertés)', site: 'cnil.fr/fr/plaintes' },
  DE: { name: 'the data protection authority of the German Land where the company is based (or the BfDI, which forwards complaints to it)', site: 'bfdi.bund.de' },
  ES: { name: 'the AEPD (Agencia Española de Protección de Datos)', site: 'sedeagpd.gob.es' },
  IT: { name: 'the Garante per la protezione dei dati personali', site: 'garanteprivacy.it' },
  NL: { name: 'the Autoriteit Persoonsgegevens (AP)', site: 'autoriteitpersoonsgegevens.nl' },
  IE: { name: 'the Data Protection Commission (DPC)', site: 'dataprotection.ie' },
  BE: { name: 'the Data Protection Authority (APD/GBA)', site: 'dataprotectionauthority.be' },
  AT: { name: 'the Datenschutzbehörde (DSB)', site: 'dsb.gv.at' },
  LU: { name: 'the CNPD (Commission nationale pour la protection des données)', site: 'cnpd.public.lu' },
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

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '2026-10-01' → '1 Oct'; the year only when it is not `today`'s. */
export function shortDate(iso: string, today: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${SHORT_MONTHS[m - 1]}${iso.slice(0, 4) === today.slice(0, 4) ? '' : ` ${y}`}`;
}

const ARTICLE: Partial<Record<RequestKind, string>> = {
  access: 'Art. 15',
  erasure: 'Art. 17',
  objection: 'Art. 21',
  rectification: 'Art. 16',
};

/** 'Art. 15, 17' for the GDPR; 'CCPA know, delete' for California. */
export function kindsLabel(r: RequestRecord): string {
  if (r.law === 'ccpa') return `CCPA ${r.kinds.map((k) => KIND_SHORT[k]).join(', ')}`;
  return `Art. ${r.kinds.map((k) => (ARTICLE[k] ?? '').replace('Art. ', '')).join(', ')}`;
}

/** One request for the popup's line: 'Acme Ltd (Art. 15, sent 1 Oct, due 31 Oct)'. */
export function overdueItem(r: RequestRecord, today: string): string {
  return `${r.company} (${kindsLabel(r)}, sent ${shortDate(r.sentAt, today)}, due ${shortDate(r.dueAt, today)})`;
}

/** The popup's line: '1 request is overdue: Acme Ltd (Art. 15, sent 1 Oct, due 31 Oct)'. Null when none is. */
export function overdueLine(overdue: readonly RequestRecord[], today: string): string | null {
  if (overdue.length === 0) return null;
  const head = overdue.length === 1 ? '1 request is overdue' : `${overdue.length} requests are overdue`;
  return `${head}: ${overdue.map((r) => overdueItem(r, today)).join('; ')}`;
}

export interface Letter {
  /** Who it goes to, in words. */
  to: string;
  subject: string;
  body: string;
  /** A draft with the whole letter, when the company's email is known and valid. */
  mailto: string | null;
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

function lawName(r: RequestRecord): string {
  if (r.law === 'ccpa') return 'the CCPA';
  return r.law === 'uk-gdpr' ? 'the UK GDPR' : 'the GDPR';
}

function signOff(r: RequestRecord, name: string | undefined): string[] {
  return [r.law === 'ccpa' ? 'Sincerely,' : 'Yours faithfully,', name?.trim() || '[your name]'];
}

function lateBy(r: RequestRecord, today: string): number {
  return Math.max(0, daysBetween(r.dueAt, today));
}

/** A reminder to the company: the request, its date, the deadline that passed, and what follows if it stays unanswered. */
export function followUpLetter({ record: r, today, name }: FollowUpInput): Letter {
  const subject = `Follow-up: my ${kindsLabel(r)} request of ${longDate(r.sentAt)} is overdue`;
  const deadline =
    r.law === 'ccpa'
      ? 'Under Cal. Civ. Code §1798.130(a)(2)(A) you had to respond within 45 days (15 business days for an opt-out, 11 CCR §7026(f)).'
      : 'Under Article 12(3) you had to act on it within one month of receiving it, or tell me within that month why you need longer (Art. 12(3)) or why you will not act (Art. 12(4)).';
  const body = [
    `To: ${r.company}, ${r.law === 'ccpa' ? 'privacy team' : 'data protection officer or privacy team'}`,
    `Date: ${longDate(today)}`,
    '',
    r.law === 'ccpa' ? 'Dear Privacy Team,' : 'Dear Data Protection Officer,',
    '',
    `On ${longDate(r.sentAt)} I sent you a request under ${lawName(r)} (${kindsLabel(r)}). The reply was due by ${longDate(r.dueAt)}, ${lateBy(r, today)} days ago, and I have not received it.`,
    deadline,
    'Please reply to that request now, in full. If you did not receive it, please treat this letter as the request and tell me so.',
    r.law === 'ccpa'
      ? 'If I do not hear from you, I will report this to the California Privacy Protection Agency and the California Attorney General.'
      : 'If I do not hear from you, I will complain about the failure to answer.',
    '',
    ...signOff(r, name),
  ].join('\n');
  return { to: r.company, subject, body, mailto: draft(r, subject, body) };
}

/**
 * Whether the law now wants the complaint made to the company first: in the UK from 19 June 2026 controllers must
 * take complaints, acknowledge them within 30 days and tell the complainant the outcome (DPA 2018 s. 164A, inserted
 * by the Data (Use and Access) Act 2025); the Commission may decline a complaint the controller has not had first.
 */
export function controllerFirst(r: RequestRecord, today: string): boolean {
  return r.law === 'uk-gdpr' && today >= UK_CONTROLLER_COMPLAINTS_FROM;
}

/** A formal complaint to the company itself (the UK's first step since 19 June 2026). */
export function controllerComplaint({ record: r, today, name }: FollowUpInput): Letter {
  const subject = `Complaint under s. 164A of the Data Protection Act 2018: unanswered ${kindsLabel(r)} request of ${longDate(r.sentAt)}`;
  const body = [
    `To: ${r.company}, data protection officer or privacy team`,
    `Date: ${longDate(today)}`,
    '',
    'Dear Data Protection Officer,',
    '',
    `This is a complaint under section 164A of the Data Protection Act 2018. On ${longDate(r.sentAt)} I made a request under the UK GDPR (${kindsLabel(r)}). Your reply was due by ${longDate(r.dueAt)} (Art. 12(3)); I have not received it.`,
    'Please acknowledge this complaint within 30 days of receiving it, as section 164A requires, investigate it without undue delay, tell me the outcome, and answer my original request in full.',
    'If the complaint is not resolved, I will take it to the Information Commission.',
    '',
    ...signOff(r, name),
  ].join('\n');
  return { to: r.company, subject, body, mailto: draft(r, subject, body) };
}

/** The authority a complaint goes to, and why that one. */
export function complaintAuthority(
  r: RequestRecord,
  userCountry: string | undefined,
): { regulator: Regulator | null; because: string } {
  if (r.law === 'uk-gdpr') return { regulator: REGULATORS.GB ?? null, because: 'the UK GDPR' };
  if (r.law === 'ccpa') return { regulator: REGULATORS.US ?? null, because: 'the CCPA' };
  const company = regulatorFor(r.companyCountry);
  if (company) return { regulator: company, because: "the company's country" };
  const mine = regulatorFor(userCountry);
  if (mine) return { regulator: mine, because: 'where you live (Art. 77(1))' };
  return { regulator: null, because: 'no country recorded' };
}

/** The complaint to the regulator, for after the deadline (and, in the UK, after the company had its complaint). */
export function regulatorComplaint({ record: r, today, name, userCountry }: FollowUpInput): Letter {
  const { regulator } = complaintAuthority(r, userCountry);
  const to = regulator?.name ?? 'the supervisory authority';
  const subject = `Complaint: ${r.company} did not answer my ${kindsLabel(r)} request of ${longDate(r.sentAt)}`;
  const legal =
    r.law === 'ccpa'
      ? 'The business did not respond within the 45 days that Cal. Civ. Code §1798.130(a)(2)(A) allows. I ask you to look into this failure to comply with the CCPA.'
      : `I lodge this complaint under Article 77 of ${lawName(r)}. The controller did not act on my request within one month of receiving it and did not tell me of any extension or of its reasons for not acting (Art. 12(3) and 12(4)).`;
  const body = [
    `To: ${to}`,
    `Date: ${longDate(today)}`,
    '',
    'Dear Sir or Madam,',
    '',
    `I complain about ${r.company}${r.companyEmail ? ` (${r.companyEmail})` : ''}.`,
    `On ${longDate(r.sentAt)} I sent it a request under ${lawName(r)} (${kindsLabel(r)}). The reply was due by ${longDate(r.dueAt)}; by today, ${lateBy(r, today)} days later, I have received none.`,
    legal,
    controllerFirst(r, today)
      ? 'I first complained to the company under section 164A of the Data Protection Act 2018 and it has not resolved my complaint.'
      : 'I wrote to the company again and did not receive an answer.',
    'I attach my request, the proof of sending and my follow-up. Please tell me how you will deal with this complaint.',
    '',
    ...signOff(r, name),
  ].join('\n');
  return { to, subject, body, mailto: null };
}
