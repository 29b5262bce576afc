/**
 * Stands in for WXT's `ContentScriptContext` in every content script (wxt.config.ts aliases
 * `wxt/utils/content-script-context` here), because WXT's own talks to the page:
 * - at start it dispatches a CustomEvent on `document` named `<extension id>:<entrypoint>:wxt:content-script-started`,
 *   which tells the page Heed is installed;
 * - it listens for that event on `document` and shuts the script down when one arrives, and the page can dispatch
 *   it too (the name holds nothing secret), switching Heed off while the toolbar still shows the last verdict;
 * - `addEventListener(window, 'wxt:locationchange')` makes it dispatch a location event on `window` on every
 *   in-app navigation.
 *
 * This one dispatches nothing and listens to nothing on the page. A newer copy of the same script (the extension
 * was reloaded into a tab that still runs the old one) stops the old one through the content-script world's own
 * global object, which page scripts cannot reach; a script whose extension is gone stops itself.
 */

import { browser } from 'wxt/browser';

type Stoppable = { stop(): void };
const REGISTRY = '__heedContentScripts';

function registry(): Map<string, Stoppable> {
  const g = globalThis as { [REGISTRY]?: Map<string, Stoppable> };
  g[REGISTRY] ??= new Map();
  return g[REGISTRY];
}

// Only what Heed's scripts call: WXT's block(), notifyInvalidated(), requestIdleCallback(), setInterval() and
// requestAnimationFrame() are left out, since every content script carries this class whole and the LinkedIn
// script is at its size budget.
export class ContentScriptContext {
  private readonly controller = new AbortController();

  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {
    const scripts = registry();
    scripts.get(contentScriptName)?.stop();
    scripts.set(contentScriptName, { stop: () => this.abort('a newer copy of this script started') });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get isInvalid(): boolean {
    // The extension was reloaded, updated or removed: this copy can no longer reach it.
    if (browser.runtime?.id == null) this.abort('the extension is gone');
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  abort(reason?: unknown): void {
    if (!this.signal.aborted) this.controller.abort(reason);
  }

  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  /** Runs `handler` after `timeout` unless the script has stopped by then. */
  setTimeout(handler: () => void, timeout?: number): number {
    // The abort listener goes once the timer has fired: a page that keeps a script busy for hours would otherwise
    // collect one per call.
    const off = this.onInvalidated(() => clearTimeout(id));
    const id = setTimeout(() => {
      off();
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    return id;
  }

  /** Like `target.addEventListener`, removed when the script stops. WXT's `wxt:` pseudo-events are refused. */
  addEventListener(
    target: EventTarget,
    type: string,
    handler: EventListenerOrEventListenerObject,
    options?: AddEventListenerOptions,
  ): void {
    if (type.startsWith('wxt:')) throw new Error(`${type}: WXT page events are not used`);
    target.addEventListener(type, handler, { ...options, signal: this.signal });
  }
}
