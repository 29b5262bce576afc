import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { t } from '@/lib/i18n';
import { logAudit, verifyAudit } from '@/lib/store/audit';
import type { HeedDb } from '@/lib/store/db';
import { groupFingerprint } from '@/lib/store/evidence';
import { buildTeamEvidence } from '@/lib/team/evidence';
import { errorText, saveBlob } from '../settings/common';
import { AUDIT_ACTION_LABEL, formatWhen } from './labels';

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
      saveBlob(
        new Blob([JSON.stringify(file, null, 1)], { type: 'application/json' }),
        `heed-evidence-${stamp}.json`,
      );
      await logAudit(db, {
        action: 'export',
        detail: 'evidence pack',
        counts: { events: file.payload.audit.events.length, lists: file.payload.lists.length },
      });
      setNote(
        `Evidence pack saved (checksum ${file.checksum.value.slice(0, 12)}…). ${
          file.signature
            ? t('options_evidence_signed', groupFingerprint(file.signature.keyId))
            : t('options_evidence_unsigned')
        } Check it offline with npm run verify-evidence FILE.`,
      );
    } catch (e) {
      setFailure(`Could not export the evidence pack: ${errorText(e)}`);
    }
  };

  return (
    <section className="ot-integrity" aria-label="Integrity of the log">
      {report === undefined ? (
        <p className="muted">Checking the log…</p>
      ) : report.ok ? (
        <p role="status">
          {report.entries === 0
            ? 'The log is empty.'
            : `Intact since ${formatWhen(report.since ?? '')}: every one of the ${report.entries.toLocaleString('en')} entries is chained to the one before it by a SHA-256 hash.`}
        </p>
      ) : (
        <p role="alert" className="error">
          The log was altered: entry #{report.broken.id} ({formatWhen(report.broken.at)},{' '}
          {AUDIT_ACTION_LABEL[report.broken.action as keyof typeof AUDIT_ACTION_LABEL] ??
            report.broken.action}
          ) {report.broken.problem}.
        </p>
      )}
      <button type="button" onClick={() => void exportEvidence()}>
        Export evidence
      </button>
      <span className="muted">
        {' '}
        One file with the log, the lists' versions, the team bundles' signatures, screening and notice dates
        and a summary page, signed by the team key when this browser holds it; no personal data.
      </span>
      {note ? <p className="ot-status">{note}</p> : null}
      {failure ? (
        <p role="alert" className="error">
          {failure}
        </p>
      ) : null}
    </section>
  );
}
