import { useAppDb } from '@/components/use-db';
import { t } from '@/lib/i18n';
import { BundleExport } from './team/BundleExport';
import { BundleImport } from './team/BundleImport';
import { PolicyPanel } from './team/PolicyPanel';
import { TeamKeyPanel } from './team/TeamKeyPanel';
import { TrustedKeys } from './team/TrustedKeys';
import { useManagedPolicy } from './team/use-policy';

/** Team: reps import signed bundles; a lead keeps the team key and exports them. No server: files only. */
export function TeamSection() {
  const { db, error } = useAppDb();
  const policy = useManagedPolicy();
  if (error) {
    return (
      <p className="error" role="alert">
        {t('options_storage_failed', error)}
      </p>
    );
  }
  if (!db) return <p className="muted">{t('options_team_opening')}</p>;
  return (
    <div className="ot-section">
      <PolicyPanel parsed={policy} />
      <BundleImport db={db} policy={policy} />
      <TrustedKeys db={db} policy={policy} />
      <TeamKeyPanel db={db} />
      <BundleExport db={db} />
    </div>
  );
}
