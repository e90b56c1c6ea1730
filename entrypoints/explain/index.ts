/**
 * The extension's in-page UI — the card host, the cards and presentation mode, with Preact — as a second
 * script the annotator imports only on a page it recognised (see entrypoints/annotator/ui.ts). Every other
 * page a reader opens pays for the annotator alone. It runs in the same isolated world as the annotator and
 * hands over its classes through a global of that world, which the page cannot see.
 */
import { CardHost } from '../annotator/card-host';
import { Presentation } from '../annotator/presentation';
import { EXPLAIN, type ExplainApi } from '../annotator/ui';

export default defineUnlistedScript({
  globalName: false,
  main() {
    const api: ExplainApi = { CardHost, Presentation };
    (globalThis as unknown as Record<symbol, ExplainApi>)[EXPLAIN] = api;
  },
});
