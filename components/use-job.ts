import { useCallback, useEffect, useRef, useState } from 'react';

/** A long piece of work a person starts and may cancel: an import, a bulk check, a restore. */
export type JobState<P, R> =
  | { kind: 'idle' }
  | { kind: 'running'; progress: P }
  | { kind: 'done'; result: R }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: unknown };

/** The work: it stops (by throwing) when `signal` aborts, and reports progress as it goes. */
export type JobWork<P, R> = (signal: AbortSignal, progress: (p: P) => void) => Promise<R>;

export interface Job<P, R> {
  state: JobState<P, R>;
  /** Starts the work (cancelling one still running), from `initial` progress. */
  start(work: JobWork<P, R>, initial: P): Promise<void>;
  /** Asks the running work to stop; it ends as cancelled. */
  cancel(): void;
  /** Back to idle, cancelling any running work; its late reports are ignored. */
  reset(): void;
}

/**
 * idle → running → done | cancelled | failed, with the AbortController behind Cancel. Work that throws after its
 * signal aborted ended because it was cancelled, whatever it threw. Leaving the page or section (unmount) aborts
 * the work, and a superseded run's progress or outcome never shows.
 */
export function useJob<P, R>(): Job<P, R> {
  const [state, setState] = useState<JobState<P, R>>({ kind: 'idle' });
  const current = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      current.current?.abort();
      current.current = null;
    },
    [],
  );

  const start = useCallback(async (work: JobWork<P, R>, initial: P) => {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    const mine = () => current.current === controller;
    setState({ kind: 'running', progress: initial });
    try {
      const result = await work(controller.signal, (progress) => {
        if (mine()) setState({ kind: 'running', progress });
      });
      if (mine()) setState({ kind: 'done', result });
    } catch (error) {
      if (mine()) setState(controller.signal.aborted ? { kind: 'cancelled' } : { kind: 'failed', error });
    } finally {
      if (mine()) current.current = null;
    }
  }, []);

  const cancel = useCallback(() => current.current?.abort(), []);

  const reset = useCallback(() => {
    current.current?.abort();
    current.current = null;
    setState({ kind: 'idle' });
  }, []);

  return { state, start, cancel, reset };
}
