import { scanPage } from '@/lib/content/scan';
import { findEmailsOnPage } from '@/lib/extract/emails';
import { loadPageStrings } from '@/lib/i18n/page';
import { ask } from '@/lib/messaging/client';
import { phonesOnPage } from '@/lib/mydata/exposure';

// Not in the manifest: injected once by the popup's "Scan this page" (activeTab + scripting), or registered
// for the sites the user granted in the options page. Its result (counts, and the user's own identifiers) goes
// back to the popup through executeScript.
export default defineContentScript({
  registration: 'runtime',
  noScriptStartedPostMessage: true,
  async main() {
    const state = globalThis as { heedMarkers?: HTMLElement[] };
    // Side-panel-only mode (or a background that cannot say): mark nothing, and hand what was found to the
    // background, which looks it up for the side panel. Markers from before the mode changed go.
    const { sidePanelOnly } = await ask({ type: 'content-mode' }).catch(() => ({ sidePanelOnly: true }));
    if (sidePanelOnly) {
      for (const m of state.heedMarkers ?? []) m.remove();
      state.heedMarkers = [];
      return {
        found: {
          emails: findEmailsOnPage(document, 200).map((f) => f.email),
          phones: phonesOnPage(document)
            .slice(0, 200)
            .map((p) => p.phone),
        },
      };
    }
    await loadPageStrings(ask); // the markers' words, in the settings' language
    const { markers, summary } = await scanPage(
      document,
      {
        findEmails: (doc) => findEmailsOnPage(doc, 200),
        findPhones: (doc) => phonesOnPage(doc),
        ask: (emails, phones) => ask({ type: 'scan-page', emails, phones }),
      },
      state.heedMarkers,
    );
    state.heedMarkers = markers;
    return summary;
  },
});
