/**
 * Hover and tap on underlined text. Highlights are not elements and get no events, so we hit-test: the
 * caret position under the pointer gives a text node and offset, which the annotator maps to a mention.
 * Only the reader's own input counts: events a page script dispatches (isTrusted false) are ignored.
 *
 * A tap is recognised from the touch's own pointer events (down and up close together, not cancelled by a
 * scroll), not from the click a browser makes of it afterwards: a page that handles taps itself cancels its
 * touchend and dispatches a click of its own (the FastClick pattern), which is untrusted, so the click never
 * comes. A finger is also wider than a word on a page shown zoomed out (a page without a mobile layout, at
 * 40 %): a tap within TOUCH_SLOP_PX (on the screen) of an underline is a tap on it.
 */
import type { InputHub } from './input-hub';
import type { Lifetime } from './lifetime';

export type Via = 'hover' | 'tap' | 'keyboard';

export interface PointerHandlers {
  /** Key of the annotation (a mention or a claim) under (x, y), or '' for none; within `slop` CSS px, for a finger. */
  targetAt(x: number, y: number, slop?: number): string;
  isOverCard(target: EventTarget | null): boolean;
  /** Key of the annotation whose card is open, or ''. */
  current(): string;
  openVia(): Via | null;
  open(key: string, via: 'hover' | 'tap', point: { x: number; y: number }, link?: HTMLAnchorElement): void;
  close(): void;
  /** The mouse rests on a mention (not a link: links have their own cursor) / left it. */
  resting(key: string): void;
  left(): void;
}

/** Time on a mention before it shows its pointer cursor: a pointer sweeping across text changes nothing. */
const REST_MS = 120;

/** Hover intent: a pointer passing over a word should not pop a card. */
const OPEN_DELAY_MS = 220;
/** Grace period to move from the mention into the card (or back). */
const CLOSE_DELAY_MS = 400;
/** A touch lifted this soon, and this close (screen px) to where it went down, is a tap. */
const TAP_MS = 800;
const TAP_MOVE_PX = 12;
/** How far from an underline (screen px) a finger's tap still counts as on it. */
export const TOUCH_SLOP_PX = 12;
/** The click a browser makes of a tap comes this soon after it. */
const CLICK_AFTER_TAP_MS = 1000;

/** Screen px → CSS px at the visual viewport's zoom (a page without a mobile layout is shown at ~0.4). */
const cssPx = (screenPx: number) => screenPx / (window.visualViewport?.scale || 1);

export function caretAt(x: number, y: number): { node: Text; offset: number } | null {
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

export function installPointer(life: Lifetime, hub: InputHub, h: PointerHandlers): void {
  let frame = 0;
  let cancelOpen: (() => void) | undefined;
  let cancelClose: (() => void) | undefined;
  let pending = '';
  let resting = '';
  let cancelRest: (() => void) | undefined;
  let last: PointerEvent | null = null;
  let lastPointerType = 'mouse';
  /** The mention a touch opened with its link held back: a second tap on it follows the link. */
  let heldLink = '';
  /** The finger down, while it may still be a tap. */
  let touch: { id: number; x: number; y: number; at: number } | null = null;
  /** A tap this adapter has acted on: the click the browser makes of it (if it does) is the same tap. */
  let tapped: { key: string; at: number; link: boolean } | null = null;

  const stopClosing = () => {
    cancelClose?.();
    cancelClose = undefined;
  };

  const evaluate = () => {
    frame = 0;
    const e = last;
    if (!e) return;
    if (h.isOverCard(e.target)) {
      stopClosing();
      return;
    }
    const i = h.targetAt(e.clientX, e.clientY);
    if (i !== resting) {
      cancelRest?.();
      if (resting) h.left();
      resting = '';
      const linked = (e.target as Element | null)?.closest?.('a[href]');
      if (i && !linked) cancelRest = life.timeout(() => ((resting = i), h.resting(i)), REST_MS);
    }
    if (i) {
      stopClosing();
      if (i === h.current() || i === pending) return;
      cancelOpen?.();
      pending = i;
      const point = { x: e.clientX, y: e.clientY };
      cancelOpen = life.timeout(() => {
        pending = '';
        h.open(i, 'hover', point);
      }, OPEN_DELAY_MS);
      return;
    }
    cancelOpen?.();
    pending = '';
    if (h.current() && h.openVia() === 'hover' && !cancelClose) {
      cancelClose = life.timeout(() => {
        cancelClose = undefined;
        if (h.openVia() === 'hover') h.close();
      }, CLOSE_DELAY_MS);
    }
  };

  // Heard through the hub, before the page's own listeners (which may stop these events): input-hub.ts.
  life.onEnd(
    hub.on('pointermove', (e) => {
      if (!e.isTrusted || (e.pointerType !== 'mouse' && e.pointerType !== 'pen')) return;
      last = e;
      if (!frame) frame = requestAnimationFrame(evaluate);
    }),
  );
  life.onEnd(
    hub.on('pointerdown', (e) => {
      if (!e.isTrusted) return;
      lastPointerType = e.pointerType || 'mouse';
      touch = e.pointerType === 'touch' && e.isPrimary ? { id: e.pointerId, x: e.clientX, y: e.clientY, at: e.timeStamp } : null;
    }),
  );
  life.onEnd(hub.on('pointercancel', () => (touch = null)));

  /**
   * A tap: open the card of what is under the finger when it lifts. A linked mention opens its card and holds
   * its link back the first time; the second tap on it is left to the page (the link).
   */
  life.onEnd(
    hub.on('pointerup', (e) => {
      const down = touch;
      touch = null;
      if (!down || !e.isTrusted || e.pointerType !== 'touch' || e.pointerId !== down.id) return;
      const moved = Math.hypot(e.clientX - down.x, e.clientY - down.y);
      if (e.timeStamp - down.at > TAP_MS || moved > cssPx(TAP_MOVE_PX) || h.isOverCard(e.target)) return;
      const i = h.targetAt(e.clientX, e.clientY, cssPx(TOUCH_SLOP_PX));
      if (!i) return; // nothing here: the click (if any) closes an open card
      const link = (e.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
      if (link && heldLink === i && h.current() === i) return; // the second tap: the link's
      cancelOpen?.();
      tapped = { key: i, at: performance.now(), link: !!link };
      if (link) heldLink = i;
      h.open(i, 'tap', { x: e.clientX, y: e.clientY }, link ?? undefined);
    }),
  );

  // Tap or click: open the card. A link stays a link for the mouse (hover shows its card); on a touch screen,
  // where there is no hover, the first tap on a linked mention opens its card, which offers the link.
  life.onEnd(
    hub.on('click', (e) => {
      if (!e.isTrusted || h.isOverCard(e.target)) return;
      const link = (e.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
      // The click a browser makes of a tap already acted on: hold the link back, and nothing more.
      const tap = tapped;
      tapped = null;
      if (tap && performance.now() - tap.at < CLICK_AFTER_TAP_MS && lastPointerType === 'touch') {
        if (tap.link && link) e.preventDefault();
        return;
      }
      const i = h.targetAt(e.clientX, e.clientY, lastPointerType === 'touch' ? cssPx(TOUCH_SLOP_PX) : 0);
      const point = { x: e.clientX, y: e.clientY };
      if (!i) {
        heldLink = '';
        if (h.current() && h.openVia() !== 'keyboard') h.close();
        return;
      }
      if (link) {
        if (lastPointerType !== 'touch' || (heldLink === i && h.current() === i)) {
          heldLink = '';
          return;
        }
        e.preventDefault();
        heldLink = i;
        cancelOpen?.();
        h.open(i, 'tap', point, link);
        return;
      }
      cancelOpen?.();
      h.open(i, 'tap', point);
    }),
  );
}
