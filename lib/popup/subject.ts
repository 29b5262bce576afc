import type { Identifiers, TabPerson } from '../messaging/types';

type Kind = 'emails' | 'profileUrls' | 'salesNavUrls' | 'phones';
const KINDS: readonly Kind[] = ['emails', 'profileUrls', 'salesNavUrls', 'phones'];

function values(ids: Identifiers, kind: Kind): Set<string> {
  // Emails differ only in case when a page re-renders them; the rest come from the extractor already canonical.
  return new Set(ids[kind].map((v) => (kind === 'emails' ? v.trim().toLowerCase() : v.trim())));
}

const overlaps = (a: Set<string>, b: Set<string>) => [...a].some((v) => b.has(v));

/**
 * Whether the tab still shows the person a record form was opened for. A profile page that gains identifiers
 * (the contact-info overlay adds an email) is the same person; a different profile URL, or no identifier in
 * common, is someone else. Deliberately strict: closing a form needlessly costs a click, recording the wrong
 * person costs an objection on the wrong record.
 */
export function samePerson(a: TabPerson, b: TabPerson): boolean {
  let shared = false;
  for (const kind of KINDS) {
    const x = values(a.identifiers, kind);
    const y = values(b.identifiers, kind);
    if ((kind === 'profileUrls' || kind === 'salesNavUrls') && x.size > 0 && y.size > 0 && !overlaps(x, y))
      return false;
    if (overlaps(x, y)) shared = true;
  }
  // Two sightings with no identifier at all cannot be told apart (and neither can be recorded).
  return shared || (isBlank(a) && isBlank(b));
}

function isBlank(p: TabPerson): boolean {
  return KINDS.every((k) => p.identifiers[k].length === 0);
}

/** The identifiers a form will record, in one short line, so the rep sees whom the form is about. */
export function subjectLine(p: TabPerson, max = 3): string {
  const ids = p.identifiers;
  const all = [
    ...ids.profileUrls.map((u) => u.replace(/^https?:\/\/(www\.)?/, '')),
    ...ids.salesNavUrls.map((u) => u.replace(/^https?:\/\/(www\.)?/, '')),
    ...ids.emails,
    ...ids.phones,
  ];
  if (all.length === 0) return 'no identifier';
  const more = all.length - max;
  return all.slice(0, max).join(', ') + (more > 0 ? ` and ${more} more` : '');
}
