import { type CommittedWrite, onCommittedWrite } from '../store/write-feed';
import { ask } from './client';

/**
 * Tells the background about every write this page commits (lib/store/write-feed.ts announces them), so open
 * badges, row markers, compose checks and the toolbar reminder are worked out again. Called once by each
 * extension page's entry point; a write path never calls anything itself. The message also wakes a sleeping
 * service worker, which a BroadcastChannel message would not. A burst of writes (entries deleted one by one) is
 * told at its start and once more after it settles.
 */
export function forwardStoreWrites(
  send: () => Promise<unknown> = () => ask({ type: 'store-changed' }),
  quietMs = 50,
): () => void {
  // The first write is told at once: a page often closes right after saving (the settings form, a test), and a
  // message still waiting on a timer would die with it. Writes that follow within `quietMs` are told once more,
  // after the last of them.
  let timer: ReturnType<typeof setTimeout> | null = null;
  let more = false;
  const tell = () => void send().catch(() => undefined);
  const settle = () => {
    timer = null;
    if (!more) return;
    more = false;
    tell();
    timer = setTimeout(settle, quietMs);
  };
  const stop = onCommittedWrite((_write: CommittedWrite) => {
    if (timer) {
      more = true;
      return;
    }
    // Best effort: the write is done, and badges look again on their next lookup anyway.
    tell();
    timer = setTimeout(settle, quietMs);
  });
  return () => {
    if (timer) clearTimeout(timer);
    stop();
  };
}
