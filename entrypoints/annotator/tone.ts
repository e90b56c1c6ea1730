/**
 * Is the background behind some text dark? Underlines take a palette that keeps 3:1 contrast with it
 * (dark lines on light pages, light lines on dark ones), and the card follows the page it sits on.
 * Reads computed styles only (no layout), once per element, memoised until the next full pass.
 */

/** Relative luminance of a CSS colour, or null when (mostly) transparent. */
export function luminance(color: string): number | null {
  const m = color.match(/rgba?\(([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+%?))?/);
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
  if (alpha < 0.5) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Below this luminance a background counts as dark: light lines then contrast better than dark ones. */
const DARK_BELOW = 0.18;

export class ToneReader {
  // Weak: a reader kept between passes (for added paragraphs) must not keep removed elements alive.
  private readonly memo = new WeakMap<Element, boolean>();

  constructor(private readonly win: Window = window) {}

  /** The background behind `el`: its own, else its nearest painted ancestor's, else the page's colour scheme. */
  isDark(el: Element | null): boolean {
    const path: Element[] = [];
    let found: boolean | undefined;
    for (let e = el; e; e = e.parentElement) {
      const known = this.memo.get(e);
      if (known !== undefined) {
        found = known;
        break;
      }
      path.push(e);
      const l = luminance(this.win.getComputedStyle(e).backgroundColor);
      if (l !== null) {
        found = l < DARK_BELOW;
        break;
      }
    }
    found ??= this.win.matchMedia('(prefers-color-scheme: dark)').matches && !this.pageSetsLight();
    for (const e of path) this.memo.set(e, found);
    return found;
  }

  /** A page that declares only a light colour scheme renders light whatever the system prefers. */
  private pageSetsLight(): boolean {
    const scheme = this.win.getComputedStyle(this.win.document.documentElement).colorScheme;
    return scheme === 'light' || scheme === 'normal';
  }
}
