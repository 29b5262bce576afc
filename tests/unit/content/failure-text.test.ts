import { afterEach, describe, expect, it, vi } from 'vitest';
import { failureText, NO_ANSWER } from '@/lib/content/failure-text';
import { resetPageStrings } from '@/lib/i18n/page';
import { pageStringsFor } from '@/lib/i18n/page-table';
import { ask } from '@/lib/messaging/client';

// A failed check on a page says what the person can do in the page's language (the background's table, as
// loadPageStrings receives it); a fault keeps its English detail.

afterEach(() => {
  vi.restoreAllMocks();
  resetPageStrings();
});

/** The error `ask` throws for a reply. */
async function failure(reply: unknown): Promise<unknown> {
  vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(reply as never);
  return ask({ type: 'content-mode' }).then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('failureText (what a content script shows for a check that failed)', () => {
  it('a spent look-up budget says, in each language, to wait and reload', async () => {
    const busy = await failure({ ok: false, error: 'refused: too many look-ups, slow down', code: 'busy' });
    resetPageStrings(pageStringsFor('en'));
    expect(failureText(busy)).toMatch(/too many look-ups at once.*reload the page/);
    resetPageStrings(pageStringsFor('de'));
    expect(failureText(busy)).toMatch(/zu viele Abfragen.*laden Sie die Seite dann neu/);
    resetPageStrings(pageStringsFor('fr'));
    expect(failureText(busy)).toMatch(/trop de vérifications.*rechargez la page/);
  });

  it('a background that does not answer, or answers nothing for the person, says to reload', async () => {
    const silent = await failure(undefined);
    resetPageStrings(pageStringsFor('de'));
    expect(failureText(silent)).toMatch(/Hintergrunddienst von Heed hat nicht geantwortet/);
    expect(failureText(NO_ANSWER)).toBe(failureText(silent));
    resetPageStrings(pageStringsFor('fr'));
    expect(failureText(silent)).toMatch(/n’a pas répondu/);
  });

  it('any other failure is a fault and shows its detail as the background wrote it', async () => {
    const fault = await failure({ ok: false, error: 'DatabaseClosedError: the store is closed' });
    resetPageStrings(pageStringsFor('de'));
    expect(failureText(fault)).toBe('DatabaseClosedError: the store is closed');
    expect(failureText('plain words')).toBe('plain words');
    // A page cannot smuggle a code in through an error it made: only the background's reply carries one.
    expect(failureText(Object.assign(new Error('x'), { code: 'other' }))).toBe('x');
  });
});
