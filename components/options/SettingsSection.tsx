import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { useAppDb } from '@/components/use-db';
import { t } from '@/lib/i18n';
import { shownError } from '@/lib/i18n/shown-error';
import { enforceLockedSettings } from '@/lib/policy/managed';
import { getSettings } from '@/lib/store/settings';
import './settings/tools.css';
import { SettingsForm } from './settings/SettingsForm';
import { SitesPanel } from './settings/SitesPanel';
import { StoragePanel } from './settings/StoragePanel';
import { PolicyPanel } from './team/PolicyPanel';
import { useManagedPolicy } from './team/use-policy';

/** Settings: defaults, domains, matching and retention; annotated sites; storage. */
export function SettingsSection() {
  const { db, error } = useAppDb();
  const policy = useManagedPolicy();
  // The background writes locked values at start; doing it here too closes the gap before it has.
  useEffect(() => {
    if (db && policy && Object.keys(policy.policy.lockedSettings).length > 0) {
      void enforceLockedSettings(db, policy).catch(() => undefined);
    }
  }, [db, policy]);
  const settings = useLiveQuery(async () => {
    if (!db) return undefined;
    try {
      return { ok: true as const, value: await getSettings(db) };
    } catch (e) {
      return { ok: false as const, error: shownError(e) };
    }
  }, [db]);
  if (error)
    return (
      <p role="alert" className="error">
        {t('options_storage_failed', error)}
      </p>
    );
  if (!db || settings === undefined) return <p className="muted">{t('options_settings_loading')}</p>;
  if (!settings.ok) {
    return (
      <p role="alert" className="error">
        {t('options_settings_unreadable', settings.error)}
      </p>
    );
  }
  return (
    <div className="ot-section">
      <PolicyPanel parsed={policy} />
      <div className="ot-panel">
        <SettingsForm
          db={db}
          settings={settings.value}
          locked={policy?.policy.lockedSettings ?? {}}
          lockReason={policy?.policy.reason}
        />
      </div>
      <SitesPanel db={db} settings={settings.value} />
      <StoragePanel />
    </div>
  );
}
