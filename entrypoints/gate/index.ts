/**
 * The script that runs in news pages (registered in the manifest for the curated news sites at document_idle,
 * after entrypoints/input at document_start; injected by the toolbar button elsewhere): the gate. Most pages a reader opens never mention Medicaid, and for them this is
 * all that runs: their text read once, natively, two regular expressions, and a watch for an article that
 * arrives later (single-page apps, infinite scroll). A page that might be coverage, or a message from the
 * extension's own pages (popup, side panel), loads the annotator (entrypoints/annotator), which the browser
 * parses off the page's main thread.
 *
 * An unlisted script rather than WXT's content-script entrypoint: WXT's content script context announces
 * itself to the page with window.postMessage and stops when the page replays that message, so any page could
 * switch the extension off. Here a stale instance is found through a global of the extension's own isolated
 * world, which the page cannot see or forge.
 */
import { gateDocument, type GateVerdict } from '@/engine/gate';
import { parseContentRequest } from '@/utils/messages';
import { readPageSettings, type PageSettings } from '@/utils/page-settings';
import type { Annotator } from '../annotator/annotator';
import { inputHub } from '../annotator/input-hub';
import { isOwnElement } from '../annotator/own-ui';
import { extensionAlive, Lifetime } from '../annotator/lifetime';
import { watchPage } from '../annotator/watcher';
import { loadAnnotator } from './load-annotator';

/** The live instance in this frame, kept in the isolated world's global scope (invisible to the page). */
const INSTANCE = Symbol.for('medicaid-data-context');
/**
 * Set in the same isolated world by the toolbar button's "Annotate this page" just before it injects this
 * script (entrypoints/popup/active-tab.ts): the reader asked for this page.
 */
const ASKED = Symbol.for('medicaid-data-context:asked');

/**
 * Whether this page may be read: always, unless the reader chose "only when I click" — then only a page the
 * reader asked for, or a site they asked to be always annotated.
 */
function mayRead(settings: PageSettings): boolean {
  if (settings.reach !== 'click') return true;
  if ((globalThis as unknown as Record<symbol, unknown>)[ASKED] === true) return true;
  return settings.alwaysSites.includes(location.hostname);
}

interface Instance {
  destroy(): void;
}

class Gate implements Instance {
  private readonly life = new Lifetime();
  /** The watch for the page becoming coverage: ends when the annotator takes over (it watches the page itself). */
  private readonly watching = new Lifetime();
  private annotator: Promise<Annotator | null> | null = null;

  constructor(private readonly onDestroyed: () => void) {}

  start(): void {
    // Answered through sendResponse (and `true`: the answer comes later), which Chrome and Firefox both honour
    // without webextension-polyfill (see wxt.config.ts). A page not yet annotated is annotated first: the
    // popup and the side panel ask about the page as it is.
    const onMessage = (raw: unknown, _sender: unknown, sendResponse: (answer: unknown) => void) => {
      if (!parseContentRequest(raw)) return undefined;
      this.annotate()
        .then((annotator) => annotator?.answer(raw))
        .then(sendResponse, () => sendResponse(undefined));
      return true as const;
    };
    browser.runtime.onMessage.addListener(onMessage);
    this.life.onEnd(() => browser.runtime.onMessage.removeListener(onMessage));
    this.life.onEnd(() => this.watching.end());
    const verdict = gateDocument(document);
    if (verdict !== 'no') {
      void this.annotate(verdict);
      return;
    }
    // Only a leftover card host of an earlier instance is the extension's own here: this one has none yet.
    watchPage(this.watching, isOwnElement, () => {
      if (!extensionAlive()) this.destroy();
      else {
        const later = gateDocument(document);
        if (later !== 'no') void this.annotate(later);
      }
    });
  }

  /**
   * Load the annotator and start it, once; null if it cannot load or may not read this page (the page is left as
   * it is). The reader's settings come first: they say whether the page may be read (mayRead). `gated`: what
   * the gate found, when it was the gate's check that asked (the annotator's first pass need not check again).
   */
  private annotate(gated?: Exclude<GateVerdict, 'no'>): Promise<Annotator | null> {
    if (this.annotator) return this.annotator;
    const settings = readPageSettings();
    this.annotator = settings.then((s) => (mayRead(s) ? loadAnnotator() : null)).then(
      (api) => {
        if (this.life.ended) return null;
        this.watching.end();
        // "Only when I click" and this page was not asked for: nothing more is read and nothing is sent (the gate's
        // own check stayed in the page); the popup offers "Annotate this page".
        if (!api) return null;
        const annotator = new api.Annotator(() => this.destroy());
        this.life.onEnd(() => annotator.destroy());
        void annotator.start(settings, gated);
        return annotator;
      },
      (e) => {
        console.debug('[Medicaid Data Context] the annotator did not load:', e);
        this.annotator = null;
        return null;
      },
    );
    return this.annotator;
  }

  destroy(): void {
    if (this.life.ended) return;
    this.life.end();
    this.onDestroyed();
  }
}

export default defineUnlistedScript({
  // No global variable for the IIFE's return value.
  globalName: false,
  main() {
    // The input hub is normally there already (entrypoints/input, at document_start); injected by the toolbar
    // button, the gate installs it itself, after the page's own listeners.
    inputHub();
    const scope = globalThis as unknown as Record<symbol, Instance | undefined>;
    // Injected again (the toolbar button) or after the extension was updated: the newest instance takes over.
    scope[INSTANCE]?.destroy();
    const gate = new Gate(() => {
      if (scope[INSTANCE] === gate) scope[INSTANCE] = undefined;
    });
    scope[INSTANCE] = gate;
    gate.start();
  },
});
