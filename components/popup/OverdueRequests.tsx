import { useEffect, useId, useState } from 'react';
import './overdue.css';
import { localIsoDate } from '@/lib/self/dates';
import { selfDb } from '@/lib/self/db';
import {
  complaintAuthority,
  controllerComplaint,
  controllerFirst,
  followUpLetter,
  type Letter,
  overdueLine,
  regulatorComplaint,
} from '@/lib/self/followup';
import { overdueRequests } from '@/lib/self/requests';
import type { RequestRecord } from '@/lib/self/schemas';
import { getSelfSettings, type SelfSettings } from '@/lib/self/settings';

type Which = 'follow-up' | 'controller' | 'regulator';

function LetterBox({ letter, label }: { letter: Letter; label: string }) {
  const id = useId();
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(`Subject: ${letter.subject}\n\n${letter.body}`);
      setCopied('Letter copied, with its subject line.');
    } catch {
      setCopied('Could not copy: select the text and copy it.');
    }
  };
  return (
    <div className="overdue-letter">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} readOnly rows={8} value={`Subject: ${letter.subject}\n\n${letter.body}`} />
      <div className="actions">
        <button type="button" className="primary" onClick={() => void copy()}>
          Copy letter
        </button>
        {letter.mailto ? (
          <a href={letter.mailto} target="_blank" rel="noreferrer">
            Open an email draft
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

  useEffect(() => {
    void (async () => {
      const db = await selfDb();
      setOverdue(await overdueRequests(db, today));
      setSettings(await getSelfSettings(db));
    })().catch(() => undefined);
  }, [today]);

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
                  Follow-up letter to {r.company}
                </button>
                {first ? (
                  <button
                    type="button"
                    aria-expanded={shown === 'controller'}
                    onClick={() => toggle(r.id, 'controller')}
                  >
                    Complaint to {r.company}
                  </button>
                ) : null}
                <button
                  type="button"
                  aria-expanded={shown === 'regulator'}
                  onClick={() => toggle(r.id, 'regulator')}
                >
                  Complaint to the regulator
                </button>
              </div>
              {first ? (
                <p className="small">
                  UK law (since 19 June 2026): complain to {r.company} first; it must acknowledge within 30
                  days. Then go to the Information Commission.
                </p>
              ) : null}
              {shown === 'follow-up' ? (
                <LetterBox letter={followUpLetter(input)} label={`Follow-up letter to ${r.company}`} />
              ) : null}
              {shown === 'controller' ? (
                <LetterBox letter={controllerComplaint(input)} label={`Complaint to ${r.company}`} />
              ) : null}
              {shown === 'regulator' ? (
                <>
                  <p className="small">
                    {authority.regulator
                      ? `To ${authority.regulator.name} (${authority.because}); complaint form: ${authority.regulator.site}.`
                      : 'No country recorded for this company: set "Where you live" in My data, or name the authority yourself.'}
                  </p>
                  <LetterBox letter={regulatorComplaint(input)} label="Complaint to the regulator" />
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
