// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toolbarFor } from '@/lib/background/toolbar';
import { scanPage } from '@/lib/content/scan';
import { findEmailsOnPage } from '@/lib/extract/emails';
import type { ScanAnswer } from '@/lib/messaging/types';
import { phonesOnPage } from '@/lib/mydata/exposure';

function captureRoots() {
  const pills: HTMLElement[] = [];
  const original = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (
    this: Element,
    init: ShadowRootInit,
  ) {
    const root = original.call(this, init);
    queueMicrotask(() => {
      const pill = root.querySelector<HTMLElement>('[data-level]');
      if (pill) pills.push(pill);
    });
    return root;
  });
  return pills;
}

describe('scanPage', () => {
  afterEach(() => vi.restoreAllMocks());

  it('marks each visible address once, with fixed-size markers, and replaces them on a second scan', async () => {
    const pills = captureRoots();
    document.body.innerHTML = `<p>Write to <a href="mailto:a@x.example">A</a> or b@x.example.</p><p hidden>c@x.example</p>`;
    const ask = vi.fn(
      async (emails: string[]): Promise<ScanAnswer> => ({
        emails: emails.map((email) => ({
          level: email.startsWith('a') ? 'blocked' : 'unknown',
          summary: '',
        })),
        phones: [],
      }),
    );
    const deps = { findEmails: (d: Document) => findEmailsOnPage(d), findPhones: () => [], ask };
    const first = await scanPage(document, deps);
    expect(ask).toHaveBeenCalledWith(['a@x.example', 'b@x.example'], []);
    expect(first.markers).toHaveLength(2);
    expect(first.summary).toEqual({ emails: 2, phones: 0, mine: [] });
    await Promise.resolve();
    expect(pills.map((p) => p.dataset.level)).toEqual(['blocked', 'unknown']);
    expect(first.markers.every((m) => m.getAttributeNames().length === 0 && m.shadowRoot === null)).toBe(
      true,
    );
    // The link's marker goes after the link, not inside it.
    expect(document.querySelector('a')?.nextElementSibling).toBe(first.markers[0]);
    const second = await scanPage(document, deps, first.markers);
    expect(second.markers).toHaveLength(2);
    expect(first.markers.some((m) => m.isConnected)).toBe(false);
    // Two markers in all (not four), and none next to the hidden address.
    expect(document.querySelectorAll('span')).toHaveLength(2);
    expect(document.querySelector('p[hidden] span')).toBeNull();
  });

  it("marks every address and number alike: the user's own as theirs, the others with their level", async () => {
    const pills = captureRoots();
    document.body.innerHTML = `<p>me@mine.example</p><p>Call +44 20 7946 0958 or +1 415 555 0134.</p>`;
    const result = await scanPage(document, {
      findEmails: (d) => findEmailsOnPage(d),
      findPhones: (d) => phonesOnPage(d),
      ask: async (emails, phones) => {
        expect(phones).toHaveLength(2);
        return {
          emails: emails.map(() => ({ level: 'unknown' as const, summary: '', mine: true })),
          phones: phones.map((p) =>
            p.includes('7946')
              ? { level: 'unknown' as const, summary: '', mine: true }
              : { level: 'blocked' as const, summary: 'objected' },
          ),
        };
      },
    });
    await Promise.resolve();
    expect(result.summary).toEqual({
      emails: 1,
      phones: 2,
      mine: ['me@mine.example', expect.stringContaining('7946')],
    });
    // Three markers for three identifiers: the other number is marked too (finding 2 of issue 19).
    expect(result.markers).toHaveLength(3);
    expect(result.markers.every((m) => m.outerHTML === '<span></span>')).toBe(true);
    expect(pills.map((p) => [p.dataset.mine, p.getAttribute('data-t'), p.textContent])).toEqual([
      ['true', 'Yours', ''],
      ['true', 'Yours', ''],
      [undefined, 'Blocked', ''],
    ]);
  });

  it('inserts the same markers whatever the answer, even a short or malformed one', async () => {
    const html = `<p>a@x.example b@x.example</p><p>Call +44 20 7946 0958.</p>`;
    const shapes: string[][] = [];
    for (const answer of [
      { emails: [], phones: [] },
      {
        emails: [
          { level: 'blocked' as const, summary: 'x', mine: true },
          { level: 'ok' as const, summary: 'y' },
        ],
        phones: [{ level: 'high' as const, summary: 'z', mine: true }],
      },
    ]) {
      document.body.innerHTML = html;
      const r = await scanPage(document, {
        findEmails: (d) => findEmailsOnPage(d),
        findPhones: (d) => phonesOnPage(d),
        ask: async () => answer,
      });
      shapes.push(r.markers.map((m) => `${m.parentElement?.tagName}>${m.outerHTML}`));
    }
    expect(shapes[0]).toHaveLength(3);
    expect(shapes[1]).toEqual(shapes[0]);
  });

  it('asks nothing when the page has no address or number', async () => {
    document.body.innerHTML = '<p>no addresses here</p>';
    const ask = vi.fn();
    expect(await scanPage(document, { findEmails: findEmailsOnPage, findPhones: () => [], ask })).toEqual({
      markers: [],
      summary: { emails: 0, phones: 0, mine: [] },
    });
    expect(ask).not.toHaveBeenCalled();
  });
});

describe('toolbarFor', () => {
  it('shows the level on the toolbar icon, and nothing when no person is recognised', () => {
    expect(toolbarFor(null)).toMatchObject({ text: '' });
    const blocked = toolbarFor({
      level: 'blocked',
      summary: 'Every channel blocked — objected',
      channels: { email: 'blocked', sms: 'blocked', phone: 'blocked', post: 'blocked', inmail: 'blocked' },
      reasons: [],
      deadlines: [],
      matches: [],
      toRecord: [],
      hasContact: false,
      fromDefaults: false,
    });
    expect(blocked).toEqual({
      text: 'NO',
      colour: '#b42318',
      title: 'Heed: Blocked — Every channel blocked — objected',
    });
  });
});
