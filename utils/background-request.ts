/**
 * Requests the background answers, checked with zod/mini (the background loads once; its bundle size does
 * not weigh on pages). A content script runs in pages an attacker controls, so what it sends is checked too.
 */
import * as z from 'zod/mini';

/**
 * The most of a page the background reads: four million characters (an article and its page are a small part
 * of that; the rest of a longer page is not read). A content script runs in pages an attacker controls, so the
 * cap holds for what one message, and one page in parts, can make the background do: a 30-million-character
 * message kept it busy for 18 s before the cap.
 */
export const MAX_PAGE_CHARS = 4_000_000;
/** Characters per part of a page sent in parts (each in a task of its own on the page's main thread). */
export const PART_CHARS = 250_000;
/** Parts a page may be sent in, the last one included. */
export const MAX_PARTS = MAX_PAGE_CHARS / PART_CHARS;
/** Highlight names (key → name) a page's stylesheet may be made for: utils/highlight-styles.ts. */
const MAX_STYLE_KEYS = 64;

const fragmentsWithinCap = (fragments: { text: string }[]) => fragments.reduce((n, f) => n + f.text.length, 0) <= MAX_PAGE_CHARS;

export const BackgroundRequest = z.discriminatedUnion('type', [
  /** Ids are collapsed and capped by the background (a page could make its content script ask for many). */
  z.object({ type: z.literal('entities:get'), ids: z.array(z.string()), lang: z.optional(z.enum(['en', 'es'])) }),
  z.object({ type: z.literal('allSites:sync') }),
  /** Check a text (the side panel's box; the menu item hands its selection over through `text:take`). */
  z.object({
    type: z.literal('text:check'),
    text: z.string().check(z.maxLength(MAX_PAGE_CHARS)),
    published: z.optional(z.nullable(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)))),
    today: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  }),
  /** The text the reader sent with the menu item, for the side panel to show (once). */
  z.object({ type: z.literal('text:take') }),
  /** The story's events (presentation's timeline step). */
  z.object({ type: z.literal('story:get') }),
  /**
   * Annotate a page (done here, off the page's main thread): the text the content script read with its
   * spans, the page's title, the article's date and today's. Claims are checked in the same go.
   */
  z.object({
    type: z.literal('page:annotate'),
    /** The text, or its last part when `parts` parts were sent before under `id`. */
    text: z.string().check(z.maxLength(MAX_PAGE_CHARS)),
    id: z.optional(z.string().check(z.maxLength(64))),
    parts: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(MAX_PARTS - 1))),
    peripheral: z.array(z.number()),
    main: z.optional(z.array(z.number())),
    headlines: z.optional(z.array(z.number())),
    title: z.string(),
    published: z.nullable(z.string()),
    today: z.string(),
    /** The page's highlight names, when it has no stylesheet yet: inserted if the page is recognised. */
    style: z.optional(z.record(z.string().check(z.maxLength(40)), z.string().check(z.maxLength(40))).check(z.refine((r) => Object.keys(r).length <= MAX_STYLE_KEYS))),
  }),
  /** A part of a page too long for one message (its content script sends `page:annotate` after the last). */
  z.object({
    type: z.literal('page:part'),
    id: z.string().check(z.maxLength(64)),
    index: z.number().check(z.int(), z.minimum(0), z.maximum(MAX_PARTS - 2)),
    text: z.string().check(z.maxLength(PART_CHARS)),
  }),
  /** The page kept a card from being seen (card-host.tsx): the toolbar button says so for that tab. */
  z.object({ type: z.literal('page:blocked'), why: z.enum(['removed', 'closed', 'hidden', 'inert', 'covered']) }),
  /** Mentions in pieces added to a page already recognised; `seen`: entities the page already names in full. */
  z.object({
    type: z.literal('fragments:annotate'),
    fragments: z.array(z.object({ text: z.string(), peripheral: z.array(z.number()) })).check(z.refine(fragmentsWithinCap)),
    seen: z.array(z.string()),
  }),
]);
export type BackgroundRequest = z.infer<typeof BackgroundRequest>;
