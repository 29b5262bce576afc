import type { ContactVisibility, PageSource } from '../vocab';

/** What an extractor found about the person a page is about. Every string is raw page data, cleaned of invisible
 * characters but not normalised: canonical URLs and addresses are the identifiers module's job. */
export interface PagePerson {
  source: PageSource;
  name?: string;
  profileUrl?: string;
  salesNavUrl?: string;
  githubLogin?: string;
  emails: string[];
  phones: string[];
  websites: string[];
  /** As the contact-info overlay shows it ("March 5"); only ever used to tell users what their own profile shows. */
  birthday?: string;
  location?: string;
  country?: string;
  /** How the contact details are visible to the viewer, when the contact-info overlay is open (see linkedin.ts). */
  contactVisibility?: ContactVisibility;
  headline?: string;
  /** The current employer as the page shows it (top card, experience, headline), raw. */
  employer?: string;
  anchor: Element | null;
  /** The open contact-info overlay's addresses and numbers with where each is shown, for a marker next to each. */
  overlay?: { emails: { email: string; element: Element }[]; phones: { phone: string; element: Element }[] };
}
