// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { createRowMarker, type RowView } from '@/lib/content/row-marker';
import { ROW_BATCH, RowAnnotator } from '@/lib/content/rows';
import type { RowPerson } from '@/lib/extract/rows';
import type { BadgeAnswer, TabPerson } from '@/lib/messaging/types';

function answer(level: BadgeAnswer['level']): BadgeAnswer {
  return {
    level,
    summary: `summary ${level}`,
    channels: { email: 'blocked', sms: 'check', phone: 'allowed', post: 'check', inmail: 'blocked' },
    reasons: [{ message: 'Objected', citation: 'GDPR Art. 21(3)' }],
    deadlines: 0,
    onLists: { exact: 0, possible: 0 },
    toRecord: [],
    fromDefaults: false,
  };
}

/** A list of `n` rows in the document, each a li with a profile link. */
function list(slugs: string[]): HTMLUListElement {
  const ul = document.createElement('ul');
  for (const s of slugs) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = `https://www.linkedin.com/in/${s}/`;
    a.textContent = s;
    li.append(a);
    ul.append(li);
  }
  document.body.replaceChildren(ul);
  return ul;
}

function rowsOf(): RowPerson[] {
  return Array.from(document.querySelectorAll('li')).map((li) => {
    const a = li.querySelector('a') as HTMLAnchorElement;
    return { key: `in:${a.textContent}`, source: 'linkedin-profile', row: li, anchor: a, profileUrl: a.href };
  });
}

function setup(send?: (rows: TabPerson[]) => Promise<BadgeAnswer[]>) {
  const views = new Map<HTMLElement, RowView[]>();
  const sent: TabPerson[][] = [];
  const annotator = new RowAnnotator({
    doc: document,
    url: () => 'https://www.linkedin.com/search/results/people/',
    extract: rowsOf,
    send: (rows) => {
      sent.push(rows);
      return send
        ? send(rows)
        : Promise.resolve(
            rows.map((r) => answer(r.identifiers.profileUrls[0]?.includes('jane') ? 'blocked' : 'unknown')),
          );
    },
    createMarker: (doc) => {
      const host = doc.createElement('span');
      views.set(host, []);
      return { host, update: (v) => views.get(host)?.push(v), remove: () => host.remove() };
    },
  });
  const lastLevels = () =>
    Array.from(document.querySelectorAll('li > span')).map((h) => {
      const v = views.get(h as HTMLElement)?.at(-1);
      return v?.state === 'answer' ? v.answer.level : v?.state;
    });
  return { annotator, sent, lastLevels };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('RowAnnotator', () => {
  it('puts one marker after each row’s link and asks in batches of at most 50', async () => {
    const slugs = Array.from({ length: 120 }, (_, i) => (i === 7 ? 'jane' : `p${i}`));
    list(slugs);
    const { annotator, sent, lastLevels } = setup();
    annotator.sync();
    expect(sent.map((b) => b.length)).toEqual([ROW_BATCH, ROW_BATCH, 20]);
    expect(lastLevels().every((l) => l === 'pending')).toBe(true);
    await flush();
    const levels = lastLevels();
    expect(levels).toHaveLength(120);
    expect(levels[7]).toBe('blocked');
    expect(levels.filter((l) => l === 'unknown')).toHaveLength(119);
    // The marker sits right after the link, inside the row.
    const li = document.querySelectorAll('li')[3] as HTMLLIElement;
    expect(li.querySelector('a')?.nextSibling).toBe(li.querySelector('span'));
  });

  it('does not ask again about rows it has answered: scroll adds rows, re-renders keep theirs', async () => {
    const ul = list(['jane', 'a', 'b']);
    const { annotator, sent, lastLevels } = setup();
    annotator.sync();
    await flush();
    annotator.sync();
    expect(sent).toHaveLength(1);
    // Infinite scroll: two more rows, one of them a person already seen.
    for (const s of ['c', 'jane']) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `https://www.linkedin.com/in/${s}/`;
      a.textContent = s;
      li.append(a);
      ul.append(li);
    }
    annotator.sync();
    expect(sent).toHaveLength(2);
    expect(sent[1]?.map((r) => r.identifiers.profileUrls[0])).toEqual(['https://www.linkedin.com/in/c/']);
    await flush();
    expect(lastLevels()).toEqual(['blocked', 'unknown', 'unknown', 'unknown', 'blocked']);
  });

  it('follows a row element reused for someone else, and drops markers of rows that left', async () => {
    list(['jane', 'a']);
    const { annotator, lastLevels } = setup();
    annotator.sync();
    await flush();
    const first = document.querySelector('li a') as HTMLAnchorElement;
    first.textContent = 'b';
    first.href = 'https://www.linkedin.com/in/b/';
    annotator.sync();
    expect(document.querySelectorAll('li > span')).toHaveLength(2);
    await flush();
    expect(lastLevels()).toEqual(['unknown', 'unknown']);
    document.querySelector('li')?.remove();
    annotator.sync();
    expect(document.querySelectorAll('span')).toHaveLength(1);
  });

  it('asks again for every row after a refresh, and ignores answers from before it', async () => {
    list(['jane', 'a']);
    let release: (v: BadgeAnswer[]) => void = () => undefined;
    const slow = vi.fn(
      (rows: TabPerson[]) =>
        new Promise<BadgeAnswer[]>((r) => {
          release = r;
          void rows;
        }),
    );
    const { annotator, sent, lastLevels } = setup(slow);
    annotator.sync();
    const stale = release;
    annotator.refresh();
    expect(sent).toHaveLength(2);
    stale([answer('ok'), answer('ok')]);
    await flush();
    expect(lastLevels()).toEqual(['pending', 'pending']);
    release([answer('blocked'), answer('caution')]);
    await flush();
    expect(lastLevels()).toEqual(['blocked', 'caution']);
  });

  it('shows an error when the look-up fails, and tries again after a pause, not on every change', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    try {
      list(['a']);
      let fail = true;
      const { annotator, sent, lastLevels } = setup(async (rows) => {
        if (fail) throw new Error('refused: too many look-ups, slow down');
        return rows.map(() => answer('ok'));
      });
      annotator.sync();
      await vi.advanceTimersByTimeAsync(0);
      expect(lastLevels()).toEqual(['error']);
      annotator.sync();
      annotator.sync();
      expect(sent).toHaveLength(1);
      fail = false;
      await vi.advanceTimersByTimeAsync(1_000);
      expect(sent).toHaveLength(2);
      expect(lastLevels()).toEqual(['ok']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('looks at no more than 500 rows of a page', () => {
    list(Array.from({ length: 700 }, (_, i) => `p${i}`));
    const { annotator, sent } = setup(() => new Promise(() => undefined));
    annotator.sync();
    expect(sent.flat()).toHaveLength(500);
    expect(sent.every((b) => b.length <= ROW_BATCH)).toBe(true);
  });
});

describe('createRowMarker', () => {
  function open() {
    const orig = Element.prototype.attachShadow;
    const modes: string[] = [];
    let root: ShadowRoot | null = null;
    Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
      modes.push(init.mode);
      root = orig.call(this, init);
      return root;
    };
    try {
      const marker = createRowMarker(document);
      return { marker, root: root as unknown as ShadowRoot, modes };
    } finally {
      Element.prototype.attachShadow = orig;
    }
  }

  it('a closed root, a bare host, one element with data-level, and no verdict word as text', () => {
    const { marker, root, modes } = open();
    expect(modes).toEqual(['closed']);
    document.body.append(marker.host);
    marker.update({ state: 'answer', answer: answer('blocked') });
    expect(marker.host.attributes).toHaveLength(0);
    expect(marker.host.childNodes).toHaveLength(0);
    const levelled = root.querySelectorAll('[data-level]');
    expect(levelled).toHaveLength(1);
    expect(levelled[0]?.getAttribute('data-level')).toBe('blocked');
    // Text nodes: only the style sheet's.
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const texts: string[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode())
      if (n.parentElement?.tagName !== 'STYLE') texts.push(n.nodeValue ?? '');
    expect(texts).toEqual([]);
    expect(levelled[0]?.getAttribute('data-label')).toBe('Blocked');
  });

  it('opens its details on click and closes them with Escape', () => {
    const { marker, root } = open();
    document.body.append(marker.host);
    marker.update({ state: 'answer', answer: answer('blocked') });
    const pill = root.querySelector('button') as HTMLButtonElement;
    const panel = root.querySelector('[role="dialog"]') as HTMLElement;
    expect(panel.hidden).toBe(true);
    pill.click();
    expect(panel.hidden).toBe(false);
    const lines = Array.from(panel.querySelectorAll('[data-t]')).map((e) => e.getAttribute('data-t'));
    expect(lines).toContain('Objected (GDPR Art. 21(3))');
    expect(lines).toContain('Email: Blocked');
    pill.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(panel.hidden).toBe(true);
  });
});
