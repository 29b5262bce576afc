// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBadge } from '@/lib/badge/badge';
import { Annotator } from '@/lib/content/annotator';
import type { PagePerson } from '@/lib/extract/types';
import type { BadgeAnswer, TabPerson } from '@/lib/messaging/types';

function answer(level: BadgeAnswer['level'], summary = 'why'): BadgeAnswer {
  return {
    level,
    summary,
    channels: { email: 'blocked', sms: 'check', phone: 'allowed', post: 'check', inmail: 'blocked' },
    reasons: [{ message: '<img src=x onerror=alert(1)>', citation: 'PECR reg. 22(2)' }],
    toRecord: ['<b>consent</b>'],
    fromDefaults: false,
    onLists: { exact: 1, possible: 0 },
    deadlines: 0,
  };
}

/** The words a closed root shows: generated content from `data-t`, in document order. */
function shownWords(root: ShadowRoot): string[] {
  return [...root.querySelectorAll('[data-t]')].map((e) => e.getAttribute('data-t') ?? '');
}

/** Text nodes in a closed root outside its style sheet: what the page's find and selection could reach. */
function textNodes(root: ShadowRoot): string[] {
  const out: string[] = [];
  const walk = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode())
    if (n.parentElement?.tagName !== 'STYLE' && n.nodeValue?.trim()) out.push(n.nodeValue);
  return out;
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
    const first = deferred<BadgeAnswer>();
    const second = deferred<BadgeAnswer>();
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

  it('renders page and list text as generated words, never markup and never DOM text', async () => {
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
    const words = shownWords(root);
    expect(words).toContain('<img src=x onerror=alert(1)>');
    expect(words).toContain('<b>consent</b>');
    expect(words).toContain('On 1 of your lists.');
    expect(root.querySelector('[data-level] [data-t]')?.getAttribute('data-t')).toBe('Blocked');
    // Nothing a page's window.find or selection can reach (issue 19).
    expect(textNodes(root)).toEqual([]);
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

  it('shows every state and verdict without a single DOM text node, and keeps names for assistive technology', () => {
    const roots = spyShadows();
    const onRecord = vi.fn();
    const badge = createBadge(document, onRecord);
    document.body.append(badge.host);
    const root = roots.at(-1)!;
    const views = [
      { state: 'pending' as const },
      { state: 'error' as const, message: 'refused: too many look-ups, slow down' },
      ...(['blocked', 'high', 'caution', 'ok', 'unknown'] as const).map((level) => ({
        state: 'answer' as const,
        answer: {
          ...answer(level),
          onLists: { exact: 2, possible: 1 },
          deadlines: 1,
          fromDefaults: level === 'unknown',
        },
      })),
    ];
    // The user's own profile shows the self view instead of a verdict (issue 20, item 9): also generated words.
    badge.update({
      state: 'answer',
      answer: {
        ...answer('unknown'),
        onLists: { exact: 0, possible: 0 },
        deadlines: 0,
        fromDefaults: true,
        self: {
          lines: ['Your contact info shows your email'],
          links: [{ label: 'Settings', href: 'https://x/' }],
        },
      },
    });
    expect(textNodes(root)).toEqual([]);
    expect(shownWords(root)).toEqual(
      expect.arrayContaining(['Your contact info shows your email', 'Settings']),
    );
    expect(root.querySelectorAll('.actions button')).toHaveLength(0);
    for (const view of views) {
      badge.update(view);
      expect(textNodes(root), view.state).toEqual([]);
      expect(shownWords(root).length).toBeGreaterThan(1);
      const pill = root.querySelector('button')!;
      expect(pill.getAttribute('aria-label')).toMatch(/^Heed/);
      // The pill's structure is the same in every state: only attributes inside the closed root change.
      expect(pill.children).toHaveLength(2);
    }
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('.actions button')];
    expect(buttons.map((b) => b.getAttribute('data-t'))).toEqual(['Record opt-out', 'Record lawful basis']);
    buttons[1]?.click();
    expect(onRecord).toHaveBeenCalledWith('lawful-basis');
    // No list names or dates reach the badge: counts only, and where the details are.
    expect(shownWords(root)).toEqual(
      expect.arrayContaining(['On 2 of your lists.', 'Which lists and since when: open the Heed popup.']),
    );
    badge.remove();
  });
});

describe('markers in the contact-info overlay (issue 20, item 4)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  function overlayPage() {
    document.body.innerHTML = `<h1>Jane Doe</h1><div role="dialog"><span id="tel">+44 20 7946 0958</span>
      <a id="mail" href="mailto:jane@example.com">jane@example.com</a></div>`;
  }
  const personOf = (): PagePerson => {
    const tel = document.getElementById('tel');
    const mail = document.getElementById('mail');
    return {
      source: 'linkedin-profile',
      name: 'Jane Doe',
      profileUrl: 'https://www.linkedin.com/in/jane/',
      emails: ['jane@example.com'],
      phones: ['+44 20 7946 0958'],
      websites: [],
      anchor: document.querySelector('h1'),
      ...(tel && mail
        ? {
            overlay: {
              emails: [{ email: 'jane@example.com', element: mail }],
              phones: [{ phone: '+44 20 7946 0958', element: tel }],
            },
          }
        : {}),
    };
  };
  const flush = () => new Promise((r) => setTimeout(r, 0));

  it('marks each address and number once, with its own verdict, and asks again only when the overlay changes', async () => {
    const roots = spyShadows();
    overlayPage();
    const mark = vi.fn(async () => ({
      emails: [{ level: 'blocked' as const, summary: 'unsubscribed' }],
      phones: [{ level: 'ok' as const, summary: 'fine' }],
    }));
    const a = new Annotator({
      doc: document,
      url: () => 'https://www.linkedin.com/in/jane/overlay/contact-info/',
      extract: () => personOf(),
      send: async () => answer('high'),
      createBadge,
      openRecord: () => undefined,
      mark,
    });
    a.sync();
    await flush();
    for (let i = 0; i < 5; i++) a.sync(); // every DOM mutation syncs: none may cost another look-up
    await flush();
    expect(mark).toHaveBeenCalledTimes(1);
    expect(mark).toHaveBeenCalledWith(['jane@example.com'], ['+44 20 7946 0958']);
    const mail = document.getElementById('mail');
    const tel = document.getElementById('tel');
    // After the link (not inside it), and inside the number's element; bare hosts, no text the page can read.
    const emailHost = mail?.nextElementSibling as HTMLElement;
    const phoneHost = tel?.lastElementChild as HTMLElement;
    for (const h of [emailHost, phoneHost]) {
      expect(h.tagName).toBe('SPAN');
      expect(h.attributes.length).toBe(0);
      expect(h.shadowRoot).toBeNull();
    }
    expect(mail?.textContent).toBe('jane@example.com');
    const markerRoots = roots.filter((r) => r.host === emailHost || r.host === phoneHost);
    expect(markerRoots.map((r) => r.querySelector('[data-level]')?.getAttribute('data-level'))).toEqual([
      'blocked',
      'ok',
    ]);
    for (const r of markerRoots) expect(textNodes(r)).toEqual([]);

    // LinkedIn re-renders the overlay: new elements, one new look-up, and no marker left on the old ones.
    overlayPage();
    a.sync();
    await flush();
    expect(mark).toHaveBeenCalledTimes(2);
    expect(document.querySelectorAll('#mail + span, #tel > span')).toHaveLength(2);

    // Closed: the markers go, and nothing is asked.
    document.querySelector('[role="dialog"]')?.remove();
    a.sync();
    await flush();
    expect(mark).toHaveBeenCalledTimes(2);
    // Only the badge's host is left, in the heading.
    expect([...document.querySelectorAll('span')].map((s) => s.parentElement?.tagName)).toEqual(['H1']);
    a.destroy();
  });

  it('marks nothing without a mark function (side-panel-only mode)', async () => {
    overlayPage();
    const a = new Annotator({
      doc: document,
      url: () => 'https://www.linkedin.com/in/jane/overlay/contact-info/',
      extract: () => personOf(),
      send: async () => answer('high'),
      openRecord: () => undefined,
    });
    a.sync();
    await flush();
    expect(document.querySelector('#mail + span, #tel > span')).toBeNull();
    a.destroy();
  });
});
