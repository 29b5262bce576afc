/** What an extractor found about the person a page is about. Every string is raw page data, cleaned of invisible
 * characters but not normalised: canonical URLs and addresses are the identifiers module's job. */
export interface PagePerson {
  source: 'linkedin-profile' | 'linkedin-salesnav' | 'github' | 'generic';
  name?: string;
  profileUrl?: string;
  salesNavUrl?: string;
  githubLogin?: string;
  emails: string[];
  phones: string[];
  websites: string[];
  location?: string;
  country?: string;
  headline?: string;
  anchor: Element | null;
}
