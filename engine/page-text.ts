/**
 * Read a page's text the way a reader sees it, in one walk over the DOM, without touching it.
 *
 * The walk needs element boundaries as well as text (a block ends a paragraph; a nav or footer is peripheral;
 * a script or form field is never read; an <article> may be the story), so it is a TreeWalker over elements
 * and text: the browser's own traversal, one call per node, several times cheaper than following sibling
 * and parent links from script. Reading node data never forces layout (innerText would).
 */
import { splitText } from './wire';
import { BLOCK_SEPARATOR, type PageText } from './types';

/** Subtrees whose text is not prose a reader is reading. */
const SKIP = [
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'button', 'iframe',
  'canvas', 'video', 'audio', 'object', 'embed', 'svg', 'math', 'head', 'title', 'dialog',
];

/** Elements that end a line of reading: matches never run across them. */
const BLOCK = [
  'p', 'div', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'tr', 'table',
  'br', 'hr', 'blockquote', 'section', 'article', 'header', 'footer', 'nav', 'aside', 'main', 'figure',
  'figcaption', 'address', 'form', 'fieldset', 'details', 'summary', 'pre', 'caption', 'body', 'label',
];

/**
 * Text that is not the story: read (the detector must know it is there) but neither scored nor annotated.
 * Landmarks, figures and their captions (photo credits name outlets: "The New York Times"), and the class
 * names real news sites give to comments, rails, streams and credits, and to print lines ("story-print-citation",
 * "edition-menu": what appeared in which print edition, the edition picker).
 */
const PERIPHERAL_TAGS = ['nav', 'aside', 'footer', 'figure', 'figcaption'];
const PERIPHERAL_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner', 'search']);
const PERIPHERAL_WORDS = [
  'comment', 'comments', 'related', 'recommend', 'recommended', 'recommendations', 'most-read', 'mostread', 'most-popular',
  'mostpopular', 'most-viewed', 'mostviewed', 'trending', 'newsletter', 'sidebar', 'outbrain', 'taboola', 'stream',
  'credit', 'credits', 'caption', 'captions', 'promo', 'teaser', 'print', 'edition',
];
/**
 * Class names say "rail" or "comments" of parts of a page, not of the page or the story itself (BBC's <body>
 * carries its ad slots' names, "bbccom_outbrain_ar_5").
 */
const NEVER_PERIPHERAL_BY_NAME = ['body', 'html', 'main', 'article'];

/** Containers that usually hold the story itself; the pass annotates the one that holds the story. */
const MAIN_TAGS = ['article', 'main'];
const MAIN_WORDS = ['article-body', 'articlebody', 'story-body', 'storybody', 'entry-content', 'post-content'];

/** What separates words in a class name or id: whitespace (as \s means it), "_" and "-". */
function isSeparator(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return code === 45 || code === 95;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/**
 * What the walk knows of an element, as bits. Tags are looked up by localName (lower case in every
 * namespace) in one table, so an element costs one lookup before any attribute is read.
 */
const SKIPPED_TAG = 1;
const BLOCK_TAG = 2;
const PERIPHERAL = 4;
const MAIN = 8;
const HEADLINE = 16;
/** A page-level <header> is the masthead; an article's own <header> holds its headline. */
const HEADER = 32;
const NAMES_IGNORED = 64;
/** Read from attributes: hidden, or the reader's to edit (contenteditable, role=textbox). */
const HIDDEN = 128;
const EDITABLE = 256;

const TAGS = new Map<string, number>();
const tag = (names: string[], bit: number) => names.forEach((n) => TAGS.set(n, (TAGS.get(n) ?? 0) | bit));
tag(SKIP, SKIPPED_TAG);
tag(BLOCK, BLOCK_TAG);
tag(PERIPHERAL_TAGS, PERIPHERAL);
tag(MAIN_TAGS, MAIN);
tag(['h1'], HEADLINE);
tag(['header'], HEADER);
tag(NEVER_PERIPHERAL_BY_NAME, NAMES_IGNORED);

/** The words above, and the bits they set: PERIPHERAL or MAIN. */
const WORDS = new Map<string, number>();
const HYPHENATED = new Set<string>();
/** Lengths of the shortest and longest part between separators: a longer or shorter part is no word. */
let shortest = Infinity;
let longest = 0;
for (const [words, bit] of [[PERIPHERAL_WORDS, PERIPHERAL], [MAIN_WORDS, MAIN]] as const)
  for (const word of words) {
    WORDS.set(word, bit);
    for (const part of word.split('-')) {
      shortest = Math.min(shortest, part.length);
      longest = Math.max(longest, part.length);
    }
    if (word.includes('-')) HYPHENATED.add(word.slice(0, word.indexOf('-')));
  }

/**
 * What a class string or id says of its element (any case), as PERIPHERAL and MAIN bits: one of the words
 * above standing alone, between separators or the ends (a hyphenated one as its two parts joined by one
 * "-"). One scan over the characters rather than a regular expression: a case-insensitive alternation
 * costs the first page a fresh script reads about a millisecond to compile, more than the rest of the
 * read of an article.
 */
function namesSay(names: string): number {
  const lower = names.toLowerCase();
  let says = 0;
  let start = 0;
  /** The part before this one, when one "-" joins them and it can begin a hyphenated word. */
  let joined = '';
  for (let i = 0; i <= lower.length; i++) {
    if (i < lower.length && !isSeparator(lower.charCodeAt(i))) continue;
    const length = i - start;
    if (length >= shortest && length <= longest) {
      const part = lower.slice(start, i);
      says |= (WORDS.get(part) ?? 0) | (joined ? (WORDS.get(`${joined}-${part}`) ?? 0) : 0);
      joined = lower.charCodeAt(i) === 45 && HYPHENATED.has(part) ? part : '';
    } else joined = '';
    start = i + 1;
  }
  return says;
}

/**
 * namesSay, memoised for class strings: a page repeats a few hundred of them over thousands of elements.
 * Ids are unique, so they are tested as they come.
 */
const classMemo = new Map<string, number>();
const MAX_CLASSES = 5000;
function classSays(cls: string): number {
  let says = classMemo.get(cls);
  if (says === undefined) {
    if (classMemo.size >= MAX_CLASSES) classMemo.clear();
    classMemo.set(cls, (says = namesSay(cls)));
  }
  return says;
}

/** Is this element (or the document) editable by the reader? Their draft is not the page's prose. */
const editableBy = (contenteditable: string | null, role: string | null) => (contenteditable !== null && contenteditable !== 'false') || role === 'textbox';
const isEditable = (el: Element) => editableBy(el.getAttribute('contenteditable'), el.getAttribute('role'));

/**
 * The bits above for one element. An element whose tag or editability skips it is not looked at further;
 * otherwise PERIPHERAL, MAIN (a container that may hold the story) and HEADLINE are worked out.
 */
function classify(el: Element): number {
  let bits = TAGS.get(el.localName) ?? 0;
  if (bits & SKIPPED_TAG) return bits;
  if (bits & HEADER && !el.closest('article, main, [role="main"]')) bits |= PERIPHERAL;
  if (!el.hasAttributes()) return bits;
  const role = el.getAttribute('role');
  if (editableBy(el.getAttribute('contenteditable'), role)) return bits | EDITABLE;
  if (el.hasAttribute('hidden')) bits |= HIDDEN;
  if (role && PERIPHERAL_ROLES.has(role)) bits |= PERIPHERAL;
  if (role === 'main' || el.getAttribute('itemprop') === 'articleBody') bits |= MAIN;
  if (bits & PERIPHERAL && bits & MAIN) return bits;
  const cls = el.getAttribute('class');
  const id = el.getAttribute('id');
  let says = (cls ? classSays(cls) : 0) | (id ? namesSay(id) : 0);
  if (bits & NAMES_IGNORED || role === 'main') says &= ~PERIPHERAL;
  return bits | says;
}

export interface ReadOptions {
  /** The extension's own UI host: never read, never annotated. */
  isOwnUi?: (el: Element) => boolean;
}

/** A PageText that also knows which DOM text node each stretch of text came from. */
export interface PageTextIndex extends PageText {
  nodes: Text[];
  /** Offset in `text` where each node's data starts. */
  starts: number[];
  /**
   * Soft hyphens (U+00AD) are left out of `text` (CMS-produced text carries them inside words, and a
   * regular expression that allows them everywhere is several times slower). For each node that had some,
   * their offsets in the node's own data, ascending, so anchors map back exactly.
   */
  removed: Map<number, number[]>;
  /** Spans (start, end pairs) of containers that may hold the story (<article>, <main>, role=main, …). */
  main: number[];
  /** The element of each `main` span, in the same order. */
  mainElements: Element[];
  /** Spans of top-level headings (<h1>): the headline is annotated with the story. */
  headlines: number[];
  /**
   * The text in the pieces it was read in, when there were several (a page of over a thousand nodes): `text`
   * joins them only when something asks for all of it. On a page of millions of characters that one join
   * (a fresh allocation of megabytes) is itself a long task, while the message to the background, the
   * mentions' own text and the gate need only pieces (see textParts, textOf, piecesMightBeCoverage).
   */
  pieces?: readonly string[];
}

/** Is the whole root editable (designMode, or an editable ancestor such as <html contenteditable>)? */
function rootIsEditable(root: Element): boolean {
  if (root.ownerDocument?.designMode === 'on') return true;
  for (let el: Element | null = root; el; el = el.parentElement) if (isEditable(el)) return true;
  return false;
}

const SOFT_HYPHEN = '\u00AD';

/** NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT (as numbers: the engine also runs where NodeFilter is not defined). */
const SHOW_ELEMENTS_AND_TEXT = 0x1 | 0x4;

/** The first element or text node after `node`'s subtree, within `root`: where a walk leaves that subtree. */
function nextAfter(node: Node, root: Node): Node | null {
  for (let n: Node | null = node; n && n !== root; n = n.parentNode)
    for (let s = n.nextSibling; s; s = s.nextSibling) if (s.nodeType === 1 || s.nodeType === 3) return s;
  return null;
}

/** The subset of a TreeWalker the read uses. */
interface Walker {
  currentNode: Node;
  nextNode(): Node | null;
}

/**
 * Elements and text under `root`, in document order: the document's own TreeWalker when it honours a moved
 * `currentNode` (how the read skips a subtree), else the same walk by sibling and parent links. linkedom's
 * walker (the CLI's DOM) lists its nodes up front and would walk into skipped subtrees.
 */
function walkerOver(root: Element): Walker {
  const doc = root.ownerDocument ?? document;
  const native = doc.createTreeWalker(root, SHOW_ELEMENTS_AND_TEXT);
  const first = native.nextNode();
  native.currentNode = root;
  if (first && native.nextNode() === first) {
    native.currentNode = root;
    return native;
  }
  let at: Node = root;
  return {
    get currentNode() {
      return at;
    },
    set currentNode(node: Node) {
      at = node;
    },
    nextNode() {
      for (let n: Node | null = at; n; ) {
        let next: Node | null = n.firstChild;
        for (let up: Node | null = n; !next && up && up !== root; up = up.parentNode) next = up.nextSibling;
        n = next;
        if (n && (n.nodeType === 1 || n.nodeType === 3)) return (at = n);
      }
      return null;
    },
  };
}

/** Read `root`'s text in one go (the CLI, tests, small fragments). */
export function readPageText(root: Element, opts: ReadOptions = {}): PageTextIndex {
  const run = readPageTextSteps(root, opts);
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
  }
}

/**
 * Nodes visited between two yields of readPageTextSteps: about a millisecond of walking on a slow machine
 * while the code is still cold (the first pass in a fresh page is).
 */
const NODES_PER_STEP = 1024;
/** Characters read between two yields, whatever the number of nodes (a page of few, very long paragraphs). */
const CHARS_PER_STEP = 256_000;

/**
 * The same walk, yielding every few thousand nodes so a page with megabytes of text is read in slices.
 * A caller that resumes after the page changed must check `root.isConnected`: the walk follows sibling
 * and parent links, and a change between slices is picked up by the caller's next pass anyway.
 */
export function* readPageTextSteps(root: Element, opts: ReadOptions = {}): Generator<void, PageTextIndex, unknown> {
  // The text so far: joined a step at a time (`chunks`), since joining a few million characters' worth of
  // small strings in one go at the end would be one long task of its own.
  const chunks: string[] = [];
  let parts: string[] = [];
  let lastPart = '';
  const nodes: Text[] = [];
  const starts: number[] = [];
  const peripheral: number[] = [];
  const main: number[] = [];
  const headlines: number[] = [];
  const removed = new Map<number, number[]>();
  let length = 0;
  let peripheralDepth = 0;
  let peripheralStart = 0;
  /** Elements whose leave event must close a block, a peripheral span or a region. */
  const closers: { el: Element; after: Node | null; block: boolean; peripheral: boolean; region?: number[]; start: number }[] = [];
  const mainFound: { start: number; end: number; el: Element }[] = [];
  const empty = (): PageTextIndex => ({ text: '', peripheral, nodes, starts, removed, main, mainElements: [], headlines });

  const separate = () => {
    if (length > 0 && lastPart !== BLOCK_SEPARATOR) {
      parts.push((lastPart = BLOCK_SEPARATOR));
      length += 1;
    }
  };
  const enter = (el: Element, top?: Element): boolean => {
    const bits = classify(el);
    if (bits & (SKIPPED_TAG | EDITABLE | HIDDEN) || opts.isOwnUi?.(el)) return false;
    const block = (bits & BLOCK_TAG) !== 0;
    const periph = (bits & PERIPHERAL) !== 0;
    const region = bits & HEADLINE ? headlines : bits & MAIN ? main : undefined;
    if (block) separate();
    if (periph && peripheralDepth++ === 0) peripheralStart = length;
    if (block || periph || region) closers.push({ el, after: top ? nextAfter(el, top) : null, block, peripheral: periph, region, start: length });
    return true;
  };
  const leave = () => {
    const top = closers.pop()!;
    if (top.block) separate();
    if (top.peripheral && --peripheralDepth === 0) peripheral.push(peripheralStart, length);
    if (top.region === headlines && length > top.start) headlines.push(top.start, length);
    if (top.region === main && length > top.start) mainFound.push({ start: top.start, end: length, el: top.el });
  };

  if (rootIsEditable(root)) return empty();
  if (!enter(root)) return empty();
  // The browser's own walker hands over elements and text in document order, one call per node; a subtree
  // is left when the walk reaches the first node after it (`nextAfter`), worked out once per element that
  // needs its end (blocks, peripheral parts, regions) or whose subtree is skipped.
  const walker = walkerOver(root);
  let node: Node | null = walker.nextNode();
  let visited = 0;
  let stepStart = 0;
  while (node) {
    while (closers.length && closers[closers.length - 1].after === node) leave();
    if (++visited % NODES_PER_STEP === 0 || length - stepStart > CHARS_PER_STEP) {
      visited = 0;
      stepStart = length;
      chunks.push(parts.join(''));
      parts = [];
      yield;
      // The page changed under us: what we have is stale, and the next pass reads it again.
      if (!node.isConnected) break;
    }
    if (node.nodeType === 3) {
      let data = (node as Text).data;
      if (data.length) {
        // Indentation between elements reads as one space. Offsets inside such a node never matter (no
        // name starts or ends in whitespace), and runs of spaces would send the matcher down its slow path.
        if (data.length > 1 && data.charCodeAt(0) <= 32 && !/\S/.test(data)) data = ' ';
        else if (data.includes(SOFT_HYPHEN)) {
          const at: number[] = [];
          for (let i = data.indexOf(SOFT_HYPHEN); i !== -1; i = data.indexOf(SOFT_HYPHEN, i + 1)) at.push(i);
          removed.set(nodes.length, at);
          data = data.split(SOFT_HYPHEN).join('');
        }
        nodes.push(node as Text);
        starts.push(length);
        parts.push((lastPart = data));
        length += data.length;
      }
      node = walker.nextNode();
    } else if (enter(node as Element, root)) {
      node = walker.nextNode();
    } else {
      const next = nextAfter(node, root);
      if (!next) break;
      walker.currentNode = next;
      node = next;
    }
  }
  while (closers.length) leave();
  if (peripheralDepth > 0) peripheral.push(peripheralStart, length);
  // Containers close in document order of their ends (inner ones first); callers want them by start.
  mainFound.sort((a, b) => a.start - b.start || b.end - a.end);
  for (const m of mainFound) main.push(m.start, m.end);
  chunks.push(parts.join(''));
  const out = { peripheral, nodes, starts, removed, main, mainElements: mainFound.map((m) => m.el), headlines };
  if (chunks.length === 1) return { text: chunks[0], ...out };
  let text: string | undefined;
  return {
    get text() {
      return (text ??= chunks.join(''));
    },
    pieces: chunks,
    ...out,
  };
}

/** Something to cut a page's text from: the text itself, or a view of its pieces (textOf). */
export interface TextSource {
  readonly length: number;
  slice(start: number, end: number): string;
}

/** The index's text to cut pieces from, without joining it. */
export function textOf(index: PageTextIndex): TextSource {
  const pieces = index.pieces;
  if (!pieces) return index.text;
  const starts: number[] = [];
  let length = 0;
  for (const p of pieces) {
    starts.push(length);
    length += p.length;
  }
  return {
    length,
    slice(start, end) {
      // The last piece starting at or before `start`: names are short, so a slice rarely spans two pieces.
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= start) lo = mid;
        else hi = mid - 1;
      }
      let out = '';
      for (let i = lo; i < pieces.length && starts[i] < end; i++) out += pieces[i].slice(Math.max(0, start - starts[i]), end - starts[i]);
      return out;
    },
  };
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * The index's text in parts of at most `size` characters, for messages (a browser serialises a message in one
 * go), each joined from the pieces only when it is asked for: a caller that sends one part per task never
 * joins more than one part's worth at a time. No part ends between the two halves of a surrogate pair, so
 * each part is well-formed text on its own.
 */
export function* textParts(index: PageTextIndex, size: number): Generator<string, void, undefined> {
  let group: string[] = [];
  let length = 0;
  let sent = false;
  /** The part gathered so far, less a high surrogate at its end (kept for the next part). */
  const take = (): string => {
    let part = group.join('');
    group = [];
    length = 0;
    if (part.length > 1 && isHighSurrogate(part.charCodeAt(part.length - 1))) {
      group.push(part.slice(-1));
      length = 1;
      part = part.slice(0, -1);
    }
    return part;
  };
  for (const piece of index.pieces ?? [index.text]) {
    if (length > 0 && length + piece.length > size) {
      sent = true;
      yield take();
    }
    if (piece.length <= size) {
      group.push(piece);
      length += piece.length;
      continue;
    }
    const split = splitText(group.join('') + piece, size);
    for (let i = 0; i + 1 < split.length; i++) {
      sent = true;
      yield split[i];
    }
    group = [split[split.length - 1]];
    length = group[0].length;
  }
  if (length > 0 || !sent) yield take();
}

/** Is `el`, or an ancestor below `stop`, text the reader does not read as the story (a rail, a credit, a comment)? */
export function isOutsideStory(el: Element | null, stop: Element | null): boolean {
  for (let e = el; e && e !== stop; e = e.parentElement) if (classify(e) & (PERIPHERAL | SKIPPED_TAG | EDITABLE)) return true;
  return false;
}

/** An offset in a node's text as the engine read it → the offset in the node's own data (soft hyphens back). */
export function dataOffset(index: PageTextIndex, nodeIndex: number, offset: number): number {
  const at = index.removed.get(nodeIndex);
  if (!at) return offset;
  let o = offset;
  for (const r of at) {
    if (r <= o) o++;
    else break;
  }
  return o;
}
