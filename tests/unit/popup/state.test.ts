import { describe, expect, it } from 'vitest';
import { shownError } from '../../../lib/i18n/shown-error';
import type { LookupAnswer, TabState } from '../../../lib/messaging/types';
import { parseParams, resolveTabId } from '../../../lib/popup/params';
import { reasonsToShow } from '../../../lib/popup/reasons';
import { describeScan } from '../../../lib/popup/scan';
import { loadPopupState } from '../../../lib/popup/state';
import { JANE } from './helpers';

const ANSWER = { level: 'unknown', summary: 's' } as LookupAnswer;

describe('parseParams', () => {
  it('reads the tab and the form to open', () => {
    expect(parseParams('?tabId=12&action=opt-out')).toEqual({ tabId: 12, action: 'opt-out', ticket: null });
    expect(parseParams('?tabId=0&action=lawful-basis')).toEqual({
      tabId: 0,
      action: 'lawful-basis',
      ticket: null,
    });
    expect(parseParams('')).toEqual({ tabId: null, action: null, ticket: null });
  });
  it("reads the badge's ticket only with a form to open, and only in its own shape", () => {
    const ticket = '0b9f8a52-6c1e-4d7a-9a43-2f6f0c1d2e3f';
    expect(parseParams(`?tabId=3&action=opt-out&ticket=${ticket}`).ticket).toBe(ticket);
    expect(parseParams(`?tabId=3&ticket=${ticket}`).ticket).toBeNull();
    expect(parseParams('?tabId=3&action=opt-out&ticket=tab:3').ticket).toBeNull();
    expect(parseParams(`?tabId=3&action=opt-out&ticket=${ticket}x`).ticket).toBeNull();
  });
  it.each(['?tabId=-1', '?tabId=1e3', '?tabId=12abc', '?tabId=99999999999', '?tabId=', '?tabId=%2012'])(
    'ignores a malformed tab id %s',
    (q) => expect(parseParams(q).tabId).toBeNull(),
  );
  it('ignores an unknown action', () => {
    expect(parseParams('?action=delete-everything').action).toBeNull();
  });
});

describe('resolveTabId', () => {
  it('prefers the tab named in the URL, else the active tab', async () => {
    const never = async () => {
      throw new Error('should not query');
    };
    expect(await resolveTabId({ tabId: 7, action: null, ticket: null }, never)).toBe(7);
    expect(await resolveTabId({ tabId: null, action: null, ticket: null }, async () => [{ id: 3 }])).toBe(3);
    expect(await resolveTabId({ tabId: null, action: null, ticket: null }, async () => [])).toBeNull();
    expect(
      await resolveTabId({ tabId: null, action: null, ticket: null }, async () => [{ id: -1 }]),
    ).toBeNull();
  });
});

describe('loadPopupState', () => {
  const deps = (tab: TabState | Error, verdict: Error | null = null) => ({
    tabState: async () => {
      if (tab instanceof Error) throw tab;
      return tab;
    },
    verdict: async () => {
      if (verdict) throw verdict;
      return { answer: ANSWER };
    },
  });

  it('no tab: no person', async () => {
    expect(await loadPopupState(null, deps(new Error('unused')))).toEqual({
      status: 'no-person',
      tabId: null,
    });
  });
  it('a tab without a person: no person, with its URL', async () => {
    expect(
      await loadPopupState(4, deps({ person: null, answer: null, url: 'https://acme.example/' })),
    ).toEqual({
      status: 'no-person',
      tabId: 4,
      url: 'https://acme.example/',
    });
  });
  it('a person: the verdict computed now, not the stale one in the tab state', async () => {
    const stale = { ...ANSWER, level: 'ok' } as LookupAnswer;
    const s = await loadPopupState(4, deps({ person: JANE, answer: stale }));
    expect(s).toEqual({ status: 'person', tabId: 4, person: JANE, answer: ANSWER });
  });
  it('a failure anywhere: the error state with its message, never a throw', async () => {
    expect(await loadPopupState(4, deps(new Error('The extension did not answer')))).toEqual({
      status: 'error',
      message: 'The extension did not answer',
    });
    expect(
      await loadPopupState(4, deps({ person: JANE, answer: null }, new Error('QuotaExceededError'))),
    ).toEqual({
      status: 'error',
      message: 'QuotaExceededError',
    });
  });
  it('shownError never returns an empty string', () => {
    expect(shownError(new Error(''))).toBe('Error');
    expect(shownError(undefined)).toBe('Something went wrong.');
    expect(shownError('boom')).toBe('boom');
  });
});

describe('reasonsToShow', () => {
  it('merges the same finding raised twice and puts the worst first', () => {
    const shown = reasonsToShow([
      { code: 'post-not-regulated', level: 'info', channels: [], message: 'note', citation: 'X' },
      {
        code: 'subscriber-unknown',
        level: 'caution',
        channels: ['email'],
        message: 'subscriber unknown',
        citation: 'PECR',
      },
      {
        code: 'subscriber-unknown',
        level: 'caution',
        channels: ['sms', 'email'],
        message: 'subscriber unknown',
        citation: 'PECR',
      },
      {
        code: 'suppressed-objection',
        level: 'blocked',
        channels: ['phone'],
        message: 'objected',
        citation: 'GDPR 21',
      },
    ]);
    expect(shown.map((r) => [r.code, r.channels])).toEqual([
      ['suppressed-objection', ['phone']],
      ['subscriber-unknown', ['email', 'sms']],
      ['post-not-regulated', []],
    ]);
  });
});

describe('describeScan', () => {
  it('says what to do when the page may not be read', () => {
    expect(describeScan({ injected: true })).toMatch(/^Scanned/);
    expect(
      describeScan({ injected: true, summary: { emails: 4, phones: 1, mine: ['jane.doe@gmail.com'] } }),
    ).toBe(
      'Scanned: 4 email addresses and 1 phone number marked on the page. Yours among them: jane.doe@gmail.com.',
    );
    expect(
      describeScan({
        injected: false,
        error: 'Cannot access contents of the page. Extension manifest must request permission',
      }),
    ).toMatch(/toolbar button/);
    expect(describeScan({ injected: false, error: 'Could not load file' })).toBe(
      'Could not scan this page: Could not load file',
    );
  });
});
