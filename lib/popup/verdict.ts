import type { Identifiers, TabPerson } from '../messaging/types';
import type { HeedDb } from '../store/db';
import { lookupPerson } from '../store/lookup';
import { getSettings } from '../store/settings';
import { answerFor } from '../verdict/answer';
import type { PersonVerdict } from './state';

export function lookupIds(identifiers: Identifiers) {
  return {
    emails: identifiers.emails,
    profileUrls: identifiers.profileUrls,
    salesNavUrls: identifiers.salesNavUrls,
    phones: identifiers.phones,
    domains: identifiers.domains ?? [],
  };
}

/**
 * The same answer the background gives the page (one function, `answerFor`), plus the contact record the
 * lawful-basis form edits. Computed in the popup so it is fresh right after the popup's own writes.
 */
export async function personVerdict(db: HeedDb, person: TabPerson, now: Date): Promise<PersonVerdict> {
  const settings = await getSettings(db);
  const [answer, found] = await Promise.all([
    answerFor(db, person.identifiers, person.hints, now),
    lookupPerson(db, lookupIds(person.identifiers), {
      possible: false,
      ...(settings.defaultCountry ? { defaultCountry: settings.defaultCountry } : {}),
    }),
  ]);
  return { answer, ...(found.contact ? { contact: found.contact } : {}) };
}
