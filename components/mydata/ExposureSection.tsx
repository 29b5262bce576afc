import { useLiveQuery } from 'dexie-react-hooks';
import { type FormEvent, useId, useState } from 'react';
import { type MessageKey, t, tn } from '@/lib/i18n/index';
import { shownError } from '@/lib/i18n/shown-error';
import type { SelfDb } from '@/lib/mydata/db';
import { type ExposureReport, exposureReport, LINKEDIN_SETTINGS } from '@/lib/mydata/exposure';
import { matchMine } from '@/lib/mydata/identities';
import { identifiersInText } from '@/lib/mydata/text-check';
import { tx } from './shared';

const KIND_WORD: Record<'email' | 'phone' | 'profile', MessageKey> = {
  email: 'mydata_word_email',
  phone: 'mydata_word_phone',
  profile: 'mydata_word_profile',
};

export function ExposureSection({ db, country }: { db: SelfDb; country: string }) {
  const id = useId();
  const count = useLiveQuery(() => db.identities.count(), [db]);
  const [text, setText] = useState('');
  const [result, setResult] = useState<(ExposureReport & { truncated: boolean }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const found = identifiersInText(text, country || undefined);
      const mine = await matchMine(db, found);
      setResult({ ...exposureReport(found, mine), truncated: found.truncated });
    } catch (err) {
      setError(shownError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section id="exposure" aria-labelledby={`${id}-h`} className="card">
      <h2 id={`${id}-h`}>{t('mydata_nav_exposure')}</h2>
      <p className="lead">{t('mydata_exposure_lead')}</p>
      {count === 0 ? (
        <p className="empty">
          {tx('mydata_exposure_add_first', <a href="#identities">{t('mydata_nav_identities')}</a>)}
        </p>
      ) : null}

      <h3>{t('mydata_linkedin_title')}</h3>
      <p>{t('mydata_linkedin_intro')}</p>
      <ul className="links">
        <li>
          {tx(
            'mydata_linkedin_visibility_text',
            <a href={LINKEDIN_SETTINGS.emailVisibility} target="_blank" rel="noopener noreferrer">
              {t('mydata_linkedin_visibility')}
            </a>,
          )}
        </li>
        <li>
          {tx(
            'mydata_linkedin_download_text',
            <a href={LINKEDIN_SETTINGS.emailDownload} target="_blank" rel="noopener noreferrer">
              {t('mydata_linkedin_download')}
            </a>,
          )}
        </li>
      </ul>
      <p className="hint">{t('mydata_linkedin_hint')}</p>

      <h3>{t('mydata_check_title')}</h3>
      <form onSubmit={check}>
        <div className="field">
          <label htmlFor={`${id}-text`}>{t('mydata_check_label')}</label>
          <textarea
            id={`${id}-text`}
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={5}
            aria-describedby={`${id}-text-hint`}
          />
          <p className="hint" id={`${id}-text-hint`}>
            {t('mydata_check_hint')}
          </p>
        </div>
        <button type="submit" disabled={busy || text.trim() === ''}>
          {t('mydata_check')}
        </button>
      </form>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <div role="status" aria-live="polite">
        {result ? (
          <div className="report">
            {result.mine.length === 0 ? (
              <p>{t('mydata_none_found')}</p>
            ) : (
              <>
                <p>
                  <strong>{tn('mydata_found', result.mine.length)}</strong>
                </p>
                <ul className="mine">
                  {result.mine.map((m) => (
                    <li key={`${m.kind}-${m.value}`}>
                      {tx(
                        m.certainty === 'variant' ? 'mydata_found_item_variant' : 'mydata_found_item',
                        t(KIND_WORD[m.kind]),
                        <mark>{m.value}</mark>,
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <p className="muted">
              {t(
                'mydata_others',
                tn('mydata_n_emails', result.others.emails),
                tn('mydata_n_phones', result.others.phones),
              )}
              {result.truncated ? ` ${t('mydata_truncated')}` : ''}
            </p>
          </div>
        ) : null}
      </div>
    </section>
  );
}
