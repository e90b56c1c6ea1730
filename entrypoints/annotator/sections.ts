/**
 * The page's sections, for underlining each name once per section (the default density, issue 25 item 2):
 * the stretches between its headings (<h1>…<h6>), in document order. A name in a subhead opens its section.
 * The list of headings is read once per full pass, and again only when a change adds a heading.
 */
const HEADINGS = 'h1, h2, h3, h4, h5, h6';

export class Sections {
  private headings: Element[] = [];

  constructor(private readonly doc: Document = document) {}

  /** Read the page's headings (again). */
  refresh(): void {
    this.headings = Array.from(this.doc.querySelectorAll(HEADINGS));
  }

  /** Does this added or changed element bring a heading (the list must be read again)? */
  static holdsHeading(el: Element): boolean {
    return el.matches(HEADINGS) || el.querySelector(HEADINGS) !== null;
  }

  /** The section a range starts in: how many headings open before it (a binary search, in document order). */
  of(range: Range): number {
    let lo = 0;
    let hi = this.headings.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (opensBefore(this.headings[mid], range)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Does the heading's text begin before the range does? A heading that left the page opens nothing. */
function opensBefore(heading: Element, range: Range): boolean {
  try {
    return range.comparePoint(heading, 0) <= 0;
  } catch {
    return false;
  }
}
