/**
 * The script that runs in news pages (registered in the manifest for the curated news sites, injected by the
 * toolbar button elsewhere). An unlisted script rather than WXT's content-script entrypoint: WXT's content
 * script context announces itself to the page with window.postMessage and stops when the page replays that
 * message, so any page could switch the extension off. Here a stale instance is found through a global of
 * the extension's own isolated world, which the page cannot see or forge.
 */
import { Annotator } from './annotator';

/** The live instance in this frame, kept in the isolated world's global scope (invisible to the page). */
const INSTANCE = Symbol.for('medicaid-data-context');

export default defineUnlistedScript({
  // No global variable for the IIFE's return value.
  globalName: false,
  main() {
    const scope = globalThis as unknown as Record<symbol, Annotator | undefined>;
    // Injected again (the toolbar button) or after the extension was updated: the newest instance takes over.
    scope[INSTANCE]?.destroy();
    const annotator = new Annotator(() => {
      if (scope[INSTANCE] === annotator) scope[INSTANCE] = undefined;
    });
    scope[INSTANCE] = annotator;
    void annotator.start();
  },
});
