// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from '@/lib/content/context';
import {
  BUDGET_MS_PER_S,
  NAVIGATION_MS,
  QUIET_SETTLE_MS,
  READ_OVERHEAD_MS,
  watchPage,
} from '@/lib/content/watch';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  delete (globalThis as Record<string, unknown>).__heedContentScripts;
  delete (globalThis as Record<string, unknown>).navigation;
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

  /** A feed that changes every 50 ms, for `ms`; returns how many times the watcher read the page meanwhile. */
  async function churn(changed: { mock: { calls: unknown[] } }, ms: number): Promise<number> {
    const before = changed.mock.calls.length;
    const feed = document.body.appendChild(document.createElement('section'));
    for (let t = 0; t < ms; t += 50) {
      const post = document.createElement('div');
      post.textContent = `post ${t}`;
      feed.append(post);
      await vi.advanceTimersByTimeAsync(50);
    }
    return changed.mock.calls.length - before;
  }

  it('on a page that never stops changing, reads within its budget; after a URL change, at once', async () => {
    vi.useFakeTimers();
    // The Navigation API (jsdom has none): the watcher hears URL changes from it, as in Chromium.
    const navigation = new EventTarget();
    (globalThis as Record<string, unknown>).navigation = navigation;
    const changed = vi.fn();
    const ctx = new ContentScriptContext('annotate');
    watchPage(ctx, changed);
    // The first seconds (the page rendering after load) are read at every change.
    expect(await churn(changed, NAVIGATION_MS - 500)).toBeGreaterThan(40);
    await churn(changed, 5000); // the burst allowance is spent
    // Steady state: each read is charged at least READ_OVERHEAD_MS against BUDGET_MS_PER_S.
    const reads = await churn(changed, 20_000);
    expect(reads).toBeLessThanOrEqual((20 * BUDGET_MS_PER_S) / READ_OVERHEAD_MS + 1);
    expect(reads).toBeGreaterThanOrEqual(10); // put off, never dropped

    // A navigation is read on the next frame, budget or not, and so is what the page renders after it.
    changed.mockClear();
    history.pushState({}, '', '/in/someone-else/');
    navigation.dispatchEvent(new Event('currententrychange'));
    await vi.advanceTimersByTimeAsync(20);
    expect(changed).toHaveBeenCalledTimes(1);
    expect(await churn(changed, 1000)).toBeGreaterThan(15);
    ctx.abort();
  });

  it('reads a page that changes now and then at every change', async () => {
    vi.useFakeTimers();
    const changed = vi.fn();
    const ctx = new ContentScriptContext('annotate');
    watchPage(ctx, changed);
    await vi.advanceTimersByTimeAsync(NAVIGATION_MS + 100);
    for (let i = 0; i < 5; i++) {
      changed.mockClear();
      document.body.append(document.createElement('p'));
      await vi.advanceTimersByTimeAsync(20);
      expect(changed).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(2000);
    }
    ctx.abort();
  });
});
