/**
 * anchor: turn text offsets back into DOM Ranges over the page's own text nodes. The page is never
 * modified; a Range is only a pointer, which is what the CSS Custom Highlight API paints.
 */
import { firstNotBefore } from './collections';
import { dataOffset, type PageTextIndex } from './page-text';

/** Index of the node containing offset `pos` (the last node starting at or before it). */
const nodeAt = (index: PageTextIndex, pos: number) => Math.max(0, firstNotBefore(index.starts.length, (i) => index.starts[i] <= pos) - 1);

export interface TextPosition {
  node: Text;
  offset: number;
}

/** Where a [start, end) span of the page text lies in the DOM; null if the nodes are gone. */
export function locate(index: PageTextIndex, start: number, end: number): { start: TextPosition; end: TextPosition } | null {
  if (!index.nodes.length || end <= start) return null;
  const a = nodeAt(index, start);
  const b = nodeAt(index, end - 1);
  const startNode = index.nodes[a];
  const endNode = index.nodes[b];
  const startOffset = dataOffset(index, a, start - index.starts[a]);
  const endOffset = dataOffset(index, b, end - index.starts[b]);
  if (startOffset > startNode.data.length || endOffset > endNode.data.length) return null;
  return { start: { node: startNode, offset: startOffset }, end: { node: endNode, offset: endOffset } };
}

export function toRange(doc: Document, index: PageTextIndex, start: number, end: number): Range | null {
  const loc = locate(index, start, end);
  if (!loc || !loc.start.node.isConnected || !loc.end.node.isConnected) return null;
  const range = doc.createRange();
  range.setStart(loc.start.node, loc.start.offset);
  range.setEnd(loc.end.node, loc.end.offset);
  return range;
}

export interface Anchor {
  range: Range;
  /** Every text node the mention touches (a name split across <a> and <b> touches several). */
  nodes: Text[];
}

export function anchorMention(doc: Document, index: PageTextIndex, start: number, end: number): Anchor | null {
  const range = toRange(doc, index, start, end);
  if (!range) return null;
  const first = nodeAt(index, start);
  const last = nodeAt(index, end - 1);
  return { range, nodes: index.nodes.slice(first, last + 1) };
}
