import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { auditCsv, logAudit, queryAudit } from '@/lib/store/audit';
import { getLists } from '@/lib/store/lists';
import { type AuditAction, AuditActionSchema } from '@/lib/store/schemas';
import './settings/tools.css';
import { IntegrityPanel } from './audit/IntegrityPanel';
import { AUDIT_ACTION_LABEL, countsText, dayRange, formatWhen } from './audit/labels';
import { errorText, saveBlob, useDb } from './settings/common';

const PAGE = 200;

/** Who did what and when: imports, exports, deletions, restores and policy changes. Never whom it concerned. */
export function AuditSection() {
  const id = useId();
  const { db, error: dbError } = useDb();
  const [action, setAction] = useState<AuditAction | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [note, setNote] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const range = dayRange(from, to);
  const rangeError =
    range.from && range.to && range.from >= range.to ? 'The end date is before the start date.' : null;
  const query = { ...(action ? { action } : {}), ...range };

  const events = useLiveQuery(
    () => (db && !rangeError ? queryAudit(db, { ...query, limit: limit + 1 }) : undefined),
    [db, action, from, to, limit, rangeError],
  );
  const total = useLiveQuery(async () => (db ? await db.audit.count() : undefined), [db]);
  const lists = useLiveQuery(() => (db ? getLists(db) : undefined), [db]);
  const listName = (listId?: string) =>
    listId ? (lists?.find((l) => l.id === listId)?.name ?? 'a list since deleted') : '';

  const exportCsv = async () => {
    if (!db) return;
    setFailure(null);
    try {
      const all = await queryAudit(db, query);
      const stamp = new Date().toISOString().slice(0, 10);
      saveBlob(
        new Blob([`\uFEFF${auditCsv(all)}`], { type: 'text/csv;charset=utf-8' }),
        `heed-audit-${stamp}.csv`,
      );
      await logAudit(db, { action: 'export', detail: 'audit log', counts: { events: all.length } });
      setNote(`Exported ${all.length.toLocaleString('en')} events.`);
    } catch (e) {
      setFailure(`Could not export: ${errorText(e)}`);
    }
  };

  if (dbError)
    return (
      <p role="alert" className="error">
        Could not open Heed's storage: {dbError}
      </p>
    );
  const shown = events?.slice(0, limit) ?? [];
  const more = (events?.length ?? 0) > limit;
  const filtered = action !== '' || from !== '' || to !== '';

  return (
    <div className="ot-section">
      <p>
        Every import, export, deletion, restore and policy change, with its date and counts. The log never
        holds the people concerned: no emails, names, profile URLs or file names.
      </p>
      {db ? <IntegrityPanel db={db} /> : null}
      <form className="ot-filters" aria-label="Filter the log" onSubmit={(e) => e.preventDefault()}>
        <div className="ot-field">
          <label htmlFor={`${id}-action`}>Action</label>
          <select
            id={`${id}-action`}
            value={action}
            onChange={(e) => {
              setAction(e.target.value === '' ? '' : AuditActionSchema.parse(e.target.value));
              setLimit(PAGE);
            }}
          >
            <option value="">All actions</option>
            {AuditActionSchema.options.map((a) => (
              <option key={a} value={a}>
                {AUDIT_ACTION_LABEL[a]}
              </option>
            ))}
          </select>
        </div>
        <div className="ot-field">
          <label htmlFor={`${id}-from`}>From</label>
          <input id={`${id}-from`} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="ot-field">
          <label htmlFor={`${id}-to`}>To</label>
          <input
            id={`${id}-to`}
            type="date"
            value={to}
            aria-invalid={rangeError ? true : undefined}
            aria-describedby={rangeError ? `${id}-range-err` : undefined}
            onChange={(e) => setTo(e.target.value)}
          />
        </div>
        {filtered ? (
          <button
            type="button"
            onClick={() => {
              setAction('');
              setFrom('');
              setTo('');
              setLimit(PAGE);
            }}
          >
            Clear filters
          </button>
        ) : null}
        <button type="button" onClick={() => void exportCsv()} disabled={!db || rangeError !== null}>
          Export {filtered ? 'these events' : 'the log'} as CSV
        </button>
      </form>
      {rangeError ? (
        <p id={`${id}-range-err`} className="error">
          {rangeError}
        </p>
      ) : null}
      <div role="status" className="ot-status">
        {note}
      </div>
      {failure ? (
        <p role="alert" className="error">
          {failure}
        </p>
      ) : null}

      {events === undefined && !rangeError ? (
        <p className="muted">Loading the log…</p>
      ) : shown.length === 0 ? (
        <p className="muted">
          {total === 0
            ? 'Nothing logged yet. Imports, exports and changes will appear here.'
            : 'No events match these filters.'}
        </p>
      ) : (
        <div className="ot-table-wrap">
          <table className="ot-table">
            <caption>
              {more
                ? `Latest ${shown.length.toLocaleString('en')} events`
                : `${shown.length.toLocaleString('en')} events`}
              {total !== undefined ? ` (of ${total.toLocaleString('en')} in the log)` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Action</th>
                <th scope="col">By</th>
                <th scope="col">List</th>
                <th scope="col">Counts</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => (
                <tr key={e.id}>
                  <td>
                    <time dateTime={e.at}>{formatWhen(e.at)}</time>
                  </td>
                  <td>{AUDIT_ACTION_LABEL[e.action]}</td>
                  <td>{e.actor === 'system' ? 'Heed' : 'You'}</td>
                  <td>{listName(e.listId)}</td>
                  <td>{countsText(e.counts)}</td>
                  <td>{e.detail ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {more ? (
        <button type="button" onClick={() => setLimit((n) => n + PAGE)}>
          Show {PAGE} more
        </button>
      ) : null}
    </div>
  );
}
