import { useLiveQuery } from 'dexie-react-hooks';
import { useId } from 'react';
import { getLanguage, t, tn } from '@/lib/i18n/index';
import { deleteRequest, markAnswered, undoDeleteRequest, undoMarkAnswered } from '@/lib/mydata/commands';
import { daysBetween, localIsoDate, longDate } from '@/lib/mydata/dates';
import type { SelfDb } from '@/lib/mydata/db';
import { lawLabel, requestKindShort } from '@/lib/mydata/letters';
import { listRequests, requestStatus } from '@/lib/mydata/requests';
import type { RequestRecord } from '@/lib/mydata/schemas';
import { pageNotices } from '@/lib/notices';

function statusText(r: RequestRecord, today: string): string {
  const s = requestStatus(r, today);
  if (s === 'answered') return t('mydata_status_answered', longDate(r.answeredAt ?? today, getLanguage()));
  const days = daysBetween(today, r.dueAt);
  if (s === 'overdue') return tn('mydata_status_overdue', -days);
  if (days === 0) return t('mydata_status_due_today');
  return tn('mydata_status_left', days);
}

export function RequestLog({ db }: { db: SelfDb }) {
  const id = useId();
  const today = localIsoDate(new Date());
  const requests = useLiveQuery(() => listRequests(db, today), [db, today]);
  const overdue = (requests ?? []).filter((r) => requestStatus(r, today) === 'overdue').length;

  const answered = async (r: RequestRecord) => {
    const before = await markAnswered(db, r.id, today);
    if (!before) return;
    pageNotices.say(t('mydata_marked_answered', r.company), {
      undo: async () => {
        await undoMarkAnswered(db, before);
      },
    });
  };

  const remove = async (r: RequestRecord) => {
    const gone = await deleteRequest(db, r.id);
    if (!gone) return;
    pageNotices.say(t('mydata_deleted_request', r.company), {
      undo: async () => {
        await undoDeleteRequest(db, gone);
      },
    });
  };

  return (
    <section className="log" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('mydata_log_title')}</h3>
      {overdue > 0 ? (
        <p className="overdue-banner" role="alert">
          {tn('mydata_overdue_banner', overdue)}
        </p>
      ) : null}
      {requests === undefined ? (
        <p className="muted">{t('mydata_loading')}</p>
      ) : requests.length === 0 ? (
        <p className="empty">{t('mydata_log_empty')}</p>
      ) : (
        <table className="requests">
          <caption className="sr-only">{t('mydata_log_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('mydata_company')}</th>
              <th scope="col">{t('mydata_col_request')}</th>
              <th scope="col">{t('mydata_col_sent')}</th>
              <th scope="col">{t('mydata_col_due')}</th>
              <th scope="col">{t('mydata_col_status')}</th>
              <th scope="col">
                <span className="sr-only">{t('mydata_col_actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => {
              const status = requestStatus(r, today);
              return (
                <tr key={r.id} className={status} data-status={status}>
                  <th scope="row">
                    {r.company}
                    {r.companyEmail ? <div className="muted small">{r.companyEmail}</div> : null}
                  </th>
                  <td>
                    {r.kinds.map(requestKindShort).join(', ')}
                    <div className="muted small">{lawLabel(r.law)}</div>
                  </td>
                  <td>{longDate(r.sentAt, getLanguage())}</td>
                  <td>{longDate(r.dueAt, getLanguage())}</td>
                  <td>
                    <span className={`status ${status}`}>{statusText(r, today)}</span>
                  </td>
                  <td className="row-actions">
                    {r.answeredAt === undefined ? (
                      <button
                        type="button"
                        onClick={() => void answered(r)}
                        aria-label={t('mydata_answered_label', r.company)}
                      >
                        {t('mydata_answered')}
                      </button>
                    ) : null}
                    <button
                      type="button"
                      className="quiet"
                      onClick={() => void remove(r)}
                      aria-label={t('mydata_delete_label', r.company)}
                    >
                      {t('mydata_delete')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
