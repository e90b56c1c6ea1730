/**
 * Lines about the article rather than of it: "A version of this article appears in print on Jan. 9, 2026,
 * Section A, Page 14 of the New York edition with the headline: …", "Una versión de este artículo apareció en
 * la edición impresa…". Newspapers print them at the end of the story, inside the article's own container and
 * often with class names that say nothing; they name places and papers ("New York") that the story does not
 * discuss there. A short block that reads like one is peripheral: its names are not mentions of the story.
 */
import { BLOCK_SEPARATOR, type Mention } from './types';

/** Longer than this, a block is a paragraph of the story even if it talks about a print edition. */
const MAX_LINE = 400;

const EDITION = new RegExp(
  [
    String.raw`\bappear(?:s|ed)? in print\b`,
    String.raw`\bof the [A-Z][\w.’' -]{0,40} edition\b`,
    String.raw`\b(?:print|national|late|early|international|weekend|sunday) edition\b`,
    String.raw`\bedici[oó]n impresa\b`,
    String.raw`\bapareci[oó] (?:en|impres[ao])\b.{0,40}\bimpres[ao]\b`,
  ].join('|'),
  'i',
);

/** Is this block (one paragraph or line of the page's text) an edition line? */
export const isEditionLine = (block: string): boolean => block.length <= MAX_LINE && EDITION.test(block);

/** The mentions that are not in an edition line; each block is looked at once, and only if it has a mention. */
export function outsideEditionLines(text: string, mentions: Mention[]): Mention[] {
  let blockStart = -1;
  let blockEnd = -1;
  let dropped = false;
  return mentions.filter((m) => {
    if (m.start >= blockEnd || m.start < blockStart) {
      blockStart = text.lastIndexOf(BLOCK_SEPARATOR, m.start) + 1;
      const end = text.indexOf(BLOCK_SEPARATOR, m.start);
      blockEnd = end === -1 ? text.length : end;
      dropped = blockEnd - blockStart <= MAX_LINE && isEditionLine(text.slice(blockStart, blockEnd));
    }
    return !dropped;
  });
}
