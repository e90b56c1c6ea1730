/**
 * Where the card goes: beside the mention it explains, never over it, inside what the reader can see.
 * Pure geometry (unit-tested): below the mention if the card fits there, else above, else to its right or
 * left; narrower beside it, or wider below or above it, rather than scrolling inside, if that lets it fit
 * whole; a mention that wraps across lines anchors to the line under the pointer. Coordinates are CSS pixels
 * of the layout viewport (what getBoundingClientRect returns); `view` is the visual viewport in the same
 * coordinates (pinch zoom and on-screen keyboards shrink it).
 */
import type { Box } from '@/utils/messages';

export interface View {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Placed {
  left: number;
  top: number;
  /** Set when the card must be shorter than it wants to be to fit beside the mention. */
  maxHeight?: number;
  /** Set when the card goes beside the mention narrower than it wants to be, so that it fits there whole. */
  width?: number;
  side: 'below' | 'above' | 'right' | 'left';
}

/** A card beside its mention may be made this narrow (its text reflows, taller) rather than scroll inside. */
export const MIN_SIDE_WIDTH = 340;
/** A card above or below its mention may be made this wide (its text reflows into fewer lines) rather than scroll inside. */
export const MAX_WIDE_WIDTH = 720;

/** How tall the card is at a given width (its text reflows): the card host measures it. */
export type HeightAt = (width: number) => number;

/** Space between the mention and the card, and between the card and the edge of the view. */
export const GAP = 8;
export const MARGIN = 8;

const right = (b: Box) => b.left + b.width;
const bottom = (b: Box) => b.top + b.height;

/** The line of a (possibly wrapped) mention that the pointer is on; the first line otherwise. */
export function lineAt(rects: Box[], point?: { x: number; y: number }): Box {
  if (point) {
    const hit = rects.find((r) => point.y >= r.top && point.y <= bottom(r) && point.x >= r.left - 2 && point.x <= right(r) + 2);
    if (hit) return hit;
    const sameRow = rects.find((r) => point.y >= r.top && point.y <= bottom(r));
    if (sameRow) return sameRow;
  }
  return rects[0];
}

/** The smallest box holding every line of the mention. */
function union(rects: Box[]): Box {
  const left = Math.min(...rects.map((r) => r.left));
  const top = Math.min(...rects.map((r) => r.top));
  return { left, top, width: Math.max(...rects.map(right)) - left, height: Math.max(...rects.map(bottom)) - top };
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, Math.max(lo, hi)));

/**
 * `heightAt`: when given, a card that fits neither below, above nor beside the mention at its own width may go
 * beside it narrower (down to MIN_SIDE_WIDTH), or below or above it wider (up to MAX_WIDE_WIDTH), if it then fits
 * there whole, before it is shortened to scroll.
 */
export function placeCard(mention: Box[], card: { width: number; height: number }, view: View, point?: { x: number; y: number }, heightAt?: HeightAt): Placed {
  const line = lineAt(mention, point);
  const all = union(mention);
  const viewRight = view.left + view.width;
  const viewBottom = view.top + view.height;
  // Horizontally, start at the line's left edge, kept inside the view.
  const left = clamp(line.left, view.left + MARGIN, viewRight - MARGIN - card.width);

  const spaceBelow = viewBottom - MARGIN - (bottom(all) + GAP);
  const spaceAbove = all.top - GAP - (view.top + MARGIN);
  if (card.height <= spaceBelow) return { left, top: bottom(all) + GAP, side: 'below' };
  if (card.height <= spaceAbove) return { left, top: all.top - GAP - card.height, side: 'above' };

  // Neither fits whole: beside the mention, if there is room for the card's width.
  const spaceRight = viewRight - MARGIN - (right(all) + GAP);
  const spaceLeft = all.left - GAP - (view.left + MARGIN);
  const height = Math.min(card.height, view.height - 2 * MARGIN);
  const top = clamp(line.top + line.height / 2 - height / 2, view.top + MARGIN, viewBottom - MARGIN - height);
  if (card.width <= spaceRight) return { left: right(all) + GAP, top, side: 'right', maxHeight: height < card.height ? height : undefined };
  if (card.width <= spaceLeft) return { left: all.left - GAP - card.width, top, side: 'left', maxHeight: height < card.height ? height : undefined };

  // Narrower beside it, on the roomier side, if the card then fits whole (its text reflows into more lines).
  const room = Math.max(spaceRight, spaceLeft);
  if (heightAt && room >= MIN_SIDE_WIDTH) {
    const width = Math.floor(room);
    const tall = heightAt(width);
    if (tall <= view.height - 2 * MARGIN) {
      const at = clamp(line.top + line.height / 2 - tall / 2, view.top + MARGIN, viewBottom - MARGIN - tall);
      return spaceRight >= spaceLeft
        ? { left: right(all) + GAP, top: at, side: 'right', width }
        : { left: all.left - GAP - width, top: at, side: 'left', width };
    }
  }

  // Wider below or above it (a centred column leaves no room beside it, but the window is wide).
  if (heightAt) {
    const widest = Math.floor(Math.min(MAX_WIDE_WIDTH, view.width - 2 * MARGIN));
    for (const width of [Math.round((card.width + widest) / 2), widest]) {
      if (width <= card.width) continue;
      const tall = heightAt(width);
      const at = clamp(line.left, view.left + MARGIN, viewRight - MARGIN - width);
      if (tall <= spaceBelow) return { left: at, top: bottom(all) + GAP, side: 'below', width };
      if (tall <= spaceAbove) return { left: at, top: all.top - GAP - tall, side: 'above', width };
    }
  }

  // Nothing fits whole: the larger of the spaces above and below, the card made shorter to fit there.
  if (spaceBelow >= spaceAbove) return { left, top: bottom(all) + GAP, side: 'below', maxHeight: Math.max(0, spaceBelow) };
  const h = Math.max(0, spaceAbove);
  return { left, top: all.top - GAP - h, side: 'above', maxHeight: h };
}

export const intersects = (a: Box, b: Box) => a.left < right(b) && b.left < right(a) && a.top < bottom(b) && b.top < bottom(a);

/**
 * On a phone the card is a sheet across the bottom of what the reader sees, or across the top when the
 * mention is down there, so it never covers the tapped words. Too tall for either: shortened to fit.
 */
export function placeSheet(mention: Box[], height: number, view: View): Placed {
  const all = union(mention);
  const viewBottom = view.top + view.height;
  const left = view.left + MARGIN;
  const spaceBelow = viewBottom - MARGIN - (bottom(all) + GAP);
  const spaceAbove = all.top - GAP - (view.top + MARGIN);
  if (height <= spaceBelow) return { left, top: viewBottom - MARGIN - height, side: 'below' };
  if (height <= spaceAbove) return { left, top: view.top + MARGIN, side: 'above' };
  if (spaceBelow >= spaceAbove) return { left, top: bottom(all) + GAP, side: 'below', maxHeight: Math.max(0, spaceBelow) };
  return { left, top: view.top + MARGIN, side: 'above', maxHeight: Math.max(0, spaceAbove) };
}

// ——— presentation mode ———

/** What a presentation note must leave readable, in the same coordinates as the view. */
export interface NoteLayout {
  /** The text column the mention is in: its block's left and right edges. */
  column: { left: number; right: number };
  /** What should stay readable: the mention's sentence, and a line either side of the mention. */
  band: { top: number; bottom: number };
  /** What must stay readable: the mention's lines and one line either side. */
  tight: { top: number; bottom: number };
}

/** Narrower than this beside the column, a note in projector type is a few words a line: it goes across instead. */
export const NOTE_BESIDE_MIN = 460;
/** The note's width beside the column, and across the screen (about 60 characters a line at 28 px). */
export const NOTE_WIDTH_BESIDE = 640;
export const NOTE_WIDTH_ACROSS = 960;

/** The widest space beside a column, inside the view. */
export function besideRoom(column: NoteLayout['column'], view: View): number {
  return Math.max(view.left + view.width - MARGIN - (column.right + GAP), column.left - GAP - (view.left + MARGIN));
}

/**
 * Where a presentation note goes: beside the mention's column where there is room, vertically centred on the
 * mention and as tall as the screen allows; otherwise across the screen, against its bottom or top edge, in the
 * part the sentence is not in — below or above the sentence, else below or above the mention's lines and one
 * line either side, else the larger of those two spaces, the note shortened to fit (it scrolls). Never over
 * the band it must leave.
 * `measure(width)` gives the note's natural height at a width.
 */
export function placeNote(layout: NoteLayout, measure: (width: number) => number, view: View): Placed & { width: number } {
  const { column, band, tight } = layout;
  const viewRight = view.left + view.width;
  const viewBottom = view.top + view.height;
  const spaceRight = viewRight - MARGIN - (column.right + GAP);
  const spaceLeft = column.left - GAP - (view.left + MARGIN);
  if (besideRoom(column, view) >= NOTE_BESIDE_MIN) {
    const onRight = spaceRight >= spaceLeft;
    const width = Math.min(NOTE_WIDTH_BESIDE, onRight ? spaceRight : spaceLeft);
    const natural = measure(width);
    const height = Math.min(natural, view.height - 2 * MARGIN);
    const top = clamp((tight.top + tight.bottom) / 2 - height / 2, view.top + MARGIN, viewBottom - MARGIN - height);
    return {
      left: onRight ? column.right + GAP : column.left - GAP - width,
      top,
      width,
      side: onRight ? 'right' : 'left',
      maxHeight: height < natural ? height : undefined,
    };
  }
  const width = Math.min(NOTE_WIDTH_ACROSS, view.width - 2 * MARGIN);
  const height = measure(width);
  const left = clamp(column.left, view.left + MARGIN, viewRight - MARGIN - width);
  const below = (b: { bottom: number }) => viewBottom - MARGIN - (b.bottom + GAP);
  const above = (b: { top: number }) => b.top - GAP - (view.top + MARGIN);
  // Against the screen's bottom (or top) edge: every line between the note and the mention stays readable too.
  for (const b of [band, tight]) {
    if (height <= below(b)) return { left, top: viewBottom - MARGIN - height, width, side: 'below' };
    if (height <= above(b)) return { left, top: view.top + MARGIN, width, side: 'above' };
  }
  if (below(tight) >= above(tight)) return { left, top: tight.bottom + GAP, width, side: 'below', maxHeight: Math.max(0, below(tight)) };
  return { left, top: view.top + MARGIN, width, side: 'above', maxHeight: Math.max(0, above(tight)) };
}
