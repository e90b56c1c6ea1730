/**
 * The message contract between the content script and everything that asks it things (popup, side panel,
 * tests). Incoming messages are checked: a page or another extension can send anything. The content
 * script's requests are checked by hand (ContentRequest): the content script loads on every page, and zod
 * would add ~5 kB gzip to it and ~4 ms to its start-up (npm run bench). The background keeps zod/mini.
 */
import * as z from 'zod/mini';
import type { EntityKind, Reason } from '../engine/types';

export type ContentRequest =
  | { type: 'annotations:get' }
  /** Scroll to the first mention of an entity and open its card. */
  | { type: 'annotations:reveal'; id: string }
  /** Re-read the page now (after the site switch changed, or from the toolbar button). */
  | { type: 'annotations:refresh' }
  /**
   * What the reader sees of the card now: for the side panel and the end-to-end tests. The card lives in
   * a closed shadow root the page cannot read; this asks the extension itself, over its own channel.
   */
  | { type: 'card:state' };

/** Parses like a zod schema would: the known shapes, with any other keys dropped. Add new types here too. */
export const ContentRequest = {
  safeParse(raw: unknown): { success: true; data: ContentRequest } | { success: false } {
    if (typeof raw !== 'object' || raw === null) return { success: false };
    const { type, id } = raw as { type?: unknown; id?: unknown };
    if (type === 'annotations:get' || type === 'annotations:refresh' || type === 'card:state') return { success: true, data: { type } };
    if (type === 'annotations:reveal' && typeof id === 'string') return { success: true, data: { type, id } };
    return { success: false };
  },
};

/** To the background: the full records for entities found on a recognised page; or re-check the all-sites opt-in. */
export const BackgroundRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('entities:get'), ids: z.array(z.string()) }),
  z.object({ type: z.literal('allSites:sync') }),
]);
export type BackgroundRequest = z.infer<typeof BackgroundRequest>;

export interface AnnotationSummary {
  id: string;
  kind: EntityKind;
  text: string;
}

/** Answer to `annotations:get`, on every page where the content script runs, detected or not. */
export interface AnnotationsResponse {
  detected: boolean;
  score: number;
  /** Dataset version the annotations came from. */
  version: string;
  annotations: AnnotationSummary[];
  reasons: Reason[];
  /** False when the reader switched the extension off for this site. */
  enabled: boolean;
}

/** A box in CSS pixels of the layout viewport (getBoundingClientRect coordinates). */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Answer to `card:state`. */
export interface CardState {
  open: boolean;
  /** The record shown, and how the card was opened. */
  id?: string;
  via?: 'hover' | 'tap' | 'keyboard';
  /** The card's box, and the client rects of the mention it explains (one per line it wraps onto). */
  card?: Box;
  mention?: Box[];
  /** Focus is inside the card. */
  focused: boolean;
  /** The card's visible text (what a screen reader would start reading). */
  text?: string;
  /** Smallest computed font size of the card's text, times the visual viewport's scale: what the eye gets. */
  minFontPx?: number;
  viewport: { width: number; height: number; scale: number };
}
