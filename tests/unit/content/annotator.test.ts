// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBadge } from '@/lib/badge/badge';
import { Annotator } from '@/lib/content/annotator';
import type { PagePerson } from '@/lib/extract/types';
import type { LookupAnswer, TabPerson } from '@/lib/messaging/types';

function answer(level: LookupAnswer['level'], summary = 'why'): LookupAnswer {
  return {
    level,
    summary,
    channels: { email: 'blocked', sms: 'check', phone: 'allowed', post: 'check', inmail: 'blocked' },
    reasons: [
      {
        code: 'x',
        level: 'blocked',
        channels: ['email'],
        message: '<img src=x onerror=alert(1)>',
        citation: 'PECR reg. 22(2)',
      },
    ],
    deadlines: [],
    matches: [
      {
        listName: '<b>List</b>',
        kind: 'email',
        match: 'exact',
        via: 'email',
        reason: 'objected',
        since: '2026-01-02',
      },
    ],
    toRecord: [],
    hasContact: false,
    fromDefaults: false,
  };
}

/** Reads the badge through a test-only open door: jsdom lets us intercept attachShadow. */
function spyShadows() {
  const roots: ShadowRoot[] = [];
  const original = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (
    this: Element,
    init: ShadowRootInit,
  ) {
    const root = original.call(this, init);
    roots.push(root);
    return root;
  });
  return roots;
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('Annotator', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('puts one closed-shadow badge in the heading, shows the answer, and drops answers to stale look-ups', async () => {
    const roots = spyShadows();
    document.body.innerHTML = '<h1>Jane Doe</h1>';
    let person: PagePerson = {
      source: 'linkedin-profile',
      name: 'Jane Doe',
      profileUrl: 'https://www.linkedin.com/in/jane/',
      emails: [],
      phones: [],
      websites: [],
      anchor: document.querySelector('h1'),
    };
    const first = deferred<LookupAnswer>();
    const second = deferred<LookupAnswer>();
    const sent: (TabPerson | null)[] = [];
    const send = vi.fn((p: TabPerson | null) => {
      sent.push(p);
      return sent.length === 1 ? first.promise : second.promise;
    });
    const a = new Annotator({
      doc: document,
      url: () => person.profileUrl ?? '',
      extract: () => person,
      send,
      createBadge,
      openRecord: vi.fn(),
    });
    a.sync();
    a.sync(); // nothing changed: no second look-up
    expect(send).toHaveBeenCalledTimes(1);
    const h1 = document.querySelector('h1')!;
    const host = h1.lastElementChild as HTMLElement;
    expect(host.tagName).toBe('SPAN');
    expect(host.getAttributeNames()).toEqual([]);
    expect(host.shadowRoot).toBeNull(); // closed
    expect(roots[0]?.mode).toBe('closed');
    expect(roots[0]?.querySelector('[data-level]')).toBeNull(); // pending: no level yet

    // The page navigates to another person before the first answer arrives.
    person = { ...person, name: 'Max', profileUrl: 'https://www.linkedin.com/in/max/' };
    a.sync();
    second.resolve(answer('caution'));
    await second.promise;
    await Promise.resolve();
    first.resolve(answer('blocked'));
    await first.promise;
    await Promise.resolve();
    const levels = [...roots[0]!.querySelectorAll('[data-level]')].map((e) => e.getAttribute('data-level'));
    expect(levels).toEqual(['caution']);
    expect(h1.querySelectorAll('span')).toHaveLength(1);
  });

  it('renders page and list text as text, never markup', async () => {
    const roots = spyShadows();
    document.body.innerHTML = '<h1>X</h1>';
    const a = new Annotator({
      doc: document,
      url: () => 'u',
      extract: () => ({
        source: 'generic',
        name: 'X',
        emails: ['x@y.example'],
        phones: [],
        websites: [],
        anchor: document.querySelector('h1'),
      }),
      send: async () => answer('blocked'),
      createBadge,
      openRecord: vi.fn(),
    });
    a.sync();
    await new Promise((r) => setTimeout(r, 0));
    const root = roots.at(-1)!;
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('b')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(root.textContent).toContain('<b>List</b> — objected, since 2026-01-02');
    expect(root.querySelector('[data-level]')?.textContent).toBe('Blocked');
  });

  it('removes the badge and tells the background when the person leaves the page', async () => {
    document.body.innerHTML = '<h1>X</h1>';
    let present = true;
    const send = vi.fn(async () => answer('ok'));
    const a = new Annotator({
      doc: document,
      url: () => 'u',
      extract: () =>
        present
          ? {
              source: 'generic',
              name: 'X',
              emails: ['x@y.example'],
              phones: [],
              websites: [],
              anchor: document.querySelector('h1'),
            }
          : null,
      send,
      createBadge,
      openRecord: vi.fn(),
    });
    a.sync();
    expect(document.querySelectorAll('h1 span')).toHaveLength(1);
    present = false;
    a.sync();
    expect(document.querySelectorAll('h1 span')).toHaveLength(0);
    expect(send).toHaveBeenLastCalledWith(null);
  });

  it('puts the badge back when the page re-renders the heading, without a new look-up', async () => {
    document.body.innerHTML = '<h1>X</h1>';
    const send = vi.fn(async () => answer('ok'));
    const a = new Annotator({
      doc: document,
      url: () => 'u',
      extract: () => ({
        source: 'generic',
        name: 'X',
        emails: [],
        phones: [],
        websites: [],
        anchor: document.querySelector('h1'),
      }),
      send,
      createBadge,
      openRecord: vi.fn(),
    });
    a.sync();
    document.body.innerHTML = '<h1>X</h1>';
    a.sync();
    expect(document.querySelectorAll('h1 span')).toHaveLength(1);
    expect(send).toHaveBeenCalledTimes(1);
    a.refresh();
    expect(send).toHaveBeenCalledTimes(2);
  });
});

describe('badge panel', () => {
  afterEach(() => vi.restoreAllMocks());

  it('opens on a click that also focuses the badge, and closes on Escape', () => {
    const roots = spyShadows();
    const badge = createBadge(document, vi.fn());
    document.body.append(badge.host);
    const root = roots.at(-1)!;
    const pill = root.querySelector('button')!;
    const panel = root.querySelector<HTMLElement>('[role=dialog]')!;
    expect(panel.hidden).toBe(true);
    pill.focus(); // a mouse press focuses before the click arrives
    pill.click();
    expect(panel.hidden).toBe(false);
    expect(pill.getAttribute('aria-expanded')).toBe('true');
    pill.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(panel.hidden).toBe(true);
    badge.remove();
  });
});
