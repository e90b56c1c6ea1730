/**
 * Mentions as they travel between the background (where the engine runs) and a page (where they are
 * anchored). A page with thousands of mentions names few entities: ids and kinds go once, each mention as
 * four numbers, and its text is read back from the page text the content script already holds. Extension
 * messages are JSON, so the page parses numbers rather than thousands of small objects.
 */
import type { TextSource } from './page-text';
import type { Confidence, EntityKind, Mention } from './types';

export interface PackedMentions {
  ids: string[];
  kinds: EntityKind[];
  /** Per mention: start, end, index into `ids`, 1 if probable (a misspelt name) else 0. */
  spans: number[];
}

const CONFIDENCE: Confidence[] = ['high', 'probable'];

export function packMentions(mentions: readonly Mention[]): PackedMentions {
  const ids: string[] = [];
  const kinds: EntityKind[] = [];
  const at = new Map<string, number>();
  const spans: number[] = [];
  for (const m of mentions) {
    let i = at.get(m.id);
    if (i === undefined) {
      i = ids.length;
      at.set(m.id, i);
      ids.push(m.id);
      kinds.push(m.kind);
    }
    spans.push(m.start, m.end, i, m.confidence === 'probable' ? 1 : 0);
  }
  return { ids, kinds, spans };
}

/** The mentions again, their text read from `text` (the page text they were found in). */
export function unpackMentions(text: TextSource, packed: PackedMentions): Mention[] {
  const out: Mention[] = [];
  const { ids, kinds, spans } = packed;
  for (let k = 0; k + 3 < spans.length; k += 4) {
    const [start, end, i, probable] = [spans[k], spans[k + 1], spans[k + 2], spans[k + 3]];
    if (!(i in ids) || !(start >= 0 && end > start && end <= text.length)) continue;
    out.push({ id: ids[i], kind: kinds[i], start, end, text: text.slice(start, end), confidence: CONFIDENCE[probable] ?? 'high' });
  }
  return out;
}

/**
 * A page's text in pieces of at most `size` characters, for a page too long to send in one message
 * (a browser serialises a message in one go, on the page's main thread). No piece ends between the two
 * halves of a surrogate pair, so each piece is well-formed text on its own.
 */
export function splitText(text: string, size: number): string[] {
  if (text.length <= size) return [text];
  const parts: string[] = [];
  let from = 0;
  while (text.length - from > size) {
    let to = from + size;
    const last = text.charCodeAt(to - 1);
    if (last >= 0xd800 && last <= 0xdbff) to--;
    parts.push(text.slice(from, to));
    from = to;
  }
  parts.push(text.slice(from));
  return parts;
}
