import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useAppDb, useSelfDb } from '@/components/use-db';
import { recordSubject, tabStateKey } from '@/lib/background/tab-state';
import { t } from '@/lib/i18n';
import { shownError } from '@/lib/i18n/shown-error';
import { ask } from '@/lib/messaging/client';
import type { TabPerson } from '@/lib/messaging/types';
import { SELF_DB_NAME, SELF_WATCHED_TABLES } from '@/lib/mydata/db';
import { pageNotices } from '@/lib/notices';
import { storeCounts } from '@/lib/popup/counts';
import { saveLawfulBasis } from '@/lib/popup/lawful-basis';
import { describeOptOut, describeOptOutUndo } from '@/lib/popup/notices';
import { parseParams, replyPerson, resolveTabId } from '@/lib/popup/params';
import { parseQuickCheck } from '@/lib/popup/quick-check';
import { loadPopupState, type PopupState } from '@/lib/popup/state';
import { type ContactUndo, undoContactSave } from '@/lib/store/commands/contact';
import { recordOptOut, undoOptOut } from '@/lib/store/commands/opt-out';
import { DB_NAME, WATCHED_TABLES } from '@/lib/store/db';
import { getLists } from '@/lib/store/lists';
import { getSettings } from '@/lib/store/settings';
import { watchStore } from '@/lib/store/store-watch';
import { answerFor } from '@/lib/verdict/answer';
import { verdictFor } from '@/lib/verdict/verdict-for';
import { type PopupActions, PopupView } from './PopupView';

function localDay(d = new Date()): string {
  // The rep's calendar day, not UTC's: a consent given this evening is dated today.
  const off = d.getTimezoneOffset() * 60_000;
  return new Date(d.getTime() - off).toISOString().slice(0, 10);
}

/** How long the popup keeps showing a person after the tab's state was cleared, waiting for the page to report. */
const PERSON_GRACE_MS = 1500;

/** Wiring only: where the tab, database and messages come from. Everything shown is in PopupView. */
const RECORD_WINDOW_CLOSE_MS = 6000;

export function PopupApp() {
  const params = useMemo(() => parseParams(location.search), []);
  const { db, error: dbError } = useAppDb();
  const { db: mine, error: mineError } = useSelfDb();
  const [tabId, setTabId] = useState<number | null | undefined>(undefined);
  // Opened from the badge: who it showed at the click (see PopupView's initialSubject).
  const [initialSubject, setInitialSubject] = useState<TabPerson | null | undefined>(undefined);
  const [state, setState] = useState<PopupState>({ status: 'loading' });
  // The side panel mounts a fresh PopupApp per tab: what was said about one tab's person goes with it.
  useEffect(() => () => pageNotices.clear(), []);

  // Issue 20, item 7: a record window opened from the badge closes itself a few seconds after a save, with the
  // undo on screen meanwhile; any click or key in it (the undo, another record) keeps it open.
  const closing = useRef<ReturnType<typeof setTimeout> | null>(null);
  const keepOpen = useCallback(() => {
    if (closing.current) clearTimeout(closing.current);
    closing.current = null;
  }, []);
  const closeSoon = useCallback(() => {
    if (!params.action) return;
    keepOpen();
    closing.current = setTimeout(() => window.close(), RECORD_WINDOW_CLOSE_MS);
    const stop = () => {
      keepOpen();
      removeEventListener('pointerdown', stop, true);
      removeEventListener('keydown', stop, true);
    };
    addEventListener('pointerdown', stop, true);
    addEventListener('keydown', stop, true);
  }, [params.action, keepOpen]);

  const shown = useRef(state);
  shown.current = state;
  const grace = useRef<ReturnType<typeof setTimeout> | null>(null);

  const load = useCallback(
    async (silent: boolean, afterGrace = false) => {
      if (tabId === undefined) return;
      const storeError = dbError ?? mineError;
      if (storeError) {
        setState({ status: 'error', message: storeError });
        return;
      }
      if (!db || !mine) return;
      if (!silent) setState({ status: 'loading' });
      try {
        const next = await loadPopupState(tabId, {
          // Opened from a reply's offer: the sender is the person, whatever else the tab shows.
          tabState: (id) =>
            params.reply
              ? Promise.resolve({ person: replyPerson(params.reply), answer: null })
              : ask({ type: 'tab-state', tabId: id }),
          // The same function the background answers the badge with (own-profile advice included).
          verdict: (person) => verdictFor(db, mine, person, new Date()),
        });
        if (silent && !afterGrace && next.status === 'no-person' && shown.current.status === 'person') {
          // The background forgets a tab's person the moment its URL changes, and the page reports again an
          // instant later (often the same person: a contact-info overlay, a tracking parameter). Wait for that
          // before dropping the person, so an open form is not closed, and its input lost, for a blink.
          grace.current ??= setTimeout(() => {
            grace.current = null;
            void load(true, true);
          }, PERSON_GRACE_MS);
          return;
        }
        setState(next);
      } catch (err) {
        setState({ status: 'error', message: shownError(err) });
      }
    },
    [tabId, db, mine, dbError, mineError, params],
  );

  useEffect(() => {
    resolveTabId(params, () => browser.tabs.query({ active: true, currentWindow: true })).then(
      async (id) => {
        if (id !== null && params.ticket)
          setInitialSubject(await recordSubject(id, params.ticket).catch(() => null));
        setTabId(id);
      },
      () => setTabId(null),
    );
  }, [params]);

  // A new tab, or the databases opening, loads afresh (load changes only then).
  useEffect(() => {
    void load(false);
  }, [load]);

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

  // A write from any page (the options page, My data, another popup) shows here at once: Dexie tells every open
  // page of the extension, so nothing has to remember to.
  useEffect(
    () =>
      watchStore(() => void load(true), {
        watched: { [DB_NAME]: WATCHED_TABLES, [SELF_DB_NAME]: SELF_WATCHED_TABLES },
      }),
    [load],
  );

  const afterWrite = useCallback(async () => {
    await load(true);
  }, [load]);

  const actions: PopupActions = {
    retry: () => void load(false),
    // Both writes take the person the form was opened for, never the tab's current person: a page can change
    // its URL while the form is open.
    async recordOptOut(request, person) {
      if (!db) throw new Error('No person to record.');
      const settings = await getSettings(db);
      const receipt = await recordOptOut(db, {
        listId: request.listId,
        reason: request.reason,
        identifiers: person.identifiers,
        hashEmails: request.hashEmails,
        ...(request.channels ? { channels: request.channels } : {}),
        ...(settings.defaultCountry ? { defaultCountry: settings.defaultCountry } : {}),
        ...(params.reply ? { since: params.reply.since } : {}),
      });
      await afterWrite();
      const list = lists.find((l) => l.id === request.listId);
      const said = describeOptOut(receipt, list, request.reason, request.channels);
      pageNotices.say(params.action ? t('popup_notice_closes_soon', said) : said, {
        undo: async () => {
          keepOpen();
          const removed = await undoOptOut(db, receipt);
          await afterWrite();
          return describeOptOutUndo(removed);
        },
      });
      closeSoon();
    },
    async saveLawfulBasis(form, person, existing) {
      if (!db) return { form: 'No person to record.' };
      const settings = await getSettings(db);
      const result = await saveLawfulBasis(db, form, person, existing, {
        today: localDay(),
        ...(settings.defaultCountry ? { defaultCountry: settings.defaultCountry } : {}),
      });
      if (!result.ok) return result.errors;
      await afterWrite();
      const undo: ContactUndo = result.undo;
      pageNotices.say(t('popup_notice_lawful_saved'), {
        undo: async () => {
          await undoContactSave(db, undo);
          await afterWrite();
          return undo.kind === 'delete' ? t('popup_notice_record_removed') : t('popup_notice_record_back');
        },
      });
      return null;
    },
    async quickCheck(text) {
      if (!db) throw new Error(dbError ?? t('popup_panel_loading'));
      const heed = db;
      const settings = await getSettings(heed);
      const parsed = parseQuickCheck(text, settings.defaultCountry);
      if (!parsed.ok) return parsed;
      // A phone number's calling code says the country (+44: GB), so the verdict uses that country's rules.
      const hints = { source: 'generic' as const, ...(parsed.country ? { country: parsed.country } : {}) };
      const answer = await answerFor(heed, parsed.identifiers, hints, new Date());
      return {
        ok: true,
        kind: parsed.kind,
        value: parsed.value,
        answer,
        ...(parsed.note ? { note: parsed.note } : {}),
      };
    },
    async scan() {
      if (tabId === undefined || tabId === null) return { injected: false, error: 'no tab to scan' };
      return ask({ type: 'scan-tab', tabId });
    },
    formClosed(message) {
      pageNotices.say(message, { tone: 'error' });
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
      initialSubject={initialSubject}
      {...(params.reply ? { reply: params.reply } : {})}
      today={localDay()}
      actions={actions}
    />
  );
}
