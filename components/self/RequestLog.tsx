import { useLiveQuery } from 'dexie-react-hooks';
import { useContext, useId } from 'react';
import { daysBetween, localIsoDate, longDate } from '@/lib/self/dates';
import { KIND_SHORT, LAW_LABEL } from '@/lib/self/letters';
import {
  deleteRequest,
  listRequests,
  markAnswered,
  requestStatus,
  restoreRequest,
} from '@/lib/self/requests';
import type { RequestRecord } from '@/lib/self/schemas';
import { NoticeContext, useSelfDb } from './shared';

function statusText(r: RequestRecord, today: string): string {
  const s = requestStatus(r, today);
  if (s === 'answered') return `Answered ${longDate(r.answeredAt ?? today)}`;
  const days = daysBetween(today, r.dueAt);
  if (s === 'overdue') return `Overdue by ${-days} day${days === -1 ? '' : 's'}`;
  if (days === 0) return 'Due today';
  return `${days} day${days === 1 ? '' : 's'} left`;
}

export function RequestLog() {
  const db = useSelfDb();
  const notify = useContext(NoticeContext);
  const id = useId();
  const today = localIsoDate(new Date());
  const requests = useLiveQuery(() => listRequests(db, today), [db, today]);
  const overdue = (requests ?? []).filter((r) => requestStatus(r, today) === 'overdue').length;

  const answered = async (r: RequestRecord) => {
    const before = await markAnswered(db, r.id, today);
    if (!before) return;
    notify({
      message: `Marked the request to ${r.company} as answered.`,
      undo: async () => {
        await restoreRequest(db, before);
      },
    });
  };

  const remove = async (r: RequestRecord) => {
    const gone = await deleteRequest(db, r.id);
    if (!gone) return;
    notify({
      message: `Deleted the request to ${r.company} from the log.`,
      undo: async () => {
        await restoreRequest(db, gone);
      },
    });
  };

  return (
    <section className="log" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Requests you sent</h3>
      {overdue > 0 ? (
        <p className="overdue-banner" role="alert">
          {overdue === 1 ? 'One reply is' : `${overdue} replies are`} overdue. Write to the company again,
          quoting the date of your request; if there is still no answer, you can complain to the data
          protection authority (or, under the CCPA, to the California Privacy Protection Agency).
        </p>
      ) : null}
      {requests === undefined ? (
        <p className="muted">Loading…</p>
      ) : requests.length === 0 ? (
        <p className="empty">
          No requests logged yet. After you send a letter, choose "I sent it": Heed remembers the due date and
          reminds you on its toolbar icon when a reply is late.
        </p>
      ) : (
        <table className="requests">
          <caption className="sr-only">Requests you sent, overdue first</caption>
          <thead>
            <tr>
              <th scope="col">Company</th>
              <th scope="col">Request</th>
              <th scope="col">Sent</th>
              <th scope="col">Reply due</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
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
                    {r.kinds.map((k) => KIND_SHORT[k]).join(', ')}
                    <div className="muted small">{LAW_LABEL[r.law]}</div>
                  </td>
                  <td>{longDate(r.sentAt)}</td>
                  <td>{longDate(r.dueAt)}</td>
                  <td>
                    <span className={`status ${status}`}>{statusText(r, today)}</span>
                  </td>
                  <td className="row-actions">
                    {r.answeredAt === undefined ? (
                      <button
                        type="button"
                        onClick={() => void answered(r)}
                        aria-label={`Mark the request to ${r.company} answered`}
                      >
                        Answered
                      </button>
                    ) : null}
                    <button
                      type="button"
                      className="quiet"
                      onClick={() => void remove(r)}
                      aria-label={`Delete the request to ${r.company} from the log`}
                    >
                      Delete
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
