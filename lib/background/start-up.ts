// A stopped service worker is started by the message it must answer (a page's look-up, usually). Work the worker
// does at every start but that no answer needs (the toolbar's side-panel mode, the overdue-request reminder) would
// compete with that answer for the worker's one thread and for the database, so it waits until the first answer has
// gone out, or until `latestMs` have passed when no message comes (a start for an alarm, a tab event, an install).

export interface StartUpWork {
  /** Call when an answer has been sent: the deferred work starts then (once). */
  answered(): void;
}

export function afterFirstAnswer(work: () => void, latestMs: number): StartUpWork {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    work();
  };
  const timer = setTimeout(run, latestMs);
  // After the answer's own microtasks (sendResponse, the reply's serialisation) rather than inside them.
  return { answered: () => void setTimeout(run, 0) };
}
