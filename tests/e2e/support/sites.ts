import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Host names the test browser maps to the local HTTPS server; every other host fails to resolve. */
export const SERVED_HOSTS = [
  'www.linkedin.com',
  'github.com',
  'acme.example',
  'hostile.example',
  // The send check's mail sites.
  'mail.google.com',
  'outlook.office.com',
  'outlook.office365.com',
  'outlook.live.com',
] as const;

const pagesDir = fileURLToPath(new URL('../../fixtures/pages/', import.meta.url));

/** Real URL → fixture file. The page is served at its real address so the real match patterns fire. */
export const PAGES: Record<string, string> = {
  'https://www.linkedin.com/in/jane-doe-1a2b3c/': 'linkedin-profile-jane.html',
  'https://www.linkedin.com/in/jane-doe-1a2b3c/overlay/contact-info/': 'linkedin-contact-info-jane.html',
  'https://www.linkedin.com/in/max-mustermann/': 'linkedin-profile-max.html',
  'https://www.linkedin.com/in/claire-dubois-42/': 'linkedin-profile-claire.html',
  'https://www.linkedin.com/in/sam-lee-99/': 'linkedin-profile-minimal.html',
  'https://www.linkedin.com/in/john-smith-us/': 'linkedin-profile-john.html',
  'https://www.linkedin.com/in/emma-tremblay/': 'linkedin-profile-emma.html',
  'https://www.linkedin.com/sales/lead/ACwAAA1b2C3,NAME_SEARCH,xyz': 'salesnav-lead-jane.html',
  'https://github.com/octo-ada': 'github-profile-ada.html',
  'https://github.com/octo-ada/heed-demo': 'github-repo.html',
  'https://acme.example/team/': 'team-page.html',
  // Send check: compose boxes (Gmail, LinkedIn messaging, Outlook on the web).
  'https://mail.google.com/mail/u/0/': 'gmail-compose.html',
  'https://mail.google.com/mail/u/1/': 'gmail-reply.html',
  'https://mail.google.com/mail/u/2/?view=cm&fs=1&tf=1': 'gmail-popout.html',
  'https://mail.google.com/mail/u/3/': 'gmail-demo.html',
  'https://www.linkedin.com/messaging/thread/2-jane/': 'linkedin-messaging-thread.html',
  'https://www.linkedin.com/feed/': 'linkedin-messaging-overlay.html',
  'https://www.linkedin.com/sales/inbox/2-jane-thread': 'linkedin-messaging-salesnav-inmail.html',
  'https://outlook.office.com/mail/deeplink/compose': 'outlook-compose.html',
  'https://outlook.office365.com/mail/deeplink/compose': 'outlook-compose.html',
  'https://outlook.live.com/mail/0/inbox/id/AQMkADAwATM': 'outlook-reply.html',
  // Lists of people (issue 14 §2), several markup generations per site.
  'https://www.linkedin.com/search/results/people/?keywords=sales': 'linkedin-search-2023.html',
  'https://www.linkedin.com/search/results/people/?keywords=ops': 'linkedin-search-2025.html',
  'https://www.linkedin.com/search/results/people/?keywords=sdui': 'linkedin-search-sdui.html',
  'https://github.com/orgs/acme-team/people': 'github-org-people-classic.html',
  'https://github.com/orgs/acme-team/people?react=1': 'github-org-people-react.html',
  'https://github.com/acme-team': 'github-org-acme.html',
  'https://www.linkedin.com/company/acme-gmbh/people/': 'linkedin-company-people-acme.html',
  'https://www.linkedin.com/mynetwork/grow/': 'linkedin-mynetwork-grow.html',
  'https://www.linkedin.com/sales/search/people?query=procurement': 'salesnav-search-people.html',
  'https://www.linkedin.com/sales/lists/people/7012345': 'salesnav-list-people.html',
  'https://www.linkedin.com/sales/search/people?keywords=procurement': 'salesnav-search-people-2021.html',
  // Reply threads whose other person asks to opt out (issue 14 §3).
  'https://mail.google.com/mail/u/4/': 'gmail-thread-optout.html',
  'https://outlook.office.com/mail/inbox/id/AAQkAD-optout': 'outlook-thread-optout.html',
  'https://www.linkedin.com/messaging/thread/2-optout/': 'linkedin-messaging-thread-optout.html',
  'https://www.linkedin.com/feed/?overlay=optout': 'linkedin-overlay-thread-optout.html',
};

/** A saved fixture page's HTML, for tests that serve a variant of it. */
export function fixturePage(name: string): string {
  return readFileSync(pagesDir + name, 'utf8');
}

export function pageFor(url: URL): string | undefined {
  const key = `${url.origin}${url.pathname}`;
  // Pages a test registers at run time (hostile pages, SPA shells) win, matched with their query first.
  const extra = extraPages.get(`${key}${url.search}`) ?? extraPages.get(key);
  if (extra !== undefined) return extra;
  // The more specific address (with its query) first: two fixtures may share a path.
  const file = PAGES[`${key}${url.search}`] ?? PAGES[key];
  return file ? fixturePage(file) : undefined;
}

const extraPages = new Map<string, string>();
export function servePage(url: string, html: string): void {
  const u = new URL(url);
  extraPages.set(`${u.origin}${u.pathname}${u.search}`, html);
}
