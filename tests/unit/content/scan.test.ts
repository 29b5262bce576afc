// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toolbarFor } from '@/lib/background/toolbar';
import { scanPage } from '@/lib/content/scan';
import { findEmailsOnPage } from '@/lib/extract/emails';

describe('scanPage', () => {
  afterEach(() => vi.restoreAllMocks());

  it('marks each visible address once, with fixed-size markers, and replaces them on a second scan', async () => {
    const levels: string[] = [];
    const original = Element.prototype.attachShadow;
    vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (
      this: Element,
      init: ShadowRootInit,
    ) {
      const root = original.call(this, init);
      queueMicrotask(() => levels.push(root.querySelector('[data-level]')?.getAttribute('data-level') ?? ''));
      return root;
    });
    document.body.innerHTML = `<p>Write to <a href="mailto:a@x.example">A</a> or b@x.example.</p><p hidden>c@x.example</p>`;
    const lookup = vi.fn(async (emails: string[]) =>
      emails.map((email) => ({
        email,
        level: email.startsWith('a') ? ('blocked' as const) : ('unknown' as const),
        summary: '',
      })),
    );
    const deps = { find: (d: Document) => findEmailsOnPage(d), lookup };
    const first = await scanPage(document, deps);
    expect(lookup).toHaveBeenCalledWith(['a@x.example', 'b@x.example']);
    expect(first).toHaveLength(2);
    await Promise.resolve();
    expect(levels).toEqual(['blocked', 'unknown']);
    expect(first.every((m) => m.getAttributeNames().length === 0 && m.shadowRoot === null)).toBe(true);
    // The link's marker goes after the link, not inside it.
    expect(document.querySelector('a')?.nextElementSibling).toBe(first[0]);
    const second = await scanPage(document, deps, first);
    expect(second).toHaveLength(2);
    expect(first.some((m) => m.isConnected)).toBe(false);
    // Two markers in all (not four), and none next to the hidden address.
    expect(document.querySelectorAll('span')).toHaveLength(2);
    expect(document.querySelector('p[hidden] span')).toBeNull();
  });

  it('asks nothing when the page has no address', async () => {
    document.body.innerHTML = '<p>no addresses here</p>';
    const lookup = vi.fn();
    expect(await scanPage(document, { find: findEmailsOnPage, lookup })).toEqual([]);
    expect(lookup).not.toHaveBeenCalled();
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
