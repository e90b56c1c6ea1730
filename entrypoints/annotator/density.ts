/**
 * How many underlines the reader sees at once, in the default mode (issue 25, item 2: a page carried up to 64
 * underlines on one 1280×900 screen, CMS 16 times). A mention is underlined when its name has no underline
 * yet in this section of the page (sections.ts) and the window still has room: at most
 * UNDERLINES_PER_SCREEN in any stretch of the page one window high. A name refused for lack of room is
 * offered again at its next mention. Every mention stays a mention — keyboard stepping, the popup and the
 * side panel reach it — and claim tints are drawn whatever the density.
 */

/** At most this many underlines in any stretch of the page one window high. */
export const UNDERLINES_PER_SCREEN = 12;

/** Underlines placed so far, by their position down the page (CSS px), and the room left around a new one. */
export class ScreenBudget {
  /** Sorted, ascending. */
  private readonly ys: number[] = [];

  constructor(
    readonly height: number,
    private readonly most = UNDERLINES_PER_SCREEN,
  ) {}

  /**
   * Would an underline at `y` keep every window of `height` that holds it to `most` underlines? Only windows
   * holding y change, and the fullest of them starts at one of the underlines above y (or at y).
   */
  fits(y: number): boolean {
    const h = this.height;
    const near = this.ys.slice(this.indexAbove(y - h), this.indexAbove(y + h));
    const points = [...near, y].sort((a, b) => a - b);
    for (let i = 0; i < points.length; i++) {
      const start = points[i];
      if (start <= y - h || start > y) continue;
      let n = 0;
      for (let j = i; j < points.length && points[j] < start + h; j++) n++;
      if (n > this.most) return false;
    }
    return true;
  }

  add(y: number): void {
    this.ys.splice(this.indexAbove(y), 0, y);
  }

  /** The first index whose y is above (greater than) `y`. */
  private indexAbove(y: number): number {
    let lo = 0;
    let hi = this.ys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ys[mid] <= y) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** The default mode's choice, mention by mention in reading order. */
export class ReadableSelection {
  private section = -1;
  /** Names underlined in the current section. */
  private named = new Set<string>();

  constructor(private readonly budget: ScreenBudget) {}

  get height(): number {
    return this.budget.height;
  }

  /**
   * Underline this mention? `y` measures it (its first line's top, in page coordinates; null when it has no
   * box), and is called only when the name still wants an underline in this section.
   */
  offer(id: string, section: number, y: () => number | null): boolean {
    if (section !== this.section) {
      this.section = section;
      this.named = new Set();
    }
    if (this.named.has(id)) return false;
    const at = y();
    if (at === null || !this.budget.fits(at)) return false;
    this.budget.add(at);
    this.named.add(id);
    return true;
  }
}
