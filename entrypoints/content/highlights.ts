/**
 * render (underlines): one CSS Custom Highlight per entity kind, plus one for the mention the reader is on.
 * Highlights paint over the page's own text nodes without changing the DOM. Their styles come from
 * public/highlights.css, which the browser injects as a stylesheet (no <style> element in the page).
 */
import type { EntityKind } from '@/engine';

export const KINDS: EntityKind[] = ['law', 'agency', 'person', 'state', 'event'];
const name = (kind: EntityKind | 'current') => `mdc-${kind}`;

export function supportsHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export function paintHighlights(byKind: Map<EntityKind, Range[]>): void {
  if (!supportsHighlights()) return;
  for (const kind of KINDS) {
    const ranges = byKind.get(kind);
    if (ranges?.length) CSS.highlights.set(name(kind), new Highlight(...ranges));
    else CSS.highlights.delete(name(kind));
  }
}

export function paintCurrent(range: Range | null): void {
  if (!supportsHighlights()) return;
  if (range) {
    const h = new Highlight(range);
    h.priority = 1;
    CSS.highlights.set(name('current'), h);
  } else CSS.highlights.delete(name('current'));
}

export function clearHighlights(): void {
  if (!supportsHighlights()) return;
  for (const kind of KINDS) CSS.highlights.delete(name(kind));
  CSS.highlights.delete(name('current'));
}
