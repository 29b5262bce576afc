import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { t, tn } from '@/lib/i18n';
import { shownError } from '@/lib/i18n/shown-error';
import { auditActionLabel, auditProblemText, formatWhen } from '@/lib/options/audit-labels';
import { downloadBlob } from '@/lib/options/download';
import { logAudit, verifyAudit } from '@/lib/store/audit';
import type { HeedDb } from '@/lib/store/db';
import { groupFingerprint } from '@/lib/store/evidence';
import { buildTeamEvidence } from '@/lib/team/evidence';
import { ErrorLine } from '../ErrorLine';

/**
 * The log's hash chain, checked again whenever the log changes: "intact since <date>" or the first broken
 * entry. And the evidence pack for a privacy officer or a regulator.
 */
export function IntegrityPanel({ db }: { db: HeedDb }) {
  const report = useLiveQuery(async () => {
    await db.audit.count(); // a dependency on the table, so that every new event re-runs the check
    return verifyAudit(db);
  }, [db]);
  const [note, setNote] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const exportEvidence = async () => {
    setFailure(null);
    try {
      const file = await buildTeamEvidence(db);
      const stamp = file.payload.createdAt.slice(0, 10);
      downloadBlob(
        `heed-evidence-${stamp}.json`,
        new Blob([JSON.stringify(file, null, 1)], { type: 'application/json' }),
      );
      await logAudit(db, {
        action: 'export',
        detail: 'evidence pack',
        counts: { events: file.payload.audit.events.length, lists: file.payload.lists.length },
      });
      setNote(
        `${t('options_audit_evidence_saved', file.checksum.value.slice(0, 12))} ${
          file.signature
            ? t('options_evidence_signed', groupFingerprint(file.signature.keyId))
            : t('options_evidence_unsigned')
        }`,
      );
    } catch (e) {
      setFailure(t('options_audit_evidence_failed', shownError(e)));
    }
  };

  return (
    <section className="ot-integrity" aria-label={t('options_audit_integrity')}>
      {report === undefined ? (
        <p className="muted">{t('options_audit_checking')}</p>
      ) : report.ok ? (
        <p role="status">
          {report.entries === 0
            ? t('options_audit_log_empty')
            : tn('options_audit_intact', report.entries, formatWhen(report.since ?? ''))}
        </p>
      ) : (
        <p role="alert" className="error">
          {t(
            'options_audit_altered',
            report.broken.id,
            formatWhen(report.broken.at),
            auditActionLabel(report.broken.action),
            auditProblemText(report.broken.problem),
          )}
        </p>
      )}
      <button type="button" onClick={() => void exportEvidence()}>
        {t('options_audit_evidence')}
      </button>
      <span className="muted"> {t('options_audit_evidence_hint')}</span>
      {note ? <p className="ot-status">{note}</p> : null}
      <ErrorLine error={failure} />
    </section>
  );
}
