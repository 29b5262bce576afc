import { type CommittedWrite, onCommittedWrite } from '../store/write-feed';
import { ask } from './client';

/**
 * Tells the background about every write this page commits (lib/store/write-feed.ts announces them), so open
 * badges, row markers, compose checks and the toolbar reminder are worked out again. Called once by each
 * extension page's entry point; a write path never calls anything itself. The message also wakes a sleeping
 * service worker, which a BroadcastChannel message would not. Writes in a burst (entries deleted one by one)
 * are told once, `quietMs` after the last.
 */
export function forwardStoreWrites(
  send: () => Promise<unknown> = () => ask({ type: 'store-changed' }),
  quietMs = 50,
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const stop = onCommittedWrite((_write: CommittedWrite) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      // Best effort: the write is done, and badges look again on their next lookup anyway.
      void send().catch(() => undefined);
    }, quietMs);
  });
  return () => {
    if (timer) clearTimeout(timer);
    stop();
  };
}
