/**
 * detect, before anything else: the cheap gate. Coverage of this story always names Medicaid (or Medi-Cal,
 * or the Medicare and Medicaid agency) and immigration enforcement or DHS. Most pages a reader opens name
 * neither, and many health pages only the first. (A unit test holds every enforcement and DHS form in the
 * dataset to these stems, so the gate cannot drift from the data.) Its own module, with nothing else: the
 * script that runs in every news page is this gate and a loader.
 */
export const MEDICAID_GATE = /medica[ir]|medi-cal/i;
export const ENFORCEMENT_GATE = /\b(?:ICE|DHS)\b|deport|homeland|immigra|inmigra|migra|seguridad (?:nacional|de la patria)|aduanas|internal security/i;

/** The gate over texts (a page's text and its title). */
export const mightBeCoverage = (...texts: string[]): boolean =>
  texts.some((t) => MEDICAID_GATE.test(t)) && texts.some((t) => ENFORCEMENT_GATE.test(t));

/** The longest form the gate looks for ("seguridad de la patria"): what a seam between two pieces can split. */
const LONGEST_GATE_FORM = 24;

/**
 * The gate over a text read in pieces (see PageTextIndex.pieces), without joining it: each piece, and each
 * seam between two, where a word may have been split.
 */
export function piecesMightBeCoverage(pieces: readonly string[], title: string): boolean {
  const seams: string[] = [];
  for (let i = 0; i + 1 < pieces.length; i++) seams.push(pieces[i].slice(-LONGEST_GATE_FORM) + pieces[i + 1].slice(0, LONGEST_GATE_FORM));
  return mightBeCoverage(...pieces, ...seams, title);
}

/**
 * Above this many elements, reading a page's text at once (textContent) is itself a long task: the walk
 * reads it in slices instead, and the gate then looks at what the walk read.
 */
export const HUGE_PAGE_ELEMENTS = 20_000;

/** Too big to gate with one read of its text (see HUGE_PAGE_ELEMENTS)? */
export const isHugePage = (body: Element): boolean => body.getElementsByTagName('*').length > HUGE_PAGE_ELEMENTS;

/**
 * What the gate makes of a live document: `no` when it cannot be coverage; `text` when its text may be;
 * `huge` when it is too big to tell with one read (the pass then gates what its sliced walk reads).
 */
export type GateVerdict = 'no' | 'text' | 'huge';

/**
 * Above this many characters of text, a page is huge however few its elements (a few hundred paragraphs of a
 * few thousand words each): the pass reads it in slices by characters, never in one go.
 */
export const HUGE_PAGE_CHARS = 1_000_000;

export function gateDocument(doc: Document): GateVerdict {
  const body = doc.body;
  if (!body) return 'no';
  if (isHugePage(body)) return 'huge';
  const text = gateText(body);
  if (!mightBeCoverage(text, doc.title)) return 'no';
  return text.length > HUGE_PAGE_CHARS ? 'huge' : 'text';
}

/**
 * Above this many characters of inline scripts, styles and noscript in the body, the gate leaves them out of what it
 * reads. textContent counts them as text, and news sites inline their data as JSON: on some of the real
 * pages the benchmark uses, 90 % of the body's text is script (a megabyte), which textContent copies and the
 * gate's regular expressions scan, a long task on a page that is not coverage.
 */
export const INLINE_CODE_BUDGET = 64_000;

/** Text nodes this long are looked at (is their parent a script or a style?); shorter ones never are. */
const LONG_TEXT_NODE = 256;
/** Elements whose text is code, not prose: what is counted against the budget is what the walk leaves out. */
const CODE_TAGS = ['script', 'style', 'noscript'];
const CODE_SELECTOR = CODE_TAGS.join(', ');
const CODE_ELEMENTS = new Set(CODE_TAGS);

/**
 * The text the gate reads. Most bodies: textContent, one native read, faster than any walk. A body with
 * more inline code than INLINE_CODE_BUDGET: a walk over its text nodes that leaves out the long ones inside
 * scripts, styles and noscript. Asking every node for its parent would cost a wrapper per node, so short ones are
 * kept whatever they are: at worst they let a page through to the annotator's read, which skips all code.
 */
export function gateText(body: Element): string {
  let code = 0;
  for (const el of body.querySelectorAll(CODE_SELECTOR)) {
    const text = el.firstChild;
    // A Text node's length, not its data: no copy of a megabyte of JSON just to measure it.
    if (text?.nodeType === 3) code += (text as Text).length;
  }
  if (code <= INLINE_CODE_BUDGET) return body.textContent ?? '';
  const walker = body.ownerDocument.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    if (data.length >= LONG_TEXT_NODE && CODE_ELEMENTS.has((node.parentNode as Element | null)?.localName ?? '')) continue;
    parts.push(data);
  }
  return parts.join('');
}

/** Might this live document be coverage? False only when it cannot be (see gateDocument). */
export const documentMightBeCoverage = (doc: Document): boolean => gateDocument(doc) !== 'no';
