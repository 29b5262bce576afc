import { getLanguage, tMaybe } from './index';

/** The message key of a risk reason code: `reason_<code>` with `-` as `_`. */
export function reasonKey(code: string): string {
  return `reason_${code.replaceAll('-', '_')}`;
}

/**
 * A risk reason in the current language. English keeps the engine's own full text (docs/rules.md, golden tests);
 * German and French show the code's short message (the citation is a field of its own and stays as it is). A
 * code without a message keeps the engine's text rather than showing nothing.
 */
export function localReason(reason: { code: string; text: string }): string {
  if (getLanguage() === 'en') return reason.text;
  const message = tMaybe(reasonKey(reason.code));
  return message === undefined ? reason.text : message.charAt(0).toUpperCase() + message.slice(1);
}

/** The code's short message in the current language, lower case, for use inside a sentence. */
export function reasonPhrase(code: string): string | undefined {
  return tMaybe(reasonKey(code));
}

/**
 * The one-line summary a surface shows. The engine writes it in English (lib/risk/explain.ts); in German and
 * French the plain sentence, which says the same in the language, stands in for it.
 */
export function shownSummary(answer: { summary: string; plain?: string | undefined }): string {
  return getLanguage() === 'en' || answer.plain === undefined ? answer.summary : answer.plain;
}

/** What to record to lift a reason's check: the engine's words in English, the code's `_record` message otherwise. */
export function localRecord(hint: { code: string; what: string }): string {
  if (getLanguage() === 'en') return hint.what;
  return tMaybe(`${reasonKey(hint.code)}_record`) ?? hint.what;
}
