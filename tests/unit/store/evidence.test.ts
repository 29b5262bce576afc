import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logAudit } from '../../../lib/store/audit';
import { canonicalJson } from '../../../lib/store/audit-chain';
import type { HeedDb } from '../../../lib/store/db';
import { buildEvidence, type EvidenceFile, verifyEvidence } from '../../../lib/store/evidence';
import { importFile } from '../../../lib/store/import';
import { sha256Hex } from '../../../lib/store/sha256';
import { blobOf, freshDb } from './helpers';

let db: HeedDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => db.close());

async function seeded(): Promise<EvidenceFile> {
  await importFile(db, blobOf(['email,date\na@x.com,2026-03-10\nb@x.com,2026-03-11\n']), {
    target: { newList: { name: 'Newsletter unsubscribes', channels: ['email'] } },
    reason: 'unsubscribe',
    fileName: 'unsubscribed.csv',
  });
  const now = '2026-03-12T09:00:00.000Z';
  await db.contacts.add({
    id: 'c1',
    name: 'Jane Roe',
    emails: ['jane@roe.example'],
    profileUrls: [],
    salesNavUrls: [],
    phones: ['+44 20 7946 0000'],
    stage: 'unknown',
    subscriber: 'unknown',
    emailKind: 'unknown',
    consents: [],
    source: 'unknown',
    informedAt: '2026-03-01',
    keys: ['email:jane@roe.example'],
    createdAt: now,
    updatedAt: now,
    // A field another change adds; read if present.
    tpsScreenedAt: '2026-03-05',
  } as never);
  await logAudit(db, { action: 'settings', detail: 'send check on' });
  return buildEvidence(db, { now });
}

function run(file: string) {
  const r = spawnSync(join(process.cwd(), 'node_modules/.bin/tsx'), ['scripts/verify-evidence.ts', file], {
    encoding: 'utf8',
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

function reseal(f: EvidenceFile): EvidenceFile {
  return { ...f, checksum: { ...f.checksum, value: sha256Hex(canonicalJson(f.payload)) } };
}

describe('evidence pack', () => {
  it('holds the chained log, list versions, screening and notice dates, and a summary, without identifiers', async () => {
    const f = await seeded();
    const p = f.payload;
    expect(p.audit.chain).toMatchObject({ ok: true, entries: 3 });
    expect(p.lists.find((l) => l.name === 'Newsletter unsubscribes')).toMatchObject({
      channels: ['email'],
      total: 2,
      batches: 2,
      latestSince: '2026-03-11',
      sources: ['import'],
    });
    expect(p.screening).toEqual([{ contactId: 'c1', tpsScreenedAt: '2026-03-05' }]);
    expect(p.notices).toEqual([{ contactId: 'c1', informedAt: '2026-03-01' }]);
    expect(p.bundleSignatures).toEqual([]);
    expect(p.summaryMarkdown).toMatch(/intact since/);
    expect(p.summaryMarkdown).toMatch(/Art\. 14 notices recorded: 1/);
    const text = JSON.stringify(f);
    for (const personal of ['jane@roe.example', 'Jane Roe', '7946', 'a@x.com'])
      expect(text).not.toContain(personal);
    expect(verifyEvidence(JSON.parse(text))).toMatchObject({ ok: true, checksumOk: true });
  });

  it('verify-evidence says intact, then finds a tampered entry and a changed file', async () => {
    const f = await seeded();
    const dir = mkdtempSync(join(tmpdir(), 'heed-evidence-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(f));
    const ok = run(good);
    expect(ok.out).toMatch(/Checksum: intact/);
    expect(ok.out).toMatch(/good\.json: intact/);
    expect(ok.code).toBe(0);

    // Someone edits an event and recomputes the file checksum: the chain still gives it away.
    const edited: EvidenceFile = JSON.parse(JSON.stringify(f));
    const target = edited.payload.audit.events[1];
    if (!target) throw new Error('fixture has events');
    target.counts = { ...target.counts, rows: 1 };
    const chainBroken = join(dir, 'chain.json');
    writeFileSync(chainBroken, JSON.stringify(reseal(edited)));
    const bad = run(chainBroken);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(new RegExp(`BROKEN at entry #${target.id} .*changed after it was written`));

    // Without resealing, the checksum fails first.
    const sumBroken = join(dir, 'sum.json');
    writeFileSync(sumBroken, JSON.stringify(edited));
    const bad2 = run(sumBroken);
    expect(bad2.code).toBe(1);
    expect(bad2.out).toMatch(/Checksum: BROKEN/);

    const notJson = join(dir, 'x.json');
    writeFileSync(notJson, '{"hello":1}');
    expect(run(notJson)).toMatchObject({ code: 1, out: expect.stringMatching(/Not a Heed evidence file/) });
  }, 30_000);
});
