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
import { ENTITY_KINDS, VERDICTS, claimKey, claimPartKey, entityKey, type Family } from '@/utils/highlight-styles';
import type { Mark } from './marks';
import { GuardedHighlights, type HighlightNames } from './registry';

export { supportsHighlights } from './registry';
export type { Family } from '@/utils/highlight-styles';
export const KINDS: EntityKind[] = [...ENTITY_KINDS];
export type UnderlineMode = 'all' | 'first';

/** Firefox paints text-decoration on ::highlight() from ESR 153 on (ESR 140 paints none: seen, not documented). */
export const FIRST_FIREFOX_WITH_DECORATIONS = 153;

export function styleFamily(userAgent = navigator.userAgent): Family {
  const firefox = userAgent.includes('Firefox/') ? userAgent.match(/\bFirefox\/(\d+)/) : null;
  return firefox && Number(firefox[1]) < FIRST_FIREFOX_WITH_DECORATIONS ? 'band' : 'line';
}

/** Every highlight key this browser paints with: its family's entity keys and the claim tints, in both palettes. */
export function styleKeys(family: Family = styleFamily()): string[] {
  const keys: string[] = [];
  for (const onDark of [false, true]) {
    for (const kind of ENTITY_KINDS) keys.push(entityKey(kind, family, onDark));
    for (const verdict of VERDICTS) keys.push(claimKey(verdict, onDark), claimPartKey(verdict, onDark));
  }
  return keys;
}

export class Painter {
  private readonly family = styleFamily();
  private readonly registry: GuardedHighlights;
  private mode: UnderlineMode = 'all';
  private hidden = false;
  /** Entities whose one mark is painted (first-mention mode). */
  private painted = new Set<string>();

  constructor(names: HighlightNames) {
    this.registry = new GuardedHighlights(names);
  }

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
    this.registry.clear();
    this.painted = new Set();
    this.add(marks);
  }

  /**
   * Paint more marks (a slice of a pass, or an inserted paragraph). Ranges are grouped by highlight first: a
   * highlight gets its ranges before it is registered, and one already registered gets a batch at a time.
   */
  add(marks: readonly Mark[]): void {
    if (this.hidden) return;
    const byKey = new Map<string, Range[]>();
    for (const m of marks) {
      if (this.mode === 'first') {
        if (this.painted.has(m.mention.id)) continue;
        this.painted.add(m.mention.id);
      }
      const key = entityKey(m.mention.kind, this.family, m.onDark);
      const ranges = byKey.get(key);
      if (ranges) ranges.push(m.range);
      else byKey.set(key, [m.range]);
    }
    for (const [key, ranges] of byKey) this.registry.add(key, ranges);
  }

  /** Stop painting these marks (their text changed or left the page). */
  remove(marks: readonly Mark[]): void {
    for (const m of marks) this.registry.remove(entityKey(m.mention.kind, this.family, m.onDark), [m.range]);
  }

  /** Put back what the page took from the registry; the number of highlights repaired. */
  repair(): number {
    return this.registry.repair();
  }

  clear(): void {
    this.registry.clear();
    this.painted = new Set();
  }
}
