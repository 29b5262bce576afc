// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { Annotator } from '@/lib/content/annotator';
import type { PagePerson } from '@/lib/extract/types';
import type { BadgeAnswer } from '@/lib/messaging/types';

describe('Annotator in side-panel-only mode (no createBadge)', () => {
  it('reports the person and inserts nothing, however often the page changes', async () => {
    document.body.innerHTML = '<main><h1>Jane Doe</h1></main>';
    const before = document.documentElement.outerHTML;
    let person: PagePerson = {
      source: 'linkedin-profile',
      name: 'Jane Doe',
      profileUrl: 'https://www.linkedin.com/in/jane/',
      emails: [],
      phones: [],
      websites: [],
      anchor: document.querySelector('h1'),
    };
    const send = vi.fn(async () => ({ level: 'blocked' }) as BadgeAnswer);
    const attach = vi.spyOn(Element.prototype, 'attachShadow');
    const a = new Annotator({
      doc: document,
      url: () => person.profileUrl ?? '',
      extract: () => person,
      send,
      openRecord: vi.fn(),
    });
    a.sync();
    await Promise.resolve();
    person = { ...person, name: 'Max', profileUrl: 'https://www.linkedin.com/in/max/' };
    a.sync();
    a.refresh();
    await Promise.resolve();
    expect(send.mock.calls.map((c) => (c as unknown[])[0])).toMatchObject([
      { identifiers: { profileUrls: ['https://www.linkedin.com/in/jane/'] } },
      { identifiers: { profileUrls: ['https://www.linkedin.com/in/max/'] } },
      { identifiers: { profileUrls: ['https://www.linkedin.com/in/max/'] } },
    ]);
    expect(attach).not.toHaveBeenCalled();
    expect(document.documentElement.outerHTML).toBe(before);
    a.destroy();
    expect(document.documentElement.outerHTML).toBe(before);
  });
});
