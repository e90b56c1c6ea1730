/**
 * Requests the background answers, checked with zod/mini (the background loads once; its bundle size does
 * not weigh on pages). A content script runs in pages an attacker controls, so what it sends is checked too.
 */
import * as z from 'zod/mini';

export const BackgroundRequest = z.discriminatedUnion('type', [
  /** Ids are collapsed and capped by the background (a page could make its content script ask for many). */
  z.object({ type: z.literal('entities:get'), ids: z.array(z.string()), lang: z.optional(z.enum(['en', 'es'])) }),
  z.object({ type: z.literal('allSites:sync') }),
  /** The story's events (presentation's timeline step). */
  z.object({ type: z.literal('story:get') }),
  /**
   * Check the article's claims (done here, off the page's main thread): the text the content script read,
   * the story's spans and the peripheral spans in it, the article's date and today's.
   */
  z.object({
    type: z.literal('claims:check'),
    text: z.string(),
    spans: z.optional(z.array(z.number())),
    peripheral: z.optional(z.array(z.number())),
    published: z.nullable(z.string()),
    today: z.string(),
  }),
]);
export type BackgroundRequest = z.infer<typeof BackgroundRequest>;
