import { startAnnotating } from '@/lib/content/start-annotate';
import { extractLinkedInPage } from '@/lib/extract';

// LinkedIn profiles and Sales Navigator leads: a script of its own, so it carries only LinkedIn's extractor.
export default defineContentScript({
  matches: ['https://www.linkedin.com/*'],
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main: (ctx) => startAnnotating(ctx, extractLinkedInPage),
});
