import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useAppDb } from '@/components/use-db';
import { formatNumber, t, tn } from '@/lib/i18n';
import { shownError } from '@/lib/i18n/shown-error';
import { downloadBlob } from '@/lib/options/download';
import { auditCsv, logAudit, queryAudit } from '@/lib/store/audit';
import { getLists } from '@/lib/store/lists';
import { type AuditAction, AuditActionSchema } from '@/lib/store/schemas';
import './settings/tools.css';
import {
  auditActionLabel,
  auditDetailText,
  countsText,
  dayRange,
  formatWhen,
} from '@/lib/options/audit-labels';
import { IntegrityPanel } from './audit/IntegrityPanel';
import { ErrorLine } from './ErrorLine';

const PAGE = 200;

/** Who did what and when: imports, exports, deletions, restores and policy changes. Never whom it concerned. */
export function AuditSection() {
  const id = useId();
  const { db, error: dbError } = useAppDb();
  const [action, setAction] = useState<AuditAction | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [note, setNote] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const range = dayRange(from, to);
  const rangeError = range.from && range.to && range.from >= range.to ? t('options_audit_range_error') : null;
  const query = { ...(action ? { action } : {}), ...range };

  const events = useLiveQuery(
    () => (db && !rangeError ? queryAudit(db, { ...query, limit: limit + 1 }) : undefined),
    [db, action, from, to, limit, rangeError],
  );
  const total = useLiveQuery(async () => (db ? await db.audit.count() : undefined), [db]);
  const lists = useLiveQuery(() => (db ? getLists(db) : undefined), [db]);
  const listName = (listId?: string) =>
    listId ? (lists?.find((l) => l.id === listId)?.name ?? t('options_audit_list_deleted')) : '';

  const exportCsv = async () => {
    if (!db) return;
    setFailure(null);
    try {
      const all = await queryAudit(db, query);
      const stamp = new Date().toISOString().slice(0, 10);
      downloadBlob(
        `heed-audit-${stamp}.csv`,
        new Blob([`\uFEFF${auditCsv(all)}`], { type: 'text/csv;charset=utf-8' }),
      );
      await logAudit(db, { action: 'export', detail: 'audit log', counts: { events: all.length } });
      setNote(tn('options_audit_exported', all.length));
    } catch (e) {
      setFailure(t('options_audit_export_failed', shownError(e)));
    }
  };

  if (dbError)
    return (
      <p role="alert" className="error">
        {t('options_storage_failed', dbError)}
      </p>
    );
  const shown = events?.slice(0, limit) ?? [];
  const more = (events?.length ?? 0) > limit;
  const filtered = action !== '' || from !== '' || to !== '';

  return (
    <div className="ot-section">
      <p>{t('options_audit_intro')}</p>
      {db ? <IntegrityPanel db={db} /> : null}
      <form
        className="ot-filters"
        aria-label={t('options_audit_filter')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="ot-field">
          <label htmlFor={`${id}-action`}>{t('options_audit_col_action')}</label>
          <select
            id={`${id}-action`}
            value={action}
            onChange={(e) => {
              setAction(e.target.value === '' ? '' : AuditActionSchema.parse(e.target.value));
              setLimit(PAGE);
            }}
          >
            <option value="">{t('options_audit_all_actions')}</option>
            {AuditActionSchema.options.map((a) => (
              <option key={a} value={a}>
                {auditActionLabel(a)}
              </option>
            ))}
          </select>
        </div>
        <div className="ot-field">
          <label htmlFor={`${id}-from`}>{t('options_audit_from')}</label>
          <input id={`${id}-from`} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="ot-field">
          <label htmlFor={`${id}-to`}>{t('options_audit_to')}</label>
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
            {t('options_audit_clear')}
          </button>
        ) : null}
        <button type="button" onClick={() => void exportCsv()} disabled={!db || rangeError !== null}>
          {filtered ? t('options_audit_export_filtered') : t('options_audit_export_all')}
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
      <ErrorLine error={failure} />

      {events === undefined && !rangeError ? (
        <p className="muted">{t('options_audit_loading')}</p>
      ) : shown.length === 0 ? (
        <p className="muted">{total === 0 ? t('options_audit_empty') : t('options_audit_no_match')}</p>
      ) : (
        <div className="ot-table-wrap">
          <table className="ot-table">
            <caption>
              {total === undefined
                ? more
                  ? tn('options_audit_caption_latest', shown.length)
                  : tn('options_audit_caption', shown.length)
                : more
                  ? tn('options_audit_caption_latest_of', shown.length, formatNumber(total))
                  : tn('options_audit_caption_of', shown.length, formatNumber(total))}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('options_audit_col_when')}</th>
                <th scope="col">{t('options_audit_col_action')}</th>
                <th scope="col">{t('options_audit_col_by')}</th>
                <th scope="col">{t('options_audit_col_list')}</th>
                <th scope="col">{t('options_audit_col_counts')}</th>
                <th scope="col">{t('options_audit_col_detail')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => (
                <tr key={e.id}>
                  <td>
                    <time dateTime={e.at}>{formatWhen(e.at)}</time>
                  </td>
                  <td>{auditActionLabel(e.action)}</td>
                  <td>{e.actor === 'system' ? 'Heed' : t('options_audit_by_you')}</td>
                  <td>{listName(e.listId)}</td>
                  <td>{countsText(e.counts)}</td>
                  <td>{auditDetailText(e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {more ? (
        <button type="button" onClick={() => setLimit((n) => n + PAGE)}>
          {t('options_audit_show_more', PAGE)}
        </button>
      ) : null}
    </div>
  );
}
