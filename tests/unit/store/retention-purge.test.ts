import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSelfDb } from '@/lib/mydata/db';
import { queryAudit } from '@/lib/store/audit';
import { purgePastRetention, saveContactWithUndo, undoPurge } from '@/lib/store/commands/contact';
import { saveContact } from '@/lib/store/contacts';
import { type HeedDb, openDb } from '@/lib/store/db';
import { addEntries } from '@/lib/store/entries';
import { ensureDefaultList } from '@/lib/store/lists';
import { lookupPerson } from '@/lib/store/lookup';
import { contactsPastRetention } from '@/lib/store/retention';
import { saveSettings } from '@/lib/store/settings';
import { verdictFor } from '@/lib/verdict/verdict-for';

// Issue 16, item 6: retentionDays does something. Contact records past it are flagged (options page, popup) and
// purged on request with undo and an audit event (GDPR Art. 5(1)(e)); suppression entries are never purged.

const NOW = new Date('2026-06-15T12:00:00Z');
let db: HeedDb;
beforeEach(async () => {
  db = await openDb(`retention-${process.pid}-${Math.random().toString(36).slice(2)}`);
});
afterEach(() => db.close());

describe('purge past retention', () => {
  it('the settings period decides: a record collected long ago is flagged, and a shorter period flags more', async () => {
    const old = await saveContact(db, { emails: ['old@x.example'], collectedAt: '2023-01-01' });
    const recent = await saveContact(db, { emails: ['recent@x.example'], collectedAt: '2026-03-01' });
    expect((await contactsPastRetention(db, NOW)).map((f) => f.contact.id)).toEqual([old.id]);
    await saveSettings(db, { retentionDays: 30 });
    expect((await contactsPastRetention(db, NOW)).map((f) => f.contact.id)).toEqual([old.id, recent.id]);
  });

  it('deletes only records still due, leaves suppression entries, writes one audit event, and undo restores', async () => {
    const list = await ensureDefaultList(db);
    await addEntries(db, list.id, [{ kind: 'email', value: 'old@x.example' }], { reason: 'objection' });
    const old = await saveContact(db, { emails: ['old@x.example'], retentionUntil: '2026-01-01' });
    const renewed = await saveContact(db, { emails: ['renewed@x.example'], retentionUntil: '2026-01-01' });
    const flagged = (await contactsPastRetention(db, NOW)).map((f) => f.contact.id);
    expect(flagged.sort()).toEqual([old.id, renewed.id].sort());
    // Meanwhile another page renews one record: it is no longer due, and the purge keeps it.
    await saveContactWithUndo(db, { ...renewed, retentionUntil: '2027-01-01' });

    const receipt = await purgePastRetention(db, flagged, NOW);
    expect(receipt.contacts.map((c) => c.id)).toEqual([old.id]);
    expect((await db.contacts.toArray()).map((c) => c.id)).toEqual([renewed.id]);
    // The opt-out stays: it is kept because the person opted out.
    expect((await lookupPerson(db, { emails: ['old@x.example'] })).matches).toHaveLength(1);
    const [event] = await queryAudit(db, { action: 'purge' });
    expect(event).toMatchObject({ counts: { contacts: 1 }, detail: 'past retention (GDPR Art. 5(1)(e))' });

    expect(await undoPurge(db, receipt)).toBe(1);
    expect(await db.contacts.get(old.id)).toEqual(old);
    // A second undo finds the record back already and adds nothing.
    expect(await undoPurge(db, receipt)).toBe(0);
  });

  it('purges nothing and logs nothing when none of the chosen records is due', async () => {
    const c = await saveContact(db, { emails: ['fresh@x.example'], retentionUntil: '2030-01-01' });
    expect((await purgePastRetention(db, [c.id], NOW)).contacts).toEqual([]);
    expect(await queryAudit(db, { action: 'purge' })).toEqual([]);
    expect(await db.contacts.count()).toBe(1);
  });
});

describe('verdictFor flags the shown person’s record past retention', () => {
  it('says since when, and says nothing for a record still in its period', async () => {
    const self = await openSelfDb(`retention-self-${Math.random().toString(36).slice(2)}`);
    await saveContact(db, { emails: ['due@x.example'], retentionUntil: '2026-02-01' });
    await saveContact(db, { emails: ['kept@x.example'], retentionUntil: '2027-02-01' });
    const person = (email: string) => ({
      identifiers: { emails: [email], profileUrls: [], salesNavUrls: [], phones: [] },
      hints: { source: 'generic' as const },
    });
    expect((await verdictFor(db, self, person('due@x.example'), NOW)).pastRetention).toBe('2026-02-01');
    expect((await verdictFor(db, self, person('kept@x.example'), NOW)).pastRetention).toBeUndefined();
    expect((await verdictFor(db, self, person('nobody@x.example'), NOW)).pastRetention).toBeUndefined();
    self.close();
  });
});
