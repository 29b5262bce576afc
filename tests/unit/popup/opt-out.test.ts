import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emailHashForms, loadHashers } from '../../../lib/identifiers';
import { describeOptOut, describeOptOutUndo } from '../../../lib/popup/notices';
import { channelsBlocked, describeChannelsBlocked, willBlockSentence } from '../../../lib/popup/opt-out';
import {
  defaultChannels,
  OptOutError,
  optOutEntries,
  recordOptOut,
  undoOptOut,
} from '../../../lib/store/commands/opt-out';
import type { HeedDb } from '../../../lib/store/db';
import { addEntries } from '../../../lib/store/entries';
import { createList, getList } from '../../../lib/store/lists';
import { lookupPerson } from '../../../lib/store/lookup';
import { answerFor } from '../../../lib/verdict/answer';
import { freshDb, JANE } from './helpers';

let db: HeedDb;
let listId: string;
beforeEach(async () => {
  ({ db, defaultListId: listId } = await freshDb());
});
afterEach(() => db.close());

const ids = (over: Partial<typeof JANE.identifiers> = {}) => ({ ...JANE.identifiers, ...over });

describe('optOutEntries', () => {
  it('takes every identifier the page showed, and only those', async () => {
    const entries = await optOutEntries(
      ids({
        salesNavUrls: ['https://www.linkedin.com/sales/lead/ACwAAA1b2C3,NAME_SEARCH,xyz'],
        phones: ['+44 20 7946 0000'],
      }),
    );
    expect(entries.map((e) => e.kind)).toEqual(['profile', 'salesnav', 'email', 'phone']);
    expect(entries.map((e) => e.value)).toContain('Jane.Doe@Acme.example');
  });

  it('stores emails as the SHA-256 of their canonical form when asked', async () => {
    const [profile, email] = await optOutEntries(ids(), { hashEmails: true });
    const h = await loadHashers();
    expect(profile?.kind).toBe('profile');
    expect(email).toEqual({
      kind: 'sha256',
      value: h.sha256(emailHashForms('jane.doe@acme.example')[0] ?? ''),
    });
    expect(email?.value).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('recordOptOut', () => {
  it('blocks the person on every channel and records reason, date and list', async () => {
    const before = await answerFor(db, JANE.identifiers, JANE.hints, new Date());
    expect(before.level).not.toBe('blocked');
    const receipt = await recordOptOut(db, { listId, reason: 'objection', identifiers: JANE.identifiers });
    expect(receipt.added.map((a) => a.kind).sort()).toEqual(['email', 'profile']);
    expect(receipt.added.find((a) => a.kind === 'profile')?.key).toBe(
      'https://www.linkedin.com/in/jane-doe-1a2b3c/',
    );
    const after = await answerFor(db, JANE.identifiers, JANE.hints, new Date());
    expect(after.level).toBe('blocked');
    expect(Object.values(after.channels)).toEqual(['blocked', 'blocked', 'blocked', 'blocked', 'blocked']);
    const found = await lookupPerson(db, JANE.identifiers);
    expect(found.matches.map((m) => [m.kind, m.reason, m.listId])).toContainEqual([
      'profile',
      'objection',
      listId,
    ]);
    expect(found.matches[0]?.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await getList(db, listId))?.counts.total).toBe(2);
  });

  it('dates the entry from the reply when a reply asked (since), not today', async () => {
    await recordOptOut(db, {
      listId,
      reason: 'unsubscribe',
      identifiers: { emails: ['jane.doe@gmail.com'], profileUrls: [], salesNavUrls: [], phones: [] },
      since: '2026-11-28',
    });
    const found = await lookupPerson(db, { emails: ['jane.doe@gmail.com'] });
    expect(found.matches.map((m) => [m.reason, m.since.slice(0, 10)])).toEqual([
      ['unsubscribe', '2026-11-28'],
    ]);
  });

  it('a hashed recording still blocks the email on its own', async () => {
    await recordOptOut(db, {
      listId,
      reason: 'unsubscribe',
      identifiers: JANE.identifiers,
      hashEmails: true,
    });
    const byEmail = await answerFor(
      db,
      { emails: ['jane.doe@acme.example'], profileUrls: [], salesNavUrls: [], phones: [] },
      { source: 'generic' },
      new Date(),
    );
    // An unsubscribe blocks email only (issue 20, item 5), so the level is no longer 'blocked' overall.
    expect(byEmail.channels.email).toBe('blocked');
    expect(byEmail.matches[0]?.via).toBe('sha256 of email');
  });

  it('undo removes what it added and nothing the list had before', async () => {
    await addEntries(db, listId, [{ kind: 'email', value: 'jane.doe@acme.example' }], {
      reason: 'bounce',
      source: 'import',
    });
    const receipt = await recordOptOut(db, { listId, reason: 'objection', identifiers: JANE.identifiers });
    expect(receipt.added).toEqual([{ kind: 'profile', key: 'https://www.linkedin.com/in/jane-doe-1a2b3c/' }]);
    expect(receipt.alreadyPresent).toBe(1);
    expect(await undoOptOut(db, receipt)).toBe(1);
    const found = await lookupPerson(db, JANE.identifiers, { possible: false });
    expect(found.matches.map((m) => [m.kind, m.reason])).toEqual([['email', 'bounce']]);
    expect((await getList(db, listId))?.counts.total).toBe(1);
    expect(describeOptOutUndo(1)).toMatch(/1 entry removed/);
    expect(describeOptOutUndo(0)).toMatch(/Nothing to undo/);
  });

  it('records on the list chosen, not the default', async () => {
    const other = await createList(db, { name: 'Event bounces' });
    await recordOptOut(db, { listId: other.id, reason: 'bounce', identifiers: JANE.identifiers });
    expect((await getList(db, other.id))?.counts.total).toBe(2);
    expect((await getList(db, listId))?.counts.total).toBe(0);
  });

  it('refuses a person with no identifier, and one whose every identifier is invalid, saying why', async () => {
    await expect(
      recordOptOut(db, { listId, reason: 'objection', identifiers: ids({ emails: [], profileUrls: [] }) }),
    ).rejects.toThrow(OptOutError);
    await expect(
      recordOptOut(db, {
        listId,
        reason: 'objection',
        identifiers: ids({ emails: ['no-at-sign'], profileUrls: [] }),
      }),
    ).rejects.toThrow(/Nothing recorded: email 'no-at-sign': no @/);
    expect((await getList(db, listId))?.counts.total).toBe(0);
  });

  it('records the valid identifiers and reports the skipped one', async () => {
    const receipt = await recordOptOut(db, {
      listId,
      reason: 'complaint',
      identifiers: ids({ emails: ['no-at-sign'] }),
    });
    expect(receipt.added).toHaveLength(1);
    expect(receipt.rejected).toEqual([{ kind: 'email', value: 'no-at-sign', reason: 'no @ in address' }]);
    const text = describeOptOut(receipt, { name: 'Do not contact' }, 'complaint');
    expect(text).toBe(
      'Opt-out recorded on “Do not contact” (Complained, blocks every channel); 1 entry added; 1 identifier skipped (email no @ in address).',
    );
  });

  it('recording twice adds nothing the second time', async () => {
    await recordOptOut(db, { listId, reason: 'objection', identifiers: JANE.identifiers });
    const again = await recordOptOut(db, { listId, reason: 'objection', identifiers: JANE.identifiers });
    expect(again.added).toEqual([]);
    expect(again.alreadyPresent).toBe(2);
    expect(describeOptOut(again, { name: 'L' }, 'objection')).toMatch(/2 already there/);
    expect(await undoOptOut(db, again)).toBe(0);
    expect((await getList(db, listId))?.counts.total).toBe(2);
  });
});

describe('scope is a property of the reason (issue 13, finding 1)', () => {
  it('an objection, erasure or complaint on an email-only list blocks every channel; an unsubscribe only email', async () => {
    const emailOnly = await createList(db, { name: 'Email only', channels: ['email'] });
    for (const reason of ['objection', 'erasure', 'complaint'] as const) {
      const receipt = await recordOptOut(db, { listId: emailOnly.id, reason, identifiers: JANE.identifiers });
      const found = await lookupPerson(db, JANE.identifiers);
      expect(found.matches.every((m) => m.channels === undefined)).toBe(true);
      const a = await answerFor(db, JANE.identifiers, JANE.hints, new Date());
      expect(a.channels.sms).toBe('blocked');
      expect(a.channels.phone).toBe('blocked');
      expect(a.channels.inmail).toBe('blocked');
      await undoOptOut(db, receipt);
    }
    await recordOptOut(db, { listId: emailOnly.id, reason: 'unsubscribe', identifiers: JANE.identifiers });
    const found = await lookupPerson(db, JANE.identifiers);
    expect(found.matches.map((m) => m.channels)).toEqual([['email'], ['email']]);
  });

  it('says before saving what each reason will block', () => {
    expect(describeChannelsBlocked(channelsBlocked('objection', ['email']))).toBe('every channel');
    expect(describeChannelsBlocked(channelsBlocked('erasure', ['email', 'sms']))).toBe('every channel');
    expect(describeChannelsBlocked(channelsBlocked('complaint', ['phone']))).toBe('every channel');
    // Issue 20, item 5: an unsubscribe blocks email even on a list for email and SMS (it was the list's scope).
    expect(describeChannelsBlocked(channelsBlocked('unsubscribe', ['email', 'sms']))).toBe('email only');
    expect(describeChannelsBlocked(channelsBlocked('do-not-call', ['phone']))).toBe('phone only');
    expect(describeChannelsBlocked(channelsBlocked('do-not-call', undefined))).toBe('phone and SMS only');
    expect(describeChannelsBlocked(channelsBlocked('bounce', undefined))).toBe('email only');
    expect(describeChannelsBlocked(channelsBlocked('other', undefined))).toBe('every channel');
  });
});

describe('each reason blocks its own channels by default (issue 20, item 5)', () => {
  it('an unsubscribe on the all-channel default list blocks email, not calls or post', async () => {
    await recordOptOut(db, { listId, reason: 'unsubscribe', identifiers: JANE.identifiers });
    const found = await lookupPerson(db, JANE.identifiers);
    expect(found.matches.length).toBeGreaterThan(0);
    for (const m of found.matches) expect(m.channels).toEqual(['email']);
    const a = await answerFor(db, JANE.identifiers, JANE.hints, new Date());
    expect(a.channels.email).toBe('blocked');
    expect(a.channels.phone).not.toBe('blocked');
    expect(a.channels.post).not.toBe('blocked');
  });

  it('a do-not-call blocks phone and SMS, not email', async () => {
    await recordOptOut(db, { listId, reason: 'do-not-call', identifiers: JANE.identifiers });
    const found = await lookupPerson(db, JANE.identifiers);
    for (const m of found.matches) expect(m.channels).toEqual(['phone', 'sms']);
    const a = await answerFor(db, JANE.identifiers, JANE.hints, new Date());
    expect(a.channels.phone).toBe('blocked');
    expect(a.channels.sms).toBe('blocked');
    expect(
      a.reasons.filter((r) => r.code.startsWith('suppressed-')).flatMap((r) => r.channels),
    ).not.toContain('email');
  });

  it('a recording never widens its list: a do-not-call on an email-only list keeps to the list', async () => {
    const emailOnly = await createList(db, { name: 'Email only', channels: ['email'] });
    await recordOptOut(db, { listId: emailOnly.id, reason: 'do-not-call', identifiers: JANE.identifiers });
    const found = await lookupPerson(db, JANE.identifiers);
    for (const m of found.matches) expect(m.channels).toEqual(['email']);
  });

  it('an objection still blocks every channel', async () => {
    await recordOptOut(db, { listId, reason: 'objection', identifiers: JANE.identifiers });
    const found = await lookupPerson(db, JANE.identifiers);
    for (const m of found.matches) expect(m.channels).toBeUndefined();
  });
});

describe('the rep narrows an opt-out where the law allows it (issue 20, item 5)', () => {
  it('an unsubscribe widened to email and SMS is stored so, and the verdict blocks exactly those', async () => {
    await recordOptOut(db, {
      listId,
      reason: 'unsubscribe',
      identifiers: JANE.identifiers,
      channels: ['sms', 'email'],
    });
    const found = await lookupPerson(db, JANE.identifiers);
    expect(found.matches.length).toBeGreaterThan(0);
    for (const m of found.matches) expect(m.channels).toEqual(['email', 'sms']);
    const a = await answerFor(db, JANE.identifiers, JANE.hints, new Date());
    expect(a.channels.email).toBe('blocked');
    expect(a.channels.sms).toBe('blocked');
    expect(a.channels.phone).not.toBe('blocked');
    expect(a.channels.post).not.toBe('blocked');
    expect(a.channels.inmail).not.toBe('blocked');
  });

  it('a do-not-call narrowed to calls leaves SMS open', async () => {
    await recordOptOut(db, {
      listId,
      reason: 'do-not-call',
      identifiers: JANE.identifiers,
      channels: ['phone'],
    });
    const a = await answerFor(db, JANE.identifiers, JANE.hints, new Date());
    expect(a.channels.phone).toBe('blocked');
    expect(a.channels.sms).not.toBe('blocked');
  });

  it('an objection, erasure or complaint ignores any narrowing and blocks every channel', async () => {
    for (const reason of ['objection', 'erasure', 'complaint'] as const) {
      const { db: own, defaultListId } = await freshDb();
      await recordOptOut(own, {
        listId: defaultListId,
        reason,
        identifiers: JANE.identifiers,
        channels: ['email'],
      });
      const a = await answerFor(own, JANE.identifiers, JANE.hints, new Date());
      expect(Object.values(a.channels)).toEqual(['blocked', 'blocked', 'blocked', 'blocked', 'blocked']);
      own.close();
    }
  });

  it('refuses an empty choice of channels and records nothing', async () => {
    await expect(
      recordOptOut(db, { listId, reason: 'unsubscribe', identifiers: JANE.identifiers, channels: [] }),
    ).rejects.toThrow('Choose at least one channel.');
    expect((await getList(db, listId))?.counts.total).toBe(0);
  });

  it('says what will be blocked in one sentence', () => {
    expect(willBlockSentence(channelsBlocked('unsubscribe', undefined, ['email', 'sms']))).toBe(
      'Will block: Email and SMS',
    );
    expect(willBlockSentence(channelsBlocked('do-not-call', undefined))).toBe('Will block: Phone and SMS');
    expect(willBlockSentence(channelsBlocked('objection', undefined, ['email']))).toMatch(
      /^Will block: every channel/,
    );
    // Never wider than the list: an SMS-only list keeps an unsubscribe narrowed to email and SMS to SMS.
    expect(willBlockSentence(channelsBlocked('unsubscribe', ['sms'], ['email', 'sms']))).toBe(
      'Will block: SMS',
    );
    expect(defaultChannels('unsubscribe')).toEqual(['email']);
    expect(defaultChannels('do-not-call')).toEqual(['phone', 'sms']);
    expect(defaultChannels('objection')).toHaveLength(5);
  });
});
