/**
 * Hover and tap on underlined text. Highlights are not elements and get no events, so we hit-test:
 * the caret position under the pointer gives a text node and offset, which the annotator maps to a mention.
 */
import type { ContentScriptContext } from '#imports';

export interface PointerHandlers {
  /** Index of the mention at (node, offset) whose box contains (x, y), or -1. */
  hit(node: Text, offset: number, x: number, y: number): number;
  isOverCard(target: EventTarget | null): boolean;
  current(): number;
  openVia(): 'hover' | 'tap' | 'keyboard' | null;
  open(i: number, via: 'hover' | 'tap'): void;
  close(): void;
}

/** Hover intent: a pointer passing over a word should not pop a card. */
const OPEN_DELAY_MS = 220;
const CLOSE_DELAY_MS = 300;

function caretAt(x: number, y: number): { node: Text; offset: number } | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  let node: Node | undefined;
  let offset = 0;
  if (doc.caretPositionFromPoint) {
    const p = doc.caretPositionFromPoint(x, y);
    node = p?.offsetNode;
    offset = p?.offset ?? 0;
  } else if (doc.caretRangeFromPoint) {
    const r = doc.caretRangeFromPoint(x, y);
    node = r?.startContainer;
    offset = r?.startOffset ?? 0;
  }
  return node && node.nodeType === 3 ? { node: node as Text, offset } : null;
}

export function installPointer(ctx: ContentScriptContext, h: PointerHandlers): void {
  let frame = 0;
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let pending = -1;
  let last: PointerEvent | null = null;

  const mentionAt = (x: number, y: number) => {
    const caret = caretAt(x, y);
    return caret ? h.hit(caret.node, caret.offset, x, y) : -1;
  };

  const evaluate = () => {
    frame = 0;
    const e = last;
    if (!e) return;
    if (h.isOverCard(e.target)) {
      clearTimeout(closeTimer);
      return;
    }
    const i = mentionAt(e.clientX, e.clientY);
    if (i !== -1) {
      clearTimeout(closeTimer);
      if (i === h.current() || i === pending) return;
      clearTimeout(openTimer);
      pending = i;
      openTimer = setTimeout(() => {
        pending = -1;
        h.open(i, 'hover');
      }, OPEN_DELAY_MS);
      return;
    }
    clearTimeout(openTimer);
    pending = -1;
    if (h.current() !== -1 && h.openVia() === 'hover') {
      clearTimeout(closeTimer);
      closeTimer = setTimeout(() => h.close(), CLOSE_DELAY_MS);
    }
  };

  ctx.addEventListener(
    document,
    'pointermove',
    (e) => {
      if (e.pointerType !== 'mouse' && e.pointerType !== 'pen') return;
      last = e;
      if (!frame) frame = requestAnimationFrame(evaluate);
    },
    { passive: true },
  );

  // Tap or click: open the card, unless the word is a link (the reader meant to follow it).
  ctx.addEventListener(document, 'click', (e) => {
    if (h.isOverCard(e.target)) return;
    const target = e.target as Element | null;
    const i = target?.closest?.('a[href]') ? -1 : mentionAt(e.clientX, e.clientY);
    if (i !== -1) {
      clearTimeout(openTimer);
      h.open(i, 'tap');
    } else if (h.current() !== -1) h.close();
  });
}
