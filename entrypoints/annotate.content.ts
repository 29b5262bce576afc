import { startAnnotating } from '@/lib/content/start-annotate';
import { extractOtherPage } from '@/lib/extract';
import type { GITHUB_PAGES } from '@/lib/vocab';

// GitHub here; the sites a user grants (lib/background/sites.ts) get this same script. LinkedIn has its own.
export default defineContentScript({
  // lib/vocab's pattern, written out (checked by its type): a constant would cost bytes in the bundle.
  matches: ['https://github.com/*' satisfies typeof GITHUB_PAGES],
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main: (ctx) => startAnnotating(ctx, extractOtherPage),
});
