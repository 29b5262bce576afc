import { scanPage } from '@/lib/content/scan';
import { findEmailsOnPage } from '@/lib/extract/emails';
import { ask } from '@/lib/messaging/client';

// Not in the manifest: injected once by the popup's "Scan this page" (activeTab + scripting), or registered
// for the sites the user granted in the options page.
export default defineContentScript({
  registration: 'runtime',
  noScriptStartedPostMessage: true,
  async main() {
    const state = globalThis as { heedMarkers?: HTMLElement[] };
    state.heedMarkers = await scanPage(
      document,
      { find: (doc) => findEmailsOnPage(doc, 200), lookup: (emails) => ask({ type: 'lookup-emails', emails }) },
      state.heedMarkers,
    );
  },
});
