/**
 * The annotator — read → engine → anchor → highlights, then cards on the reader's first use — as a script
 * the gate (entrypoints/gate) imports on a page that might be coverage. It runs in the gate's isolated world
 * and hands over its class through a global of that world, which the page cannot see.
 */
import { ANNOTATOR, type AnnotatorApi } from '../gate/load-annotator';
import { Annotator } from './annotator';

export default defineUnlistedScript({
  // No global variable for the IIFE's return value.
  globalName: false,
  main() {
    const api: AnnotatorApi = { Annotator };
    (globalThis as unknown as Record<symbol, AnnotatorApi>)[ANNOTATOR] = api;
  },
});
