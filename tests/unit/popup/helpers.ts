import type { TabPerson } from '../../../lib/messaging/types';
import { type HeedDb, openDb } from '../../../lib/store/db';
import { ensureDefaultList } from '../../../lib/store/lists';

let n = 0;
export async function freshDb(): Promise<{ db: HeedDb; defaultListId: string }> {
  n += 1;
  const db = await openDb(`popup-test-${process.pid}-${n}-${Math.random().toString(36).slice(2)}`);
  const list = await ensureDefaultList(db);
  return { db, defaultListId: list.id };
}

export const JANE: TabPerson = {
  identifiers: {
    emails: ['Jane.Doe@Acme.example'],
    profileUrls: ['https://www.linkedin.com/in/jane-doe-1a2b3c/?trk=abc'],
    salesNavUrls: [],
    phones: [],
  },
  hints: { source: 'linkedin-profile', country: 'GB', name: 'Jane Doe' },
};

export const EMMA: TabPerson = {
  identifiers: {
    emails: [],
    profileUrls: ['https://www.linkedin.com/in/emma-tremblay/'],
    salesNavUrls: [],
    phones: [],
  },
  hints: { source: 'linkedin-profile', country: 'CA', name: 'Emma Tremblay' },
};
