import type { ErrorWords } from '../store/error-words';
import type { Request, ResponseMap } from './types';

/** Sends one request to the background and unwraps its reply; the only way pages and content scripts talk to it. */
export async function ask<R extends Request>(request: R): Promise<ResponseMap[R['type']]> {
  busy(1);
  const reply = (await browser.runtime.sendMessage(request).finally(() => busy(-1))) as
    | { ok: true; value: ResponseMap[R['type']] }
    | { ok: false; error: string }
    | undefined;
  if (!reply) {
    // The words, not the table: content scripts carry this file, and pages show the words in their language.
    const words: ErrorWords = { key: 'lists_error_no_answer' };
    throw Object.assign(
      new Error('The extension did not answer (it may have been updated: reload the page).'),
      {
        words,
      },
    );
  }
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/**
 * Counts requests not yet answered, on the script's own global object. In a content script that object is its isolated world, which page
 * scripts cannot reach. The browser tests wait for it to fall to 0 before asserting that nothing was drawn
 * (tests/e2e/support/browser.ts, waitForHeedIdle).
 */
function busy(by: number): void {
  const g = globalThis as { heedBusy?: number };
  g.heedBusy = (g.heedBusy ?? 0) + by;
}
