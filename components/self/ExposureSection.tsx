import { useLiveQuery } from 'dexie-react-hooks';
import { type FormEvent, useId, useState } from 'react';
import { type ExposureReport, exposureReport, LINKEDIN_SETTINGS } from '@/lib/self/exposure';
import { matchMine } from '@/lib/self/identities';
import { identifiersInText } from '@/lib/self/text-check';
import { errorText, useSelfDb } from './shared';

const KIND_WORD = { email: 'Email', phone: 'Phone', profile: 'LinkedIn profile' } as const;

export function ExposureSection({ country }: { country: string }) {
  const db = useSelfDb();
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
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section id="exposure" aria-labelledby={`${id}-h`} className="card">
      <h2 id={`${id}-h`}>How exposed am I?</h2>
      <p className="lead">
        When you scan a page with Heed (the toolbar button, then "Scan this page"; LinkedIn and GitHub are
        checked automatically), Heed highlights your own identifiers on it and counts the other email
        addresses and phone numbers it shows. It looks only at what the page shows you and sends nothing
        anywhere.
      </p>
      {count === 0 ? (
        <p className="empty">
          Add your identities first (<a href="#identities">My identities</a>): Heed can only recognise what
          you told it.
        </p>
      ) : null}

      <h3>Your LinkedIn contact info</h3>
      <p>
        On your own profile, open "Contact info": what you see there, your 1st-degree connections usually see
        too. Two LinkedIn settings decide who gets your email address:
      </p>
      <ul className="links">
        <li>
          <a href={LINKEDIN_SETTINGS.emailVisibility} target="_blank" rel="noopener noreferrer">
            Who can see your email address
          </a>{' '}
          – choose "Only visible to me" to hide it from connections.
        </li>
        <li>
          <a href={LINKEDIN_SETTINGS.emailDownload} target="_blank" rel="noopener noreferrer">
            Allow your connections to download your email
          </a>{' '}
          – off by default; when on, connections take your address with their data export.
        </li>
      </ul>
      <p className="hint">
        These open LinkedIn's own settings pages in a new tab; Heed never opens or reads them itself. Your
        phone number and birthday are changed in the contact info editor on your profile.
      </p>

      <h3>Check a text</h3>
      <form onSubmit={check}>
        <div className="field">
          <label htmlFor={`${id}-text`}>Paste a page's text, a company's reply or a data export</label>
          <textarea
            id={`${id}-text`}
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={5}
            aria-describedby={`${id}-text-hint`}
          />
          <p className="hint" id={`${id}-text-hint`}>
            Checked here in the page; nothing is stored. Phone numbers without a +code are read as numbers of
            your country.
          </p>
        </div>
        <button type="submit" disabled={busy || text.trim() === ''}>
          Check
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
              <p>None of your identifiers is in this text.</p>
            ) : (
              <>
                <p>
                  <strong>
                    {result.mine.length} of your identifiers {result.mine.length === 1 ? 'is' : 'are'} in this
                    text:
                  </strong>
                </p>
                <ul className="mine">
                  {result.mine.map((m) => (
                    <li key={`${m.kind}-${m.value}`}>
                      {KIND_WORD[m.kind]}: <mark>{m.value}</mark>
                      {m.certainty === 'variant'
                        ? ' (another spelling of your address, reaching the same mailbox)'
                        : ''}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <p className="muted">
              Other data in it: {result.others.emails} email address{result.others.emails === 1 ? '' : 'es'},{' '}
              {result.others.phones} phone number{result.others.phones === 1 ? '' : 's'}.
              {result.truncated
                ? ' The text was very long: only the first 2 million characters were checked.'
                : ''}
            </p>
          </div>
        ) : null}
      </div>
    </section>
  );
}
