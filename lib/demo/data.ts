import { loadHashers } from '../identifiers';
import { saveContact } from '../store/contacts';
import type { HeedDb } from '../store/db';
import { addEntries } from '../store/entries';
import { createList, ensureDefaultList, getLists } from '../store/lists';

/** The people on the demo pages (tests/fixtures/pages) and what the demo data says about each. */
export const DEMO_PEOPLE = {
  jane: { url: 'https://www.linkedin.com/in/jane-doe-1a2b3c/', expect: 'blocked' },
  max: { url: 'https://www.linkedin.com/in/max-mustermann/', expect: 'caution' },
  emma: { url: 'https://www.linkedin.com/in/emma-tremblay/', expect: 'ok' },
  ada: { url: 'https://github.com/octo-ada', expect: 'high' },
  claire: { url: 'https://www.linkedin.com/in/claire-dubois-42/', expect: 'unknown' },
} as const;

export const DEMO_LIST_NAMES = {
  hashed: 'Vendor suppression (MD5)',
  domains: 'Competitors (email only)',
} as const;

function daysAgo(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Loads a small demo data set so every level shows on the demo pages. Idempotent: lists are found by name and
 * re-importing entries adds nothing.
 */
export async function loadDemoData(db: HeedDb, now = new Date()): Promise<void> {
  const dnc = await ensureDefaultList(db);
  const lists = await getLists(db);
  const byName = async (name: string, description: string, channels?: ('email' | 'sms')[]) =>
    lists.find((l) => l.name === name) ??
    (await createList(db, { name, description, ...(channels ? { channels } : {}) }));

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
    id: '00000000-0000-4000-8000-00000000000a',
    name: 'Max Mustermann',
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
    id: '00000000-0000-4000-8000-00000000000b',
    name: 'Emma Tremblay',
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
