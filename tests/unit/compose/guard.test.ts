// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SEND_EVENTS, SendGuard, worstOf } from '@/lib/compose/guard';
import type { BoxView, SendCheckElement, StopRequest } from '@/lib/compose/view';
import type { SendRecipient, SendVerdict } from '@/lib/messaging/types';

const v = (state: SendVerdict['state']): SendVerdict => ({ state, summary: state, reasons: [], matches: [] });

function page(...addresses: string[]) {
  document.body.innerHTML = `<div id="c1" role="dialog"><input aria-label="To recipients" role="combobox">
    ${addresses.map((a) => `<div role="option" data-hovercard-id="${a}"><div role="button" aria-label="Remove"></div></div>`).join('')}
    <div role="textbox" aria-label="Message Body" contenteditable="true">body</div>
    <div role="button" data-tooltip="Send (Ctrl-Enter)" id="send">Send</div></div>`;
}

/** The page's own send handler, added after Heed's (Heed's listeners go on at document_start). */
function pageSends(): string[] {
  const sends: string[] = [];
  const onClick = (e: Event) => {
    if ((e.target as Element).closest('#send')) sends.push('click');
  };
  window.addEventListener('click', onClick, true);
  pageListeners.push(onClick);
  return sends;
}
const pageListeners: ((e: Event) => void)[] = [];

function fakeElements() {
  const made: { views: BoxView[]; stops: StopRequest[] }[] = [];
  const create = (doc: Document): SendCheckElement => {
    const rec = { views: [] as BoxView[], stops: [] as StopRequest[] };
    made.push(rec);
    const host = doc.createElement('span');
    return {
      host,
      update: (view) => rec.views.push(view),
      stop: (r) => rec.stops.push(r),
      remove: () => host.remove(),
    };
  };
  return { made, create };
}

const listeners: ((e: Event) => void)[] = [];
function guard(
  answers: Record<string, SendVerdict['state']>,
  over: { stopOnCheck?: boolean; delay?: Promise<void> } = {},
) {
  const { made, create } = fakeElements();
  const override = vi.fn(async (_rs: SendRecipient[], _reason: string) => 1);
  const g = new SendGuard({
    site: 'gmail',
    doc: document,
    config: async () => ({ enabled: true, stopOnCheck: over.stopOnCheck ?? false }),
    verdicts: async (rs) => {
      await over.delay;
      return rs.map((r) => v(answers[r.email ?? ''] ?? 'unknown'));
    },
    override,
    create,
    later: (fn) => void Promise.resolve().then(fn),
  });
  for (const t of SEND_EVENTS) window.addEventListener(t, g.handleEvent, true);
  listeners.push(g.handleEvent);
  g.sync(); // what the content script's first animation frame does
  return { g, made, override };
}

afterEach(() => {
  for (const l of listeners.splice(0)) for (const t of SEND_EVENTS) window.removeEventListener(t, l, true);
  for (const l of pageListeners.splice(0)) window.removeEventListener('click', l, true);
  document.body.innerHTML = '';
});

const settle = () => new Promise((r) => setTimeout(r, 10));
const click = () =>
  document
    .getElementById('send')
    ?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));

describe('the send guard', () => {
  it('ranks a box by its worst recipient; no recipient is unknown', () => {
    expect(worstOf(['ok', 'unknown', 'check'])).toBe('check');
    expect(worstOf(['ok', 'blocked', 'check'])).toBe('blocked');
    expect(worstOf(['ok', 'unknown'])).toBe('unknown');
    expect(worstOf([])).toBe('unknown');
  });

  it('puts one element next to the recipients and shows the worst verdict once looked up', async () => {
    page('a@x.example', 'b@x.example');
    const { g, made } = guard({ 'a@x.example': 'ok', 'b@x.example': 'blocked' });
    await settle();
    g.sync();
    g.sync();
    expect(made).toHaveLength(1);
    expect(made[0]?.views.at(-1)).toMatchObject({ state: 'blocked', pending: false });
    expect(document.querySelectorAll('#c1 span')).toHaveLength(1);
  });

  it('lets a send with nothing blocked through to the page untouched', async () => {
    page('a@x.example');
    const { made } = guard({ 'a@x.example': 'check' });
    const sends = pageSends();
    await settle();
    click();
    expect(sends).toEqual(['click']);
    expect(made[0]?.stops).toEqual([]);
  });

  it('stops a blocked send before the page sees it; "send anyway" logs, then sends once', async () => {
    page('a@x.example', 'b@x.example');
    const { made, override } = guard({ 'a@x.example': 'ok', 'b@x.example': 'blocked' });
    const sends = pageSends();
    await settle();
    click();
    await settle();
    expect(sends).toEqual([]);
    const stop = made[0]?.stops[0];
    expect(stop?.stopping.map((r) => r.label)).toEqual(['b@x.example']);
    expect(stop?.canRemove).toBe(true);
    expect(await stop?.onSendAnyway('they asked for it')).toBeNull();
    await settle();
    expect(override).toHaveBeenCalledWith([{ email: 'b@x.example' }], 'they asked for it');
    expect(sends).toEqual(['click']);
    // The next click is checked again.
    click();
    await settle();
    expect(sends).toEqual(['click']);
  });

  it('holds a send made while a recipient is still being looked up, then lets it through when clear', async () => {
    page('a@x.example');
    let release = () => {};
    const delay = new Promise<void>((r) => {
      release = r;
    });
    guard({ 'a@x.example': 'ok' }, { delay });
    const sends = pageSends();
    await settle();
    click();
    expect(sends).toEqual([]);
    release();
    await settle();
    expect(sends).toEqual(['click']);
  });

  it('stops "check" recipients too when the setting says so', async () => {
    page('a@x.example');
    const { made } = guard({ 'a@x.example': 'check' }, { stopOnCheck: true });
    const sends = pageSends();
    await settle();
    click();
    await settle();
    expect(sends).toEqual([]);
    expect(made[0]?.stops).toHaveLength(1);
  });

  it('asks again at Send for a recipient whose look-up failed, so a refused look-up cannot wave a blocked send through', async () => {
    page('b@x.example');
    const { made, create } = fakeElements();
    let calls = 0;
    const g = new SendGuard({
      site: 'gmail',
      doc: document,
      config: async () => ({ enabled: true, stopOnCheck: false }),
      verdicts: async (rs) => {
        calls++;
        if (calls === 1) throw new Error('refused: too many look-ups, slow down');
        return rs.map(() => v('blocked'));
      },
      override: async () => 1,
      create,
      later: (fn) => void Promise.resolve().then(fn),
    });
    for (const t of SEND_EVENTS) window.addEventListener(t, g.handleEvent, true);
    listeners.push(g.handleEvent);
    const sends = pageSends();
    g.sync();
    await settle();
    expect(made[0]?.views.at(-1)?.recipients[0]?.summary).toMatch(/could not check/);
    click();
    await settle();
    expect(calls).toBe(2);
    expect(sends).toEqual([]);
    expect(made[0]?.stops).toHaveLength(1);
  });

  it('stops Ctrl+Enter in the body of a blocked box', async () => {
    page('b@x.example');
    const { made } = guard({ 'b@x.example': 'blocked' });
    await settle();
    const keys: string[] = [];
    window.addEventListener('keydown', () => keys.push('page'), true);
    const e = new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true });
    document.querySelector('[aria-label="Message Body"]')?.dispatchEvent(e);
    await settle();
    expect(e.defaultPrevented).toBe(true);
    expect(keys).toEqual([]);
    expect(made[0]?.stops).toHaveLength(1);
  });
});
