import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, loadDemoData } from '@/lib/demo/data';
import { openDb } from '@/lib/store/db';
import { getLists } from '@/lib/store/lists';
import { answerFor } from '@/lib/verdict/answer';

const NOW = new Date('2026-11-29T10:00:00Z');
const none = { emails: [], profileUrls: [], salesNavUrls: [], phones: [] };

describe('demo data through lookup and the risk engine', () => {
  it('shows every level on the demo people, idempotently', async () => {
    const db = await openDb(`demo-${Math.random()}`);
    await loadDemoData(db, NOW);
    await loadDemoData(db, NOW); // a second load adds nothing
    const lists = await getLists(db);
    expect(lists.map((l) => [l.name, l.counts.total]).sort()).toEqual([
      ['Demo — Competitors (email only)', 1],
      ['Demo — Do not contact', 1],
      ['Demo — Vendor suppression (MD5)', 2],
    ]);

    const jane = await answerFor(
      db,
      { ...none, profileUrls: [DEMO_PEOPLE.jane.url] },
      { source: 'linkedin-profile', country: 'GB' },
      NOW,
    );
    expect(jane.level).toBe(DEMO_PEOPLE.jane.expect);
    expect(jane.matches).toEqual([
      expect.objectContaining({ listName: 'Demo — Do not contact', reason: 'objected', match: 'exact' }),
    ]);
    expect(Object.values(jane.channels)).toEqual(['blocked', 'blocked', 'blocked', 'blocked', 'blocked']);

    const ada = await answerFor(
      db,
      { ...none, emails: ['Ada@AdaWorks.example'] },
      { source: 'github', country: 'GB' },
      NOW,
    );
    expect(ada.level).toBe(DEMO_PEOPLE.ada.expect);
    expect(ada.channels.email).toBe('blocked');
    expect(ada.channels.post).not.toBe('blocked');
    expect(ada.matches[0]).toMatchObject({
      listName: 'Demo — Vendor suppression (MD5)',
      kind: 'md5',
      via: 'md5 of email',
    });

    const max = await answerFor(
      db,
      { ...none, profileUrls: [DEMO_PEOPLE.max.url] },
      { source: 'linkedin-profile', country: 'DE' },
      NOW,
    );
    expect(max.hasContact).toBe(true);
    expect(max.channels.email).toBe('allowed');
    expect(max.level).toBe(DEMO_PEOPLE.max.expect);

    const emma = await answerFor(
      db,
      { ...none, profileUrls: [DEMO_PEOPLE.emma.url] },
      { source: 'linkedin-profile', country: 'CA' },
      NOW,
    );
    expect(emma.channels.email).toBe('allowed');
    expect(emma.level).toBe(DEMO_PEOPLE.emma.expect);

    const claire = await answerFor(
      db,
      { ...none, profileUrls: [DEMO_PEOPLE.claire.url] },
      { source: 'linkedin-profile', country: 'FR' },
      NOW,
    );
    expect(claire.level).toBe('unknown');
    expect(claire.fromDefaults).toBe(true);

    const rival = await answerFor(
      db,
      { ...none, emails: ['x@sales.rival.example'] },
      { source: 'generic' },
      NOW,
    );
    expect(rival.channels.email).toBe('blocked');
    expect(rival.matches[0]?.via).toMatch(/domain/);
  });
});

describe('toAssessInput', () => {
  it('passes both soft opt-in conditions and the TPS listing date through unchanged', async () => {
    const { toAssessInput } = await import('@/lib/verdict/answer');
    const { DEFAULT_SETTINGS } = await import('@/lib/store/settings');
    const contact = {
      id: '00000000-0000-4000-8000-000000000001',
      keys: [],
      emails: ['a@b.example'],
      profileUrls: [],
      salesNavUrls: [],
      phones: [],
      stage: 'client' as const,
      subscriber: 'individual' as const,
      emailKind: 'unknown' as const,
      consents: [],
      source: 'subject' as const,
      softOptIn: { similarProducts: true, optOutOffered: false },
      tps: true,
      tpsListedAt: '2026-11-20',
      createdAt: '2026-01-01',
      updatedAt: '2026-01-01',
    };
    const input = toAssessInput(
      {
        matches: [],
        contact,
        contacts: [contact],
        identifiers: { emails: [], profileUrls: [], salesNavUrls: [], phones: [], domains: [], rejected: [] },
      },
      { source: 'linkedin-profile', country: 'GB' },
      DEFAULT_SETTINGS,
      NOW,
    );
    expect(input.softOptIn).toEqual({ similarProducts: true, optOutOffered: false });
    expect(input.tpsListedAt).toBe('2026-11-20');
    expect(input.country).toBe('GB');
    expect(input.stage).toBe('client');
  });
});

describe('demo data stays apart from the user’s own data (issue 20, item 13)', () => {
  it('never writes into the user’s lists or contacts, and is removed in one go, with undo', async () => {
    const { addEntries } = await import('@/lib/store/entries');
    const { createList, ensureDefaultList } = await import('@/lib/store/lists');
    const { saveContact, listContacts } = await import('@/lib/store/contacts');
    const { hasDemoData, removeDemoData, restoreDemoData, DEMO_LIST_NAMES } = await import('@/lib/demo/data');
    const db = await openDb(`demo-${Math.random()}`);
    const dnc = await ensureDefaultList(db);
    await addEntries(db, dnc.id, [{ kind: 'email', value: 'mine@example.org' }], { reason: 'objection' });
    // A list of the user's that happens to share a demo name is still the user's: its description lacks the marker.
    await createList(db, { name: DEMO_LIST_NAMES.domains, description: 'my own' });
    await saveContact(db, { name: 'Mine', emails: ['mine@example.org'] });
    expect(await hasDemoData(db)).toBe(false);

    await loadDemoData(db, NOW);
    expect(await hasDemoData(db)).toBe(true);
    const afterLoad = await getLists(db);
    expect(afterLoad.find((l) => l.id === dnc.id)?.counts.total).toBe(1);
    // List names are unique (issue 16): the demo's copy of the name takes a suffix, the user's list keeps its own.
    expect(afterLoad.filter((l) => l.name === DEMO_LIST_NAMES.domains).map((l) => l.description)).toEqual([
      'my own',
    ]);
    expect(afterLoad.filter((l) => l.name === `${DEMO_LIST_NAMES.domains} (demo)`)).toHaveLength(1);

    const snap = await removeDemoData(db);
    expect(snap.lists).toHaveLength(3);
    expect(snap.contacts).toHaveLength(2);
    expect(await hasDemoData(db)).toBe(false);
    const left = await getLists(db);
    expect(left.map((l) => [l.name, l.description, l.counts.total]).sort()).toEqual([
      [DEMO_LIST_NAMES.domains, 'my own', 0],
      ['Do not contact', expect.any(String), 1],
    ]);
    expect((await listContacts(db)).map((c) => c.name)).toEqual(['Mine']);
    const jane = await answerFor(
      db,
      { ...none, profileUrls: [DEMO_PEOPLE.jane.url] },
      { source: 'linkedin-profile', country: 'GB' },
      NOW,
    );
    expect(jane.level).toBe('unknown');

    await restoreDemoData(db, snap);
    expect(await hasDemoData(db)).toBe(true);
    const back = await answerFor(
      db,
      { ...none, profileUrls: [DEMO_PEOPLE.jane.url] },
      { source: 'linkedin-profile', country: 'GB' },
      NOW,
    );
    expect(back.level).toBe('blocked');
    expect((await listContacts(db)).map((c) => c.name).sort()).toEqual([
      'Emma Tremblay',
      'Max Mustermann',
      'Mine',
    ]);
    db.close();
  });
});
