/** Where the card is against what the reader is reading: boxes in layout-viewport CSS px. */
import type { Box, CardState } from '../../utils/messages';

/** Sub-pixel rounding of layout boxes. */
const EPS = 0.5;

export const right = (b: Box) => b.left + b.width;
export const bottom = (b: Box) => b.top + b.height;

/** The boxes share area (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.left < right(b) - EPS && b.left < right(a) - EPS && a.top < bottom(b) - EPS && b.top < bottom(a) - EPS;
}

export function inside(b: Box, view: { width: number; height: number }): boolean {
  return b.left >= -EPS && b.top >= -EPS && right(b) <= view.width + EPS && bottom(b) <= view.height + EPS;
}

/** Vertical distance between two boxes (0 when they overlap vertically). */
export function verticalGap(a: Box, b: Box): number {
  return Math.max(0, b.top - bottom(a), a.top - bottom(b));
}

const fmt = (b: Box) => `[${Math.round(b.left)},${Math.round(b.top)} ${Math.round(b.width)}×${Math.round(b.height)}]`;

/**
 * What is wrong with an open card, as readable lines (empty when all is well): it must lie inside the
 * viewport and cover no line of its mention. `view` is what the page itself measures, so the test does
 * not rely only on the extension's own idea of the viewport.
 */
export function cardProblems(s: CardState, view: { width: number; height: number }): string[] {
  const out: string[] = [];
  if (!s.open || !s.card) return [`no card open (${JSON.stringify(s)})`];
  const where = `${s.id} card ${fmt(s.card)}`;
  if (!s.mention?.length) out.push(`${where}: no mention boxes reported`);
  for (const m of s.mention ?? []) if (overlaps(s.card, m)) out.push(`${where} covers its mention ${fmt(m)}`);
  for (const v of [s.viewport, view])
    if (!inside(s.card, v)) out.push(`${where} is not inside the ${Math.round(v.width)}×${Math.round(v.height)} viewport`);
  if (s.card.width < 1 || s.card.height < 1) out.push(`${where} has no size`);
  return out;
}
