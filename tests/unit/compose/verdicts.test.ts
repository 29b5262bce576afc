import { describe, expect, it } from 'vitest';
import { logSendOverride, sendConfig, sendVerdicts } from '@/lib/compose/verdicts';
import { loadDemoData } from '@/lib/demo/data';
import { queryAudit } from '@/lib/store/audit';
import { openDb } from '@/lib/store/db';
import { getSettings, saveSettings } from '@/lib/store/settings';

const NOW = new Date('2026-11-29T10:00:00Z');

async function demoDb() {
  const db = await openDb(`send-${Math.random()}`);
  await loadDemoData(db, NOW);
  return db;
}

describe('send verdicts from the store and the risk engine', () => {
  it('reads the email channel for mail: suppressed is blocked, consent is ok, a stranger is check', async () => {
    const db = await demoDb();
    const [ada, bob, max, stranger, bad] = await sendVerdicts(
      db,
      'gmail',
      [
        { email: 'Ada@AdaWorks.example' },
        { email: 'bob@rival.example' },
        { email: 'max.mustermann@beispiel.example' },
        { email: 'someone@acme.example' },
        { email: 'not an address' },
      ],
      NOW,
    );
    expect(ada?.state).toBe('blocked');
    expect(ada?.matches[0]).toMatchObject({
      listName: 'Demo — Vendor suppression (MD5)',
      via: 'md5 of email',
    });
    expect(ada?.reasons.map((r) => r.citation)).toContain('GDPR Art. 21(2)–(3)');
    expect(bob?.state).toBe('blocked');
    expect(max?.state).toBe('ok');
    expect(max?.matches).toEqual([]);
    expect(stranger?.state).toBe('check');
    // Nothing to look up is unknown, never ok.
    expect(bad?.state).toBe('unknown');
  });

  it('reads InMail for LinkedIn: an email-only list does not block a LinkedIn message', async () => {
    const db = await demoDb();
    const [jane, emma] = await sendVerdicts(
      db,
      'linkedin',
      [
        { profileUrl: 'https://www.linkedin.com/in/jane-doe-1a2b3c/' },
        { profileUrl: 'https://www.linkedin.com/in/emma-tremblay/' },
      ],
      NOW,
    );
    expect(jane?.state).toBe('blocked');
    expect(jane?.summary).toMatch(/^Blocked: /);
    expect(emma?.state).toBe('ok');
  });

  it('follows the per-site switch and the stop-on-check setting', async () => {
    const db = await demoDb();
    expect(sendConfig(await getSettings(db), 'gmail')).toEqual({ enabled: true, stopOnCheck: false });
    await saveSettings(db, {
      sendCheck: { gmail: true, outlook: false, linkedin: true },
      sendCheckStopOnCheck: true,
    });
    const s = await getSettings(db);
    expect(sendConfig(s, 'outlook')).toEqual({ enabled: false, stopOnCheck: true });
    expect(sendConfig(s, 'linkedin').enabled).toBe(true);
  });

  it('logs an override per blocked recipient — who, which entry, the reason, the time — and not the others', async () => {
    const db = await demoDb();
    const n = await logSendOverride(
      db,
      'gmail',
      [{ email: 'ada@adaworks.example' }, { email: 'max.mustermann@beispiel.example' }],
      '  She asked for the invoice   by phone ',
      NOW,
    );
    expect(n).toBe(1);
    const [event] = await queryAudit(db, { action: 'send-override' });
    expect(event?.at).toBe(NOW.toISOString());
    expect(event?.listId).toBeTruthy();
    expect(event?.detail).toBe(
      'Sent anyway on gmail (blocked) to ada@adaworks.example; list "Demo — Vendor suppression (MD5)" entry md5 of email (unsubscribe, since 2026-11-17); reason: She asked for the invoice by phone',
    );
  });

  it("does not take the page's word: a recipient the store does not block is not logged", async () => {
    const db = await demoDb();
    expect(
      await logSendOverride(db, 'gmail', [{ email: 'someone@acme.example' }], 'no reason at all', NOW),
    ).toBe(0);
    await saveSettings(db, { sendCheckStopOnCheck: true });
    expect(
      await logSendOverride(db, 'gmail', [{ email: 'someone@acme.example' }], 'checked by phone today', NOW),
    ).toBe(1);
    const [event] = await queryAudit(db, { action: 'send-override' });
    expect(event?.detail).toContain('(check) to someone@acme.example; no list entry');
  });
});
