import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type HandlerDeps, handleMessage } from '@/lib/background/handler';
import { RateLimiter } from '@/lib/background/rate-limit';
import { forwardStoreWrites } from '@/lib/messaging/store-changes';
import { addIdentity } from '@/lib/mydata/commands';
import { openSelfDb, type SelfDb } from '@/lib/mydata/db';
import { logAudit } from '@/lib/store/audit';
import { saveContactWithUndo, undoContactSave } from '@/lib/store/commands/contact';
import {
  createList,
  deleteList,
  mergeWithUndo,
  restoreDeletedList,
  undoMerge,
  updateList,
} from '@/lib/store/commands/lists';
import { recordOptOut, undoOptOut } from '@/lib/store/commands/opt-out';
import { type HeedDb, openDb } from '@/lib/store/db';
import { addEntries } from '@/lib/store/entries';
import { ensureDefaultList } from '@/lib/store/lists';
import { purgeContacts } from '@/lib/store/retention';
import { saveSettings } from '@/lib/store/settings';
import { watchStore } from '@/lib/store/store-watch';
import { type CommittedWrite, onCommittedWrite } from '@/lib/store/write-feed';
import { JANE } from '../popup/helpers';

// Issue 16, item 4: no write path calls anything to say it wrote. Each committed write is announced by the
// store's middleware; a page forwards it to the background, which refreshes every tab showing a verdict.

let db: HeedDb;
let self: SelfDb;
let seen: CommittedWrite[];
let stop: () => void;
beforeEach(async () => {
  const name = `write-feed-${process.pid}-${Math.random().toString(36).slice(2)}`;
  db = await openDb(name);
  self = await openSelfDb(`${name}-self`);
  await ensureDefaultList(db);
  seen = [];
  stop = onCommittedWrite((w) => seen.push(w));
});
afterEach(() => {
  stop();
  db.close();
  self.close();
});

/** What `act` announced, once it has settled (the announcement comes with the commit, before the promise). */
async function announced(act: () => Promise<unknown>): Promise<string[][]> {
  seen = [];
  await act();
  return seen.map((w) => w.tables.sort());
}

describe('every command announces its committed write, once', () => {
  it('opt-out, lawful basis, list create/update/merge/delete and their undos, imports, purges, settings', async () => {
    const listId = (await ensureDefaultList(db)).id;
    const opt = { listId, reason: 'objection' as const, identifiers: JANE.identifiers };
    let receipt: Awaited<ReturnType<typeof recordOptOut>> | undefined;
    expect(await announced(async () => (receipt = await recordOptOut(db, opt)))).toEqual([
      ['batches', 'buckets', 'lists'],
    ]);
    expect(await announced(() => undoOptOut(db, receipt!))).toEqual([['buckets', 'lists']]);

    let saved: Awaited<ReturnType<typeof saveContactWithUndo>> | undefined;
    expect(
      await announced(async () => (saved = await saveContactWithUndo(db, { emails: ['e@x.example'] }))),
    ).toEqual([['contacts']]);
    expect(await announced(() => undoContactSave(db, saved!.undo))).toEqual([['contacts']]);

    let a = '';
    expect(await announced(async () => (a = (await createList(db, { name: 'A' })).id))).toEqual([['lists']]);
    expect(await announced(() => updateList(db, a, { channels: ['email'] }))).toEqual([['lists']]);
    const b = (await createList(db, { name: 'B' })).id;
    await addEntries(db, b, [{ kind: 'email', value: 'b@x.example' }], { reason: 'bounce' });
    let merged: Awaited<ReturnType<typeof mergeWithUndo>> | undefined;
    expect(await announced(async () => (merged = await mergeWithUndo(db, [b], a)))).toHaveLength(1);
    expect(await announced(() => undoMerge(db, merged!.undo))).toHaveLength(1);
    let snap: Awaited<ReturnType<typeof deleteList>> | undefined;
    expect(await announced(async () => (snap = await deleteList(db, b)))).toHaveLength(1);
    expect(await announced(() => restoreDeletedList(db, snap!))).toHaveLength(1);

    const c = await saveContactWithUndo(db, { emails: ['old@x.example'] });
    expect(await announced(() => purgeContacts(db, [c.saved.id]))).toEqual([['contacts']]);
    expect(await announced(() => saveSettings(db, { retentionDays: 30 }))).toEqual([['settings']]);
    expect(await announced(() => addIdentity(self, { kind: 'email', raw: 'me@mine.example' }))).toEqual([
      ['identities'],
    ]);
  });

  it('announces nothing for a refused write, the audit log alone, or a read', async () => {
    await createList(db, { name: 'Taken' });
    expect(await announced(() => createList(db, { name: 'taken' }).catch(() => undefined))).toEqual([]);
    expect(await announced(() => logAudit(db, { action: 'export' }))).toEqual([]);
    expect(await announced(() => db.lists.toArray())).toEqual([]);
  });
});

describe('a write reaches open badges and the popup without a manual call', () => {
  const ID = 'abcdefghijklmnopabcdefghijklmnop';
  const extensionPage = { id: ID, url: `chrome-extension://${ID}/options.html` };

  function background(): HandlerDeps {
    return {
      extensionId: ID,
      extensionOrigin: `chrome-extension://${ID}/`,
      lookup: vi.fn(),
      scanPage: vi.fn(),
      refreshReminder: vi.fn(async () => undefined),
      getTabState: vi.fn(),
      setTabState: vi.fn(),
      // Tab 7 shows a badge.
      tabsWithPeople: vi.fn(async () => [7]),
      showOnToolbar: vi.fn(),
      sendToTab: vi.fn(async () => true),
      openRecord: vi.fn(),
      injectScan: vi.fn(),
      contentMode: vi.fn(),
      applyContentMode: vi.fn(async () => false),
      allTabs: vi.fn(async () => [7]),
      pageStrings: vi.fn(),
      limiter: new RateLimiter(),
    };
  }

  it("an opt-out recorded on a page refreshes the open badge's tab, through the page's forwarder", async () => {
    const deps = background();
    // The page's runtime.sendMessage, delivered to the background's one handler.
    const unforward = forwardStoreWrites(
      () => handleMessage({ type: 'store-changed' }, extensionPage, deps),
      5,
    );
    try {
      const listId = (await ensureDefaultList(db)).id;
      await recordOptOut(db, { listId, reason: 'objection', identifiers: JANE.identifiers });
      await vi.waitFor(() => expect(deps.sendToTab).toHaveBeenCalledWith(7, { type: 'refresh' }));
      expect(deps.refreshReminder).toHaveBeenCalled();
      // A list created on the options page, and a contact saved there: each reaches the tab too.
      for (const write of [
        () => createList(db, { name: 'X' }),
        () => saveContactWithUndo(db, { emails: ['q@x.example'] }),
      ]) {
        vi.mocked(deps.sendToTab).mockClear();
        await write();
        await vi.waitFor(() => expect(deps.sendToTab).toHaveBeenCalledWith(7, { type: 'refresh' }));
      }
    } finally {
      unforward();
    }
  });

  it('tells the background of the first write at once (a page may close right after saving), a burst once more', async () => {
    const send = vi.fn(async () => undefined);
    const unforward = forwardStoreWrites(send, 40);
    try {
      await saveSettings(db, { sidePanelOnly: true });
      // No timer to wait for: the options page that saved may be closed by now.
      expect(send).toHaveBeenCalledTimes(1);
      await new Promise((r) => setTimeout(r, 100));
      expect(send).toHaveBeenCalledTimes(1);
      // A burst: its first write at once, the rest once after it settles (not five times).
      const burst = Promise.all([0, 1, 2, 3, 4].map((i) => createList(db, { name: `Burst ${i}` })));
      await burst;
      await new Promise((r) => setTimeout(r, 150));
      expect(send.mock.calls.length).toBeGreaterThanOrEqual(2);
      expect(send.mock.calls.length).toBeLessThanOrEqual(3);
    } finally {
      unforward();
    }
  });

  it('an open popup sees a write made through another connection (another page) and reloads', async () => {
    const other = await openDb(db.name);
    const reload = vi.fn();
    const unwatch = watchStore(reload, {
      quietMs: 5,
      watched: { [db.name]: ['lists', 'buckets', 'contacts'] },
    });
    try {
      await saveContactWithUndo(other, { emails: ['someone@x.example'] });
      await vi.waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
      // The audit log alone (no verdict changes) is not a reason to reload.
      await logAudit(other, { action: 'export' });
      await new Promise((r) => setTimeout(r, 30));
      expect(reload).toHaveBeenCalledTimes(1);
    } finally {
      unwatch();
      other.close();
    }
  });
});
