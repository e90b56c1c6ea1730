/**
 * The message contract between the content script and everything that asks it things (popup, side panel,
 * tests). Incoming messages are checked with zod/mini: a page or another extension can send anything.
 */
import * as z from 'zod/mini';
import type { EntityKind, Reason } from '../engine/types';

export const ContentRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('annotations:get') }),
  /** Scroll to the first mention of an entity and open its card. */
  z.object({ type: z.literal('annotations:reveal'), id: z.string() }),
  /** Re-read the page now (after the site switch changed, or from the toolbar button). */
  z.object({ type: z.literal('annotations:refresh') }),
  /**
   * What the reader sees of the card now: for the side panel and the end-to-end tests. The card lives in
   * a closed shadow root the page cannot read; this asks the extension itself, over its own channel.
   */
  z.object({ type: z.literal('card:state') }),
  /** Hide or show the underlines (the same as Alt+Shift+U). */
  z.object({ type: z.literal('underlines:toggle') }),
  /**
   * Everything the workbench needs to cite or export the annotated page: its text, every mention and
   * claim with offsets, the article's metadata.
   */
  z.object({ type: z.literal('annotations:export') }),
  /** Scroll to the n-th mention (reading order) or the n-th claim, and open its card. */
  z.object({ type: z.literal('annotations:show'), mention: z.optional(z.number()), claim: z.optional(z.number()) }),
  /** Presentation mode: start (at the first entity, or at a step), or leave it. */
  z.object({ type: z.literal('present:start'), step: z.optional(z.number()) }),
  z.object({ type: z.literal('present:stop') }),
]);
export type ContentRequest = z.infer<typeof ContentRequest>;

/** To the background: the full records for entities found on a recognised page; or re-check the all-sites opt-in. */
export const BackgroundRequest = z.discriminatedUnion('type', [
  /** Ids are collapsed and capped by the background (a page could make its content script ask for many). */
  z.object({ type: z.literal('entities:get'), ids: z.array(z.string()), lang: z.optional(z.enum(['en', 'es'])) }),
  z.object({ type: z.literal('allSites:sync') }),
  /** The story's events (presentation's timeline step), in the page's language. */
  z.object({ type: z.literal('story:get') }),
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
  /** Underline every mention or only each entity's first; and whether the reader hid them (Alt+Shift+U). */
  mode: 'all' | 'first';
  hidden: boolean;
}

/** Answer to `entities:get`: the records, and the card's words in the page's language. */
export interface EntitiesAnswer {
  entities: import('../data/schema').Entity[];
  messages: Record<string, unknown>;
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
  /** A card beside a mention, a presentation note, or the presentation's timeline panel. */
  variant?: 'card' | 'present' | 'panel';
  /** In presentation mode: 1-based step and number of steps. */
  step?: number;
  steps?: number;
  /** Smallest computed font size of the card's text, times the visual viewport's scale: what the eye gets. */
  minFontPx?: number;
  viewport: { width: number; height: number; scale: number };
}

export type { PageSnapshot, SnapshotSpan } from '../engine/types';
