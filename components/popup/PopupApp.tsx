import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { appDb } from '@/lib/app-db';
import { tabStateKey } from '@/lib/background/tab-state';
import { ask, notifyStoreChanged } from '@/lib/messaging/client';
import { storeCounts } from '@/lib/popup/counts';
import { type LawfulBasisUndo, saveLawfulBasis, undoLawfulBasis } from '@/lib/popup/lawful-basis';
import { describeOptOut, describeOptOutUndo } from '@/lib/popup/notices';
import { recordOptOut, undoOptOut } from '@/lib/popup/opt-out';
import { parseParams, resolveTabId } from '@/lib/popup/params';
import { parseQuickCheck } from '@/lib/popup/quick-check';
import { errorMessage, loadPopupState, type PopupState } from '@/lib/popup/state';
import { personVerdict } from '@/lib/popup/verdict';
import type { HeedDb } from '@/lib/store/db';
import { getLists } from '@/lib/store/lists';
import { getSettings } from '@/lib/store/settings';
import { answerFor } from '@/lib/verdict/answer';
import { type Notice, type PopupActions, PopupView } from './PopupView';

function localDay(d = new Date()): string {
  // The rep's calendar day, not UTC's: a consent given this evening is dated today.
  const off = d.getTimezoneOffset() * 60_000;
  return new Date(d.getTime() - off).toISOString().slice(0, 10);
}

/** Wiring only: where the tab, database and messages come from. Everything shown is in PopupView. */
export function PopupApp() {
  const params = useMemo(() => parseParams(location.search), []);
  const [db, setDb] = useState<HeedDb | null>(null);
  const [tabId, setTabId] = useState<number | null | undefined>(undefined);
  const [state, setState] = useState<PopupState>({ status: 'loading' });
  const [notice, setNotice] = useState<Notice | null>(null);
  const noticeId = useRef(0);
  const stateRef = useRef(state);
  stateRef.current = state;

  const say = useCallback((text: string, tone: Notice['tone'] = 'ok', undo?: () => void) => {
    noticeId.current += 1;
    setNotice({ id: noticeId.current, text, tone, ...(undo ? { undo } : {}) });
  }, []);

  const load = useCallback(
    async (silent: boolean) => {
      if (tabId === undefined) return;
      if (!silent) setState({ status: 'loading' });
      try {
        const heed = db ?? (await appDb());
        if (!db) setDb(heed);
        setState(
          await loadPopupState(tabId, {
            tabState: (id) => ask({ type: 'tab-state', tabId: id }),
            verdict: (person) => personVerdict(heed, person, new Date()),
          }),
        );
      } catch (err) {
        setState({ status: 'error', message: errorMessage(err) });
      }
    },
    [tabId, db],
  );

  useEffect(() => {
    resolveTabId(params, () => browser.tabs.query({ active: true, currentWindow: true })).then(setTabId, () =>
      setTabId(null),
    );
  }, [params]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: load changes when the db opens; only a new tab reloads
  useEffect(() => {
    void load(false);
  }, [tabId]);

  // The page's content script reports a new person (in-page navigation, a scan) through the background's
  // per-tab state; follow it without polling.
  useEffect(() => {
    if (tabId === undefined || tabId === null) return;
    const key = tabStateKey(tabId);
    const onChange = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && key in changes) void load(true);
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, [tabId, load]);

  const counts = useLiveQuery(() => (db ? storeCounts(db) : undefined), [db]);
  const lists = useLiveQuery(() => (db ? getLists(db) : []), [db]) ?? [];

  const afterWrite = useCallback(async () => {
    await notifyStoreChanged();
    await load(true);
  }, [load]);

  const actions: PopupActions = {
    retry: () => void load(false),
    async recordOptOut(request) {
      const s = stateRef.current;
      if (s.status !== 'person' || !db) throw new Error('No person to record.');
      const settings = await getSettings(db);
      const receipt = await recordOptOut(db, {
        listId: request.listId,
        reason: request.reason,
        identifiers: s.person.identifiers,
        hashEmails: request.hashEmails,
        ...(settings.defaultCountry ? { defaultCountry: settings.defaultCountry } : {}),
      });
      await afterWrite();
      const list = lists.find((l) => l.id === request.listId);
      say(describeOptOut(receipt, list, request.reason), 'ok', () => {
        void (async () => {
          try {
            const removed = await undoOptOut(db, receipt);
            await afterWrite();
            say(describeOptOutUndo(removed));
          } catch (err) {
            say(`Undo failed: ${errorMessage(err)}`, 'error');
          }
        })();
      });
    },
    async saveLawfulBasis(form) {
      const s = stateRef.current;
      if (s.status !== 'person' || !db) return { form: 'No person to record.' };
      const settings = await getSettings(db);
      const result = await saveLawfulBasis(db, form, s.person, s.contact, {
        today: localDay(),
        ...(settings.defaultCountry ? { defaultCountry: settings.defaultCountry } : {}),
      });
      if (!result.ok) return result.errors;
      await afterWrite();
      const undo: LawfulBasisUndo = result.undo;
      say('Lawful basis saved.', 'ok', () => {
        void (async () => {
          try {
            await undoLawfulBasis(db, undo);
            await afterWrite();
            say(
              undo.kind === 'delete'
                ? 'Undone: the record was removed.'
                : 'Undone: the previous record is back.',
            );
          } catch (err) {
            say(`Undo failed: ${errorMessage(err)}`, 'error');
          }
        })();
      });
      return null;
    },
    async quickCheck(text) {
      const heed = db ?? (await appDb());
      const settings = await getSettings(heed);
      const parsed = parseQuickCheck(text, settings.defaultCountry);
      if (!parsed.ok) return parsed;
      const answer = await answerFor(heed, parsed.identifiers, { source: 'generic' }, new Date());
      return { ok: true, kind: parsed.kind, value: parsed.value, answer };
    },
    async scan() {
      if (tabId === undefined || tabId === null) return { injected: false, error: 'no tab to scan' };
      return ask({ type: 'scan-tab', tabId });
    },
    openOptions() {
      void browser.runtime.openOptionsPage();
    },
  };

  return (
    <PopupView
      state={state}
      counts={counts}
      // A team list is read-only (the store refuses): an opt-out goes to one of the rep's own lists.
      lists={lists.filter((l) => !l.managed)}
      initialPanel={params.action}
      notice={notice}
      today={localDay()}
      actions={actions}
    />
  );
}
