/**
 * Requests the background answers, checked with zod/mini (the background loads once; its bundle size does
 * not weigh on pages). A content script runs in pages an attacker controls, so what it sends is checked too.
 */
import * as z from 'zod/mini';

/** Parts a page may be sent in (a quarter of a million characters each, see the annotator: 64 M characters in all). */
export const MAX_PARTS = 256;

export const BackgroundRequest = z.discriminatedUnion('type', [
  /** Ids are collapsed and capped by the background (a page could make its content script ask for many). */
  z.object({ type: z.literal('entities:get'), ids: z.array(z.string()), lang: z.optional(z.enum(['en', 'es'])) }),
  z.object({ type: z.literal('allSites:sync') }),
  /** The story's events (presentation's timeline step). */
  z.object({ type: z.literal('story:get') }),
  /**
   * Annotate a page (done here, off the page's main thread): the text the content script read with its
   * spans, the page's title, the article's date and today's. Claims are checked in the same go.
   */
  z.object({
    type: z.literal('page:annotate'),
    /** The text, or its last part when `parts` parts were sent before under `id`. */
    text: z.string(),
    id: z.optional(z.string().check(z.maxLength(64))),
    parts: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(MAX_PARTS))),
    peripheral: z.array(z.number()),
    main: z.optional(z.array(z.number())),
    headlines: z.optional(z.array(z.number())),
    title: z.string(),
    published: z.nullable(z.string()),
    today: z.string(),
  }),
  /** A part of a page too long for one message (its content script sends `page:annotate` after the last). */
  z.object({
    type: z.literal('page:part'),
    id: z.string().check(z.maxLength(64)),
    index: z.number().check(z.int(), z.minimum(0), z.maximum(MAX_PARTS - 1)),
    text: z.string(),
  }),
  /** Mentions in pieces added to a page already recognised; `seen`: entities the page already names in full. */
  z.object({
    type: z.literal('fragments:annotate'),
    fragments: z.array(z.object({ text: z.string(), peripheral: z.array(z.number()) })),
    seen: z.array(z.string()),
  }),
]);
export type BackgroundRequest = z.infer<typeof BackgroundRequest>;
