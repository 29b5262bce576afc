// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PopupActions, PopupViewProps } from '../../../components/popup/PopupView';
import { PopupView } from '../../../components/popup/PopupView';
import type { LookupAnswer } from '../../../lib/messaging/types';
import { pageNotices } from '../../../lib/notices';
import type { PopupState } from '../../../lib/popup/state';
import type { Contact } from '../../../lib/store/schemas';
import { EMMA, JANE } from './helpers';

afterEach(() => {
  cleanup();
  pageNotices.clear();
});

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
      code: 'suppressed-objection',
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
    formClosed: vi.fn(),
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
    expect(match?.textContent).toBe('Do not contact: profile, objected, since 1 May 2026');
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
  it('records an opt-out on the default list with the reason chosen and its default channels', async () => {
    const a = show(person(UNKNOWN));
    fireEvent.click(screen.getByRole('button', { name: 'Record opt-out' }));
    expect((screen.getByLabelText('List') as HTMLSelectElement).value).toBe('dnc');
    // The first reason has focus, so Enter or Space chooses it.
    expect(document.activeElement?.textContent).toBe('Objected to marketing');
    // Nothing to save before a reason is chosen.
    expect((screen.getByRole('button', { name: 'Save opt-out' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Do not call' }));
    expect(a.recordOptOut).not.toHaveBeenCalled();
    expect(screen.getByText('Will block: SMS and Phone')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save opt-out' }));
    await waitFor(() =>
      expect(a.recordOptOut).toHaveBeenCalledWith(
        { listId: 'dnc', reason: 'do-not-call', hashEmails: false, channels: ['sms', 'phone'] },
        JANE,
      ),
    );
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Do not call' })).toBeNull());
  });

  it('shows what each reason blocks on a channel-scoped list before anything is recorded (issue 13, finding 1)', () => {
    const a = show(person(UNKNOWN), {
      lists: [...LISTS, { id: 'mail', name: 'Email vendor', isDefault: false, channels: ['email'] }],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Record opt-out' }));
    const blocks = () => screen.getByRole('list', { name: 'What each reason blocks' }).textContent;
    // Issue 20, item 5: on the all-channel default list an unsubscribe blocks email, not every channel.
    expect(blocks()).toContain('Unsubscribed: blocks email only');
    expect(blocks()).toContain('Do not call: blocks phone and SMS only');
    fireEvent.change(screen.getByLabelText('List'), { target: { value: 'mail' } });
    expect(blocks()).toContain('Objected to marketing: blocks every channel');
    expect(blocks()).toContain('Asked for erasure: blocks every channel');
    expect(blocks()).toContain('Complained: blocks every channel');
    expect(blocks()).toContain('Unsubscribed: blocks email only');
    expect(blocks()).toContain('Do not call: blocks email only');
    // Each reason button is described by its line.
    const objected = screen.getByRole('button', { name: 'Objected to marketing' });
    expect(document.getElementById(objected.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Objected to marketing: blocks every channel',
    );
    expect(a.recordOptOut).not.toHaveBeenCalled();
  });

  it('lets the rep narrow an unsubscribe, never to nothing, and says what saving will block (issue 20, item 5)', async () => {
    const a = show(person(UNKNOWN));
    fireEvent.click(screen.getByRole('button', { name: 'Record opt-out' }));
    fireEvent.click(screen.getByRole('button', { name: 'Unsubscribed' }));
    const box = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;
    expect(['Email', 'SMS', 'Phone', 'Post', 'InMail'].map((n) => box(n).checked)).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(box('Email').disabled).toBe(false);
    fireEvent.click(box('SMS'));
    expect(screen.getByText('Will block: Email and SMS')).toBeTruthy();
    fireEvent.click(box('Email'));
    fireEvent.click(box('SMS'));
    expect(screen.getByText('Choose at least one channel.')).toBeTruthy();
    const save = screen.getByRole('button', { name: 'Save opt-out' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.click(save);
    expect(a.recordOptOut).not.toHaveBeenCalled();
    fireEvent.click(box('Post'));
    expect(screen.getByText('Will block: Post')).toBeTruthy();
    fireEvent.click(save);
    await waitFor(() =>
      expect(a.recordOptOut).toHaveBeenCalledWith(
        { listId: 'dnc', reason: 'unsubscribe', hashEmails: false, channels: ['post'] },
        JANE,
      ),
    );
  });

  it('an objection, erasure or complaint checks every channel and cannot be narrowed', async () => {
    const a = show(person(UNKNOWN));
    fireEvent.click(screen.getByRole('button', { name: 'Record opt-out' }));
    for (const reason of ['Objected to marketing', 'Asked for erasure', 'Complained']) {
      fireEvent.click(screen.getByRole('button', { name: reason }));
      for (const n of ['Email', 'SMS', 'Phone', 'Post', 'InMail']) {
        const c = screen.getByRole('checkbox', { name: n }) as HTMLInputElement;
        expect(c.checked).toBe(true);
        expect(c.disabled).toBe(true);
      }
      expect(screen.getByText(/covers every channel \(GDPR Art\. 21\(3\), Art\. 17\)/)).toBeTruthy();
      expect(screen.getByText(/^Will block: every channel/)).toBeTruthy();
    }
    fireEvent.click(screen.getByRole('button', { name: 'Save opt-out' }));
    await waitFor(() =>
      expect(a.recordOptOut).toHaveBeenCalledWith(
        { listId: 'dnc', reason: 'complaint', hashEmails: false },
        JANE,
      ),
    );
  });

  it('says which time zone calling hours were judged in', () => {
    show(person({ ...UNKNOWN, assumedTimeZone: { zone: 'America/New_York', from: 'browser' } }));
    expect(screen.getByText(/Calling hours judged in America\/New York \(your browser's zone/)).toBeTruthy();
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
      screen.getByText(/Their reply of 28 Nov 2026 asks to opt out: “remove me from your list”/),
    ).toBeTruthy();
    expect(screen.getByText(/CAN-SPAM\): honour by 2026-12-11/)).toBeTruthy();
    expect(screen.getByText(/without undue delay/)).toBeTruthy();
    expect(document.activeElement?.textContent).toBe('Unsubscribed');
    // Still the rep's click: nothing was recorded by opening the form.
    expect(a.recordOptOut).not.toHaveBeenCalled();
    fireEvent.click(document.activeElement as HTMLElement);
    fireEvent.click(screen.getByRole('button', { name: 'Save opt-out' }));
    await waitFor(() =>
      expect(a.recordOptOut).toHaveBeenCalledWith(
        { listId: 'dnc', reason: 'unsubscribe', hashEmails: false, channels: ['email'] },
        JANE,
      ),
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
    fireEvent.click(screen.getByRole('button', { name: 'Save opt-out' }));
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
      EMMA,
      undefined,
    );
  });

  it('records the facts that lift a check under "More facts": purchase and inquiry apart, written consent, TPS date', async () => {
    const a = show(person(UNKNOWN, EMMA));
    fireEvent.click(screen.getByRole('button', { name: 'Record lawful basis' }));
    const more = screen.getByText('More facts').closest('details') as HTMLDetailsElement;
    expect(more.open).toBe(false);
    // Germany's §7(3) needs an actual sale: the form never asks to record a negotiation as a purchase.
    const purchase = screen.getByLabelText('Last purchase on');
    const hint = document.getElementById(purchase.getAttribute('aria-describedby') ?? '')?.textContent;
    expect(hint).toMatch(/actual sale/);
    expect(hint).toMatch(/a negotiation is not a purchase/);
    fireEvent.change(screen.getByLabelText('Last inquiry or negotiation on'), {
      target: { value: '2026-06-01' },
    });
    fireEvent.change(screen.getByLabelText('TPS screened on'), { target: { value: '2026-06-10' } });
    fireEvent.change(screen.getByLabelText('Phone kind'), { target: { value: 'work' } });
    fireEvent.click(screen.getByLabelText('SMS: consent given'));
    fireEvent.click(screen.getByLabelText('SMS: signed written agreement naming the number or address'));
    fireEvent.click(screen.getByRole('button', { name: 'Save lawful basis' }));
    await waitFor(() =>
      expect(a.saveLawfulBasis).toHaveBeenCalledWith(
        expect.objectContaining({
          purchaseAt: '',
          inquiryAt: '2026-06-01',
          tpsScreenedAt: '2026-06-10',
          phoneKind: 'work',
          consents: expect.objectContaining({ sms: expect.objectContaining({ given: true, written: true }) }),
        }),
        EMMA,
        undefined,
      ),
    );
  });

  it('opens "More facts" by itself when a field in it has an error', async () => {
    show(person(UNKNOWN, EMMA), {
      actions: actions({ saveLawfulBasis: vi.fn(async () => ({ timeZone: 'must be an IANA time zone' })) }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Record lawful basis' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save lawful basis' }));
    await waitFor(() =>
      expect((screen.getByText('More facts').closest('details') as HTMLDetailsElement).open).toBe(true),
    );
    expect(screen.getByText('must be an IANA time zone')).toBeTruthy();
  });

  it('opens the form named in the URL at once, and offers undo for the last change', async () => {
    const undo = vi.fn(async () => 'Undone: the previous record is back.');
    pageNotices.say('Lawful basis saved.', { undo });
    show(person(UNKNOWN), { initialPanel: 'lawful-basis' });
    expect(screen.getByRole('heading', { name: 'Record the lawful basis' })).toBeTruthy();
    const status = screen.getAllByRole('status').find((s) => s.textContent?.includes('Lawful basis saved.'));
    expect(status).toBeTruthy();
    fireEvent.click(within(status as HTMLElement).getByRole('button', { name: 'Undo' }));
    expect(undo).toHaveBeenCalledOnce();
    // What the undo did replaces the notice it undid.
    await waitFor(() => expect(status?.textContent).toContain('Undone: the previous record is back.'));
    expect(status?.textContent).not.toContain('Lawful basis saved.');
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

describe('a record form stays with the person it was opened for', () => {
  const MAX = {
    identifiers: {
      emails: [],
      profileUrls: ['https://www.linkedin.com/in/max-mustermann/'],
      salesNavUrls: [],
      phones: [],
    },
    // A page that moved by history.pushState still shows the old name: only the identifiers tell.
    hints: { source: 'linkedin-profile' as const, name: 'Jane Doe' },
  };

  function mount(state: PopupState, over: Partial<PopupViewProps> = {}) {
    const a = over.actions ?? actions();
    const props = (s: PopupState): PopupViewProps => ({
      state: s,
      lists: LISTS,
      today: '2026-06-15',
      ...over,
      actions: a,
    });
    const view = render(<PopupView {...props(state)} />);
    return { a, moveTo: (s: PopupState) => view.rerender(<PopupView {...props(s)} />) };
  }

  it('closes the opt-out form and says so when the tab shows someone else; nothing is recorded', () => {
    const { a, moveTo } = mount(person(UNKNOWN));
    fireEvent.click(screen.getByRole('button', { name: 'Record opt-out' }));
    expect(screen.getByRole('button', { name: 'Objected to marketing' })).toBeTruthy();
    expect(screen.getByText(/^Records for/).textContent).toBe(
      'Records for linkedin.com/in/jane-doe-1a2b3c/?trk=abc, Jane.Doe@Acme.example',
    );
    moveTo(person(UNKNOWN, MAX));
    expect(screen.queryByText(/^Records for/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Objected to marketing' })).toBeNull();
    expect(a.formClosed).toHaveBeenCalledOnce();
    expect(a.formClosed).toHaveBeenCalledWith(
      'The page now shows someone else, so the form for Jane Doe was closed. Nothing was recorded.',
    );
    expect(a.recordOptOut).not.toHaveBeenCalled();
    // Coming back does not reopen it: the rep chooses again.
    moveTo(person(UNKNOWN));
    expect(screen.queryByRole('button', { name: 'Objected to marketing' })).toBeNull();
  });

  it('closes the lawful-basis form, with what was typed, when the page shows no one', () => {
    const { a, moveTo } = mount(person(UNKNOWN, EMMA));
    fireEvent.click(screen.getByRole('button', { name: 'Record lawful basis' }));
    fireEvent.click(screen.getByLabelText('Email: consent given'));
    moveTo({ status: 'no-person', tabId: 5, url: 'https://www.linkedin.com/feed/' });
    expect(a.formClosed).toHaveBeenCalledWith(
      'The page no longer shows Emma Tremblay, so the form was closed. Nothing was recorded.',
    );
    moveTo(person(UNKNOWN, EMMA));
    expect(screen.queryByRole('button', { name: 'Save lawful basis' })).toBeNull();
    expect(a.saveLawfulBasis).not.toHaveBeenCalled();
  });

  it('stays open when the same person gains an email, and records the identifiers it was opened with', async () => {
    const { a, moveTo } = mount(person(UNKNOWN));
    fireEvent.click(screen.getByRole('button', { name: 'Record opt-out' }));
    const more = {
      ...JANE,
      identifiers: { ...JANE.identifiers, emails: [...JANE.identifiers.emails, 'jane@home.example'] },
    };
    moveTo(person(UNKNOWN, more));
    fireEvent.click(screen.getByRole('button', { name: 'Bounced' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save opt-out' }));
    await waitFor(() => expect(a.recordOptOut).toHaveBeenCalledOnce());
    expect(a.recordOptOut).toHaveBeenCalledWith(
      { listId: 'dnc', reason: 'bounce', hashEmails: false, channels: ['email'] },
      JANE,
    );
    expect(a.formClosed).not.toHaveBeenCalled();
  });

  it('saves the lawful basis for the person the form was opened for, with their contact record', async () => {
    const contact = { id: 'c1', updatedAt: '2026-06-01T00:00:00.000Z' } as unknown as Contact;
    const { a } = mount({
      ...(person({ ...UNKNOWN, hasContact: true }, EMMA) as Extract<PopupState, { status: 'person' }>),
      contact,
    });
    fireEvent.click(screen.getByRole('button', { name: 'Edit lawful basis' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save lawful basis' }));
    await waitFor(() => expect(a.saveLawfulBasis).toHaveBeenCalledOnce());
    expect(a.saveLawfulBasis).toHaveBeenCalledWith(expect.any(Object), EMMA, contact);
  });

  it('opened from the badge: a tab already showing someone else opens no form, and says so', () => {
    const { a } = mount(person(UNKNOWN, MAX), { initialPanel: 'opt-out', initialSubject: JANE });
    expect(screen.queryByRole('button', { name: 'Objected to marketing' })).toBeNull();
    expect(a.formClosed).toHaveBeenCalledWith(
      expect.stringMatching(/now shows someone else.*Nothing was recorded/),
    );
  });

  it('opened from the badge: the form is for the person the badge showed', async () => {
    const { a } = mount(person(UNKNOWN), { initialPanel: 'opt-out', initialSubject: JANE });
    fireEvent.click(screen.getByRole('button', { name: 'Objected to marketing' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save opt-out' }));
    await waitFor(() => expect(a.recordOptOut).toHaveBeenCalledWith(expect.any(Object), JANE));
  });

  it('opened from the badge for a person Heed can no longer name: no form opens', () => {
    const { a } = mount(person(UNKNOWN), { initialPanel: 'lawful-basis', initialSubject: null });
    expect(screen.queryByRole('button', { name: 'Save lawful basis' })).toBeNull();
    expect(a.formClosed).toHaveBeenCalledWith(expect.stringMatching(/could not tell who/));
  });

  it('waits for the first person before fixing who the form is for', () => {
    const { a, moveTo } = mount({ status: 'loading' }, { initialPanel: 'opt-out' });
    moveTo(person(UNKNOWN, MAX));
    expect(screen.getByRole('button', { name: 'Objected to marketing' })).toBeTruthy();
    expect(a.formClosed).not.toHaveBeenCalled();
  });
});

describe('PopupView: what the verdict adds (issue 16)', () => {
  it('says when the shown person’s record is past retention, and not otherwise', () => {
    show({ ...person(UNKNOWN), pastRetention: '2026-02-01' } as PopupState);
    expect(screen.getByRole('note').textContent).toMatch(/past its retention date \(1 Feb 2026\)/);
    cleanup();
    show(person(UNKNOWN));
    expect(screen.queryByText(/past its retention date/)).toBeNull();
  });

  it('shows the own-profile advice the badge shows, with its links', () => {
    const self = {
      lines: ['Your phone number (+44 20 7946 0000) is visible in your contact info.'],
      links: [
        { label: 'LinkedIn setting: Who can see your email address', href: 'https://www.linkedin.com/x' },
      ],
    };
    show(person({ ...UNKNOWN, self }));
    expect(
      screen.getByRole('heading', { name: 'This is you: what your profile shows to others' }),
    ).toBeTruthy();
    expect(screen.getByText(self.lines[0] as string)).toBeTruthy();
    expect(screen.getByRole('link', { name: self.links[0]?.label }).getAttribute('href')).toBe(
      self.links[0]?.href,
    );
  });
});
