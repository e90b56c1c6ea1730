/**
 * Everything the annotator attaches to the page (listeners, timers, observers) goes through one Lifetime,
 * so that destroy() takes all of it away at once — when the reader's extension is updated or removed, or a
 * newer instance takes over.
 */
export class Lifetime {
  private readonly controller = new AbortController();
  private readonly cleanups: (() => void)[] = [];

  get ended(): boolean {
    return this.controller.signal.aborted;
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  on<K extends keyof WindowEventMap>(target: Window, type: K, handler: (e: WindowEventMap[K]) => void, options?: AddEventListenerOptions): void;
  on<K extends keyof DocumentEventMap>(target: Document, type: K, handler: (e: DocumentEventMap[K]) => void, options?: AddEventListenerOptions): void;
  on(target: EventTarget, type: string, handler: (e: Event) => void, options?: AddEventListenerOptions): void;
  on(target: EventTarget, type: string, handler: (e: Event) => void, options: AddEventListenerOptions = {}): void {
    if (this.ended) return;
    target.addEventListener(type, handler, { ...options, signal: this.controller.signal });
  }

  /** Run `fn` once the lifetime ends (or now, if it already has). */
  onEnd(fn: () => void): void {
    if (this.ended) fn();
    else this.cleanups.push(fn);
  }

  timeout(fn: () => void, ms: number): () => void {
    const id = setTimeout(() => this.ended || fn(), ms);
    const cancel = () => clearTimeout(id);
    this.onEnd(cancel);
    return cancel;
  }

  end(): void {
    if (this.ended) return;
    this.controller.abort();
    for (const fn of this.cleanups.splice(0)) {
      try {
        fn();
      } catch {
        // Teardown must reach every cleanup.
      }
    }
  }
}

/** Is this script's extension still there? After an update or removal, old instances lose their runtime. */
export function extensionAlive(): boolean {
  try {
    return typeof browser !== 'undefined' && browser.runtime?.id !== undefined;
  } catch {
    return false;
  }
}
