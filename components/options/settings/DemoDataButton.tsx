import { useEffect, useState } from 'react';
import { appDb } from '@/lib/app-db';
import {
  DEMO_LIST_NAMES,
  type DemoSnapshot,
  hasDemoData,
  loadDemoData,
  removeDemoData,
  restoreDemoData,
} from '@/lib/demo/data';
import { errorText } from './common';
import './tools.css';

type State =
  | { kind: 'idle' | 'confirm' | 'busy' | 'loaded' }
  | { kind: 'removed'; snapshot: DemoSnapshot }
  | { kind: 'failed'; message: string };

/**
 * Loads the demo lists and contacts, after saying what it adds, so every level shows on the demo pages; and
 * takes them out again in one click, with Undo. Demo data never goes into the user's own lists.
 */
export function DemoDataButton() {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [present, setPresent] = useState(false);

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const has = await hasDemoData(await appDb());
        if (live) setPresent(has);
      } catch {
        // Without storage the buttons below report the error when used.
      }
    })();
    return () => {
      live = false;
    };
  }, []);

  const act = async (work: () => Promise<State>) => {
    setState({ kind: 'busy' });
    try {
      const next = await work();
      setState(next);
    } catch (e) {
      setState({ kind: 'failed', message: errorText(e) });
    }
  };
  const load = () =>
    act(async () => {
      await loadDemoData(await appDb());
      setPresent(true);
      return { kind: 'loaded' };
    });
  const remove = () =>
    act(async () => {
      const snapshot = await removeDemoData(await appDb());
      setPresent(false);
      return { kind: 'removed', snapshot };
    });
  const undo = (snapshot: DemoSnapshot) =>
    act(async () => {
      await restoreDemoData(await appDb(), snapshot);
      setPresent(true);
      return { kind: 'loaded' };
    });

  const busy = state.kind === 'busy';
  return (
    <div className="ot-demo">
      {state.kind === 'confirm' ? (
        <div className="ot-demo-confirm">
          <p>
            Demo data adds three lists of its own ({Object.values(DEMO_LIST_NAMES).join(', ')}) and two demo
            contacts. Your own lists and contacts are not changed, and “Remove demo data” takes it all out
            again.
          </p>
          <button type="button" className="primary" onClick={() => void load()}>
            Load demo lists
          </button>{' '}
          <button type="button" onClick={() => setState({ kind: 'idle' })}>
            Cancel
          </button>
        </div>
      ) : (
        <>
          <button type="button" onClick={() => setState({ kind: 'confirm' })} disabled={busy}>
            Load demo data
          </button>
          {present ? (
            <button type="button" onClick={() => void remove()} disabled={busy}>
              Remove demo data
            </button>
          ) : null}
        </>
      )}
      <span role="status" className="muted">
        {busy
          ? 'Working…'
          : state.kind === 'loaded'
            ? 'Demo data loaded'
            : state.kind === 'removed'
              ? 'Demo data removed'
              : ''}
      </span>
      {state.kind === 'removed' ? (
        <button type="button" onClick={() => void undo(state.snapshot)}>
          Undo
        </button>
      ) : null}
      {state.kind === 'failed' ? (
        <span role="alert" className="error">
          Demo data: {state.message}
        </span>
      ) : null}
    </div>
  );
}
