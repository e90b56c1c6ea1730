/**
 * The message contract between the content script and everything that asks it things (popup, side panel,
 * tests), and between the content script and the background.
 */
import type { EntityKind, Reason } from '../engine/types';
import type { UnderlineMode } from './setting-values';

/**
 * Requests the content script answers. A page cannot reach this channel, but another extension's messages
 * and a future version's can: parseContentRequest checks every field before anything acts on it. (Checked by
 * hand rather than with zod: the content script runs in every news page, and the checker costs no bundle.)
 */
export type ContentRequest =
  | { type: 'annotations:get' }
  /** Scroll to the first mention of an entity and open its card. */
  | { type: 'annotations:reveal'; id: string }
  /** Re-read the page now (after the site switch changed, or from the toolbar button). */
  | { type: 'annotations:refresh' }
  /**
   * What the reader sees of the card now: for the side panel and the end-to-end tests. The card lives in a
   * closed shadow root the page cannot read; this asks the extension itself, over its own channel.
   */
  | { type: 'card:state' }
  /** Hide or show the underlines (the same as Alt+Shift+U). */
  | { type: 'underlines:toggle' }
  /** Everything the workbench needs to cite or export the annotated page: text, mentions, claims, metadata. */
  | { type: 'annotations:export' }
  /** Scroll to the n-th mention (reading order) or the n-th claim, and open its card. */
  | { type: 'annotations:show'; mention?: number; claim?: number }
  /** Presentation mode: start (at the first entity, or at a step; the key names, or every name), or leave it. */
  | { type: 'present:start'; step?: number; names?: 'key' | 'all' }
  | { type: 'present:stop' };

const BARE = new Set(['annotations:get', 'annotations:refresh', 'card:state', 'underlines:toggle', 'annotations:export', 'present:stop']);
const optionalIndex = (v: unknown) => v === undefined || (Number.isInteger(v) && (v as number) >= 0);

export function parseContentRequest(raw: unknown): ContentRequest | null {
  if (!raw || typeof raw !== 'object') return null;
  const m = raw as Record<string, unknown>;
  if (typeof m.type !== 'string') return null;
  if (BARE.has(m.type)) return { type: m.type } as ContentRequest;
  switch (m.type) {
    case 'annotations:reveal':
      return typeof m.id === 'string' && m.id.length < 200 ? { type: m.type, id: m.id } : null;
    case 'annotations:show':
      return optionalIndex(m.mention) && optionalIndex(m.claim) ? { type: m.type, mention: m.mention as number | undefined, claim: m.claim as number | undefined } : null;
    case 'present:start':
      if (!optionalIndex(m.step) || (m.names !== undefined && m.names !== 'key' && m.names !== 'all')) return null;
      return { type: m.type, step: m.step as number | undefined, ...(m.names ? { names: m.names as 'key' | 'all' } : {}) };
    default:
      return null;
  }
}

export type { BackgroundRequest } from './background-request';

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
  mode: UnderlineMode;
  hidden: boolean;
  /** The article's publication date (ISO), or null when the page does not say. */
  published: string | null;
  /** The date the page gave when it made no sense for this story (before June 2025, after today), and was ignored. */
  publishedIgnored?: string;
  /** Claims the article makes that the dataset can judge, in reading order (only those with a verdict). */
  claims: ClaimSummary[];
  /** The story's events after the publication date, oldest first (empty when the date is unknown). */
  since: { id: string; date: string }[];
  /** The page's language, as the cards use it. */
  lang: 'en' | 'es';
  /** The page kept the last card from being seen (removed, closed, hid, made inert or covered it). */
  blocked?: CardObstruction;
}

export type CardObstruction = 'removed' | 'closed' | 'hidden' | 'inert' | 'covered';

/** The claims part of the answer to `page:annotate`: the checks with verdicts, their records, and the story's events since the article. */
/** The background's answer to `page:annotate`. */
export interface PageAnswer {
  detection: import('../engine/types').Detection;
  mentions: import('../engine/wire').PackedMentions;
  story?: { container: number; spans: number[] };
  /** Present when the page was recognised. */
  claims?: ClaimsAnswer;
  /** The highlight styles for the names the request gave were inserted into the page. */
  styled?: boolean;
}

/** The background's answer to `fragments:annotate`: mentions per fragment, in the same order. */
export interface FragmentsAnswer {
  mentions: import('../engine/wire').PackedMentions[];
}

export interface ClaimsAnswer {
  checks: import('../engine/types').ClaimCheck[];
  claims: import('../data/claim-schema').Claim[];
  since: { id: string; date: string }[];
}

/** A claim as the popup and the side panel list it. */
export interface ClaimSummary {
  id: string;
  text: string;
  verdict: import('../engine/types').Verdict;
  /** What the article asserts, normalised ("20", "2025-07", "kristi-noem"), and which part of the clause it is. */
  asserted?: string;
  part?: { kind: import('../engine/types').ClaimPartKind; text: string };
  /** For an outdated claim: when the value changed. */
  since?: string;
  /** For an agreeing claim resting on a value not confirmed for six months: the last day a source confirmed it. */
  lastConfirmed?: string;
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
  /** The record shown (an entity, or a claim), and how the card was opened. */
  id?: string;
  kind?: 'mention' | 'claim';
  via?: 'hover' | 'tap' | 'keyboard';
  /** The card's box, and the client rects of the mention it explains (one per line it wraps onto). */
  card?: Box;
  /** The card's close button, where the reader would click it. */
  close?: Box;
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
  /** The same for the text of the card's body (a presentation note's key fact, summary and source). */
  bodyFontPx?: number;
  /** The card's body holds more than it shows (it scrolls). */
  scrolls?: boolean;
  /** The presentation timeline's "this article was published" line, where it is drawn. */
  published?: Box;
  viewport: { width: number; height: number; scale: number };
  /** The page kept the last card from being seen: no card is reported open that nobody can see. */
  blocked?: CardObstruction;
  /** The verdicts the card states first (a claim's card, or a name's card inside a claim), in order. */
  verdicts?: { id: string; verdict: import('../engine/types').Verdict }[];
  /** How many pixels of the card's content are out of sight, to be scrolled to (0: it all fits). */
  overflow?: number;
  /**
   * The words the card is for, when they are not all of `mention`: a name inside a claim (the card keeps clear of
   * the whole claim, `mention`, and explains the name too).
   */
  words?: Box[];
}

export type { PageSnapshot, SnapshotSpan } from '../engine/types';
