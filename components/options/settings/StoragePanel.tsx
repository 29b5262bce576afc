import { useCallback, useEffect, useId, useState } from 'react';
import { t } from '@/lib/i18n';
import { requestPersistence } from '@/lib/store/quota';
import { errorText } from './common';
import { formatMegabytes } from './parse';

interface Usage {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
}

/** How much this browser holds for Heed, and a request that the browser never evicts it under storage pressure. */
export function StoragePanel() {
  const id = useId();
  const [usage, setUsage] = useState<Usage | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    const storage = navigator.storage;
    if (!storage?.estimate) {
      setUsage({ usage: null, quota: null, persisted: null });
      return;
    }
    try {
      // The page asked once on load (entrypoints/options/main.tsx); this shows what the browser answered.
      await requestPersistence();
      const [est, persisted] = await Promise.all([
        storage.estimate(),
        storage.persisted ? storage.persisted() : Promise.resolve(null),
      ]);
      setUsage({ usage: est.usage ?? null, quota: est.quota ?? null, persisted });
    } catch (e) {
      setError(`Could not read storage use: ${errorText(e)}`);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const persist = async () => {
    setBusy(true);
    setError(null);
    try {
      const ok = await navigator.storage.persist();
      setMessage(
        ok
          ? 'The browser will keep Heed’s data even when the disk runs low.'
          : 'The browser declined for now. Your data is still kept; keep a backup (Export & backup).',
      );
      await refresh();
    } catch (e) {
      setError(`The request failed: ${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="ot-panel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Storage</h3>
      {usage === null ? (
        <p className="muted">Measuring…</p>
      ) : (
        <dl className="ot-facts">
          <dt>Used</dt>
          <dd data-testid="storage-used">
            {usage.usage === null ? 'Not available' : formatMegabytes(usage.usage)}
          </dd>
          <dt>Available to Heed</dt>
          <dd>{usage.quota === null ? 'Not available' : formatMegabytes(usage.quota)}</dd>
          <dt>Persistent</dt>
          <dd data-testid="storage-persisted">
            {usage.persisted === null ? 'Not available' : usage.persisted ? 'Yes' : 'No'}
          </dd>
        </dl>
      )}
      {usage === null ? null : (
        <p data-testid="storage-persistence">
          {usage.persisted === null
            ? t('options_storage_persistent_unknown')
            : usage.persisted
              ? t('options_storage_persistent_granted')
              : t('options_storage_persistent_denied')}
        </p>
      )}
      <p className="muted">
        Everything stays in this browser profile. Uninstalling Heed deletes it: keep a backup.
      </p>
      <div className="ot-actions">
        <button type="button" onClick={() => void persist()} disabled={busy || usage?.persisted === true}>
          Ask the browser to keep Heed's data
        </button>
        <button type="button" onClick={() => void refresh()}>
          Measure again
        </button>
      </div>
      <div role="status" className="ot-status">
        {message}
      </div>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
