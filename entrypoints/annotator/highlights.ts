/**
 * render (underlines): CSS Custom Highlights over the page's own text nodes, without changing the DOM. One
 * highlight per kind of entity, per palette (dark lines on light backgrounds, light lines on dark ones) and per
 * style family:
 * - `line`: an underline whose colour *and* line style tell the kinds apart (solid, dashed, double, dotted,
 *   wavy), for engines that paint text-decoration on ::highlight();
 * - `band`: the words in the kind's colour over a faint band, for Firefox before 153, which paints a
 *   highlight's colours but no text-decoration (an underline style there would draw nothing at all).
 * Their styles (utils/highlight-styles.ts) are inserted by the background for this page's random names once
 * the page is recognised; the registry entries are guarded against the page (registry.ts).
 */
import type { EntityKind } from '@/engine';
import { ENTITY_KINDS, VERDICTS, claimKey, claimPartKey, entityKey, styleFamily, type Family } from '@/utils/highlight-styles';
import { DEFAULT_UNDERLINE_MODE, type UnderlineMode } from '@/utils/setting-values';
import type { Mark } from './marks';
import { GuardedHighlights, type HighlightNames } from './registry';
import { ReadableSelection, ScreenBudget } from './density';
import { Sections } from './sections';

export { supportsHighlights } from './registry';
export { FIRST_FIREFOX_WITH_DECORATIONS, styleFamily } from '@/utils/highlight-styles';
export type { Family } from '@/utils/highlight-styles';
export const KINDS: EntityKind[] = [...ENTITY_KINDS];
export type { UnderlineMode } from '@/utils/setting-values';


/** Every highlight key this browser paints with: its family's entity keys and the claim tints, in both palettes. */
export function styleKeys(family: Family = styleFamily()): string[] {
  const keys: string[] = [];
  for (const onDark of [false, true]) {
    for (const kind of ENTITY_KINDS) keys.push(entityKey(kind, family, onDark));
    for (const verdict of VERDICTS) keys.push(claimKey(verdict, onDark), claimPartKey(verdict, onDark));
  }
  return keys;
}

/**
 * Paints the marks as the reader chose (utils/setting-values.ts, UnderlineMode): a readable few (the default:
 * each name once per section, at most a dozen a screen; density.ts), every mention, or each name's first on
 * the page. A mark left unpainted is still a mention: keyboard stepping, the popup and the side panel reach
 * it; only the pointer does not (there is no underline to point at).
 */
export class Painter {
  private readonly family = styleFamily();
  private readonly registry: GuardedHighlights;
  private mode: UnderlineMode = DEFAULT_UNDERLINE_MODE;
  private hidden = false;
  /** The marks painted, in the thinned modes. */
  private paintedMarks = new Set<Mark>();
  /** First-mention mode: the one mark painted per entity. */
  private firstOf = new Map<string, Mark>();
  /** The default mode: what has been chosen so far, in reading order. */
  private selection: ReadableSelection | null = null;

  constructor(
    names: HighlightNames,
    private readonly sections: Sections = new Sections(),
    private readonly win: Window = window,
  ) {
    this.registry = new GuardedHighlights(names);
  }

  get underlinesHidden(): boolean {
    return this.hidden;
  }

  get lineMode(): UnderlineMode {
    return this.mode;
  }

  /** Is this mark underlined on the page now (the pointer opens only what it can see)? */
  isPainted(mark: Mark): boolean {
    return !this.hidden && (this.mode === 'all' || this.paintedMarks.has(mark));
  }

  /** Has the window's height changed since the default mode chose its underlines (then: paint all again)? */
  screenChanged(): boolean {
    return this.mode === 'section' && !this.hidden && this.selection !== null && Math.abs(this.selection.height - this.win.innerHeight) > 1;
  }

  /** Paint these marks (in reading order) from scratch: after a pass, when the mode changes, or the page's sections. */
  paintAll(marks: readonly Mark[], mode = this.mode, hidden = this.hidden): void {
    this.mode = mode;
    this.hidden = hidden;
    this.registry.clear();
    this.paintedMarks = new Set();
    this.firstOf = new Map();
    this.selection = null;
    if (mode === 'section') this.sections.refresh();
    this.add(marks);
  }

  /**
   * Paint more marks: a slice of a pass, or what a page change added. Ranges are grouped by highlight first: a
   * highlight gets its ranges before it is registered, and one already registered gets a batch at a time.
   * The default mode takes marks in reading order after those it has seen (a pass, an appended paragraph):
   * anything else is a paintAll.
   */
  add(marks: readonly Mark[]): void {
    if (this.hidden || !marks.length) return;
    const chosen = this.mode === 'all' ? marks : this.mode === 'first' ? this.firstMentions(marks) : this.readable(marks);
    const byKey = new Map<string, Range[]>();
    for (const m of chosen) {
      const key = entityKey(m.mention.kind, this.family, m.onDark);
      const ranges = byKey.get(key);
      if (ranges) ranges.push(m.range);
      else byKey.set(key, [m.range]);
    }
    for (const [key, ranges] of byKey) this.registry.add(key, ranges);
  }

  /** First-mention mode: a mark earlier than the one painted for its name takes its place. */
  private firstMentions(marks: readonly Mark[]): Mark[] {
    const displaced: Mark[] = [];
    const chosen: Mark[] = [];
    for (const m of marks) {
      const now = this.firstOf.get(m.mention.id);
      if (now && !startsBefore(m.range, now.range)) continue;
      if (now) {
        displaced.push(now);
        this.paintedMarks.delete(now);
      }
      this.firstOf.set(m.mention.id, m);
      this.paintedMarks.add(m);
      chosen.push(m);
    }
    if (displaced.length) this.unpaint(displaced);
    return chosen.filter((m) => this.paintedMarks.has(m));
  }

  /** The default mode: density.ts decides, measuring a mark only when its name still wants an underline. */
  private readable(marks: readonly Mark[]): Mark[] {
    const selection = (this.selection ??= new ReadableSelection(new ScreenBudget(this.win.innerHeight)));
    const chosen: Mark[] = [];
    for (const m of marks) {
      if (!selection.offer(m.mention.id, this.sections.of(m.range), () => this.topOf(m.range))) continue;
      this.paintedMarks.add(m);
      chosen.push(m);
    }
    return chosen;
  }

  /** A range's first line box, down the page (CSS px); null when it has none. */
  private topOf(range: Range): number | null {
    const box = range.getClientRects()[0];
    return box ? box.top + this.win.scrollY : null;
  }

  /**
   * Stop painting these marks (their text changed or left the page). Returns true when the thinned modes
   * must choose again (a painted mark went): the caller then paints all that is left.
   */
  remove(marks: readonly Mark[]): boolean {
    if (this.mode === 'all') {
      this.unpaint(marks);
      return false;
    }
    return marks.some((m) => this.paintedMarks.has(m));
  }

  private unpaint(marks: readonly Mark[]): void {
    for (const m of marks) this.registry.remove(entityKey(m.mention.kind, this.family, m.onDark), [m.range]);
  }

  /** Put back what the page took from the registry; the number of highlights repaired. */
  repair(): number {
    return this.registry.repair();
  }

  clear(): void {
    this.registry.clear();
    this.paintedMarks = new Set();
    this.firstOf = new Map();
    this.selection = null;
  }
}

/** Does range a start before range b? */
const startsBefore = (a: Range, b: Range) => {
  try {
    return a.compareBoundaryPoints(Range.START_TO_START, b) < 0;
  } catch {
    return false;
  }
};
