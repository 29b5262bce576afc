// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import type { ReplyOptOut } from '@/lib/messaging/types';
import { createOffer } from '@/lib/replies/offer';
import { phraseById } from '@/lib/replies/phrases';
import type { ReplyMessage } from '@/lib/replies/read';
import { ReplyScanner } from '@/lib/replies/scanner';

function thread(messages: { from: string; text: string }[]): ReplyMessage[] {
  document.body.replaceChildren();
  return messages.map((m) => {
    const container = document.createElement('div');
    const body = document.createElement('div');
    body.textContent = m.text;
    container.append(body);
    document.body.append(container);
    return { container, anchor: body, sender: { email: m.from }, date: '2026-11-28', text: m.text };
  });
}

function scanner(read: () => ReplyMessage[], openRecord = vi.fn()) {
  const made: ReplyOptOut[] = [];
  const s = new ReplyScanner({
    doc: document,
    url: () => 'https://mail.google.com/mail/u/0/',
    read,
    createOffer: (doc, offer, _phrase, onRecord) => {
      made.push(offer);
      const host = doc.createElement('div');
      host.addEventListener('click', () => onRecord(offer));
      return { host, remove: () => host.remove() };
    },
    openRecord,
  });
  return { s, made, openRecord };
}

describe('ReplyScanner', () => {
  it('offers once per opt-out message, after its body, with sender, date, phrase id and reason only', () => {
    const msgs = thread([
      { from: 'jane@acme.example', text: 'Please remove me from your list.' },
      { from: 'bob@acme.example', text: 'Sounds great, call me Tuesday.' },
    ]);
    const { s, made, openRecord } = scanner(() => msgs);
    s.sync();
    s.sync();
    expect(made).toEqual([
      {
        sender: { email: 'jane@acme.example' },
        since: '2026-11-28',
        phraseId: 'en.remove-me',
        reason: 'unsubscribe',
      },
    ]);
    const host = msgs[0]?.anchor.nextSibling as HTMLElement;
    expect(host).toBeTruthy();
    expect(msgs[1]?.anchor.nextSibling).toBeNull();
    // Nothing is asked until the rep clicks.
    expect(openRecord).not.toHaveBeenCalled();
    host.click();
    expect(openRecord).toHaveBeenCalledWith(made[0]);
    expect(JSON.stringify(openRecord.mock.calls)).not.toContain('remove me');
  });

  it('drops the offer when the message leaves the page', () => {
    let msgs = thread([{ from: 'jane@acme.example', text: 'Unsubscribe' }]);
    const { s } = scanner(() => msgs);
    s.sync();
    expect(document.body.querySelectorAll('div > div + div')).toHaveLength(1);
    msgs = [];
    s.sync();
    expect(document.body.querySelectorAll('div > div + div')).toHaveLength(0);
  });
});

describe('createOffer', () => {
  it('a closed shadow root with the phrase, reason and deadlines as attributes, no text nodes; records only on click', () => {
    const orig = Element.prototype.attachShadow;
    let root: ShadowRoot | null = null;
    const modes: string[] = [];
    Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
      modes.push(init.mode);
      root = orig.call(this, init);
      return root;
    };
    const onRecord = vi.fn();
    const offer: ReplyOptOut = {
      sender: { email: 'jane@acme.example' },
      since: '2026-11-28',
      phraseId: 'en.remove-me',
      reason: 'unsubscribe',
    };
    let el: ReturnType<typeof createOffer>;
    try {
      el = createOffer(
        document,
        offer,
        phraseById('en.remove-me') as NonNullable<ReturnType<typeof phraseById>>,
        onRecord,
      );
    } finally {
      Element.prototype.attachShadow = orig;
    }
    document.body.append(el.host);
    expect(modes).toEqual(['closed']);
    const r = root as unknown as ShadowRoot;
    const texts: string[] = [];
    const walker = document.createTreeWalker(r, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode())
      if (n.parentElement?.tagName !== 'STYLE') texts.push(n.nodeValue ?? '');
    expect(texts).toEqual([]);
    const lines = Array.from(r.querySelectorAll('[data-t]')).map((e) => e.getAttribute('data-t'));
    expect(lines).toContain('This reply looks like an opt-out request: “remove me from your list”.');
    expect(lines).toContain('From: jane@acme.example');
    expect(lines.some((l) => l?.includes('honour by 2026-12-11'))).toBe(true);
    expect(lines.some((l) => l?.includes('without undue delay'))).toBe(true);
    const pill = r.querySelector('[data-opt-out]') as HTMLButtonElement;
    expect(pill.dataset.sender).toBe('jane@acme.example');
    expect(pill.getAttribute('aria-label')).toContain('remove me from your list');
    const panel = r.querySelector('[role="dialog"]') as HTMLElement;
    expect(panel.hidden).toBe(true);
    pill.click();
    expect(panel.hidden).toBe(false);
    expect(onRecord).not.toHaveBeenCalled();
    (r.querySelector('[data-action="record-opt-out"]') as HTMLButtonElement).click();
    expect(onRecord).toHaveBeenCalledWith(offer);
  });
});
