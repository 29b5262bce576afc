import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addIdentity } from '@/lib/mydata/commands';
import { openSelfDb, type SelfDb } from '@/lib/mydata/db';
import { exposureReport } from '@/lib/mydata/exposure';
import { matchMine } from '@/lib/mydata/identities';
import { identifiersInText, MAX_TEXT } from '@/lib/mydata/text-check';

describe('identifiersInText', () => {
  it('finds emails, phones and profile URLs in pasted text', () => {
    const found = identifiersInText(
      'Record 1: jane.doe@gmail.com, tel 020 7946 0958, source: uk.linkedin.com/in/jane-doe-1a2b3c (scraped). Also sales@acme.example, +49 30 901820.',
      'GB',
    );
    expect(found.emails).toEqual(['jane.doe@gmail.com', 'sales@acme.example']);
    expect(found.phones).toEqual(['020 7946 0958', '+49 30 901820']);
    expect(found.profileUrls).toEqual(['uk.linkedin.com/in/jane-doe-1a2b3c']);
    expect(found.truncated).toBe(false);
  });

  it('cuts an enormous paste and says so', () => {
    const found = identifiersInText(`${'x'.repeat(MAX_TEXT)} late@example.org`);
    expect(found.truncated).toBe(true);
    expect(found.emails).toEqual([]);
  });
});

describe('a pasted reply checked against my identities', () => {
  let db: SelfDb;
  beforeEach(async () => {
    db = await openSelfDb(`self-text-${Math.random()}`);
  });
  afterEach(() => db.close());

  it('reports mine and counts the rest', async () => {
    await addIdentity(db, { kind: 'email', raw: 'jane.doe@gmail.com' });
    const found = identifiersInText('Contacts: jane.doe@gmail.com; bob@acme.example; +44 20 7946 0958');
    const report = exposureReport(found, await matchMine(db, found));
    expect(report.mine.map((m) => m.value)).toEqual(['jane.doe@gmail.com']);
    expect(report.others).toEqual({ emails: 1, phones: 1 });
  });
});
