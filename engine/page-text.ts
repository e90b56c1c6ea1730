/**
 * Read a page's text the way a reader sees it, in one walk over the DOM, without touching it.
 *
 * Why not a TreeWalker over text nodes: we also need element boundaries (a block ends a paragraph; a nav
 * or footer is peripheral; a script or form field is never read; an <article> may be the story) and a manual
 * walk gives enter and leave events for free. Reading node data never forces layout (innerText would).
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

/**
 * Text that is not the story: read (the detector must know it is there) but neither scored nor annotated.
 * Landmarks, figures and their captions (photo credits name outlets: "The New York Times"), and the class
 * names real news sites give to comments, rails, streams and credits.
 */
const PERIPHERAL_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'FIGURE', 'FIGCAPTION']);
const PERIPHERAL_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner', 'search']);
const PERIPHERAL_NAMES =
  /(^|[\s_-])(comments?|related|recommend(ed|ations)?|most-?(read|popular|viewed)|mostread|trending|newsletter|sidebar|outbrain|taboola|stream|credits?|captions?|promo|teaser)($|[\s_-])/i;

/** Containers that usually hold the story itself; the pass annotates the one that holds the story. */
const MAIN_TAGS = new Set(['ARTICLE', 'MAIN']);
const MAIN_NAMES = /(^|[\s_-])(article-?body|story-?body|entry-content|post-content|articleBody)($|[\s_-])/i;

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
}

/** Is this element (or the document) editable by the reader? Their draft is not the page's prose. */
function isEditable(el: Element): boolean {
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  return el.getAttribute('role') === 'textbox';
}

/**
 * An element as the walk sees it, each fact read from the DOM at most once (a page of megabytes has tens of
 * thousands of elements): its tag, whether it has attributes (most have none, and then none is looked up),
 * its role, and its class and id names when a rule needs them.
 */
interface Seen {
  el: Element;
  tag: string;
  attrs: boolean;
  role: string | null;
  names?: string;
}

const see = (el: Element): Seen => {
  const attrs = el.hasAttributes();
  return { el, tag: el.nodeName, attrs, role: attrs ? el.getAttribute('role') : null };
};

const namesOf = (s: Seen) => (s.names ??= s.attrs ? `${s.el.getAttribute('class') ?? ''} ${s.el.getAttribute('id') ?? ''}` : ' ');

function isSkipped(s: Seen, opts: ReadOptions): boolean {
  if (SKIP.has(s.tag)) return true;
  if (s.attrs) {
    if (s.role === 'textbox' || s.el.hasAttribute('hidden')) return true;
    const editable = s.el.getAttribute('contenteditable');
    if (editable !== null && editable !== 'false') return true;
  }
  return opts.isOwnUi?.(s.el) ?? false;
}

function isPeripheral(s: Seen): boolean {
  if (PERIPHERAL_TAGS.has(s.tag)) return true;
  // A page-level <header> is the masthead; an article's own <header> holds its headline.
  if (s.tag === 'HEADER' && !s.el.closest('article, main, [role="main"]')) return true;
  if (!s.attrs) return false;
  if (s.role && PERIPHERAL_ROLES.has(s.role)) return true;
  // Class names say "rail" or "comments" of parts of a page, not of the page or the story itself (BBC's <body>
  // carries its ad slots' names, "bbccom_outbrain_ar_5").
  if (NEVER_PERIPHERAL_BY_NAME.has(s.tag) || s.role === 'main') return false;
  const names = namesOf(s);
  return names.length > 1 && PERIPHERAL_NAMES.test(names);
}

const NEVER_PERIPHERAL_BY_NAME = new Set(['BODY', 'HTML', 'MAIN', 'ARTICLE']);

function isMainCandidate(s: Seen): boolean {
  if (MAIN_TAGS.has(s.tag)) return true;
  if (!s.attrs) return false;
  if (s.role === 'main' || s.el.getAttribute('itemprop') === 'articleBody') return true;
  const names = namesOf(s);
  return names.length > 1 && MAIN_NAMES.test(names);
}

/** Is the whole root editable (designMode, or an editable ancestor such as <html contenteditable>)? */
function rootIsEditable(root: Element): boolean {
  if (root.ownerDocument?.designMode === 'on') return true;
  for (let el: Element | null = root; el; el = el.parentElement) if (isEditable(el)) return true;
  return false;
}

const SOFT_HYPHEN = '\u00AD';

/** Read `root`'s text in one go (the CLI, tests, small fragments). */
export function readPageText(root: Element, opts: ReadOptions = {}): PageTextIndex {
  const run = readPageTextSteps(root, opts);
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
  }
}

/** Nodes visited between two yields of readPageTextSteps: well under a millisecond of walking. */
const NODES_PER_STEP = 4096;

/**
 * The same walk, yielding every few thousand nodes so a page with megabytes of text is read in slices.
 * A caller that resumes after the page changed must check `root.isConnected`: the walk follows sibling
 * and parent links, and a change between slices is picked up by the caller's next pass anyway.
 */
export function* readPageTextSteps(root: Element, opts: ReadOptions = {}): Generator<void, PageTextIndex, unknown> {
  const parts: string[] = [];
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
  const closers: { el: Node; block: boolean; peripheral: boolean; region?: number[]; start: number }[] = [];
  const mainFound: { start: number; end: number; el: Element }[] = [];
  const empty = (): PageTextIndex => ({ text: '', peripheral, nodes, starts, removed, main, mainElements: [], headlines });

  const separate = () => {
    if (length > 0 && parts[parts.length - 1] !== BLOCK_SEPARATOR) {
      parts.push(BLOCK_SEPARATOR);
      length += 1;
    }
  };
  const enter = (el: Element): boolean => {
    const s = see(el);
    if (isSkipped(s, opts)) return false;
    const block = BLOCK.has(s.tag);
    const periph = isPeripheral(s);
    const region = s.tag === 'H1' ? headlines : isMainCandidate(s) ? main : undefined;
    if (block) separate();
    if (periph && peripheralDepth++ === 0) peripheralStart = length;
    if (block || periph || region) closers.push({ el, block, peripheral: periph, region, start: length });
    return true;
  };
  const leave = (el: Node) => {
    const top = closers[closers.length - 1];
    if (!top || top.el !== el) return;
    closers.pop();
    if (top.block) separate();
    if (top.peripheral && --peripheralDepth === 0) peripheral.push(peripheralStart, length);
    if (top.region === headlines && length > top.start) headlines.push(top.start, length);
    if (top.region === main && length > top.start) mainFound.push({ start: top.start, end: length, el: top.el as Element });
  };

  if (rootIsEditable(root)) return empty();
  if (!enter(root)) return empty();
  let node: Node | null = root.firstChild;
  let visited = 0;
  while (node) {
    if (++visited % NODES_PER_STEP === 0) {
      yield;
      // The page changed under us: what we have is stale, and the next pass reads it again.
      if (!node.isConnected) break;
    }
    let descend = false;
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
  // Containers close in document order of their ends (inner ones first); callers want them by start.
  mainFound.sort((a, b) => a.start - b.start || b.end - a.end);
  for (const m of mainFound) main.push(m.start, m.end);
  return { text: parts.join(''), peripheral, nodes, starts, removed, main, mainElements: mainFound.map((m) => m.el), headlines };
}

/** Is `el`, or an ancestor below `stop`, text the reader does not read as the story (a rail, a credit, a comment)? */
export function isOutsideStory(el: Element | null, stop: Element | null): boolean {
  for (let e = el; e && e !== stop; e = e.parentElement) if (isPeripheral(see(e)) || SKIP.has(e.nodeName) || isEditable(e)) return true;
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
