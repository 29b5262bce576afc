// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PopupActions, PopupViewProps } from '../../../components/popup/PopupView';
import { PopupView } from '../../../components/popup/PopupView';
import type { LookupAnswer } from '../../../lib/messaging/types';
import type { PopupState } from '../../../lib/popup/state';
import { EMMA, JANE } from './helpers';

afterEach(cleanup);

const UNKNOWN: LookupAnswer = {
  level: 'unknown',
  summary: 'Check before using every channel — no legitimate-interest assessment recorded',
  channels: { email: 'check', sms: 'check', phone: 'check', post: 'check', inmail: 'check' },
  reasons: [
    {
      code: 'lia-missing',
      level: 'caution',
      channels: ['email', 'sms', 'phone', 'post', 'inmail'],
      message: 'No legitimate-interest assessment is recorded.',
      citation: 'GDPR Art. 6(1)(f)',
    },
  ],
  deadlines: [],
  matches: [],
  toRecord: ['the date of a three-part legitimate-interest assessment'],
  hasContact: false,
  fromDefaults: true,
};

const BLOCKED: LookupAnswer = {
  level: 'blocked',
  summary: 'Every channel blocked — they objected to direct marketing (GDPR Art. 21(2)–(3))',
  channels: { email: 'blocked', sms: 'blocked', phone: 'blocked', post: 'blocked', inmail: 'blocked' },
  reasons: [
    {
      code: 'objection',
      level: 'blocked',
      channels: ['email', 'sms', 'phone', 'post', 'inmail'],
      message: 'They objected to direct marketing.',
      citation: 'GDPR Art. 21(2)–(3)',
    },
  ],
  deadlines: [{ code: 'art14-notice', due: '2026-12-29', citation: 'GDPR Art. 14(3)' }],
  matches: [
    {
      listName: 'Do not contact',
      kind: 'profile',
      match: 'exact',
      via: 'profile',
      reason: 'objected',
      since: '2026-05-01',
    },
  ],
  toRecord: [],
  hasContact: false,
  fromDefaults: false,
};

const LISTS = [
  { id: 'other', name: 'Event bounces', isDefault: false },
  { id: 'dnc', name: 'Do not contact', isDefault: true },
];

function actions(over: Partial<PopupActions> = {}): PopupActions {
  return {
    retry: vi.fn(),
    recordOptOut: vi.fn(async () => undefined),
    saveLawfulBasis: vi.fn(async () => null),
    quickCheck: vi.fn(async () => ({ ok: false as const, reason: 'nope' })),
    scan: vi.fn(async () => ({ injected: true })),
    openOptions: vi.fn(),
    ...over,
  };
}

function show(state: PopupState, over: Partial<PopupViewProps> = {}) {
  const a = over.actions ?? actions();
  render(
    <PopupView
      state={state}
      counts={{ lists: 2, entries: 1234, contacts: 1 }}
      lists={LISTS}
      today="2026-06-15"
      {...over}
      actions={a}
    />,
  );
  return a;
}

const person = (answer: LookupAnswer, p = JANE): PopupState => ({
  status: 'person',
  tabId: 5,
  person: p,
  answer,
});
const levelShown = () => {
  const pill = document.querySelector('.pill.level');
  return [pill?.getAttribute('data-level'), pill?.textContent];
};
const channel = (label: string) => {
  const table = screen.getAllByRole('table')[0] as HTMLElement;
  const row = within(table).getByRole('rowheader', { name: label }).closest('tr') as HTMLElement;
  return within(row).getByRole('cell').textContent;
};

describe('PopupView states', () => {
  it('loading: says so, busy, and offers no action yet', () => {
    show({ status: 'loading' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Heed');
    expect(screen.getByRole('status', { busy: true }).textContent).toMatch(/Looking at this page/);
    expect(screen.queryByRole('button', { name: 'Record opt-out' })).toBeNull();
    expect(screen.queryByLabelText('Email, domain or profile URL')).toBeNull();
    expect(screen.getByText('Nothing leaves this browser.')).toBeTruthy();
  });

  it('no person: explains which pages are covered and offers scan and quick check', async () => {
    const a = show({ status: 'no-person', tabId: 9, url: 'https://acme.example/team/' });
    expect(screen.getByRole('heading', { name: 'No person found on this page' })).toBeTruthy();
    expect(
      screen.getByText(/LinkedIn profiles, Sales Navigator leads and GitHub profiles/).textContent,
    ).toContain('acme.example');
    expect(screen.getByLabelText('Email, domain or profile URL')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Scan this page' }));
    await waitFor(() => expect(screen.getByText(/^Scanned/)).toBeTruthy());
    expect(a.scan).toHaveBeenCalledOnce();
    expect(screen.queryByRole('button', { name: 'Record opt-out' })).toBeNull();
  });

  it('no tab at all: no scan button (there is nothing to scan)', () => {
    show({ status: 'no-person', tabId: null });
    expect(screen.queryByRole('button', { name: 'Scan this page' })).toBeNull();
  });

  it('unknown: the default-policy verdict, what to record, and both record buttons', () => {
    show(person(UNKNOWN));
    expect(screen.getByRole('heading', { name: 'Jane Doe' })).toBeTruthy();
    expect(levelShown()).toEqual(['unknown', 'Unknown']);
    expect(screen.getByText(/Nothing is recorded about this person yet/)).toBeTruthy();
    expect(channel('Email')).toContain('Check');
    expect(screen.getByRole('heading', { name: 'Record to be sure' })).toBeTruthy();
    expect(screen.getByText(/legitimate-interest assessment$/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Record lawful basis' })).toBeTruthy();
    expect(screen.getByRole('contentinfo').textContent).toContain('2 lists · 1,234 entries · 1 contact');
  });

  it('blocked: level, one line, channels, reason with its citation, deadline and the matching entry', () => {
    show(person(BLOCKED));
    expect(levelShown()).toEqual(['blocked', 'Blocked']);
    expect(screen.getByText(/^Every channel blocked/)).toBeTruthy();
    for (const label of ['Email', 'SMS', 'Phone', 'Post', 'InMail'])
      expect(channel(label)).toContain('Blocked');
    const why = screen.getByText('They objected to direct marketing.', { exact: false }).closest('li');
    expect(why?.querySelector('cite')?.textContent).toBe('GDPR Art. 21(2)–(3)');
    expect(screen.getByText(/Art\. 14 privacy notice due by 2026-12-29/)).toBeTruthy();
    const match = screen.getByText('Do not contact').closest('li');
    expect(match?.textContent).toBe('Do not contact: profile, objected, since 2026-05-01');
    expect(screen.queryByText(/Nothing is recorded/)).toBeNull();
  });

  it('error: the message and a retry that works from the keyboard', () => {
    const a = show({ status: 'error', message: 'The extension did not answer (it may have been updated).' });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The extension did not answer');
    const retry = within(alert).getByRole('button', { name: 'Try again' });
    retry.focus();
    expect(document.activeElement).toBe(retry);
    fireEvent.click(retry);
    expect(a.retry).toHaveBeenCalledOnce();
  });
});

describe('PopupView actions', () => {
  it('records an opt-out in two clicks, on the default list, with the reason chosen', async () => {
    const a = show(person(UNKNOWN));
    fireEvent.click(screen.getByRole('button', { name: 'Record opt-out' }));
    expect((screen.getByLabelText('List') as HTMLSelectElement).value).toBe('dnc');
    // The first reason has focus, so Enter or Space records it.
    expect(document.activeElement?.textContent).toBe('Objected to marketing');
    fireEvent.click(screen.getByRole('button', { name: 'Do not call' }));
    await waitFor(() =>
      expect(a.recordOptOut).toHaveBeenCalledWith({
        listId: 'dnc',
        reason: 'do-not-call',
        hashEmails: false,
      }),
    );
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Do not call' })).toBeNull());
  });

  it('from a reply: shows the phrase, the reply date and the deadlines, and offers the reply’s reason first', async () => {
    const a = show(person(UNKNOWN), {
      initialPanel: 'opt-out',
      reply: {
        sender: { email: 'jane.doe@gmail.com' },
        since: '2026-11-28',
        phraseId: 'en.remove-me',
        reason: 'unsubscribe',
      },
    });
    expect(
      screen.getByText(/Their reply of 2026-11-28 asks to opt out: “remove me from your list”/),
    ).toBeTruthy();
    expect(screen.getByText(/CAN-SPAM\): honour by 2026-12-11/)).toBeTruthy();
    expect(screen.getByText(/without undue delay/)).toBeTruthy();
    expect(document.activeElement?.textContent).toBe('Unsubscribed');
    // Still the rep's click: nothing was recorded by opening the form.
    expect(a.recordOptOut).not.toHaveBeenCalled();
    fireEvent.click(document.activeElement as HTMLElement);
    await waitFor(() =>
      expect(a.recordOptOut).toHaveBeenCalledWith({
        listId: 'dnc',
        reason: 'unsubscribe',
        hashEmails: false,
      }),
    );
  });

  it('keeps the opt-out form open with the error when recording fails', async () => {
    show(person(UNKNOWN), {
      actions: actions({
        recordOptOut: vi.fn(async () => {
          throw new Error('Nothing recorded: email bad: no @ in address.');
        }),
      }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Record opt-out' }));
    fireEvent.change(screen.getByLabelText('List'), { target: { value: 'other' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bounced' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/no @ in address/));
    expect((screen.getByLabelText('List') as HTMLSelectElement).value).toBe('other');
  });

  it('shows lawful-basis field errors next to their fields and keeps the input', async () => {
    const a = show(person(UNKNOWN, EMMA), {
      actions: actions({
        saveLawfulBasis: vi.fn(async () => ({ country: 'Use the two-letter country code.' })),
      }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Record lawful basis' }));
    const country = screen.getByLabelText('Country') as HTMLInputElement;
    expect(country.value).toBe('CA');
    fireEvent.change(country, { target: { value: 'canada' } });
    fireEvent.click(screen.getByLabelText('Email: consent given'));
    expect((screen.getByLabelText('Email consent date') as HTMLInputElement).value).toBe('2026-06-15');
    fireEvent.click(screen.getByRole('button', { name: 'Save lawful basis' }));
    await waitFor(() => expect(country.getAttribute('aria-invalid')).toBe('true'));
    expect(country.value).toBe('CANADA');
    const describedBy = country.getAttribute('aria-describedby') ?? '';
    expect(describedBy.split(' ').map((id) => document.getElementById(id)?.textContent)).toContain(
      'Use the two-letter country code.',
    );
    expect(a.saveLawfulBasis).toHaveBeenCalledWith(
      expect.objectContaining({
        country: 'CANADA',
        consents: expect.objectContaining({ email: expect.objectContaining({ given: true }) }),
      }),
    );
  });

  it('opens the form named in the URL at once, and offers undo for the last change', async () => {
    const undo = vi.fn();
    show(person(UNKNOWN), {
      initialPanel: 'lawful-basis',
      notice: { id: 1, text: 'Lawful basis saved.', tone: 'ok', undo },
    });
    expect(screen.getByRole('heading', { name: 'Record the lawful basis' })).toBeTruthy();
    const status = screen.getAllByRole('status').find((s) => s.textContent?.includes('Lawful basis saved.'));
    expect(status).toBeTruthy();
    fireEvent.click(within(status as HTMLElement).getByRole('button', { name: 'Undo' }));
    expect(undo).toHaveBeenCalledOnce();
  });

  it('quick check shows the verdict of what was pasted, or why it was refused', async () => {
    const quickCheck = vi
      .fn<PopupActions['quickCheck']>()
      .mockResolvedValueOnce({
        ok: false,
        reason: 'Not an email, domain, profile URL or phone number (contains spaces).',
      })
      .mockResolvedValueOnce({ ok: true, kind: 'email', value: 'jane@acme.example', answer: BLOCKED });
    show({ status: 'no-person', tabId: 1 }, { actions: actions({ quickCheck }) });
    const box = screen.getByLabelText('Email, domain or profile URL');
    fireEvent.change(box, { target: { value: 'not an email' } });
    await act(async () => {
      fireEvent.submit(box.closest('form') as HTMLFormElement);
    });
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/contains spaces/)).toBeTruthy();
    fireEvent.change(box, { target: { value: 'jane@acme.example' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    });
    expect(quickCheck).toHaveBeenLastCalledWith('jane@acme.example');
    expect(levelShown()).toEqual(['blocked', 'Blocked']);
    expect(document.querySelector('.quick-result')?.textContent).toContain(
      'email address: jane@acme.example',
    );
    expect(box.getAttribute('aria-invalid')).toBeNull();
  });

  it('every form control has a label', () => {
    show(person(UNKNOWN));
    fireEvent.click(screen.getByRole('button', { name: 'Record lawful basis' }));
    for (const box of screen.getAllByRole('checkbox')) fireEvent.click(box);
    const controls = [...document.querySelectorAll('input, select, textarea')];
    expect(controls.length).toBeGreaterThan(20);
    const labelled = new Set([...document.querySelectorAll('label')].map((l) => l.htmlFor));
    const unlabelled = controls.filter((el) => !el.id || !labelled.has(el.id));
    expect(unlabelled.map((el) => el.outerHTML)).toEqual([]);
  });

  it('opens the options page from the footer link', () => {
    const a = show({ status: 'loading' });
    fireEvent.click(screen.getByRole('link', { name: 'Lists, import and settings' }));
    expect(a.openOptions).toHaveBeenCalledOnce();
  });
});
