import { startAnnotating } from '@/lib/content/start-annotate';
import { extractLinkedInPage } from '@/lib/extract';
import type { LINKEDIN_PAGES } from '@/lib/vocab';

// LinkedIn profiles and Sales Navigator leads: a script of its own, so it carries only LinkedIn's extractor. The
// pattern is lib/vocab's, written out (checked by its type) because a constant costs bytes this script has not got.
export default defineContentScript({
  matches: ['https://www.linkedin.com/*' satisfies typeof LINKEDIN_PAGES],
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main: (ctx) => startAnnotating(ctx, extractLinkedInPage),
});
