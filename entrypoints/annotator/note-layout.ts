/**
 * Where a presentation note's mention sits in the article, read from the page: the block (paragraph, list
 * item, quote) that holds it, that block's text around it (is the person quoted?), and the lines a note must
 * leave readable — the mention's lines with one line either side, and its whole sentence where there is room
 * (placement.ts, placeNote). Coordinates are the layout viewport's, as getBoundingClientRect gives them.
 */
import { sentences } from '@/engine/sentences';
import type { NoteLayout } from './placement';

/** The nearest ancestor laid out as a block: the mention's column. */
export function blockOf(range: Range): Element | null {
  for (let el = range.startContainer.parentElement; el; el = el.parentElement) {
    if (el === document.body || el === document.documentElement) return el;
    const display = getComputedStyle(el).display;
    if (!display.startsWith('inline') && display !== 'contents') return el;
  }
  return null;
}

/** The block's text, and where the mention is in it (Range.toString counts text as textContent does). */
export function textAround(range: Range): { block: Element; text: string; start: number; end: number } | null {
  const block = blockOf(range);
  if (!block || !block.contains(range.startContainer)) return null;
  const before = document.createRange();
  before.setStart(block, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  return { block, text: block.textContent ?? '', start, end: start + range.toString().length };
}

/** The DOM position of a character offset into an element's text. */
function pointAt(root: Element, offset: number): { node: Text; offset: number } | null {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (offset <= seen + n.data.length) return { node: n, offset: offset - seen };
    seen += n.data.length;
  }
  return null;
}

const lines = (range: Range) => [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);

/** The block's line height in px ("normal" is about 1.2 times the font size). */
function lineHeight(block: Element): number {
  const style = getComputedStyle(block);
  return parseFloat(style.lineHeight) || 1.2 * parseFloat(style.fontSize) || 20;
}

/** What a note beside this mention must leave readable; null when the mention is not laid out. */
export function noteLayout(range: Range): NoteLayout | null {
  const own = lines(range);
  const around = textAround(range);
  if (!own.length || !around) return null;
  const { block } = around;
  const lh = lineHeight(block);
  const mid = (r: DOMRect) => r.top + r.height / 2;
  // A line box is a line height tall around the middle of its text: the mention's, and one line either side.
  const tight = { top: Math.min(...own.map(mid)) - 1.5 * lh, bottom: Math.max(...own.map(mid)) + 1.5 * lh };
  const band = { ...tight };
  const sentence = sentences(around.text).find(([s, e]) => s <= around.start && around.end <= e);
  const from = sentence && pointAt(block, sentence[0]);
  const to = sentence && pointAt(block, sentence[1]);
  if (from && to) {
    const r = document.createRange();
    r.setStart(from.node, from.offset);
    r.setEnd(to.node, to.offset);
    for (const line of lines(r)) {
      band.top = Math.min(band.top, mid(line) - lh / 2);
      band.bottom = Math.max(band.bottom, mid(line) + lh / 2);
    }
  }
  const box = block.getBoundingClientRect();
  return { column: { left: box.left, right: box.right }, band, tight };
}
