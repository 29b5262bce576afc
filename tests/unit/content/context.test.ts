// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from '@/lib/content/context';

afterEach(() => {
  vi.restoreAllMocks();
  delete (globalThis as Record<string, unknown>).__heedContentScripts;
});

describe('ContentScriptContext (the replacement for WXT’s)', () => {
  it('dispatches nothing on the page when it starts', () => {
    const onDoc = vi.spyOn(document, 'dispatchEvent');
    const onWin = vi.spyOn(window, 'dispatchEvent');
    const posted = vi.spyOn(window, 'postMessage');
    new ContentScriptContext('annotate');
    expect(onDoc).not.toHaveBeenCalled();
    expect(onWin).not.toHaveBeenCalled();
    expect(posted).not.toHaveBeenCalled();
  });

  it('is not stopped by the page forging WXT’s “newer script started” event', () => {
    const ctx = new ContentScriptContext('annotate');
    const type = `${browser.runtime.id}:annotate:wxt:content-script-started`;
    const detail = { contentScriptName: 'annotate', messageId: 'forged' };
    document.dispatchEvent(new CustomEvent(type, { detail }));
    window.dispatchEvent(new CustomEvent(type, { detail }));
    window.dispatchEvent(new MessageEvent('message', { data: { type, ...detail } }));
    expect(ctx.isValid).toBe(true);
  });

  it('a newer copy of the same script stops the older one; other scripts carry on', () => {
    const old = new ContentScriptContext('annotate');
    const scan = new ContentScriptContext('scan');
    const stopped = vi.fn();
    old.onInvalidated(stopped);
    const fresh = new ContentScriptContext('annotate');
    expect(old.isValid).toBe(false);
    expect(stopped).toHaveBeenCalledTimes(1);
    expect(fresh.isValid).toBe(true);
    expect(scan.isValid).toBe(true);
  });

  it('removes its listeners and timers when it stops, and refuses WXT’s page events', () => {
    vi.useFakeTimers();
    const ctx = new ContentScriptContext('annotate');
    const heard = vi.fn();
    const ticked = vi.fn();
    ctx.addEventListener(document, 'click', heard);
    ctx.setTimeout(ticked, 10);
    expect(() => ctx.addEventListener(window, 'wxt:locationchange', heard)).toThrow(/not used/);
    ctx.abort();
    document.dispatchEvent(new Event('click'));
    vi.advanceTimersByTime(20);
    expect(heard).not.toHaveBeenCalled();
    expect(ticked).not.toHaveBeenCalled();
    vi.useRealTimers();
  });

  it('a timer that has fired leaves no listener on the context behind', () => {
    vi.useFakeTimers();
    const ctx = new ContentScriptContext('compose');
    const added = vi.spyOn(ctx.signal, 'addEventListener');
    const removed = vi.spyOn(ctx.signal, 'removeEventListener');
    const ticked = vi.fn();
    for (let i = 0; i < 100; i++) ctx.setTimeout(ticked, i);
    vi.advanceTimersByTime(200);
    expect(ticked).toHaveBeenCalledTimes(100);
    expect(added).toHaveBeenCalledTimes(100);
    expect(removed).toHaveBeenCalledTimes(100);
    vi.useRealTimers();
  });
});
