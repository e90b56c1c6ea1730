/**
 * render (underlines): CSS Custom Highlights over the page's own text nodes, without changing the DOM.
 * Their styles live in public/highlights.css (injected by the browser with the script: no <style> element
 * in the page). One highlight per kind of entity, per palette (dark lines on light backgrounds, light lines
 * on dark ones) and per style family:
 * - `line`: an underline whose colour *and* line style tell the kinds apart (solid, dashed, double, dotted,
 *   wavy), for engines that paint text-decoration on ::highlight();
 * - `band`: the words in the kind's colour over a faint band, for Firefox before 153, which paints a
 *   highlight's colours but no text-decoration (an underline style there would draw nothing at all).
 */
import type { EntityKind } from '@/engine';
import type { Mark } from './marks';

export const KINDS: EntityKind[] = ['law', 'agency', 'person', 'state', 'event'];
export type Family = 'line' | 'band';
export type UnderlineMode = 'all' | 'first';

/** Firefox paints text-decoration on ::highlight() from ESR 153 on (ESR 140 paints none: seen, not documented). */
export const FIRST_FIREFOX_WITH_DECORATIONS = 153;

export function styleFamily(userAgent = navigator.userAgent): Family {
  const firefox = userAgent.includes('Firefox/') ? userAgent.match(/\bFirefox\/(\d+)/) : null;
  return firefox && Number(firefox[1]) < FIRST_FIREFOX_WITH_DECORATIONS ? 'band' : 'line';
}

export function supportsHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** The highlight a mark is painted with: e.g. `mdc-law`, `mdc-law-on-dark`, `mdc-law-band-on-dark`. */
export const highlightName = (kind: string, family: Family, onDark: boolean) =>
  `mdc-${kind}${family === 'band' ? '-band' : ''}${onDark ? '-on-dark' : ''}`;
export const CURRENT = 'mdc-current';

export class Painter {
  private readonly family = styleFamily();
  private readonly active = new Map<string, Highlight>();
  private mode: UnderlineMode = 'all';
  private hidden = false;
  /** Entities whose one mark is painted (first-mention mode). */
  private painted = new Set<string>();

  get underlinesHidden(): boolean {
    return this.hidden;
  }

  get lineMode(): UnderlineMode {
    return this.mode;
  }

  /** Paint these marks from scratch (after a pass, or when the mode changes). */
  paintAll(marks: readonly Mark[], mode = this.mode, hidden = this.hidden): void {
    this.mode = mode;
    this.hidden = hidden;
    if (!supportsHighlights()) return;
    for (const [name, h] of this.active) if (name !== CURRENT) (h.clear(), CSS.highlights.delete(name));
    for (const name of [...this.active.keys()]) if (name !== CURRENT) this.active.delete(name);
    this.painted = new Set();
    this.add(marks);
  }

  /**
   * Paint more marks (a slice of a pass, or an inserted paragraph). Ranges are grouped by highlight first: a
   * highlight gets its ranges before it is registered, and one already registered gets a batch at a time.
   */
  add(marks: readonly Mark[]): void {
    if (!supportsHighlights() || this.hidden) return;
    const byName = new Map<string, Range[]>();
    for (const m of marks) {
      if (this.mode === 'first') {
        if (this.painted.has(m.mention.id)) continue;
        this.painted.add(m.mention.id);
      }
      const name = highlightName(m.mention.kind, this.family, m.onDark);
      const ranges = byName.get(name);
      if (ranges) ranges.push(m.range);
      else byName.set(name, [m.range]);
    }
    for (const [name, ranges] of byName) {
      const h = this.active.get(name);
      if (h) for (const r of ranges) h.add(r);
      else {
        const fresh = new Highlight(...ranges);
        this.active.set(name, fresh);
        CSS.highlights.set(name, fresh);
      }
    }
  }

  /** Stop painting these marks (their text changed or left the page). */
  remove(marks: readonly Mark[]): void {
    if (!supportsHighlights()) return;
    for (const m of marks) {
      const h = this.active.get(highlightName(m.mention.kind, this.family, m.onDark));
      h?.delete(m.range);
    }
  }

  /** The mention whose card is open, painted above the others. */
  setCurrent(range: Range | null): void {
    if (!supportsHighlights()) return;
    if (!range) {
      this.active.delete(CURRENT);
      CSS.highlights.delete(CURRENT);
      return;
    }
    const h = new Highlight(range);
    h.priority = 1;
    this.active.set(CURRENT, h);
    CSS.highlights.set(CURRENT, h);
  }

  clear(): void {
    if (!supportsHighlights()) return;
    for (const name of this.active.keys()) CSS.highlights.delete(name);
    this.active.clear();
    this.painted = new Set();
  }

}
