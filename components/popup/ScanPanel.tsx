import { useState } from 'react';
import { t } from '@/lib/i18n';
import { shownError } from '@/lib/i18n/shown-error';
import type { ScanTabResult } from '@/lib/messaging/types';
import { describeScan } from '@/lib/popup/scan';
import { LevelPill } from './Verdict';

export type ScanResult = ScanTabResult;

/** A one-off read of a page the content script does not cover; it runs only when the rep asks. */
export function ScanButton({ onScan }: { onScan(): Promise<ScanResult> }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ScanResult | null>(null);
  const scan = async () => {
    setBusy(true);
    try {
      setResult(await onScan());
    } catch (err) {
      setResult({ injected: false, error: shownError(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="scan">
      <button type="button" onClick={() => void scan()} disabled={busy}>
        {busy ? t('popup_scan_busy') : t('popup_scan_button')}
      </button>
      <p role="status" className={result && !result.injected ? 'error' : 'muted small'}>
        {result === null ? '' : describeScan(result)}
      </p>
      {result?.list ? <ScanList list={result.list} /> : null}
    </div>
  );
}

/** Side-panel-only mode: the page is not marked, so what the scan found is listed here instead. */
function ScanList({ list }: { list: NonNullable<ScanTabResult['list']> }) {
  if (list.emails.length === 0 && list.phones.length === 0) return null;
  return (
    <ul className="scan-list" aria-label={t('popup_scan_found_label')}>
      {list.emails.map((v) => (
        <li key={v.email}>
          {v.mine ? <span className="pill">{t('popup_scan_yours')}</span> : <LevelPill level={v.level} />}{' '}
          <span>{v.email}</span>
          {v.summary && !v.mine ? <span className="muted small"> — {v.summary}</span> : null}
        </li>
      ))}
      {list.phones.map((v) => (
        <li key={v.phone}>
          {v.mine ? <span className="pill">{t('popup_scan_yours')}</span> : <LevelPill level={v.level} />}{' '}
          <span>{v.phone}</span>
          {v.summary && !v.mine ? <span className="muted small"> — {v.summary}</span> : null}
        </li>
      ))}
    </ul>
  );
}
