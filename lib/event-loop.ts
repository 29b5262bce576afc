/**
 * Lets the page handle input and paint between two slices of a long job (an import, a bulk check, a restore).
 * The browser's scheduler.yield() where there is one (Chromium); else a message, not setTimeout(0): nested timers
 * are clamped to 4 ms, which a million-row check paid hundreds of times over.
 */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
