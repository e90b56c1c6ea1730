import { NEWS_MATCHES } from '@/utils/news-sites';
import { startAnnotator } from './annotator';

export default defineContentScript({
  matches: NEWS_MATCHES,
  runAt: 'document_idle',
  // Card styles are inlined into the card's shadow root (card-host.tsx): nothing is fetched, nothing
  // touches the page, and it works the same when the toolbar button injects the script anywhere.
  cssInjectionMode: 'manual',
  main(ctx) {
    // The toolbar button can inject this script into a page where it already runs: keep one annotator.
    const marker = '__medicaidDataContext';
    const scope = globalThis as Record<string, unknown>;
    if (scope[marker]) return;
    scope[marker] = true;
    return startAnnotator(ctx);
  },
});
