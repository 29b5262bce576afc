import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../../lib/i18n/index';
import { shownError } from '../../../lib/i18n/shown-error';
import { ask } from '../../../lib/messaging/client';

afterEach(() => {
  vi.restoreAllMocks();
  setLanguage('en');
});

describe('ask (the one way to the background)', () => {
  it('a background that does not answer is said in the page’s language; the message stays English', async () => {
    vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
    const err = await ask({ type: 'content-mode' }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/did not answer/);
    expect(shownError(err)).toMatch(/reload this page/);
    setLanguage('de');
    expect(shownError(err)).toMatch(/laden Sie diese Seite neu/);
    setLanguage('fr');
    expect(shownError(err)).toMatch(/rechargez cette page/);
  });

  it('passes the background’s refusal on as it is, and counts no request as still open afterwards', async () => {
    vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({
      ok: false,
      error: 'refused: slow down',
    } as never);
    await expect(ask({ type: 'content-mode' })).rejects.toThrow('refused: slow down');
    expect((globalThis as { heedBusy?: number }).heedBusy).toBe(0);
  });
});
