/**
 * Where an engine-text span lies in the page's DOM text (`root.textContent`), with the words around it: the
 * positions W3C Web Annotation selectors use, so Hypothesis and other annotators can re-anchor an export.
 * The engine's text skips scripts, hidden and editable content and adds block separators, so its offsets are
 * not DOM offsets; the text nodes the engine read are the bridge. Works on any DOM (a browser page, linkedom
 * in the CLI): it walks child lists and uses no globals.
 */
import { locate } from '../anchor';
import type { PageTextIndex } from '../page-text';
import type { SnapshotSpan } from '../types';
import { codePointOffsets } from './text';

/** Characters of context kept on each side of a span (TextQuoteSelector prefix and suffix). */
export const DOM_CONTEXT = 32;

const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** A context cut may halve an emoji: drop the lone surrogate at either end. */
const whole = (s: string) => s.replace(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/g, '');

/** Maps [start, end) spans of `index.text` to offsets in `root.textContent`; null where the nodes are gone. */
export function domSpanLocator(root: Node, index: PageTextIndex, context = DOM_CONTEXT): (start: number, end: number) => SnapshotSpan['dom'] {
  const offsets = new Map<Node, number>();
  const parts: string[] = [];
  let at = 0;
  // textContent is the concatenation of every Text and CDATA descendant in tree order; an explicit stack
  // instead of recursion, because real pages nest deeper than some engines' call stacks like.
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      const data = (node as CharacterData).data;
      offsets.set(node, at);
      parts.push(data);
      at += data.length;
      continue;
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  const text = parts.join('');
  const points = codePointOffsets(text);
  return (start, end) => {
    const loc = locate(index, start, end);
    if (!loc) return null;
    const a = offsets.get(loc.start.node);
    const b = offsets.get(loc.end.node);
    if (a === undefined || b === undefined) return null;
    const s = a + loc.start.offset;
    const e = b + loc.end.offset;
    const exact = text.slice(s, e);
    return {
      start: s,
      end: e,
      ...(exact !== index.text.slice(start, end) ? { exact } : {}),
      prefix: whole(text.slice(Math.max(0, s - context), s)),
      suffix: whole(text.slice(e, e + context)),
      codePoints: { start: points(s), end: points(e) },
    };
  };
}
