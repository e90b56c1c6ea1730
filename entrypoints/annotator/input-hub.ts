/**
 * The reader's input, heard before the page's own listeners. A page can swallow any event it hears first
 * (`addEventListener('click', e => e.stopImmediatePropagation(), true)` on window silences every later
 * listener), so the gate, which the browser runs at document_start before any of the page's scripts, installs
 * one capture listener on window per event type here, and the annotator, the card and presentation mode
 * subscribe to the hub instead of to the page. Listeners on window in the capture phase run first of all
 * (window is the first stop of every event's path), in the order they were added: ours were added first.
 *
 * Input to the extension's own UI (the card's host element) is the reader's business alone: the hub stops it
 * at window, so the page neither sees it (no log of what the reader opens, copies or clicks) nor can cancel
 * it. Clicks are then relayed inside the card's closed shadow root (see CardHost), where the page's listeners
 * cannot be. The same goes for the popover events of the host: the page cannot cancel the card's opening
 * (`beforetoggle`) or react to it (`toggle`).
 *
 * On a page the extension was injected into later (the toolbar button), the page's earlier listeners come
 * first; keyboard stepping there may be blocked, and the popup and side panel still reach every annotation.
 */

export const INPUT_HUB = Symbol.for('medicaid-data-context:input');

/** Types the page must not be able to swallow before us, or see when they concern the card. */
const TYPES = [
  'pointermove', 'pointerdown', 'pointerup', 'pointerover', 'pointerout', 'pointerenter', 'pointerleave', 'pointercancel',
  'mousemove', 'mousedown', 'mouseup', 'mouseover', 'mouseout', 'mouseenter', 'mouseleave',
  'click', 'auxclick', 'dblclick', 'contextmenu', 'wheel', 'touchstart', 'touchmove', 'touchend',
  'keydown', 'keyup', 'keypress', 'focusin', 'focusout', 'focus', 'blur',
  'copy', 'cut', 'paste', 'selectstart', 'dragstart', 'beforetoggle', 'toggle',
] as const;
export type HubType = (typeof TYPES)[number];

/** Types whose listeners may call preventDefault (a taken chord, a link held back); the rest are passive. */
const ACTIVE = new Set<string>(['click', 'keydown', 'keyup', 'contextmenu']);

type Handler = (e: Event) => void;

export interface OwnElement {
  /** The element: events whose target it is (as seen from window) stop there. */
  element: Element;
  /** Deliver a click inside the element's own tree, where the page cannot see or stop it. */
  relay(e: MouseEvent): void;
}

export class InputHub {
  private readonly handlers = new Map<string, Handler[]>();
  private readonly own = new Map<Element, OwnElement>();
  private readonly controller = new AbortController();
  /** Events a handler took (take()): the rest of the extension does not get them either. */
  private readonly taken = new WeakSet<Event>();

  constructor(target: Window = window) {
    for (const type of TYPES)
      target.addEventListener(type, (e) => this.dispatch(e), { capture: true, passive: !ACTIVE.has(type), signal: this.controller.signal });
  }

  /** Hear `type` first; returns the function that stops listening. */
  on<K extends HubType>(type: K, handler: (e: K extends keyof WindowEventMap ? WindowEventMap[K] : Event) => void): () => void {
    const list = this.handlers.get(type) ?? [];
    const h = handler as Handler;
    list.push(h);
    this.handlers.set(type, list);
    return () => {
      const now = this.handlers.get(type);
      if (now) this.handlers.set(type, now.filter((x) => x !== h));
    };
  }

  /** Take an event (a chord, Esc): the page never sees it, nor does the rest of the extension. */
  take(e: Event): void {
    e.preventDefault();
    e.stopImmediatePropagation();
    this.taken.add(e);
  }

  /** Take the input to an element of the extension's own UI; returns the function that gives it back. */
  claim(own: OwnElement): () => void {
    this.own.set(own.element, own);
    return () => {
      if (this.own.get(own.element) === own) this.own.delete(own.element);
    };
  }

  /** Is this target (as seen from window) one of the extension's own elements? */
  isOwn(target: EventTarget | null): boolean {
    return target !== null && this.own.has(target as Element);
  }

  destroy(): void {
    this.controller.abort();
    this.handlers.clear();
    this.own.clear();
  }

  private dispatch(e: Event): void {
    const list = this.handlers.get(e.type);
    if (list) {
      // A copy: a handler may subscribe or unsubscribe while the event is being handled.
      for (const h of [...list]) {
        try {
          h(e);
        } catch (error) {
          console.debug('[Medicaid Data Context] input handler failed:', error);
        }
        if (this.taken.has(e)) break;
      }
    }
    const own = this.own.get(e.target as Element);
    if (!own) return;
    // The card's input stops here: the page's listeners never run for it. Only events the reader made (or
    // the browser made for the card itself) reach inside; anything a page script dispatches at the host is dropped.
    e.stopImmediatePropagation();
    if (e.type === 'click' && e.isTrusted) own.relay(e as MouseEvent);
  }
}

/** The hub of this frame's isolated world (the gate installs it; a later instance reuses it). */
export function inputHub(): InputHub {
  const scope = globalThis as unknown as Record<symbol, InputHub | undefined>;
  return (scope[INPUT_HUB] ??= new InputHub());
}
