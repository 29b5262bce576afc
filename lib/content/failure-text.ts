import { pt } from '../i18n/page';
import type { FailureCode } from '../messaging/types';

/**
 * What a content script shows for a check that failed, in the page's language where the failure is one a person
 * can act on (wait, or reload the page); any other failure is a fault and shows its English detail, which is what
 * a support request needs.
 */
export function failureText(err: unknown): string {
  const code = (err as { code?: FailureCode } | null | undefined)?.code;
  if (code === 'busy') return pt('page_error_busy');
  if (code === 'no-answer') return pt('page_error_no_answer');
  return err instanceof Error ? err.message : String(err);
}

/** A reply that came back without an answer for the person: shown as the background not answering. */
export const NO_ANSWER = { code: 'no-answer' } as const;
