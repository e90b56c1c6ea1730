/** The engine's vocabulary. Type-only imports from data/: the engine never bundles zod. */
import type { Alias, AliasRule, EntityKind, Lexicon } from '../data/schema';

export type { Alias, AliasRule, EntityKind, Lexicon };

/** What the matcher needs to know about an entity. Any dataset record satisfies it. */
export interface MatchableEntity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: Alias[];
}

/** A topic the detector counts (Medicaid, enforcement, data sharing); matched in the same pass as entities. */
export interface TopicTarget {
  id: keyof Lexicon;
  kind: 'topic';
  name: string;
  aliases: Alias[];
}

export type Target = MatchableEntity | TopicTarget;

export type Confidence = 'high' | 'probable';

/** A mention of an entity in a text, as offsets into that text. */
export interface Mention {
  id: string;
  kind: EntityKind;
  start: number;
  end: number;
  text: string;
  confidence: Confidence;
}

/** Why a page was (or was not) recognised: a code the UI translates, with what it counted. */
export interface Reason {
  code: 'medicaid' | 'enforcement' | 'data-sharing' | 'linked-paragraphs' | 'entities' | 'title';
  count: number;
  /** A few of the words that were found, as they appear on the page. */
  examples: string[];
}

export interface Detection {
  detected: boolean;
  /** 0..1: how strongly the page reads as coverage of this story. */
  score: number;
  reasons: Reason[];
}

/**
 * A page's readable text, flattened. Blocks are separated by BLOCK_SEPARATOR so that no match can run from
 * one paragraph into the next; inline markup (links, bold) does not separate, so names split across
 * elements still match.
 */
export interface PageText {
  text: string;
  /** Spans of `text` (start, end pairs) that are navigation, rails, comments, figures or footers. */
  peripheral: number[];
  /** Spans of containers that may hold the story (<article>, <main>, …), sorted by start; see story.ts. */
  main?: number[];
  /** Spans of top-level headings (<h1>). */
  headlines?: number[];
}

export const BLOCK_SEPARATOR = '\u2029';

/**
 * Claim checks: a checkable statement the article makes (a count, a date, a status, a title), judged against
 * the dataset at the article's publication date and today.
 * - agrees: right when written and still right;
 * - outdated: right when written, changed since (`since` says when);
 * - differs: wrong when written.
 * No verdict (null) when the engine recognised the statement but is not sure what it asserts.
 */
export type Verdict = 'agrees' | 'outdated' | 'differs';

/** One of a claim record's values over time, by index into the record's `values`. */
export interface ClaimValueRef {
  index: number;
  value: string;
  from: string;
  to?: string;
}

/** What part of a claim a verdict compared: a day, a month, a year, a count, a status or who held a title. */
export type ClaimPartKind = 'day' | 'month' | 'count' | 'status' | 'holder' | 'fields';

export interface ClaimPart {
  kind: ClaimPartKind;
  start: number;
  end: number;
  text: string;
}

export interface ClaimCheck {
  /** The claim record's id (data/claims.json). */
  id: string;
  /** The statement's span in the page text (same offsets as mentions). */
  start: number;
  end: number;
  text: string;
  /** What the article asserts, normalised ("20", "2025-08-12", "blocked", "kristi-noem"). */
  asserted: string;
  /**
   * Exactly what was compared, inside the statement: the words (a month, a count, a name, the verb that states a
   * status), their offsets, and which part of the claim they are ("the month: July 2025").
   */
  part?: ClaimPart;
  verdict: Verdict | null;
  /** The dataset's value at the article's date (absent when the date is unknown) and today. */
  then?: ClaimValueRef;
  now: ClaimValueRef;
  /** For `outdated`: the date the value changed after the article was written. */
  since?: string;
  /**
   * For `agrees`: when the value it rests on was last confirmed by a source, if more than six months ago — right as
   * far as the dataset knows, and it says since when.
   */
  lastConfirmed?: string;
}

/**
 * A mention or claim in an exported page: offsets into `PageSnapshot.text` (the text the extension read:
 * blocks separated by U+2029), and into the page's DOM text (`document.body.textContent`) with the words
 * around it, for W3C Web Annotation selectors that other tools can re-anchor.
 */
export interface SnapshotSpan {
  start: number;
  end: number;
  text: string;
  dom: {
    start: number;
    end: number;
    prefix: string;
    suffix: string;
    /** The span's text in the DOM text, where it differs from `text` (soft hyphens the engine leaves out). */
    exact?: string;
    /** The same span counted in Unicode code points, as W3C TextPositionSelector requires (JS counts UTF-16 units). */
    codePoints?: { start: number; end: number };
  } | null;
}

export interface PageSnapshot {
  url: string;
  title: string;
  /** The article's publication date (ISO), or null when the page does not say. */
  published: string | null;
  lang: 'en' | 'es';
  /** The day the snapshot was made (ISO). */
  today: string;
  version: string;
  text: string;
  mentions: (SnapshotSpan & { id: string; kind: EntityKind })[];
  claims: (SnapshotSpan & { check: ClaimCheck })[];
}
