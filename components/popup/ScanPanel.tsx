import { useState } from 'react';
import { describeScan } from '@/lib/popup/scan';

export type ScanResult = {
  injected: boolean;
  error?: string;
  summary?: { emails: number; phones: number; mine: string[] };
};

/** A one-off read of a page the content script does not cover; it runs only when the rep asks. */
export function ScanButton({ onScan }: { onScan(): Promise<ScanResult> }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ScanResult | null>(null);
  const scan = async () => {
    setBusy(true);
    try {
      setResult(await onScan());
    } catch (err) {
      setResult({ injected: false, error: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="scan">
      <button type="button" onClick={() => void scan()} disabled={busy}>
        {busy ? 'Scanning…' : 'Scan this page'}
      </button>
      <p role="status" className={result && !result.injected ? 'error' : 'muted small'}>
        {result === null ? '' : describeScan(result)}
      </p>
    </div>
  );
}
