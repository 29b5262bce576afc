/**
 * Lets the page handle input and paint between two slices of a long job (an import, a bulk check, a restore).
 * A message, not setTimeout(0): nested timers are clamped to 4 ms, which a million-row check paid hundreds of
 * times over.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
