import { useCallback, useEffect, useId, useState } from 'react';
import { t } from '@/lib/i18n';
import { shownError } from '@/lib/i18n/shown-error';
import { formatMegabytes } from '@/lib/options/settings-parse';
import { requestPersistence } from '@/lib/store/quota';
import { ErrorLine } from '../ErrorLine';

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
      setError(t('options_storage_read_failed', shownError(e)));
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
      setMessage(ok ? t('options_storage_persist_ok') : t('options_storage_persist_declined'));
      await refresh();
    } catch (e) {
      setError(t('options_storage_request_failed', shownError(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="ot-panel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('options_storage_title')}</h3>
      {usage === null ? (
        <p className="muted">{t('options_storage_measuring')}</p>
      ) : (
        <dl className="ot-facts">
          <dt>{t('options_storage_used')}</dt>
          <dd data-testid="storage-used">
            {usage.usage === null ? t('options_storage_not_available') : formatMegabytes(usage.usage)}
          </dd>
          <dt>{t('options_storage_quota')}</dt>
          <dd>{usage.quota === null ? t('options_storage_not_available') : formatMegabytes(usage.quota)}</dd>
          <dt>{t('options_storage_persistent')}</dt>
          <dd data-testid="storage-persisted">
            {usage.persisted === null
              ? t('options_storage_not_available')
              : usage.persisted
                ? t('options_yes')
                : t('options_no')}
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
      <p className="muted">{t('options_storage_note')}</p>
      <div className="ot-actions">
        <button type="button" onClick={() => void persist()} disabled={busy || usage?.persisted === true}>
          {t('options_storage_persist')}
        </button>
        <button type="button" onClick={() => void refresh()}>
          {t('options_storage_measure')}
        </button>
      </div>
      <div role="status" className="ot-status">
        {message}
      </div>
      <ErrorLine error={error} />
    </section>
  );
}
