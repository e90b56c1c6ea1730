/**
 * Read a page's text the way a reader sees it, in one walk over the DOM, without touching it.
 *
 * Why not a TreeWalker over text nodes: we also need element boundaries (a block ends a paragraph; a nav
 * or footer is peripheral; a script or form field is never read) and a manual walk gives enter and leave
 * events for free. Reading node data never forces layout (innerText would).
 */
import { BLOCK_SEPARATOR, type PageText } from './types';

/** Subtrees whose text is not prose a reader is reading. */
const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON', 'IFRAME',
  'CANVAS', 'VIDEO', 'AUDIO', 'OBJECT', 'EMBED', 'SVG', 'svg', 'MATH', 'math', 'HEAD', 'TITLE', 'DIALOG',
]);

/** Elements that end a line of reading: matches never run across them. */
const BLOCK = new Set([
  'P', 'DIV', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TD', 'TH', 'TR', 'TABLE',
  'BR', 'HR', 'BLOCKQUOTE', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'NAV', 'ASIDE', 'MAIN', 'FIGURE',
  'FIGCAPTION', 'ADDRESS', 'FORM', 'FIELDSET', 'DETAILS', 'SUMMARY', 'PRE', 'CAPTION', 'BODY', 'LABEL',
]);

/** Landmarks that are not the story: their text is read (and may be annotated) but not scored. */
const PERIPHERAL_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER']);
const PERIPHERAL_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner', 'search']);
/** Class or id words that mark comment threads and story rails on real news sites. */
const PERIPHERAL_NAMES = /(^|[\s_-])(comments?|related|recommend(ed|ations)?|most-?(read|popular)|trending|newsletter|sidebar|outbrain|taboola)($|[\s_-])/i;

export interface ReadOptions {
  /** The extension's own UI host: never read, never annotated. */
  isOwnUi?: (el: Element) => boolean;
}

/** A PageText that also knows which DOM text node each stretch of text came from. */
export interface PageTextIndex extends PageText {
  nodes: Text[];
  /** Offset in `text` where each node's data starts. */
  starts: number[];
}

function isSkipped(el: Element, opts: ReadOptions): boolean {
  if (SKIP.has(el.nodeName)) return true;
  if (el.hasAttribute('hidden')) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  if (el.getAttribute('role') === 'textbox') return true;
  return opts.isOwnUi?.(el) ?? false;
}

function isPeripheral(el: Element): boolean {
  if (PERIPHERAL_TAGS.has(el.nodeName)) return true;
  const role = el.getAttribute('role');
  if (role && PERIPHERAL_ROLES.has(role)) return true;
  // A page-level <header> is the masthead; an article's own <header> holds its headline.
  if (el.nodeName === 'HEADER' && !el.closest('article, main, [role="main"]')) return true;
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return names.length > 1 && PERIPHERAL_NAMES.test(names);
}

export function readPageText(root: Element, opts: ReadOptions = {}): PageTextIndex {
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  const peripheral: number[] = [];
  let length = 0;
  let peripheralDepth = 0;
  let peripheralStart = 0;
  /** Elements whose leave event must close a block or a peripheral span. */
  const closers: { el: Node; block: boolean; peripheral: boolean }[] = [];

  const separate = () => {
    if (length > 0 && parts[parts.length - 1] !== BLOCK_SEPARATOR) {
      parts.push(BLOCK_SEPARATOR);
      length += 1;
    }
  };
  const enter = (el: Element): boolean => {
    if (isSkipped(el, opts)) return false;
    const block = BLOCK.has(el.nodeName);
    const periph = isPeripheral(el);
    if (block) separate();
    if (periph && peripheralDepth++ === 0) peripheralStart = length;
    if (block || periph) closers.push({ el, block, peripheral: periph });
    return true;
  };
  const leave = (el: Node) => {
    const top = closers[closers.length - 1];
    if (!top || top.el !== el) return;
    closers.pop();
    if (top.block) separate();
    if (top.peripheral && --peripheralDepth === 0) peripheral.push(peripheralStart, length);
  };

  if (!enter(root)) return { text: '', peripheral, nodes, starts };
  let node: Node | null = root.firstChild;
  while (node) {
    let descend = false;
    if (node.nodeType === 3) {
      let data = (node as Text).data;
      if (data.length) {
        // Indentation between elements reads as one space. Offsets inside such a node never matter (no
        // name starts or ends in whitespace), and runs of spaces would send the matcher down its slow path.
        if (data.length > 1 && data.charCodeAt(0) <= 32 && !/\S/.test(data)) data = ' ';
        nodes.push(node as Text);
        starts.push(length);
        parts.push(data);
        length += data.length;
      }
    } else if (node.nodeType === 1) {
      descend = enter(node as Element);
    }
    if (descend && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    if (descend) leave(node);
    // Climb until a sibling exists, leaving each element on the way up.
    while (node !== root && !node.nextSibling) {
      node = node.parentNode!;
      if (node !== root) leave(node);
    }
    node = node === root ? null : node.nextSibling;
  }
  leave(root);
  if (peripheralDepth > 0) peripheral.push(peripheralStart, length);
  return { text: parts.join(''), peripheral, nodes, starts };
}
