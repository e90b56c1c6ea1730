/**
 * Check text from anywhere: a selection the reader sent with the "Check this text" menu item (a social post,
 * a newsletter, a PDF in the browser's viewer, a page the extension does not read), or text typed or pasted
 * into the side panel's box. The background runs this with its warm engine: recognition, the entities named and
 * the claims the dataset can judge. No page is touched: the text comes with the click (or the box).
 *
 * A text is not a page: it has no date unless the reader gives one (sane or ignored, as a page's), so claims
 * are judged as for an undated article — a verdict only where the date cannot change it.
 */
import type { ClaimFinder, Engine } from '../engine';
import { BLOCK_SEPARATOR, type ClaimCheck, type Detection, type EntityKind } from '../engine/types';
import { sanePublished } from '../engine/published';

/** The most text one check reads: a long newsletter; a whole book is not what this is for. */
export const MAX_CHECK_CHARS = 200_000;

export interface TextCheckAnswer {
  /** The text as checked (cut at MAX_CHECK_CHARS; paragraphs joined with the engine's block separator). */
  text: string;
  truncated: boolean;
  detection: Detection;
  /** Entities named, in reading order: one entry per mention. */
  mentions: { id: string; kind: EntityKind; text: string; start: number; end: number }[];
  /** Claims the dataset can judge, with a verdict (the unsure ones are not shown, as on pages). */
  claims: ClaimCheck[];
  /** The date the claims were judged at (the reader's, if it makes sense for the story), and one ignored. */
  published: string | null;
  ignored: string | null;
}

/** Paragraphs as the engine reads a page: blank lines and line breaks end a block. */
export function textAsPage(raw: string): { text: string; truncated: boolean } {
  const truncated = raw.length > MAX_CHECK_CHARS;
  const cut = truncated ? raw.slice(0, MAX_CHECK_CHARS) : raw;
  const blocks = cut
    .split(/\r?\n+/)
    .map((b) => b.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return { text: blocks.join(BLOCK_SEPARATOR), truncated };
}

export function checkText(engine: Engine, finder: ClaimFinder, raw: string, opts: { published?: string | null; today: string }): TextCheckAnswer {
  const { text, truncated } = textAsPage(raw);
  const { published, ignored } = sanePublished(opts.published ?? null, opts.today);
  const page = { text, peripheral: [] as number[] };
  const result = engine.annotate(page);
  // A short post may not read as coverage of the story, but the reader asked: its names are still looked up.
  const mentions = result.detection.detected ? result.mentions : engine.annotateFragment(page, new Set());
  const claims = finder.find(text, { published, today: opts.today, peripheral: [] }).filter((c) => c.verdict !== null);
  return {
    text,
    truncated,
    detection: result.detection,
    mentions: mentions.map(({ id, kind, text: t, start, end }) => ({ id, kind, text: t, start, end })),
    claims,
    published,
    ignored,
  };
}
