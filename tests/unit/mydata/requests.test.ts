import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  deleteRequest,
  logRequest,
  markAnswered,
  undoDeleteRequest,
  undoMarkAnswered,
} from '@/lib/mydata/commands';
import { openSelfDb, type SelfDb } from '@/lib/mydata/db';
import { listRequests, overdueRequests, reminderBadge, requestStatus } from '@/lib/mydata/requests';

let db: SelfDb;
let n = 0;
beforeEach(async () => {
  db = await openSelfDb(`self-requests-${n++}`);
});
afterEach(() => db.close());

const base = {
  company: 'Acme Ltd',
  companyEmail: 'privacy@acme.example',
  kinds: ['access' as const],
  law: 'gdpr' as const,
  sentAt: '2026-01-31',
  dueAt: '2026-02-28',
};

describe('the request log', () => {
  it('logs a valid request and refuses a bad one', async () => {
    const r = await logRequest(db, base);
    expect(await db.requests.get(r.id)).toEqual(r);
    await expect(logRequest(db, { ...base, dueAt: '2026-02-30' })).rejects.toThrow(
      /^dueAt: not a calendar date$/,
    );
    await expect(logRequest(db, { ...base, kinds: ['ccpa-delete'] })).rejects.toThrow(/law/);
    await expect(logRequest(db, { ...base, dueAt: '2026-01-01' })).rejects.toThrow(/before/);
    await expect(logRequest(db, { ...base, company: '   ' })).rejects.toThrow(/^company: /);
    expect(await db.requests.count()).toBe(1);
  });

  it('is overdue the day after the due date, not on it', async () => {
    const r = await logRequest(db, base);
    expect(requestStatus(r, '2026-02-20')).toBe('waiting');
    expect(requestStatus(r, '2026-02-21')).toBe('due-soon');
    expect(requestStatus(r, '2026-02-28')).toBe('due-soon');
    expect(requestStatus(r, '2026-03-01')).toBe('overdue');
    expect(await overdueRequests(db, '2026-02-28')).toEqual([]);
    expect((await overdueRequests(db, '2026-03-01')).map((x) => x.id)).toEqual([r.id]);
  });

  it('an answered request is never overdue; answering twice keeps the first date', async () => {
    const r = await logRequest(db, base);
    const before = await markAnswered(db, r.id, '2026-02-10');
    expect(before?.answeredAt).toBeUndefined();
    await markAnswered(db, r.id, '2026-03-05');
    expect((await db.requests.get(r.id))?.answeredAt).toBe('2026-02-10');
    expect(await overdueRequests(db, '2026-06-01')).toEqual([]);
    expect(requestStatus({ ...r, answeredAt: '2026-02-10' }, '2026-06-01')).toBe('answered');
  });

  it('undoes "answered" and delete by restoring the record', async () => {
    const r = await logRequest(db, base);
    const before = await markAnswered(db, r.id, '2026-02-10');
    if (!before) throw new Error('missing');
    await undoMarkAnswered(db, before);
    expect((await db.requests.get(r.id))?.answeredAt).toBeUndefined();
    const gone = await deleteRequest(db, r.id);
    expect(await db.requests.count()).toBe(0);
    if (!gone) throw new Error('missing');
    await undoDeleteRequest(db, gone);
    expect(await db.requests.get(r.id)).toEqual(r);
  });

  it('an undo of "answered" does not bring back a request another page deleted meanwhile', async () => {
    const r = await logRequest(db, base);
    const before = await markAnswered(db, r.id, '2026-02-10');
    if (!before) throw new Error('missing');
    // Another tab deletes the request while this page still offers Undo.
    await deleteRequest(db, r.id);
    await expect(undoMarkAnswered(db, before)).rejects.toThrow(/was deleted meanwhile/);
    expect(await db.requests.count()).toBe(0);
    // An undo of a delete that another page already undid adds no second copy and changes nothing.
    const again = await logRequest(db, base);
    const gone = await deleteRequest(db, again.id);
    if (!gone) throw new Error('missing');
    await undoDeleteRequest(db, gone);
    await markAnswered(db, again.id, '2026-02-11');
    await undoDeleteRequest(db, gone);
    expect((await db.requests.get(again.id))?.answeredAt).toBe('2026-02-11');
  });

  it('lists overdue first, then by due date, answered last', async () => {
    const late = await logRequest(db, {
      ...base,
      company: 'Late',
      sentAt: '2025-12-01',
      dueAt: '2026-01-01',
    });
    const soon = await logRequest(db, {
      ...base,
      company: 'Soon',
      sentAt: '2026-02-01',
      dueAt: '2026-03-01',
    });
    const later = await logRequest(db, {
      ...base,
      company: 'Later',
      sentAt: '2026-02-10',
      dueAt: '2026-03-10',
    });
    const done = await logRequest(db, {
      ...base,
      company: 'Done',
      sentAt: '2025-11-01',
      dueAt: '2025-12-01',
    });
    await markAnswered(db, done.id, '2025-11-20');
    const order = (await listRequests(db, '2026-02-15')).map((r) => r.company);
    expect(order).toEqual([late.company, soon.company, later.company, 'Done']);
  });
});

describe('reminderBadge', () => {
  it('is empty when nothing is overdue', () => {
    expect(reminderBadge([])).toBeNull();
  });

  it('counts and names overdue companies', async () => {
    const a = await logRequest(db, { ...base, company: 'A' });
    const b = await logRequest(db, { ...base, company: 'B' });
    const badge = reminderBadge([a, b]);
    expect(badge?.text).toBe('2');
    expect(badge?.title).toContain('2 replies are overdue (A, B)');
    const many = reminderBadge(Array.from({ length: 12 }, () => a));
    expect(many?.text).toBe('9+');
    expect(many?.title).toContain('and 9 more');
  });
});
