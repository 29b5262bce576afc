import { getDomain, getDomainWithoutSuffix } from 'tldts';

export interface CompanyGuess {
  /** A name to start from ('Acme' for shop.acme.co.uk); the user corrects it. */
  name: string;
  /** The registrable domain ('acme.co.uk'), shown so the user knows which company was meant. */
  domain: string;
}

/**
 * The company behind an open page, guessed from its address alone (Heed never fetches the page's privacy notice).
 * Null for pages that are not a company's own site: extension pages, local files, IP addresses.
 */
export function companyFromUrl(url: string): CompanyGuess | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  const domain = getDomain(parsed.hostname);
  const bare = getDomainWithoutSuffix(parsed.hostname);
  if (!domain || !bare) return null;
  const name = bare
    .split('-')
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
  return { name, domain };
}

/**
 * What the page was opened with: `mydata.html?company=Acme&site=https://acme.example/` (from the popup: the company
 * of the open tab) and `#requests` to land on a section. Unknown or oversized values are dropped.
 */
export function parseMyDataParams(search: string): { company?: string; domain?: string } {
  const q = new URLSearchParams(search);
  const out: { company?: string; domain?: string } = {};
  const site = q.get('site');
  const guess = site && site.length <= 2048 ? companyFromUrl(site) : null;
  if (guess) {
    out.company = guess.name;
    out.domain = guess.domain;
  }
  const company = q.get('company')?.replace(/\s+/g, ' ').trim();
  if (company && company.length <= 200) out.company = company;
  return out;
}
