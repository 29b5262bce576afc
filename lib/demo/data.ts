import { loadHashers } from '../identifiers';
import { deleteContact, saveContact } from '../store/contacts';
import type { HeedDb } from '../store/db';
import { restoreDeletedList } from '../store/deleted-lists';
import { addEntries } from '../store/entries';
import { createList, type DeletedList, deleteList, getLists } from '../store/lists';
import type { Contact, SuppressionList } from '../store/schemas';

/** The people on the demo pages (tests/fixtures/pages) and what the demo data says about each. */
export const DEMO_PEOPLE = {
  jane: { url: 'https://www.linkedin.com/in/jane-doe-1a2b3c/', expect: 'blocked' },
  max: { url: 'https://www.linkedin.com/in/max-mustermann/', expect: 'caution' },
  emma: { url: 'https://www.linkedin.com/in/emma-tremblay/', expect: 'ok' },
  ada: { url: 'https://github.com/octo-ada', expect: 'high' },
  claire: { url: 'https://www.linkedin.com/in/claire-dubois-42/', expect: 'unknown' },
} as const;

// Demo data lives in lists of its own, named "Demo — …" and described with DEMO_MARKER, and in contacts with
// fixed ids: it never writes into the user's lists (the real "Do not contact" above all) and can be taken out
// again in one go without touching anything else (issue 20, item 13).
export const DEMO_MARKER = 'Heed demo data: remove it from the options page header.';
export const DEMO_LIST_NAMES = {
  dnc: 'Demo — Do not contact',
  hashed: 'Demo — Vendor suppression (MD5)',
  domains: 'Demo — Competitors (email only)',
} as const;
export const DEMO_CONTACT_IDS = [
  '00000000-0000-4000-8000-00000000000a',
  '00000000-0000-4000-8000-00000000000b',
] as const;

/** A demo list: both its name and its description say so, so that a list of the user's is never taken for one. */
export function isDemoList(list: Pick<SuppressionList, 'name' | 'description' | 'isDefault'>): boolean {
  return (
    !list.isDefault &&
    (Object.values(DEMO_LIST_NAMES) as string[]).includes(list.name.replace(/ \(demo\)$/, '')) &&
    list.description.startsWith(DEMO_MARKER)
  );
}

function isDemoContact(c: Pick<Contact, 'id' | 'notes'>): boolean {
  return (DEMO_CONTACT_IDS as readonly string[]).includes(c.id) && (c.notes ?? '').startsWith(DEMO_MARKER);
}

export async function hasDemoData(db: HeedDb): Promise<boolean> {
  if ((await getLists(db)).some(isDemoList)) return true;
  const contacts = await db.contacts.bulkGet([...DEMO_CONTACT_IDS]);
  return contacts.some((c) => c !== undefined && isDemoContact(c));
}

/** What removeDemoData took out, to put it back on Undo. */
export interface DemoSnapshot {
  /** Deleted lists: their entries stay on disk until the undo is no longer held (lib/store/deleted-lists.ts). */
  lists: DeletedList[];
  contacts: Contact[];
}

/** Removes the demo lists and contacts, and nothing else. */
export async function removeDemoData(db: HeedDb): Promise<DemoSnapshot> {
  const lists: DeletedList[] = [];
  for (const l of (await getLists(db)).filter(isDemoList)) lists.push(await deleteList(db, l.id));
  const contacts: Contact[] = [];
  for (const c of await db.contacts.bulkGet([...DEMO_CONTACT_IDS])) {
    if (c && isDemoContact(c) && (await deleteContact(db, c.id))) contacts.push(c);
  }
  return { lists, contacts };
}

/** Undo of removeDemoData: the same lists (same ids, entries and batches) and contacts come back. */
export async function restoreDemoData(db: HeedDb, snap: DemoSnapshot): Promise<void> {
  for (const l of snap.lists) {
    if (!(await db.lists.get(l.listId))) await restoreDeletedList(db, l);
  }
  if (snap.contacts.length > 0) await db.contacts.bulkPut(snap.contacts);
}

function daysAgo(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Loads a small demo data set so every level shows on the demo pages, into demo lists of its own. Idempotent:
 * demo lists are found by name and marker, and re-importing entries adds nothing.
 */
export async function loadDemoData(db: HeedDb, now = new Date()): Promise<void> {
  const lists = await getLists(db);
  // List names are unique: when one of the user's own lists has a demo list's name, the demo list takes a suffix.
  const mine = (name: string) =>
    lists.some((l) => !isDemoList(l) && l.name.toLowerCase() === name.toLowerCase());
  const byName = async (name: string, description: string, channels?: ('email' | 'sms')[]) =>
    lists.find((l) => (l.name === name || l.name === `${name} (demo)`) && isDemoList(l)) ??
    (await createList(db, {
      name: mine(name) ? `${name} (demo)` : name,
      description: `${DEMO_MARKER} ${description}`,
      ...(channels ? { channels } : {}),
    }));
  const dnc = await byName(DEMO_LIST_NAMES.dnc, 'People who objected to direct marketing');

  // Jane objected to direct marketing: blocked everywhere (GDPR Art. 21(3)).
  await addEntries(db, dnc.id, [{ kind: 'profile', value: DEMO_PEOPLE.jane.url }], {
    reason: 'objection',
    since: daysAgo(now, 40),
  });

  // An affiliate network's hashed list, email only: Ada unsubscribed.
  const { md5 } = await loadHashers();
  const hashed = await byName(DEMO_LIST_NAMES.hashed, 'MD5 hashes shared by a partner; email only', [
    'email',
  ]);
  await addEntries(
    db,
    hashed.id,
    [
      { kind: 'md5', value: md5('ada@adaworks.example').toUpperCase() },
      { kind: 'md5', value: md5('someone.else@example.org') },
    ],
    { reason: 'unsubscribe', since: daysAgo(now, 12) },
  );
  const competitors = await byName(DEMO_LIST_NAMES.domains, 'Never email competitors', ['email']);
  await addEntries(db, competitors.id, [{ kind: 'domain', value: '.rival.example' }], {
    reason: 'other',
    since: daysAgo(now, 90),
  });

  // Max is a German client who gave express consent to email, with evidence; no consent to calls.
  await saveContact(db, {
    id: DEMO_CONTACT_IDS[0],
    name: 'Max Mustermann',
    notes: `${DEMO_MARKER} A German client with email consent.`,
    profileUrls: [DEMO_PEOPLE.max.url],
    emails: ['max.mustermann@beispiel.example'],
    stage: 'client',
    subscriber: 'corporate',
    country: 'DE',
    emailKind: 'work',
    source: 'subject',
    collectedAt: daysAgo(now, 400),
    informedAt: daysAgo(now, 400),
    consents: [{ channel: 'email', givenAt: daysAgo(now, 400), evidence: 'Signed order form, clause 9' }],
    legitimateInterest: { assessedAt: daysAgo(now, 380), reference: 'LIA-2025-014' },
    purchaseAt: daysAgo(now, 200),
  });
  // Emma bought from us in Canada eight months ago and consented to email: allowed.
  await saveContact(db, {
    id: DEMO_CONTACT_IDS[1],
    name: 'Emma Tremblay',
    notes: `${DEMO_MARKER} A Canadian customer who consented to every channel.`,
    profileUrls: [DEMO_PEOPLE.emma.url],
    stage: 'client',
    subscriber: 'individual',
    country: 'CA',
    source: 'subject',
    collectedAt: daysAgo(now, 240),
    informedAt: daysAgo(now, 240),
    purchaseAt: daysAgo(now, 240),
    consents: (['email', 'sms', 'phone', 'post', 'inmail'] as const).map((channel) => ({
      channel,
      givenAt: daysAgo(now, 240),
      evidence: 'Checkout opt-in, order 5531',
    })),
    legitimateInterest: { assessedAt: daysAgo(now, 240), reference: 'LIA-2026-002' },
  });
}
