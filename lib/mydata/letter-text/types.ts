import type { Lang } from '../../i18n/define';
import type { IdentityKind } from '../schemas';

/** A numbered part of a request letter: its heading and its paragraphs. */
export interface LetterSection {
  title: string;
  lines: string[];
}

/** The facts of an unanswered request, as the follow-up and complaint letters state them. */
export interface OverdueFacts {
  company: string;
  companyEmail?: string;
  /** GDPR article numbers of the request, e.g. ['15', '17']. */
  articles: readonly string[];
  /** Dates already written in the letter's language. */
  sent: string;
  due: string;
  today: string;
  /** Whole days since the due date. */
  daysLate: number;
  /** Who the complaint goes to, in the letter's language. */
  regulator: string;
  /** UK only: the user complained to the company first (DPA 2018 s. 164A). */
  controllerFirst: boolean;
}

/**
 * One language's GDPR letters, each a whole formal template with substitutions. Every language has every part
 * (the compiler checks), and tests/unit/mydata/letter-text.test.ts checks they cite the same articles. Article
 * numbers are passed as '15', '21(2)': each language writes them the way its official text does
 * ("Art. 21 Abs. 2 DSGVO", "article 21, paragraphe 2, du RGPD").
 */
export interface GdprLetterText {
  lang: Lang;
  /** '31 January 2026' / '31. Januar 2026' / '31 janvier 2026'. */
  date(iso: string): string;
  subject(articles: readonly string[], who: string): string;
  /** 'Subject: …' ('Betreff: …', 'Objet : …'): the line a copied letter starts with. */
  subjectLine(subject: string): string;
  to(company: string): string;
  dateLine(date: string): string;
  salutation: string;
  intro: string;
  identifiersHead: string;
  identityWord: Record<IdentityKind | 'name', string>;
  /** One line of the identifier list: 'Email address: …' ('Adresse e-mail : …' in French). */
  field(label: string, value: string): string;
  noIdentifier: string;
  detailsHead: string;
  companyPlaceholder: string;
  namePlaceholder: string;
  correctionPlaceholder: string;
  access: LetterSection;
  erasure(withObjection: boolean): LetterSection;
  objection: LetterSection;
  /** `correction` comes indented, ready to place. */
  rectification(correction: string): LetterSection;
  deadlineHead: string;
  deadline(due: string): string[];
  reply: string;
  closing: string;
  followUpSubject(f: OverdueFacts): string;
  followUpBody(f: OverdueFacts): string[];
  complaintSubject(f: OverdueFacts): string;
  complaintBody(f: OverdueFacts): string[];
  /** Who a complaint goes to when Heed knows no authority for the country. */
  anyRegulator: string;
}
