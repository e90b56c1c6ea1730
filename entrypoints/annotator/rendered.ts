/**
 * Is a mention's text drawn where the reader can see it, and is it the story's prose? Only such text is
 * annotated: a hidden menu item, a collapsed dropdown, an off-screen drawer, a screen-reader-only label or a
 * print-only line is never underlined, stepped to or presented (issue 25, item 3), and neither is a link that
 * stands alone on its line (a related story's headline, "Read more: …").
 *
 * What counts as not drawn, element by element and up its ancestors (memoised per pass, and asked only of
 * the elements that hold a mention: a page that names nothing costs nothing):
 * - not rendered: `display: none`, `content-visibility: hidden`, a closed <details>, `visibility: hidden`
 *   (checkVisibility). Opacity is not counted: pages fade their paragraphs in as they scroll into view;
 * - clipped away: an ancestor that clips its overflow (`overflow`, `clip`, `clip-path`) to a box a pixel wide
 *   or high or less (a collapsed menu: `max-height: 0; overflow: hidden`; the `sr-only` / `visually-hidden`
 *   pattern: 1×1 px with `clip: rect(0 0 0 0)`), or a zero-area `clip`, or `clip-path: inset(50%)`;
 * - off the page: a positioned or transformed element placed left of or above the page, where no scrolling
 *   reaches (`left: -9999px`, a drawer at `translateX(-100%)`), or a fixed one outside the window.
 * Styles are read with getComputedStyle (no layout); a box is measured only for an element that clips or is
 * positioned or transformed. Text the reader edits is not the page's prose either (contenteditable,
 * -webkit-user-modify).
 */

/** A clipping box this small (CSS px, either side) shows nothing of what it holds. */
const TINY_PX = 1;

/** Words that open a line pointing elsewhere: "Related: <a>…</a>", "Read more: <a>…</a>". */
const POINTER_LINE = /^\s*(related|read more|read also|see also|more on this|more coverage|more:|also read|relacionad[oa]s?|lea también|le puede interesar|más información|vea también|ver también)\b/i;

/** Blocks a link may stand alone in. */
const LINE_BLOCKS = 'p, li, dd, dt, h2, h3, h4, h5, h6, div, td, blockquote, figcaption, section, aside, header, footer, nav';

/** Letters and digits only: "New York sues. " and "New York sues" are the same line. */
const letters = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Is this link a line of its own: the whole text of its block (a related story's headline in a list or a
 * paragraph of its own), or after a "Related:"-like lead-in? A link inside a sentence is prose.
 */
export function isLinkLine(link: Element): boolean {
  if (link.closest('h1')) return false; // the headline, linked to itself on some sites
  const block = link.parentElement?.closest(LINE_BLOCKS);
  if (!block) return false;
  const own = letters(link.textContent ?? '');
  const all = letters(block.textContent ?? '');
  if (!own || !all) return false;
  if (own.length >= all.length * 0.9) return true;
  return POINTER_LINE.test(block.textContent ?? '') && all.length - own.length <= 24;
}

type Style = CSSStyleDeclaration & { clipPath?: string; webkitUserModify?: string };

/** Is this element's own box clipped to nothing, or placed where no scrolling reaches? */
function hidesItsContent(el: Element, cs: Style, win: Window): boolean {
  if (cs.display === 'contents') return false; // no box of its own: nothing to clip to
  const clipX = cs.overflowX !== 'visible';
  const clipY = cs.overflowY !== 'visible';
  const clip = cs.clip && cs.clip !== 'auto' ? cs.clip : '';
  const clipPath = cs.clipPath && cs.clipPath !== 'none' ? cs.clipPath : '';
  const positioned = cs.position === 'absolute' || cs.position === 'fixed';
  const moved = cs.transform !== 'none' && cs.transform !== '';
  if (!clipX && !clipY && !clip && !clipPath && !positioned && !moved) return false;
  if (clip) {
    const n = clip.match(/-?[\d.]+/g)?.map(Number);
    // rect(top, right, bottom, left)
    if (n && n.length === 4 && (n[2] - n[0] <= TINY_PX || n[1] - n[3] <= TINY_PX)) return true;
  }
  if (/^inset\(\s*(5\d|[6-9]\d|100)(\.\d+)?%/.test(clipPath)) return true;
  const r = el.getBoundingClientRect();
  if ((clipX || clip || clipPath) && r.width <= TINY_PX) return true;
  if ((clipY || clip || clipPath) && r.height <= TINY_PX) return true;
  if ((positioned || moved) && (r.width > 0 || r.height > 0)) {
    if (cs.position === 'fixed') return r.right <= 0 || r.bottom <= 0 || r.left >= win.innerWidth || r.top >= win.innerHeight;
    return r.right + win.scrollX <= 0 || r.bottom + win.scrollY <= 0;
  }
  return false;
}

/**
 * A check for one pass: can the reader see this element's text, and is it theirs to read (not an editor's)?
 * Memoised per element for the pass.
 */
export function renderedCheck(win: Window = window): (el: Element | null) => boolean {
  const visible = new Map<Element, boolean>();
  /** Elements whose box, or an ancestor's, hides what they hold. */
  const boxHides = new Map<Element, boolean>();
  const links = new Map<Element, boolean>();

  const hiddenByBox = (start: Element): boolean => {
    // Up to the first ancestor already known, then down again filling in: no recursion on deep pages.
    const chain: Element[] = [];
    let known = false;
    for (let el: Element | null = start; el; el = el.parentElement) {
      const seen = boxHides.get(el);
      if (seen !== undefined) {
        known = seen;
        break;
      }
      chain.push(el);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const el = chain[i];
      if (!known && el !== el.ownerDocument.documentElement && el !== el.ownerDocument.body) known = hidesItsContent(el, win.getComputedStyle(el) as Style, win);
      boxHides.set(el, known);
    }
    return known;
  };

  return (el) => {
    if (!el) return false;
    let ok = visible.get(el);
    if (ok !== undefined) return ok;
    const html = el as HTMLElement;
    const cs = win.getComputedStyle(html) as Style;
    const modify = cs.getPropertyValue('-webkit-user-modify');
    ok =
      !html.isContentEditable &&
      (!modify || modify === 'read-only') &&
      (typeof html.checkVisibility !== 'function' || html.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true } as CheckVisibilityOptions)) &&
      !hiddenByBox(el);
    if (ok) {
      const link = el.closest('a[href]');
      if (link) {
        let line = links.get(link);
        if (line === undefined) links.set(link, (line = isLinkLine(link)));
        ok = !line;
      }
    }
    visible.set(el, ok);
    return ok;
  };
}
