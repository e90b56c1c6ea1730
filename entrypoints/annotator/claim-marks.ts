/**
 * Claims the article makes, anchored like mentions: a range over the clause that states the claim, painted with
 * a light tint that says which verdict it got (the card says it in words), and a solid marker on the words the
 * check compared (the month, the count, the name) that stands out on any page; found again under the pointer.
 */
import type { ClaimCheck, PageTextIndex } from '@/engine';
import { anchorMention } from '@/engine/anchor';
import type { Verdict } from '@/engine';
import { claimKey, claimPartKey } from '@/utils/highlight-styles';
import { GuardedHighlights, type HighlightNames } from './registry';
import type { ToneReader } from './tone';

export interface ClaimMark {
  check: ClaimCheck & { verdict: Verdict };
  range: Range;
  /** The words the check compared (check.part), when they could be anchored inside the clause. */
  part: Range | null;
  /** The part's boundaries (its text nodes and offsets), to set it again after a move. */
  partAt: [Text, number, Text, number] | null;
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
  if (c.part && c.partAt && c.part.collapsed) {
    const [sn, so, en, eo] = c.partAt;
    if (sn.isConnected && en.isConnected && so <= sn.length && eo <= en.length) {
      c.part.setStart(sn, so);
      c.part.setEnd(en, eo);
    } else c.part = null;
  }
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
    const p = check.part && check.part.start >= check.start && check.part.end <= check.end ? anchorMention(doc, index, check.part.start, check.part.end) : null;
    out.push({
      check: check as ClaimMark['check'],
      range: a.range,
      part: p?.range ?? null,
      partAt: p ? [p.range.startContainer as Text, p.range.startOffset, p.range.endContainer as Text, p.range.endOffset] : null,
      nodes: a.nodes,
      offsets: [a.range.startOffset, a.range.endOffset],
      onDark: tone.isDark(parent),
    });
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
    const put = (key: string, range: Range) => {
      const list = groups.get(key);
      if (list) list.push(range);
      else groups.set(key, [range]);
    };
    for (const c of claims) {
      put(claimKey(c.check.verdict, c.onDark), c.range);
      if (c.part) put(claimPartKey(c.check.verdict, c.onDark), c.part);
    }
    // The tint below entity underlines (it sits behind the names inside the clause); the marker above them (its
    // text colour is the one that contrasts with its fill).
    for (const [key, ranges] of groups) this.registry.add(key, ranges, key.startsWith('claim-part-') ? 1 : -1);
  }

  repair(): number {
    return this.registry.repair();
  }

  clear(): void {
    this.registry.clear();
  }
}

/**
 * The claims under the caret (caret in the claim's range and the point inside one of its line boxes), by index:
 * usually one, two where one clause states two claims (a count and a date).
 */
export function claimsAt(claims: readonly ClaimMark[], node: Text, offset: number, x: number, y: number): number[] {
  const found: number[] = [];
  for (let i = 0; i < claims.length; i++) {
    const c = claims[i];
    if (!c.nodes.includes(node) || !c.range.isPointInRange(node, offset)) continue;
    for (const r of c.range.getClientRects())
      if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) {
        found.push(i);
        break;
      }
  }
  return found;
}

/** Do two ranges share text (touching ends do not count)? */
const overlap = (a: Range, b: Range) => a.compareBoundaryPoints(Range.START_TO_END, b) > 0 && a.compareBoundaryPoints(Range.END_TO_START, b) < 0;

/** The claims whose words include some of a mention's: every word of a claim reaches its verdict, names included. */
export function claimsAround(claims: readonly ClaimMark[], range: Range, nodes: readonly Text[]): ClaimMark[] {
  return claims.filter((c) => c.nodes.some((n) => nodes.includes(n)) && overlap(c.range, range));
}
