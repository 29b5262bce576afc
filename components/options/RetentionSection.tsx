import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useAppDb } from '@/components/use-db';
import { formatDate, t, tn } from '@/lib/i18n';
import { shownError } from '@/lib/i18n/shown-error';
import { pageNotices } from '@/lib/notices';
import { purgePastRetention, undoPurge } from '@/lib/store/commands/contact';
import { contactsPastRetention, type RetentionFlag } from '@/lib/store/retention';
import { getSettings } from '@/lib/store/settings';
import { ConfirmBox } from './ConfirmBox';

/** Who a contact record is about, in a few words: its name, else its first identifier. */
function who(f: RetentionFlag): string {
  const c = f.contact;
  return (
    c.name ??
    c.emails[0] ??
    c.profileUrls[0] ??
    c.phones[0] ??
    c.salesNavUrls[0] ??
    t('options_retention_unnamed')
  );
}

/**
 * Contact records past their retention period (GDPR Art. 5(1)(e)): listed, and deleted on request with Undo.
 * Suppression entries are not contact records and never appear here.
 */
export function RetentionSection() {
  const id = useId();
  const { db, error } = useAppDb();
  // Re-read on every change to contacts or settings, from any page (a lawful basis saved in the popup, say).
  const data = useLiveQuery(
    async () =>
      db ? { flags: await contactsPastRetention(db), settings: await getSettings(db) } : undefined,
    [db],
  );
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  if (error) {
    return (
      <p className="error" role="alert">
        {t('options_retention_error', error)}
      </p>
    );
  }
  if (!db || !data) return <p className="muted">{t('options_retention_loading')}</p>;
  const { flags, settings } = data;

  const purge = async () => {
    setFailure(null);
    try {
      const receipt = await purgePastRetention(
        db,
        flags.map((f) => f.contact.id),
      );
      const n = receipt.contacts.length;
      setMessage(tn('options_retention_done', n, n));
      if (n > 0) {
        pageNotices.push(tn('options_retention_undo_label', n, n), async () => {
          await undoPurge(db, receipt);
        });
      }
    } catch (err) {
      setFailure(shownError(err));
    } finally {
      setConfirming(false);
    }
  };

  return (
    <section className="ol-panel retention" aria-labelledby={`${id}-count`}>
      <p className="muted">{t('options_retention_intro', settings.retentionDays)}</p>
      {flags.length === 0 ? (
        <p id={`${id}-count`} role="status">
          {t('options_retention_none')}
        </p>
      ) : (
        <>
          <p id={`${id}-count`} role="status">
            {tn('options_retention_count', flags.length, flags.length)}
          </p>
          <table className="retention-list">
            <thead>
              <tr>
                <th scope="col">{t('options_retention_col_person')}</th>
                <th scope="col">{t('options_retention_col_due')}</th>
                <th scope="col">{t('options_retention_col_why')}</th>
              </tr>
            </thead>
            <tbody>
              {flags.map((f) => (
                <tr key={f.contact.id}>
                  <th scope="row">{who(f)}</th>
                  <td>{formatDate(f.dueAt)}</td>
                  <td>
                    {f.basis === 'retention-date'
                      ? t('options_retention_basis_date')
                      : t(
                          'options_retention_basis_period',
                          formatDate(f.contact.collectedAt ?? f.contact.createdAt),
                        )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {!confirming ? (
            <button type="button" className="danger" onClick={() => setConfirming(true)}>
              {tn('options_retention_purge', flags.length, flags.length)}
            </button>
          ) : (
            <ConfirmBox
              question={t('options_retention_confirm')}
              confirm={t('options_retention_confirm_yes')}
              cancel={t('options_retention_cancel')}
              tone="danger"
              onConfirm={purge}
              onCancel={() => setConfirming(false)}
            />
          )}
        </>
      )}
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
