// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from '@/lib/content/context';
import { QUIET_SETTLE_MS, watchPage } from '@/lib/content/watch';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  delete (globalThis as Record<string, unknown>).__heedContentScripts;
  document.body.innerHTML = '';
});

describe('watchPage', () => {
  it('in side-panel-only mode adds no listener to window or document and still sees DOM and URL changes', async () => {
    vi.useFakeTimers();
    const onWindow = vi.spyOn(window, 'addEventListener');
    const onDocument = vi.spyOn(document, 'addEventListener');
    const changed = vi.fn();
    const ctx = new ContentScriptContext('annotate');
    const stop = watchPage(ctx, changed, { quiet: true });
    expect(onWindow).not.toHaveBeenCalled();
    expect(onDocument).not.toHaveBeenCalled();

    document.body.append(document.createElement('h1'));
    await vi.advanceTimersByTimeAsync(QUIET_SETTLE_MS + 50);
    expect(changed).toHaveBeenCalled(); // the frame and the late re-check
    changed.mockClear();

    history.pushState({}, '', '/in/someone-else/');
    await vi.advanceTimersByTimeAsync(1100);
    expect(changed).toHaveBeenCalled();

    stop();
    changed.mockClear();
    document.body.append(document.createElement('p'));
    history.pushState({}, '', '/in/a-third/');
    await vi.advanceTimersByTimeAsync(2000);
    expect(changed).not.toHaveBeenCalled();
  });

  it('stops with its context (the extension was reloaded)', async () => {
    vi.useFakeTimers();
    const changed = vi.fn();
    const ctx = new ContentScriptContext('annotate');
    watchPage(ctx, changed);
    ctx.abort();
    document.body.append(document.createElement('h1'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(changed).not.toHaveBeenCalled();
  });
});
