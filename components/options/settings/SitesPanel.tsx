import { useCallback, useEffect, useId, useState } from 'react';
import { formatList, t } from '@/lib/i18n';
import { shownError } from '@/lib/i18n/shown-error';
import { hostOfPattern, sitePattern } from '@/lib/options/settings-parse';
import type { HeedDb } from '@/lib/store/db';
import type { Settings } from '@/lib/store/schemas';
import { saveSettings } from '@/lib/store/settings';
import { ANNOTATED_HOSTS } from '@/lib/vocab';

// A host name, the same in every language.
const EXAMPLE_SITE = 'crm.example.com';

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
        .filter((h): h is string => h !== null && !ANNOTATED_HOSTS.includes(h));
      setGranted([...new Set(hosts)].sort());
    } catch (e) {
      setNote({ kind: 'error', text: t('options_sites_read_failed', shownError(e)) });
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
          setNote({ kind: 'error', text: t('options_sites_not_granted', site.host) });
          return;
        }
        try {
          await remember([...settings.annotatedSites, site.host]);
          setInput('');
          setNote({ kind: 'ok', text: t('options_sites_added', site.host) });
        } catch (err) {
          setNote({
            kind: 'error',
            text: t('options_sites_save_failed', shownError(err)),
          });
        }
        await refresh();
      },
      (err: unknown) => setNote({ kind: 'error', text: t('options_sites_request_refused', shownError(err)) }),
    );
  };

  const remove = async (host: string) => {
    setNote(null);
    try {
      await browser.permissions.remove({ origins: [`https://${host}/*`] });
      await remember(settings.annotatedSites.filter((h) => h !== host));
      setNote({ kind: 'ok', text: t('options_sites_removed', host), undo: { host } });
    } catch (err) {
      setNote({ kind: 'error', text: t('options_sites_remove_failed', host, shownError(err)) });
    }
    await refresh();
  };

  const undoRemove = (host: string) => {
    setNote(null);
    browser.permissions.request({ origins: [`https://${host}/*`] }).then(
      async (ok) => {
        if (ok) await remember([...settings.annotatedSites, host]);
        setNote(
          ok
            ? { kind: 'ok', text: t('options_sites_back', host) }
            : { kind: 'error', text: t('options_sites_permission_not_granted') },
        );
        await refresh();
      },
      (err: unknown) => setNote({ kind: 'error', text: shownError(err) }),
    );
  };

  // Sites in the settings whose permission was since taken away in the browser's own settings.
  const lapsed = settings.annotatedSites.filter((h) => granted !== null && !granted.includes(h));

  return (
    <section className="ot-panel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('options_sites_title')}</h3>
      <p className="muted">{t('options_sites_always', formatList(ANNOTATED_HOSTS))}</p>
      {granted === null ? (
        <p className="muted">{t('options_sites_reading')}</p>
      ) : granted.length === 0 ? (
        <p className="muted">{t('options_sites_none')}</p>
      ) : (
        <ul className="ot-sites" aria-label={t('options_sites_list')}>
          {granted.map((h) => (
            <li key={h}>
              <span>{h}</span>
              <button
                type="button"
                className="danger"
                onClick={() => void remove(h)}
                aria-label={t('options_sites_remove_label', h)}
              >
                {t('options_remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {lapsed.length > 0 ? <p className="muted">{t('options_sites_lapsed', formatList(lapsed))}</p> : null}
      <form className="ot-inline" onSubmit={add} noValidate>
        <label htmlFor={`${id}-site`}>{t('options_sites_add')}</label>
        <input
          id={`${id}-site`}
          type="text"
          placeholder={EXAMPLE_SITE}
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
        <button type="submit">{t('options_sites_ask')}</button>
      </form>
      <p id={`${id}-site-hint`} className="muted ot-hint">
        {t('options_sites_hint')}
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
            {t('options_undo')}
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
