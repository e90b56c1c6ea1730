/**
 * What a batch of page changes means for the annotations: which marks lost their text, which blocks must
 * be read again on their own, and whether the page's recognition could have changed (then, and only then,
 * the annotator runs a full pass again).
 */
import type { PageChanges } from './watcher';

/** Words whose disappearance can change whether the page is coverage of the story. */
const STORY_WORDS = /medica[ir]|medi-cal|\bICE\b|\bDHS\b|homeland|deport|immigra|inmigra/i;

/** Elements read as one unit when something inside them changes: the nearest paragraph-like block. */
const UNIT = 'p, li, h1, h2, h3, h4, h5, h6, td, th, dd, dt, blockquote, figcaption, pre, div, section, article, main, aside, header, footer, nav, body';

export interface ChangePlan {
  /** Text nodes changed in place: marks on them are dropped (and their blocks read again). */
  edited: Set<Text>;
  /** Blocks to read again, outermost only, connected. */
  units: Element[];
  /** Characters of text in those blocks (big changes are cheaper as one full pass). */
  chars: number;
  /** Could the page's recognition have changed? (Story vocabulary left the page.) */
  recheck: boolean;
}

const unitOf = (node: Node): Element | null => {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return el?.closest(UNIT) ?? null;
};

export function planChanges(changes: PageChanges, isOwn: (node: Node) => boolean): ChangePlan {
  const edited = new Set<Text>();
  const candidates = new Set<Element>();
  let recheck = false;
  for (const { node, before } of changes.edited) {
    edited.add(node);
    if (STORY_WORDS.test(before)) recheck = true;
    if (node.isConnected) {
      const u = unitOf(node);
      if (u) candidates.add(u);
    }
  }
  for (const n of changes.removed) if (!recheck && STORY_WORDS.test(n.textContent ?? '')) recheck = true;
  for (const n of changes.added) {
    if (!n.isConnected || isOwn(n)) continue;
    if (n.nodeType !== 1 && n.nodeType !== 3) continue;
    const el = n.nodeType === 1 && (n as Element).matches(UNIT) ? (n as Element) : unitOf(n);
    if (el) candidates.add(el);
  }
  // Outermost only: a block inside another block being read is read with it.
  const units = [...candidates].filter((u) => ![...candidates].some((o) => o !== u && o.contains(u)));
  const chars = units.reduce((sum, u) => sum + (u.textContent?.length ?? 0), 0);
  return { edited, units, chars, recheck };
}
