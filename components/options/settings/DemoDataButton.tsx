import { useState } from 'react';
import { appDb } from '@/lib/app-db';
import { loadDemoData } from '@/lib/demo/data';
import { errorText, storeChanged } from './common';
import './tools.css';

/** Loads the demo lists and contacts so every level shows on the demo pages. Idempotent: twice adds nothing. */
export function DemoDataButton() {
  const [state, setState] = useState<
    { kind: 'idle' | 'busy' | 'done' } | { kind: 'failed'; message: string }
  >({
    kind: 'idle',
  });
  const load = async () => {
    setState({ kind: 'busy' });
    try {
      await loadDemoData(await appDb());
      await storeChanged();
      setState({ kind: 'done' });
    } catch (e) {
      setState({ kind: 'failed', message: errorText(e) });
    }
  };
  return (
    <div className="ot-demo">
      <button type="button" onClick={() => void load()} disabled={state.kind === 'busy'}>
        Load demo data
      </button>
      <span role="status" className="muted">
        {state.kind === 'busy' ? 'Loading…' : state.kind === 'done' ? 'Demo data loaded' : ''}
      </span>
      {state.kind === 'failed' ? (
        <span role="alert" className="error">
          Could not load the demo data: {state.message}
        </span>
      ) : null}
    </div>
  );
}
