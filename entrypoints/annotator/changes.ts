/**
 * What a batch of page changes means for the annotations: which marks lost their text, which blocks must
 * be read again on their own, and whether the page's recognition could have changed (then, and only then,
 * the annotator runs a full pass again).
 */
import type { PageChanges } from './watcher';

/** Words whose disappearance can change whether the page is coverage of the story. */
const STORY_WORDS = /medica[ir]|medi-cal|\bICE\b|\bDHS\b|homeland|deport|immigra|inmigra/gi;

/** How often each story word occurs in these texts (case as written: "ICE" is not "ice"). */
function storyWordCounts(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const [word] of text.matchAll(STORY_WORDS)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/**
 * Did story words leave the page in this batch: go out (removed, or rewritten in place) more often than they
 * came in? What was added is read only when something that went out named the story: an appended paragraph
 * (infinite scroll) costs no second read of its text. Added and removed again within the batch counts on
 * both sides, so it changes nothing.
 */
function storyWordsLeft(changes: PageChanges): boolean {
  const gone = storyWordCounts([...changes.edited.map((e) => e.before), ...changes.removed.map((n) => n.textContent ?? '')]);
  if (!gone.size) return false;
  const come = storyWordCounts([
    ...changes.edited.filter((e) => e.node.isConnected).map((e) => e.node.data),
    ...changes.added.map((n) => n.textContent ?? ''),
  ]);
  return [...gone].some(([word, n]) => (come.get(word) ?? 0) < n);
}

/** Elements read as one unit when something inside them changes: the nearest paragraph-like block. */
const UNIT = 'p, li, h1, h2, h3, h4, h5, h6, td, th, dd, dt, blockquote, figcaption, pre, div, section, article, main, aside, header, footer, nav, body';

export interface ChangePlan {
  /** Text nodes changed in place: marks on them are dropped (and their blocks read again). */
  edited: Set<Text>;
  /** Blocks to read again, outermost only, connected. */
  units: Element[];
  /** Characters of text in those blocks (big changes are cheaper as one full pass). */
  chars: number;
  /**
   * Could the page's recognition have changed? Only if story vocabulary left the page: a word that went out
   * with what was removed or rewritten and did not come back as often in what the same batch added (a live
   * page rewriting a paragraph that names Medicaid keeps naming it).
   */
  recheck: boolean;
}

const unitOf = (node: Node): Element | null => {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return el?.closest(UNIT) ?? null;
};

export function planChanges(changes: PageChanges, isOwn: (node: Node) => boolean): ChangePlan {
  const edited = new Set<Text>();
  const candidates = new Set<Element>();
  for (const { node } of changes.edited) {
    edited.add(node);
    if (node.isConnected) {
      const u = unitOf(node);
      if (u) candidates.add(u);
    }
  }
  const recheck = storyWordsLeft(changes);
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
