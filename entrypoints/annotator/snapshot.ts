/**
 * The annotated page as data, for the workbench's citations and exports: read and annotated afresh (so
 * offsets are consistent even after incremental updates), each span also located in the page's DOM text
 * (`document.body.textContent`) with a little context, as W3C Web Annotation selectors expect.
 */
import { locate, type PageTextIndex } from '@/engine';
import type { SnapshotSpan } from '@/utils/messages';

/** Characters of context kept on each side of a span (TextQuoteSelector prefix and suffix). */
const CONTEXT = 32;

/** Maps engine-text spans of `index` to offsets in `root.textContent`. */
export function domLocator(root: Element, index: PageTextIndex): (start: number, end: number) => SnapshotSpan['dom'] {
  const offsets = new Map<Text, number>();
  const parts: string[] = [];
  let at = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    offsets.set(n as Text, at);
    parts.push((n as Text).data);
    at += (n as Text).data.length;
  }
  const text = parts.join('');
  return (start, end) => {
    const loc = locate(index, start, end);
    if (!loc) return null;
    const a = offsets.get(loc.start.node);
    const b = offsets.get(loc.end.node);
    if (a === undefined || b === undefined) return null;
    const s = a + loc.start.offset;
    const e = b + loc.end.offset;
    return { start: s, end: e, prefix: text.slice(Math.max(0, s - CONTEXT), s), suffix: text.slice(e, e + CONTEXT) };
  };
}
