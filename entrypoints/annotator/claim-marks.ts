/**
 * Claims the article makes, anchored like mentions: a range over the sentence, painted with a tint that
 * says which verdict it got (the card says it in words), found again under the pointer.
 */
import type { ClaimCheck, PageTextIndex } from '@/engine';
import { anchorMention } from '@/engine/anchor';
import type { Verdict } from '@/engine';
import { claimKey } from '@/utils/highlight-styles';
import { GuardedHighlights, type HighlightNames } from './registry';
import type { ToneReader } from './tone';

export interface ClaimMark {
  check: ClaimCheck & { verdict: Verdict };
  range: Range;
  nodes: Text[];
  /** Where the range starts in its first node and ends in its last: a moved paragraph keeps its nodes, not its ranges. */
  offsets: [number, number];
  onDark: boolean;
}

/**
 * A live range collapses when its nodes leave the document, even if they come straight back (a paragraph moved):
 * set it again over the same nodes. False when they are no longer in order in the document.
 */
export function reanchorClaim(c: ClaimMark): boolean {
  if (!c.range.collapsed) return true;
  const first = c.nodes[0];
  const last = c.nodes[c.nodes.length - 1];
  if (!first.isConnected || !last.isConnected) return false;
  if (first !== last && !(first.compareDocumentPosition(last) & Node.DOCUMENT_POSITION_FOLLOWING)) return false;
  if (c.offsets[0] > first.length || c.offsets[1] > last.length) return false;
  c.range.setStart(first, c.offsets[0]);
  c.range.setEnd(last, c.offsets[1]);
  return !c.range.collapsed;
}

export function anchorClaims(doc: Document, index: PageTextIndex, checks: ClaimCheck[], tone: ToneReader, visible: (el: Element | null) => boolean): ClaimMark[] {
  const out: ClaimMark[] = [];
  for (const check of checks) {
    if (!check.verdict) continue;
    const a = anchorMention(doc, index, check.start, check.end);
    if (!a) continue;
    const parent = a.nodes[0].parentElement;
    if (!visible(parent)) continue;
    out.push({ check: check as ClaimMark['check'], range: a.range, nodes: a.nodes, offsets: [a.range.startOffset, a.range.endOffset], onDark: tone.isDark(parent) });
  }
  return out;
}

/** Paint claims (one highlight per verdict and palette), replacing what was painted before. */
export class ClaimPainter {
  private readonly registry: GuardedHighlights;

  constructor(names: HighlightNames) {
    this.registry = new GuardedHighlights(names);
  }

  paint(claims: readonly ClaimMark[], hidden: boolean): void {
    this.clear();
    if (hidden) return;
    const groups = new Map<string, Range[]>();
    for (const c of claims) {
      const key = claimKey(c.check.verdict, c.onDark);
      const list = groups.get(key) ?? [];
      list.push(c.range);
      groups.set(key, list);
    }
    // Below entity underlines: a claim's tint sits behind the names inside it.
    for (const [key, ranges] of groups) this.registry.add(key, ranges, -1);
  }

  repair(): number {
    return this.registry.repair();
  }

  clear(): void {
    this.registry.clear();
  }
}

/** The claim under the caret (caret in the claim's range and the point inside one of its line boxes). */
export function claimAt(claims: readonly ClaimMark[], node: Text, offset: number, x: number, y: number): number {
  for (let i = 0; i < claims.length; i++) {
    const c = claims[i];
    if (!c.nodes.includes(node) || !c.range.isPointInRange(node, offset)) continue;
    for (const r of c.range.getClientRects()) if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return i;
  }
  return -1;
}
