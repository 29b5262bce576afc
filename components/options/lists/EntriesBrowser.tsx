import { useVirtualizer } from '@tanstack/react-virtual';
import { type FormEvent, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { translated } from '@/lib/i18n';
import { getLanguage, t, tn } from '@/lib/i18n/index';
import { shownError } from '@/lib/i18n/shown-error';
import { pageNotices } from '@/lib/notices';
import { EntryPager } from '@/lib/options/pager';
import type { HeedDb } from '@/lib/store/db';
import { addEntries, type EntryRow, removeEntry, searchEntries } from '@/lib/store/entries';
import type { SuppressionList } from '@/lib/store/schemas';
import { ENTRY_KIND_LABEL, SUPPRESSION_REASON_LABEL } from '@/lib/vocab/labels';
import { tRich } from './rich';

/** Search results shown at once; a longer search narrows the list. */
const SEARCH_LIMIT = 200;

const ROW_HEIGHT = 34;

const SOURCE_LABEL = translated({
  import: 'lists_source_import',
  manual: 'lists_source_manual',
  restore: 'lists_source_restore',
  merge: 'lists_source_merge',
  bundle: 'lists_source_bundle',
});

/** A kind of entry in the middle of a sentence: lower case, except in German where nouns keep their capital. */
function kindInSentence(kind: EntryRow['kind']): string {
  return getLanguage() === 'de' ? ENTRY_KIND_LABEL[kind] : ENTRY_KIND_LABEL[kind].toLowerCase();
}

function sourceText(row: EntryRow): string {
  if (row.fileName) return row.fileName;
  return row.source ? SOURCE_LABEL[row.source] : '—';
}

/** A list's entries: searchable, and browsable page by page in a virtualised table that copes with a million. */
export function EntriesBrowser({ db, list }: { db: HeedDb; list: SuppressionList }) {
  const id = useId();
  const pager = useMemo(() => new EntryPager(db, list.id), [db, list.id]);
  const state = useSyncExternalStore(pager.subscribe, pager.getState);
  const scrollRef = useRef<HTMLElement>(null);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<EntryRow[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const expectedTotal = useRef<number | null>(null);
  const seenTotal = useRef(list.counts.total);

  useEffect(() => {
    void pager.reset();
  }, [pager]);

  // Another section or page changed this list (an import, an undo): start the browse again. A deletion made
  // here is already reflected row by row, so it does not throw away the pages loaded so far.
  const total = list.counts.total;
  useEffect(() => {
    if (total === seenTotal.current) return;
    seenTotal.current = total;
    if (expectedTotal.current === total) {
      expectedTotal.current = null;
      return;
    }
    void pager.reset();
  }, [total, pager]);

  const count = state.rows.length + (state.done ? 0 : 1);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length > 0 ? (items[items.length - 1]?.index ?? 0) : 0;
  useEffect(() => {
    if (!state.done && !state.loading && state.error === null && lastIndex >= state.rows.length - 100) {
      void pager.loadMore();
    }
  }, [lastIndex, state.done, state.loading, state.error, state.rows.length, pager]);

  const search = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setMessage(null);
    const q = query.trim();
    if (q === '') return setResults(null);
    try {
      setResults(await searchEntries(db, list.id, q, { limit: SEARCH_LIMIT }));
    } catch (err) {
      setError(shownError(err));
    }
  };

  const remove = async (row: EntryRow) => {
    setError(null);
    expectedTotal.current = list.counts.total - 1;
    try {
      const removed = await removeEntry(db, list.id, row.kind, row.value);
      if (!removed) {
        expectedTotal.current = null;
        setMessage(t('lists_entry_gone'));
        return;
      }
      pager.removeRow(row);
      setResults((r) => r?.filter((x) => !(x.kind === row.kind && x.value === row.value)) ?? null);
      pageNotices.push(
        t('lists_undo_deleted_entry', kindInSentence(row.kind), row.value, t('lists_quoted', list.name)),
        async () => {
          await addEntries(db, list.id, [{ kind: row.kind, value: row.value }], {
            reason: row.reason === 'unknown' ? 'other' : row.reason,
            ...(row.since ? { since: row.since } : {}),
            source: 'restore',
          });
        },
      );
      setMessage(t('lists_entry_deleted', row.value));
      scrollRef.current?.focus();
    } catch (err) {
      expectedTotal.current = null;
      setError(shownError(err));
    }
  };

  const rowCells = (row: EntryRow) => (
    <>
      <td className="ol-kind">{ENTRY_KIND_LABEL[row.kind]}</td>
      <td className="ol-value" title={row.value}>
        {row.value}
      </td>
      <td>{SUPPRESSION_REASON_LABEL[row.reason]}</td>
      <td>{row.since || '—'}</td>
      <td className="ol-source" title={sourceText(row)}>
        {sourceText(row)}
      </td>
      <td>
        {/* A team-managed list is read-only: the store refuses, so the page does not offer it. */}
        {list.managed ? null : (
          <button
            type="button"
            className="danger ol-small"
            onClick={() => remove(row)}
            aria-label={t('lists_entry_delete_label', row.value)}
          >
            {t('lists_delete')}
          </button>
        )}
      </td>
    </>
  );

  const head = (
    <thead>
      <tr>
        <th scope="col">{t('lists_col_kind')}</th>
        <th scope="col">{t('lists_col_value')}</th>
        <th scope="col">{t('lists_col_reason')}</th>
        <th scope="col">{t('lists_col_since')}</th>
        <th scope="col">{t('lists_col_source')}</th>
        <th scope="col">
          <span className="ol-sr">{t('lists_col_actions')}</span>
        </th>
      </tr>
    </thead>
  );

  const regionLabel = t('lists_entries_of', list.name);
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;

  return (
    <section className="ol-entries" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('lists_entries')}</h4>
      <form className="ol-search" onSubmit={search} aria-label={t('lists_find')}>
        <label htmlFor={`${id}-q`}>{t('lists_find_field')}</label>
        <p className="muted" id={`${id}-q-hint`}>
          {t('lists_find_hint')}
        </p>
        <div className="ol-row">
          <input
            id={`${id}-q`}
            type="search"
            aria-describedby={`${id}-q-hint`}
            value={query}
            maxLength={500}
            onChange={(e) => {
              setQuery(e.target.value);
              if (e.target.value === '') setResults(null);
            }}
          />
          <button type="submit">{t('lists_search')}</button>
        </div>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <p role="status" className="ol-status">
        {message}
      </p>
      {results !== null &&
        (results.length === 0 ? (
          <p role="status">
            {t('lists_no_match', t('lists_quoted', list.name), t('lists_quoted', query.trim()))}
          </p>
        ) : (
          <table
            className="ol-entries-table"
            aria-label={
              results.length >= SEARCH_LIMIT ? t('lists_results_first', SEARCH_LIMIT) : t('lists_results')
            }
          >
            {head}
            <tbody>
              {results.map((r) => (
                <tr key={`${r.kind}:${r.value}`}>{rowCells(r)}</tr>
              ))}
            </tbody>
          </table>
        ))}
      {list.counts.total === 0 && state.rows.length === 0 ? (
        <p className="ol-empty">{tRich('lists_empty', <a href="#/import">{t('lists_empty_link')}</a>)}</p>
      ) : (
        <>
          <p className="muted">
            {!state.done && state.rows.length > 0
              ? tn('lists_entries_loaded', list.counts.total, state.rows.length)
              : tn('lists_entry_count', list.counts.total)}
          </p>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the scroll area must be reachable to scroll by keyboard */}
          <section ref={scrollRef} className="ol-scroll" tabIndex={0} aria-label={regionLabel}>
            <table className="ol-entries-table" aria-rowcount={list.counts.total + 1}>
              {head}
              <tbody>
                {padTop > 0 && (
                  <tr className="ol-spacer" style={{ height: padTop }}>
                    <td colSpan={6} />
                  </tr>
                )}
                {items.map((item) => {
                  const row = state.rows[item.index];
                  if (!row) {
                    return (
                      <tr key="loading" style={{ height: ROW_HEIGHT }}>
                        <td colSpan={6} className="muted">
                          {state.error ? t('lists_load_failed', state.error) : t('lists_loading')}
                        </td>
                      </tr>
                    );
                  }
                  return (
                    <tr
                      key={`${row.kind}:${row.value}`}
                      aria-rowindex={item.index + 2}
                      style={{ height: ROW_HEIGHT }}
                    >
                      {rowCells(row)}
                    </tr>
                  );
                })}
                {padBottom > 0 && (
                  <tr className="ol-spacer" style={{ height: padBottom }}>
                    <td colSpan={6} />
                  </tr>
                )}
              </tbody>
            </table>
          </section>
        </>
      )}
    </section>
  );
}
