import { type FormEvent, useId, useState } from 'react';
import { t } from '@/lib/i18n';
import { shownError } from '@/lib/i18n/shown-error';
import type { LookupAnswer } from '@/lib/messaging/types';
import { quickKindLabel } from '@/lib/popup/quick-check';
import type { StringKind } from '@/lib/vocab';
import { VerdictDetails } from './Verdict';

export type QuickCheckResult =
  | { ok: true; kind: StringKind; value: string; answer: LookupAnswer; note?: string }
  | { ok: false; reason: string };

/**
 * Paste an email, a phone number, a domain or a profile URL and see its verdict, without leaving the page. It
 * sits at the top of the popup, one line high until it has a result, so it is seen without scrolling.
 */
export function QuickCheck({ onCheck }: { onCheck(text: string): Promise<QuickCheckResult> }) {
  const id = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<QuickCheckResult | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      setResult(await onCheck(text));
    } catch (err) {
      setResult({ ok: false, reason: shownError(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel quick" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('popup_quick_title')}</h2>
      <form onSubmit={(e) => void submit(e)} className="inline">
        <label htmlFor={`${id}-q`}>{t('popup_quick_label')}</label>
        <div className="row">
          <input
            id={`${id}-q`}
            type="text"
            inputMode="text"
            value={text}
            autoComplete="off"
            spellCheck={false}
            maxLength={2048}
            placeholder={t('popup_quick_placeholder')}
            aria-invalid={result && !result.ok ? true : undefined}
            aria-describedby={result && !result.ok ? `${id}-err` : undefined}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" disabled={busy}>
            {busy ? t('popup_quick_checking') : t('popup_quick_check')}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {result && !result.ok ? (
          <p id={`${id}-err`} className="error">
            {result.reason}
          </p>
        ) : null}
        {result?.ok ? (
          <div className="quick-result">
            <p className="muted small">
              {quickKindLabel(result.kind)}: <span className="value">{result.value}</span>
              {result.note ? ` ${result.note}` : ''}
            </p>
            <VerdictDetails answer={result.answer} compact />
          </div>
        ) : null}
      </div>
    </section>
  );
}
