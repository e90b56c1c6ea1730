/**
 * Everything the annotator attaches to the page (listeners, timers, observers) goes through one Lifetime,
 * so that destroy() takes all of it away at once — when the reader's extension is updated or removed, or a
 * newer instance takes over.
 */
export class Lifetime {
  private readonly controller = new AbortController();
  private readonly cleanups: (() => void)[] = [];
  /** Timers not yet run or cancelled: a timer leaves once done, so a page that changes all day holds none. */
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

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

  /** Run `fn` after `ms` unless the lifetime ends first; returns a cancel function. */
  timeout(fn: () => void, ms: number): () => void {
    if (this.ended) return () => {};
    const id = setTimeout(() => {
      this.timers.delete(id);
      fn();
    }, ms);
    this.timers.add(id);
    return () => {
      if (this.timers.delete(id)) clearTimeout(id);
    };
  }

  /** Timers waiting to run. */
  get pendingTimers(): number {
    return this.timers.size;
  }

  end(): void {
    if (this.ended) return;
    this.controller.abort();
    for (const id of this.timers) clearTimeout(id);
    this.timers.clear();
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
