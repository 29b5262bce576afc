import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logAudit, verifyAudit } from '../../../lib/store/audit';
import { AUDIT_GENESIS, auditHash, verifyAuditChain } from '../../../lib/store/audit-chain';
import { createBackup, parseBackup, restoreBackup } from '../../../lib/store/backup';
import type { HeedDb } from '../../../lib/store/db';
import { sha256Hex } from '../../../lib/store/sha256';
import { freshDb } from './helpers';

let db: HeedDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => db.close());

describe('sha256', () => {
  it('matches the standard vectors and node:crypto', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    for (let n = 0; n < 300; n += 7) {
      const s = 'é€x'.repeat(n).slice(0, n);
      expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
    }
  });
});

describe('audit hash chain', () => {
  it('chains every new event onto the one before', async () => {
    await logAudit(db, { action: 'create-list', listId: 'a', at: '2026-03-01T10:00:00.000Z' });
    await logAudit(db, { action: 'import', listId: 'a', counts: { rows: 3, rejected: 0 } });
    await logAudit(db, { action: 'export', listId: 'a', detail: 'csv' });
    const events = await db.audit.orderBy(':id').toArray();
    expect(events[0]?.prevHash).toBe(AUDIT_GENESIS);
    expect(events[1]?.prevHash).toBe(events[0]?.hash);
    expect(events[2]?.prevHash).toBe(events[1]?.hash);
    expect(await verifyAudit(db)).toMatchObject({
      ok: true,
      entries: 3,
      legacy: 0,
      since: '2026-03-01T10:00:00.000Z',
    });
  });

  it('detects one changed entry, a removed one and a removed seal, naming the first broken entry', async () => {
    for (let i = 0; i < 5; i++) await logAudit(db, { action: 'import', listId: 'a', counts: { rows: i } });
    const ids = (await db.audit.orderBy(':id').primaryKeys()) as number[];

    await db.audit.update(ids[2] as number, { counts: { rows: 999 } });
    let r = await verifyAudit(db);
    expect(r).toMatchObject({ ok: false, broken: { id: ids[2], problem: expect.stringMatching(/changed/) } });
    await db.audit.update(ids[2] as number, { counts: { rows: 2 } });
    expect((await verifyAudit(db)).ok).toBe(true);

    await db.audit.delete(ids[1] as number);
    r = await verifyAudit(db);
    expect(r).toMatchObject({ ok: false, broken: { id: ids[2], problem: expect.stringMatching(/removed/) } });

    const other = await freshDb();
    for (let i = 0; i < 3; i++) await logAudit(other, { action: 'settings' });
    const last = (await other.audit.orderBy(':id').last()) as { id: number };
    await other.audit.update(last.id, { hash: undefined, prevHash: undefined });
    expect(await verifyAudit(other)).toMatchObject({ ok: false, broken: { id: last.id } });
    other.close();
  });

  it('covers the events written before the chain existed', async () => {
    // Two events as an older version wrote them: no hashes.
    await db.audit.add({ at: '2025-01-01T00:00:00.000Z', actor: 'user', action: 'create-list', listId: 'x' });
    await db.audit.add({ at: '2025-01-02T00:00:00.000Z', actor: 'user', action: 'import', listId: 'x' });
    await logAudit(db, { action: 'export', listId: 'x' });
    const report = await verifyAudit(db);
    expect(report).toMatchObject({ ok: true, entries: 3, legacy: 2, since: '2025-01-01T00:00:00.000Z' });
    // Rewriting history before the chain breaks the first sealed event.
    const first = (await db.audit.orderBy(':id').first()) as { id: number };
    await db.audit.update(first.id, { action: 'export' });
    const after = await verifyAudit(db);
    expect(after.ok).toBe(false);
    if (!after.ok) expect(after.broken.action).toBe('export');
  });

  it('survives a backup and restore, and goes on from there', async () => {
    for (let i = 0; i < 3; i++) await logAudit(db, { action: 'settings', counts: { n: i } });
    const parsed = await parseBackup(await createBackup(db));
    const other = await freshDb();
    await restoreBackup(other, parsed, { mode: 'replace' });
    const events = await other.audit.orderBy(':id').toArray();
    expect(events.every((e) => typeof e.hash === 'string')).toBe(true);
    expect(await verifyAudit(other)).toMatchObject({ ok: true });
    other.close();
  });

  it('rolls back with the change it describes', async () => {
    await logAudit(db, { action: 'settings' });
    await expect(
      db.transaction('rw', db.audit, db.lists, async () => {
        await logAudit(db, { action: 'delete-list', listId: 'gone' });
        throw new Error('write failed');
      }),
    ).rejects.toThrow('write failed');
    expect(await db.audit.count()).toBe(1);
    await logAudit(db, { action: 'settings' });
    expect((await verifyAudit(db)).ok).toBe(true);
  });

  it('hashes a canonical form: key order of counts does not matter, every field does', () => {
    const base = { at: '2026-01-01T00:00:00.000Z', actor: 'user', action: 'import' };
    expect(auditHash({ ...base, counts: { a: 1, b: 2 } }, AUDIT_GENESIS)).toBe(
      auditHash({ ...base, counts: { b: 2, a: 1 } }, AUDIT_GENESIS),
    );
    expect(auditHash({ ...base, detail: 'x' }, AUDIT_GENESIS)).not.toBe(auditHash(base, AUDIT_GENESIS));
    expect(verifyAuditChain([])).toMatchObject({ ok: true, entries: 0, tip: AUDIT_GENESIS });
  });
});
