import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createBadge } from '../badge/badge';
import type { PagePerson } from '../extract/types';
import { loadPageStrings } from '../i18n/page';
import { ask } from '../messaging/client';
import type { ContentMode, ToContent } from '../messaging/types';
import { Annotator } from './annotator';
import { watchPage } from './watch';

/**
 * The on-page badge's content script, shared by the per-site entrypoints (each site's script carries only its own
 * extractor, so each stays within the content-script budget). `ctx` is lib/content/context.ts (wxt.config.ts swaps
 * it in for WXT's): it sends the page no event and cannot be switched off by one.
 */
export async function startAnnotating(
  ctx: ContentScriptContext,
  extract: (doc: Document, url: string) => PagePerson | null,
): Promise<void> {
  // Until the background says otherwise the page gets nothing: a rep in side-panel-only mode must never see a
  // badge flash in, and a background that cannot answer could not fill a badge either.
  const modeNow = (): Promise<ContentMode> =>
    ask({ type: 'content-mode' }).catch(() => ({ sidePanelOnly: true }));
  let session: { sidePanelOnly: boolean; annotator: Annotator; stop(): void } | null = null;
  const begin = (mode: ContentMode) => {
    session?.stop();
    const annotator = new Annotator({
      doc: document,
      url: () => location.href,
      extract,
      send: (person) => ask({ type: 'page-person', person }),
      ...(mode.sidePanelOnly
        ? {}
        : { createBadge, mark: (emails, phones) => ask({ type: 'scan-page', emails, phones }) }),
      openRecord: (action) => void ask({ type: 'open-record', action }).catch(() => undefined),
    });
    const unwatch = watchPage(ctx, () => annotator.sync(), { quiet: mode.sidePanelOnly });
    annotator.sync();
    session = {
      sidePanelOnly: mode.sidePanelOnly,
      annotator,
      stop() {
        unwatch();
        annotator.destroy();
      },
    };
  };
  // The badge's words, in the settings' language, before anything is shown (asked together with the mode).
  const [mode] = await Promise.all([modeNow(), loadPageStrings(ask)]);
  begin(mode);
  if (ctx.isInvalid) return;
  // The background sends `refresh` after any write, including a change of mode in the settings.
  const onMessage = (message: ToContent) => {
    if (message?.type !== 'refresh') return;
    void modeNow().then((mode) => {
      if (ctx.isInvalid) return;
      if (session && mode.sidePanelOnly === session.sidePanelOnly) session.annotator.refresh();
      else begin(mode);
    });
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    session?.stop();
  });
}
