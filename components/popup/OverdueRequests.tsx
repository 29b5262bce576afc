import { useEffect, useId, useState } from 'react';
import { t } from '@/lib/i18n';
import { withSubjectLine } from '@/lib/mydata/letter-text';
import './overdue.css';
import { useSelfDb } from '@/components/use-db';
import { localIsoDate } from '@/lib/mydata/dates';
import {
  complaintAuthority,
  controllerComplaint,
  controllerFirst,
  followUpLetter,
  type Letter,
  overdueLine,
  regulatorComplaint,
} from '@/lib/mydata/followup';
import { overdueRequests } from '@/lib/mydata/requests';
import type { RequestRecord } from '@/lib/mydata/schemas';
import { getSelfSettings, type SelfSettings } from '@/lib/mydata/settings';

type Which = 'follow-up' | 'controller' | 'regulator';

function LetterBox({ letter, label }: { letter: Letter; label: string }) {
  const id = useId();
  const [copied, setCopied] = useState<string | null>(null);
  // The subject line in the letter's language, which may not be the page's.
  const text = withSubjectLine(letter.language, letter.subject, letter.body);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(t('popup_overdue_copied'));
    } catch {
      setCopied(t('popup_overdue_copy_failed'));
    }
  };
  return (
    <div className="overdue-letter">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} readOnly rows={8} value={text} />
      <div className="actions">
        <button type="button" className="primary" onClick={() => void copy()}>
          {t('popup_overdue_copy')}
        </button>
        {letter.mailto ? (
          <a href={letter.mailto} target="_blank" rel="noreferrer">
            {t('popup_overdue_draft')}
          </a>
        ) : null}
      </div>
      {copied ? (
        <p className="small" role="status">
          {copied}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The overdue data requests from My data, at the top of the popup: on a profile tab the toolbar badge shows the
 * verdict, so this line is where an overdue reply stays visible. Reads the user's own database directly (an
 * extension page may); failing to read it hides the line rather than the popup.
 */
export function OverdueRequests({ today = localIsoDate(new Date()) }: { today?: string }) {
  const [overdue, setOverdue] = useState<RequestRecord[]>([]);
  const [settings, setSettings] = useState<SelfSettings>({ name: '', country: '' });
  const [open, setOpen] = useState<{ id: string; which: Which } | null>(null);

  const { db } = useSelfDb();

  useEffect(() => {
    if (!db) return;
    void (async () => {
      setOverdue(await overdueRequests(db, today));
      setSettings(await getSelfSettings(db));
    })().catch(() => undefined);
  }, [db, today]);

  const line = overdueLine(overdue, today);
  if (!line) return null;
  const toggle = (id: string, which: Which) =>
    setOpen((o) => (o?.id === id && o.which === which ? null : { id, which }));

  return (
    <section className="overdue" aria-labelledby="overdue-h">
      <h2 id="overdue-h" className="overdue-line">
        {line}
      </h2>
      <ul className="overdue-list">
        {overdue.map((r) => {
          const input = {
            record: r,
            today,
            ...(settings.name ? { name: settings.name } : {}),
            ...(settings.country ? { userCountry: settings.country } : {}),
          };
          const first = controllerFirst(r, today);
          const authority = complaintAuthority(r, settings.country);
          const shown = open?.id === r.id ? open.which : null;
          return (
            <li key={r.id}>
              <span className="company">{r.company}</span>
              <div className="actions">
                <button
                  type="button"
                  aria-expanded={shown === 'follow-up'}
                  onClick={() => toggle(r.id, 'follow-up')}
                >
                  {t('popup_overdue_follow_up', r.company)}
                </button>
                {first ? (
                  <button
                    type="button"
                    aria-expanded={shown === 'controller'}
                    onClick={() => toggle(r.id, 'controller')}
                  >
                    {t('popup_overdue_controller', r.company)}
                  </button>
                ) : null}
                <button
                  type="button"
                  aria-expanded={shown === 'regulator'}
                  onClick={() => toggle(r.id, 'regulator')}
                >
                  {t('popup_overdue_regulator')}
                </button>
              </div>
              {first ? <p className="small">{t('popup_overdue_uk_first', r.company)}</p> : null}
              {shown === 'follow-up' ? (
                <LetterBox letter={followUpLetter(input)} label={t('popup_overdue_follow_up', r.company)} />
              ) : null}
              {shown === 'controller' ? (
                <LetterBox
                  letter={controllerComplaint(input)}
                  label={t('popup_overdue_controller', r.company)}
                />
              ) : null}
              {shown === 'regulator' ? (
                <>
                  <p className="small">
                    {authority.regulator
                      ? t(
                          'popup_overdue_regulator_named',
                          authority.regulator.name,
                          authority.because,
                          authority.regulator.site,
                        )
                      : t('popup_overdue_no_country')}
                  </p>
                  <LetterBox letter={regulatorComplaint(input)} label={t('popup_overdue_regulator')} />
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
