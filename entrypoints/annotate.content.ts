import { startAnnotating } from '@/lib/content/start-annotate';
import { extractOtherPage } from '@/lib/extract';
import { GITHUB_PAGES } from '@/lib/vocab';

// GitHub here; the sites a user grants (lib/background/sites.ts) get this same script. LinkedIn has its own.
export default defineContentScript({
  matches: [GITHUB_PAGES],
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main: (ctx) => startAnnotating(ctx, extractOtherPage),
});
