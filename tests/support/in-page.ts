/**
 * Functions that run inside the page under test (passed to the driver's `run` / `onNewDocument`): what a
 * page script can see, and what a hostile or clumsy page can do. Each is self-contained (it is serialised
 * into the page), and runs in the page's own world, never in the extension's.
 */

interface Bookkeeping {
  /** Elements the page made (its markup, and what the tests made it do): anything else is the extension's. */
  own: WeakSet<Node>;
  mark(): void;
  mutations: { type: string; target: string; ownTarget: boolean; added: string[]; removed: string[]; attr: string | null }[];
  /** Every window message the page received. */
  messages: unknown[];
  /** Key events the page's document-level listeners saw. */
  keys: { type: string; code: string; alt: boolean; shift: boolean; phase: string; prevented: boolean; trusted: boolean }[];
  /** The page's own history of clicks it saw land (default not prevented), and navigations it attempted. */
  clicks: string[];
}

/**
 * Install before any page script (init script): bookkeeping of the page's own elements, every DOM
 * mutation, every window message, and the key events the page's listeners see.
 */
export const pageSetup = () => {
  const w = window as unknown as { __mdc: Bookkeeping };
  const own = new WeakSet<Node>();
  const describe = (n: Node) => (n.nodeType === 1 ? (n as Element).tagName : `#${n.nodeName}`);
  const mark = () => {
    own.add(document);
    own.add(document.documentElement);
    for (const el of document.querySelectorAll('*')) own.add(el);
    const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_COMMENT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) own.add(n);
  };
  const book: Bookkeeping = { own, mark, mutations: [], messages: [], keys: [], clicks: [] };
  w.__mdc = book;
  window.addEventListener('message', (e) => book.messages.push(e.data));
  for (const type of ['keydown', 'keyup'] as const) {
    for (const capture of [true, false]) {
      document.addEventListener(
        type,
        (e) => {
          if (!e.altKey || !e.shiftKey || (e.code !== 'KeyN' && e.code !== 'KeyP' && e.code !== 'KeyU')) return;
          book.keys.push({
            type,
            code: e.code,
            alt: e.altKey,
            shift: e.shiftKey,
            phase: capture ? 'capture' : 'bubble',
            prevented: e.defaultPrevented,
            trusted: e.isTrusted,
          });
        },
        { capture },
      );
    }
  }
  const start = () => {
    mark();
    new MutationObserver((records) => {
      for (const r of records) {
        book.mutations.push({
          type: r.type,
          target: describe(r.target),
          ownTarget: own.has(r.target),
          added: [...r.addedNodes].map((n) => (own.has(n) ? describe(n) : `extension:${describe(n)}`)),
          removed: [...r.removedNodes].map((n) => (own.has(n) ? describe(n) : `extension:${describe(n)}`)),
          attr: r.attributeName,
        });
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  };
  // Firefox can run this after a small page has parsed (WebDriver BiDi preload scripts).
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
};

/** Mutations the extension made to the page's own nodes: anything but adding/removing its own elements. */
export const foreignMutations = () => {
  const book = (window as unknown as { __mdc: Bookkeeping }).__mdc;
  return book.mutations
    .filter((m) => m.ownTarget && (m.type !== 'childList' || [...m.added, ...m.removed].some((n) => !n.startsWith('extension:'))))
    .map((m) => `${m.type} on ${m.target}${m.attr ? `[${m.attr}]` : ''} +${m.added.join(',')} -${m.removed.join(',')}`);
};

/** Mark everything now in the page as the page's own (after the test made the page change itself). */
export const markPageElements = () => (window as unknown as { __mdc: Bookkeeping }).__mdc.mark();

/** Elements in the document that the page did not make (the extension's host), as tag names. */
export const extensionElements = () => {
  const own = (window as unknown as { __mdc: Bookkeeping }).__mdc.own;
  return [...document.querySelectorAll('*')].filter((el) => !own.has(el) && (!el.parentElement || own.has(el.parentElement))).map((el) => el.localName);
};

/** What the page sees of the extension's host: its open shadow root, if any (a closed one reads as null). */
export const extensionShadowRoots = () => {
  const own = (window as unknown as { __mdc: Bookkeeping }).__mdc.own;
  return [...document.querySelectorAll('*')].filter((el) => !own.has(el)).map((el) => el.shadowRoot !== null);
};

/** The element under a point is the extension's (the card is on top of everything the page has). */
export const extensionAt = ({ x, y }: { x: number; y: number }) => {
  const own = (window as unknown as { __mdc: Bookkeeping }).__mdc.own;
  const el = document.elementFromPoint(x, y);
  // A page's own element made after the bookkeeping last looked (a hostile page's cover) has an id of `page-…`.
  return { extension: !!el && !own.has(el) && !el.id.startsWith('page-'), tag: el?.localName ?? null };
};

export const windowMessages = () => (window as unknown as { __mdc: Bookkeeping }).__mdc.messages;
export const keysSeen = () => (window as unknown as { __mdc: Bookkeeping }).__mdc.keys;
export const clearKeysSeen = () => {
  (window as unknown as { __mdc: Bookkeeping }).__mdc.keys.length = 0;
};

// ——————————————————————————————— highlights as the page sees them ———————————————————————————————

export interface RangeInfo {
  names: string[];
  /**
   * Drawn for a claim, not a name's underline: its tint (below the underlines, at a negative priority) or the
   * marker on the words it compared (above them, at a positive one) — and nothing else over the same words:
   * underlines are at priority 0.
   */
  claim: boolean;
  text: string;
  /** Client rects of the range (layout viewport). */
  rects: { left: number; top: number; width: number; height: number }[];
  /** The range lies inside one of the given containers. */
  inMain: boolean;
  /** Closest element's description, for messages. */
  where: string;
}

/**
 * Every range of the extension's highlights (every name in the registry but a test page's own, `page-*`: the
 * extension's names are random per page), once each, in document
 * order. `main` lists selectors of the main content (article text and its headline); `exclude`, parts of
 * it that are not prose (photo credits).
 */
export const highlightRanges = ({ main = [], exclude = [] }: { main?: string[]; exclude?: string[] }) => {
  const byRange = new Map<string, { range: Range; names: string[]; claim: boolean }>();
  const nodeIds = new Map<Node, number>();
  const id = (n: Node) => {
    if (!nodeIds.has(n)) nodeIds.set(n, nodeIds.size);
    return nodeIds.get(n);
  };
  const registry = CSS.highlights as unknown as Map<string, Set<AbstractRange>>;
  for (const [name, highlight] of registry) {
    if (name.startsWith('page-')) continue; // a test page's own highlight
    // Firefox 140 can refuse a page script access to a highlight the extension is changing at that very moment
    // ("Permission denied to access property length"): read what can be read; the caller polls again.
    let ranges: AbstractRange[] = [];
    try {
      ranges = Array.from(highlight);
    } catch {
      continue;
    }
    for (const r of ranges) {
      if (!(r instanceof Range)) continue;
      const key = `${id(r.startContainer)}:${r.startOffset}-${id(r.endContainer)}:${r.endOffset}`;
      const entry = byRange.get(key) ?? { range: r, names: [], claim: true };
      entry.names.push(name);
      // An underline (priority 0) over the same words as a claim's marker is still an underline.
      if ((highlight as unknown as { priority: number }).priority === 0) entry.claim = false;
      byRange.set(key, entry);
    }
  }
  const mains = main.flatMap((s) => [...document.querySelectorAll(s)]);
  const excluded = exclude.flatMap((s) => [...document.querySelectorAll(s)]);
  const list = [...byRange.values()].filter((e) => e.range.startContainer.isConnected);
  list.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  return list.map(({ range, names, claim }): RangeInfo => {
    const node = range.commonAncestorContainer;
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    const within = (c: Element) => c.contains(node);
    return {
      names,
      claim,
      text: range.toString().replace(/\s+/g, ' ').trim(),
      rects: (() => {
        // Firefox 140 may refuse a page script the rect list of a range the extension made (see above).
        try {
          return Array.from(range.getClientRects(), (r) => ({ left: r.left, top: r.top, width: r.width, height: r.height }));
        } catch {
          const r = range.getBoundingClientRect();
          return [{ left: r.left, top: r.top, width: r.width, height: r.height }];
        }
      })(),
      inMain: mains.some(within) && !excluded.some(within),
      where: el ? `${el.localName}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(/\s+/).join('.')}` : ''}` : '?',
    };
  });
};

/** Names in the page's highlight registry. */
export const highlightNames = () => [...(CSS.highlights as unknown as Map<string, unknown>).keys()];

/** Scroll the window so that the `index`-th highlighted range's first line sits at `fraction` of the viewport height; return that line's box. */
export const placeRange = ({ index, fraction }: { index: number; fraction: number }) => {
  const nodeIds = new Map<Node, number>();
  const id = (n: Node) => {
    if (!nodeIds.has(n)) nodeIds.set(n, nodeIds.size);
    return nodeIds.get(n);
  };
  const seen = new Map<string, Range>();
  for (const [name, highlight] of CSS.highlights as unknown as Map<string, Set<AbstractRange>>) {
    if (name.startsWith('page-')) continue; // a test page's own highlight
    let ranges: AbstractRange[] = [];
    try {
      ranges = Array.from(highlight); // see highlightRanges: Firefox 140 may refuse a highlight being changed
    } catch {
      continue;
    }
    for (const r of ranges) if (r instanceof Range) seen.set(`${id(r.startContainer)}:${r.startOffset}-${id(r.endContainer)}:${r.endOffset}`, r);
  }
  const list = [...seen.values()].filter((r) => r.startContainer.isConnected).sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  const range = list[index];
  if (!range) throw new Error(`no highlighted range #${index} (of ${list.length})`);
  const first = range.getClientRects()[0];
  const view = window.visualViewport?.height ?? innerHeight;
  window.scrollTo({ top: scrollY + first.top - view * fraction, behavior: 'instant' as ScrollBehavior });
  const r = range.getClientRects()[0];
  return { left: r.left, top: r.top, width: r.width, height: r.height, scrollY, text: range.toString() };
};

/** Scroll the window to an absolute position, instantly. */
export const scrollWindowTo = (y: number) => {
  window.scrollTo({ top: y, behavior: 'instant' as ScrollBehavior });
  return scrollY;
};

/** What the page measures of its viewport (the visual viewport: what is on screen). */
export const viewportOf = () => ({
  width: window.visualViewport?.width ?? innerWidth,
  height: window.visualViewport?.height ?? innerHeight,
  scale: window.visualViewport?.scale ?? 1,
});

/** Every scrolled element's position (the window as "window"), to see what scrolled. */
export const scrollPositions = () => {
  const out: Record<string, [number, number]> = { window: [scrollX, scrollY] };
  let i = 0;
  for (const el of document.querySelectorAll('*')) {
    i++;
    if (el === document.scrollingElement) continue;
    if (el.scrollTop || el.scrollLeft) out[`${i}:${el.localName}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.split(/\s+/)[0]}` : ''}`] = [el.scrollLeft, el.scrollTop];
  }
  return out;
};

/** The centre of the first occurrence of `needle` inside `scope`, scrolled to `fraction` of the viewport height. */
export const placeText = ({ needle, scope = 'body', fraction = 0.5, occurrence = 0 }: { needle: string; scope?: string; fraction?: number; occurrence?: number }) => {
  const root = document.querySelector(scope) ?? document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const i = (n as Text).data.indexOf(needle);
    if (i === -1 || seen++ < occurrence) continue;
    const range = document.createRange();
    range.setStart(n, i);
    range.setEnd(n, i + needle.length);
    const view = window.visualViewport?.height ?? innerHeight;
    window.scrollTo({ top: scrollY + range.getClientRects()[0].top - view * fraction, behavior: 'instant' as ScrollBehavior });
    const rects = [...range.getClientRects()].map((r) => ({ left: r.left, top: r.top, width: r.width, height: r.height }));
    const r = rects[0];
    return { x: r.left + r.width / 2, y: r.top + r.height / 2, rects };
  }
  throw new Error(`"${needle}" is not in ${scope}`);
};

/**
 * Scroll a passage of the page (found whole in one text node under `scope`) to `fraction` of the window; return
 * where each of its words is (the centre of its first box), and the box of `part` inside it (its first line), if
 * given. What a reader points at, word by word.
 */
export const passageWords = ({ passage, part, scope = 'article', fraction = 0.4 }: { passage: string; part?: string; scope?: string; fraction?: number }) => {
  const root = document.querySelector(scope) ?? document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const at = n.data.indexOf(passage);
    if (at === -1) continue;
    const range = document.createRange();
    range.setStart(n, at);
    range.setEnd(n, at + passage.length);
    const view = window.visualViewport?.height ?? innerHeight;
    window.scrollTo({ top: scrollY + range.getClientRects()[0].top - view * fraction, behavior: 'instant' as ScrollBehavior });
    const boxOf = (start: number, end: number) => {
      const r = document.createRange();
      r.setStart(n, start);
      r.setEnd(n, end);
      const b = r.getClientRects()[0];
      return { left: b.left, top: b.top, width: b.width, height: b.height };
    };
    const words: { word: string; x: number; y: number }[] = [];
    for (const m of passage.matchAll(/\S+/g)) {
      const b = boxOf(at + m.index!, at + m.index! + m[0].length);
      words.push({ word: m[0], x: b.left + b.width / 2, y: b.top + b.height / 2 });
    }
    const p = part === undefined ? -1 : passage.indexOf(part);
    return { words, part: p === -1 ? null : boxOf(at + p, at + p + part!.length), scrollY };
  }
  throw new Error(`"${passage}" is not in one text node of ${scope}`);
};

// ———————————————————————————————————————— attacks ————————————————————————————————————————

/**
 * Replay WXT's "a newer copy of this content script started" signal: as the window message WXT posts and
 * as the document event WXT listens for (event name: `${runtime.id}:content:wxt:content-script-started`).
 * `names` are the event names to forge (the test knows the extension id; the page may have learnt it
 * from a message the extension posted).
 */
export const forgeScriptStarted = (names: string[]) => {
  for (const name of names) {
    // `${runtime.id}:${entrypoint}:wxt:content-script-started`: the entrypoint is the script's name.
    const parts = name.split(':');
    const detail = { contentScriptName: parts.length > 3 ? parts[1] : 'content', messageId: `forged-${Math.random().toString(36).slice(2)}` };
    document.dispatchEvent(new CustomEvent(name, { detail }));
    window.postMessage({ type: name, ...detail }, '*');
  }
  // Replay whatever the extension itself posted, too.
  for (const m of (window as unknown as { __mdc: Bookkeeping }).__mdc.messages) {
    const type = (m as { type?: unknown })?.type;
    if (typeof type === 'string' && type.includes('content-script-started')) {
      window.postMessage({ ...(m as object), messageId: 'replayed' }, '*');
      document.dispatchEvent(new CustomEvent(type, { detail: { ...(m as object), messageId: 'replayed' } }));
    }
  }
};

/** Untrusted input made by the page: the chord on the focused element and window, and a click at a point. */
export const syntheticInput = ({ x, y }: { x: number; y: number }) => {
  const chord = { key: 'N', code: 'KeyN', altKey: true, shiftKey: true, bubbles: true, cancelable: true, composed: true };
  for (const target of [document.activeElement ?? document.body, document, window] as EventTarget[]) {
    target.dispatchEvent(new KeyboardEvent('keydown', chord));
    target.dispatchEvent(new KeyboardEvent('keyup', chord));
  }
  const el = document.elementFromPoint(x, y) ?? document.body;
  const init = { clientX: x, clientY: y, bubbles: true, cancelable: true, composed: true, view: window };
  el.dispatchEvent(new PointerEvent('pointermove', { ...init, pointerType: 'mouse' }));
  el.dispatchEvent(new MouseEvent('mousemove', init));
  el.dispatchEvent(new PointerEvent('pointerdown', { ...init, pointerType: 'mouse' }));
  el.dispatchEvent(new MouseEvent('mousedown', init));
  el.dispatchEvent(new PointerEvent('pointerup', { ...init, pointerType: 'mouse' }));
  el.dispatchEvent(new MouseEvent('mouseup', init));
  el.dispatchEvent(new MouseEvent('click', init));
};

/** The page removes every element it did not make (the extension's host). Returns how many. */
export const removeExtensionElements = () => {
  const own = (window as unknown as { __mdc: Bookkeeping }).__mdc.own;
  const foreign = [...document.querySelectorAll('*')].filter((el) => !own.has(el) && (!el.parentElement || own.has(el.parentElement)));
  for (const el of foreign) el.remove();
  return foreign.length;
};

/** The page re-renders its body, as client-side apps do. */
export const rerenderBody = (how: 'innerHTML' | 'replaceWith') => {
  if (how === 'innerHTML') document.body.innerHTML = document.body.innerHTML;
  else {
    const body = document.createElement('body');
    body.innerHTML = document.body.innerHTML;
    document.body.replaceWith(body);
  }
  (window as unknown as { __mdc: Bookkeeping }).__mdc.mark();
};

/** A full-screen fixed overlay at the highest z-index a page can give, letting pointer events through. */
export const addTopOverlay = () => {
  const d = document.createElement('div');
  d.id = 'page-overlay';
  d.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,0.08);pointer-events:none';
  document.body.append(d);
  (window as unknown as { __mdc: Bookkeeping }).__mdc.mark();
};

/** A modal <dialog> in the top layer (showModal), small, in a corner. */
export const openModalDialog = () => {
  const d = document.createElement('dialog');
  d.id = 'page-dialog';
  d.textContent = 'Subscribe to our newsletter';
  d.style.cssText = 'margin:8px;inset:auto auto 0 0';
  document.body.append(d);
  (window as unknown as { __mdc: Bookkeeping }).__mdc.mark();
  d.showModal();
};
export const closeModalDialog = () => (document.getElementById('page-dialog') as HTMLDialogElement | null)?.close();

/** Change text in place (character data only, title included): every `from` becomes `to`. */
export const renameInPlace = ({ from, to }: { from: string; to: string }) => {
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
  let n = 0;
  for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
    if (t.data.includes(from)) {
      t.data = t.data.split(from).join(to);
      n++;
    }
  }
  return n;
};

/** Something on the page changes every 50 ms forever (a clock, a ticker, an ad rotator). */
export const startChurn = () => {
  const el = document.createElement('div');
  el.id = 'page-ticker';
  el.setAttribute('aria-hidden', 'true');
  el.style.cssText = 'position:fixed;bottom:0;right:0;font-size:10px;opacity:0.6';
  document.body.append(el);
  (window as unknown as { __mdc: Bookkeeping }).__mdc.mark();
  let i = 0;
  const w = window as unknown as { __churn?: number };
  w.__churn = window.setInterval(() => {
    el.textContent = `tick ${i++}`;
    el.dataset.tick = String(i);
  }, 50);
};
export const stopChurn = () => clearInterval((window as unknown as { __churn?: number }).__churn);

/** Count the extension's highlighted ranges still attached to the document. */
export const liveHighlightCount = () => {
  let n = 0;
  for (const [name, highlight] of CSS.highlights as unknown as Map<string, Set<AbstractRange>>) {
    if (name.startsWith('page-')) continue; // a test page's own highlight
    let ranges: AbstractRange[] = [];
    try {
      ranges = Array.from(highlight); // see highlightRanges: Firefox 140 may refuse a highlight being changed
    } catch {
      return -1; // unreadable this instant: the caller polls again
    }
    for (const r of ranges) if (r instanceof Range && r.startContainer.isConnected && !r.collapsed) n++;
  }
  return n;
};

/** Rewrite every text node of the document in place (character data only): the page becomes about something else. */
export const rewriteAllText = (text: string) => {
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
  let n = 0;
  for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
    const parent = t.parentElement?.localName;
    if (parent === 'script' || parent === 'style' || !t.data.trim()) continue;
    t.data = text;
    n++;
  }
  return n;
};

/**
 * How many underlines a reader sees at once: the window is scrolled half a screen at a time from the top of
 * the page to its end, and at each position the extension's underlined ranges (its highlights of priority 0;
 * claim tints sit below them, at -1, and the markers on the words a claim compared above, at 1) with a line box inside the window are counted. Returns the most at any
 * position, where that was, and what those underlines read. The window is put back where it was.
 */
export const underlinesPerScreen = () => {
  const ranges: Range[] = [];
  const seen = new Set<AbstractRange>();
  for (const [name, highlight] of CSS.highlights as unknown as Map<string, Highlight>) {
    if (name.startsWith('page-') || highlight.priority !== 0) continue;
    let list: AbstractRange[] = [];
    try {
      list = Array.from(highlight as unknown as Set<AbstractRange>); // see highlightRanges: Firefox 140
    } catch {
      continue;
    }
    for (const r of list) if (r instanceof Range && !seen.has(r) && r.startContainer.isConnected && !r.collapsed) (seen.add(r), ranges.push(r));
  }
  const start = scrollY;
  const view = { width: innerWidth, height: innerHeight };
  const end = Math.max(document.documentElement.scrollHeight, document.body?.scrollHeight ?? 0);
  let most = { count: 0, y: 0, texts: [] as string[] };
  let screens = 0;
  for (let y = 0; ; y += view.height / 2) {
    window.scrollTo({ top: y, behavior: 'instant' as ScrollBehavior });
    screens++;
    const on = ranges.filter((r) =>
      Array.from(r.getClientRects()).some((b) => b.width > 0 && b.bottom > 0 && b.top < view.height && b.right > 0 && b.left < view.width),
    );
    if (on.length > most.count) most = { count: on.length, y: scrollY, texts: on.map((r) => r.toString().replace(/\s+/g, ' ').trim()) };
    if (scrollY + view.height >= end - 1 || y > end) break;
  }
  window.scrollTo({ top: start, behavior: 'instant' as ScrollBehavior });
  return { most, screens, total: ranges.length, view };
};
