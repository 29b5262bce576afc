import type { LookupAnswer, TabPerson } from '../messaging/types';
import type { SelfDb } from '../mydata/db';
import type { HeedDb } from '../store/db';
import { retentionDue } from '../store/retention';
import type { Contact } from '../store/schemas';
import { getSettings } from '../store/settings';
import { answerAndContact } from './answer';
import { withSelfAdvice } from './self-advice';

export interface PersonVerdict {
  answer: LookupAnswer;
  /** The recorded contact holding any of the person's identifiers, for the lawful-basis form. */
  contact?: Contact;
  /** The contact record is past its retention period since this date (GDPR Art. 5(1)(e)): delete or renew it. */
  pastRetention?: string;
}

/**
 * The one verdict for a person on a page: the badge, the toolbar, row markers and the popup all show this. One
 * lookup gives the answer and the contact record; on the user's own LinkedIn profile the answer also carries
 * the own-profile advice.
 */
export async function verdictFor(
  db: HeedDb,
  self: SelfDb,
  person: Pick<TabPerson, 'identifiers' | 'hints'>,
  now: Date,
): Promise<PersonVerdict> {
  const { identifiers, hints } = person;
  const settings = await getSettings(db);
  const { answer, contact } = await answerAndContact(db, identifiers, hints, now, settings);
  const due = contact ? retentionDue(contact, settings.retentionDays, now) : null;
  const advised = await withSelfAdvice(
    self,
    identifiers,
    answer,
    hints.birthday,
    // Whether the page showed the contact-info overlay: before it is opened, nothing can be said about it.
    hints.contactVisibility !== undefined,
  );
  return { answer: advised, ...(contact ? { contact } : {}), ...(due ? { pastRetention: due.dueAt } : {}) };
}
