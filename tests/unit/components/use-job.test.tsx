// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { type JobWork, useJob } from '@/components/use-job';

afterEach(cleanup);

/** Work that reports progress and waits until the test lets it finish, or until it is aborted. */
function controllable() {
  let finish!: (r: string) => void;
  let fail!: (e: Error) => void;
  let report!: (n: number) => void;
  let seen: AbortSignal | undefined;
  const work: JobWork<number, string> = (signal, progress) => {
    seen = signal;
    report = progress;
    return new Promise<string>((resolve, reject) => {
      finish = resolve;
      fail = reject;
      signal.addEventListener('abort', () => reject(new Error('stopped by the signal')));
    });
  };
  return {
    work,
    finish: (r: string) => finish(r),
    fail: (e: Error) => fail(e),
    report: (n: number) => report(n),
    signal: () => seen,
  };
}

describe('useJob', () => {
  it('runs with progress and ends done with the result', async () => {
    const { result } = renderHook(() => useJob<number, string>());
    expect(result.current.state).toEqual({ kind: 'idle' });
    const w = controllable();
    let run!: Promise<void>;
    act(() => {
      run = result.current.start(w.work, 0);
    });
    expect(result.current.state).toEqual({ kind: 'running', progress: 0 });
    act(() => w.report(40));
    expect(result.current.state).toEqual({ kind: 'running', progress: 40 });
    await act(async () => {
      w.finish('1,204 entries');
      await run;
    });
    expect(result.current.state).toEqual({ kind: 'done', result: '1,204 entries' });
    expect(w.signal()?.aborted).toBe(false);
  });

  it('cancel aborts the work and ends cancelled, not failed, whatever the work threw', async () => {
    const { result } = renderHook(() => useJob<number, string>());
    const w = controllable();
    let run!: Promise<void>;
    act(() => {
      run = result.current.start(w.work, 0);
    });
    await act(async () => {
      result.current.cancel();
      await run;
    });
    expect(w.signal()?.aborted).toBe(true);
    expect(result.current.state).toEqual({ kind: 'cancelled' });
  });

  it('a failure keeps its error for the page to show', async () => {
    const { result } = renderHook(() => useJob<number, string>());
    const w = controllable();
    let run!: Promise<void>;
    act(() => {
      run = result.current.start(w.work, 0);
    });
    const disk = new Error('disk full');
    await act(async () => {
      w.fail(disk);
      await run;
    });
    expect(result.current.state).toEqual({ kind: 'failed', error: disk });
  });

  it('unmounting aborts the running work', () => {
    const { result, unmount } = renderHook(() => useJob<number, string>());
    const w = controllable();
    act(() => {
      void result.current.start(w.work, 0);
    });
    expect(w.signal()?.aborted).toBe(false);
    unmount();
    expect(w.signal()?.aborted).toBe(true);
  });

  it('a new start or a reset supersedes the old run: its late progress and outcome never show', async () => {
    const { result } = renderHook(() => useJob<number, string>());
    const first = controllable();
    const second = controllable();
    let run1!: Promise<void>;
    let run2!: Promise<void>;
    act(() => {
      run1 = result.current.start(first.work, 0);
    });
    act(() => {
      run2 = result.current.start(second.work, 0);
    });
    expect(first.signal()?.aborted).toBe(true);
    await act(async () => {
      first.report(99);
      await run1;
    });
    expect(result.current.state).toEqual({ kind: 'running', progress: 0 });
    act(() => result.current.reset());
    expect(second.signal()?.aborted).toBe(true);
    await act(async () => {
      await run2;
    });
    expect(result.current.state).toEqual({ kind: 'idle' });
  });
});
