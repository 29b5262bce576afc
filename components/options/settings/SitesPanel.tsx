import { useCallback, useEffect, useId, useState } from 'react';
import type { HeedDb } from '@/lib/store/db';
import type { Settings } from '@/lib/store/schemas';
import { saveSettings } from '@/lib/store/settings';
import { errorText } from './common';
import { BUILT_IN_SITES, hostOfPattern, sitePattern } from './parse';

type Note = { kind: 'ok' | 'error'; text: string; undo?: { host: string } } | null;

/**
 * Sites Heed annotates. LinkedIn and GitHub come with the extension; any other HTTPS site needs the browser's
 * permission, asked for here (the request has to come straight from the click) and listed from what the browser
 * actually granted, so the list can never claim more access than Heed has.
 */
export function SitesPanel({ db, settings }: { db: HeedDb; settings: Settings }) {
  const id = useId();
  const [input, setInput] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  const [granted, setGranted] = useState<string[] | null>(null);
  const [note, setNote] = useState<Note>(null);

  const refresh = useCallback(async () => {
    try {
      const all = await browser.permissions.getAll();
      const hosts = (all.origins ?? [])
        .map(hostOfPattern)
        .filter((h): h is string => h !== null && !BUILT_IN_SITES.includes(h));
      setGranted([...new Set(hosts)].sort());
    } catch (e) {
      setNote({ kind: 'error', text: `Could not read the browser's permissions: ${errorText(e)}` });
      setGranted([]);
    }
  }, []);

  useEffect(() => {
    void refresh();
    const onChange = () => void refresh();
    browser.permissions.onAdded?.addListener(onChange);
    browser.permissions.onRemoved?.addListener(onChange);
    return () => {
      browser.permissions.onAdded?.removeListener(onChange);
      browser.permissions.onRemoved?.removeListener(onChange);
    };
  }, [refresh]);

  const remember = async (hosts: string[]) => {
    const sorted = [...new Set(hosts)].sort();
    await saveSettings(db, { annotatedSites: sorted });
  };

  const add = (e: React.FormEvent) => {
    e.preventDefault();
    setNote(null);
    const site = sitePattern(input);
    if (!site.ok) {
      setInputError(site.reason);
      return;
    }
    setInputError(null);
    // Called synchronously in the submit handler: the browser only shows its prompt for a user gesture.
    browser.permissions.request({ origins: [site.origin] }).then(
      async (ok) => {
        if (!ok) {
          setNote({ kind: 'error', text: `Permission for ${site.host} was not granted: nothing changed.` });
          return;
        }
        try {
          await remember([...settings.annotatedSites, site.host]);
          setInput('');
          setNote({ kind: 'ok', text: `Heed may now annotate ${site.host}.` });
        } catch (err) {
          setNote({
            kind: 'error',
            text: `Permission granted, but the list could not be saved: ${errorText(err)}`,
          });
        }
        await refresh();
      },
      (err: unknown) =>
        setNote({ kind: 'error', text: `The browser refused the request: ${errorText(err)}` }),
    );
  };

  const remove = async (host: string) => {
    setNote(null);
    try {
      await browser.permissions.remove({ origins: [`https://${host}/*`] });
      await remember(settings.annotatedSites.filter((h) => h !== host));
      setNote({ kind: 'ok', text: `Heed no longer has access to ${host}.`, undo: { host } });
    } catch (err) {
      setNote({ kind: 'error', text: `Could not remove ${host}: ${errorText(err)}` });
    }
    await refresh();
  };

  const undoRemove = (host: string) => {
    setNote(null);
    browser.permissions.request({ origins: [`https://${host}/*`] }).then(
      async (ok) => {
        if (ok) await remember([...settings.annotatedSites, host]);
        setNote(
          ok ? { kind: 'ok', text: `${host} is back.` } : { kind: 'error', text: 'Permission not granted.' },
        );
        await refresh();
      },
      (err: unknown) => setNote({ kind: 'error', text: errorText(err) }),
    );
  };

  // Sites in the settings whose permission was since taken away in the browser's own settings.
  const lapsed = settings.annotatedSites.filter((h) => granted !== null && !granted.includes(h));

  return (
    <section className="ot-panel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Annotated sites</h3>
      <p className="muted">
        Always: {BUILT_IN_SITES.join(', ')}. On any other page you can still run a one-off check from the
        toolbar button.
      </p>
      {granted === null ? (
        <p className="muted">Reading permissions…</p>
      ) : granted.length === 0 ? (
        <p className="muted">No other sites yet.</p>
      ) : (
        <ul className="ot-sites" aria-label="Sites you added">
          {granted.map((h) => (
            <li key={h}>
              <span>{h}</span>
              <button
                type="button"
                className="danger"
                onClick={() => void remove(h)}
                aria-label={`Remove ${h}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {lapsed.length > 0 ? (
        <p className="muted">
          Permission was removed in the browser for: {lapsed.join(', ')}. Add them again to annotate them.
        </p>
      ) : null}
      <form className="ot-inline" onSubmit={add} noValidate>
        <label htmlFor={`${id}-site`}>Add a site</label>
        <input
          id={`${id}-site`}
          type="text"
          placeholder="crm.example.com"
          value={input}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={inputError ? true : undefined}
          aria-describedby={inputError ? `${id}-site-err` : `${id}-site-hint`}
          onChange={(e) => {
            setInput(e.target.value);
            setInputError(null);
          }}
        />
        <button type="submit">Ask the browser for access</button>
      </form>
      <p id={`${id}-site-hint`} className="muted ot-hint">
        HTTPS only. Use *.example.com for every subdomain. The browser asks you to confirm.
      </p>
      {inputError ? (
        <p id={`${id}-site-err`} className="error">
          {inputError}
        </p>
      ) : null}
      <div role="status" className="ot-status">
        {note?.kind === 'ok' ? note.text : null}
        {note?.undo ? (
          <button type="button" onClick={() => undoRemove(note.undo?.host as string)}>
            Undo
          </button>
        ) : null}
      </div>
      {note?.kind === 'error' ? (
        <p role="alert" className="error">
          {note.text}
        </p>
      ) : null}
    </section>
  );
}
