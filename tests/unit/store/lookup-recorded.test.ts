import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveContact } from '../../../lib/store/contacts';
import type { HeedDb } from '../../../lib/store/db';
import { addEntries } from '../../../lib/store/entries';
import { lookupPerson } from '../../../lib/store/lookup';
import { answerFor } from '../../../lib/verdict/answer';
import { freshDb } from '../popup/helpers';

// Issue 20, item 4: when a contact record ties a profile to an email or phone on a list, the profile shows it.

const PROFILE = 'https://www.linkedin.com/in/rita-recorded/';
let db: HeedDb;
let listId: string;
beforeEach(async () => {
  ({ db, defaultListId: listId } = await freshDb());
});
afterEach(() => db.close());

describe('lookupPerson with a contact record', () => {
  it('without withRecorded, looks up only the identifiers given (the bulk check compares against this)', async () => {
    await saveContact(db, { profileUrls: [PROFILE], emails: ['rita@rita-co.example'] });
    await addEntries(db, listId, [{ kind: 'email', value: 'rita@rita-co.example' }], { reason: 'objection' });
    expect((await lookupPerson(db, { profileUrls: [PROFILE] })).matches).toEqual([]);
  });

  it("finds the recorded email's opt-out from the profile URL alone", async () => {
    await saveContact(db, { profileUrls: [PROFILE], emails: ['rita@rita-co.example'] });
    await addEntries(db, listId, [{ kind: 'email', value: 'Rita@rita-co.example' }], { reason: 'objection' });
    const found = await lookupPerson(db, { profileUrls: [PROFILE] }, { withRecorded: true });
    expect(found.matches.map((m) => [m.kind, m.reason])).toEqual([['email', 'objection']]);
    const a = await answerFor(
      db,
      { emails: [], profileUrls: [PROFILE], salesNavUrls: [], phones: [] },
      { source: 'linkedin-profile', country: 'GB' },
      new Date(),
    );
    expect(a.level).toBe('blocked');
  });

  it("finds the recorded phone's do-not-call from the profile URL alone", async () => {
    await saveContact(db, { profileUrls: [PROFILE], phones: ['+44 20 7946 0111'] });
    await addEntries(db, listId, [{ kind: 'phone', value: '+442079460111' }], { reason: 'do-not-call' });
    const found = await lookupPerson(db, { profileUrls: [PROFILE] }, { withRecorded: true });
    expect(found.matches.map((m) => m.kind)).toEqual(['phone']);
  });

  it('looks up only once when the record adds nothing the page did not show', async () => {
    await saveContact(db, { profileUrls: [PROFILE], emails: ['rita@rita-co.example'] });
    const found = await lookupPerson(
      db,
      { profileUrls: [PROFILE], emails: ['RITA@rita-co.example'] },
      { withRecorded: true },
    );
    expect(found.matches).toEqual([]);
    expect(found.contact?.emails).toEqual(['rita@rita-co.example']);
  });
});
