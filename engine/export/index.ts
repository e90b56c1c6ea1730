/**
 * Exports of an annotated page for fact-checkers and educators: a printable HTML handout, W3C Web
 * Annotation JSON-LD, CSV, schema.org ClaimReview drafts, and citations as plain text or Markdown. Pure
 * functions of a PageSnapshot and the dataset records: the side panel and the CLI produce the same files.
 */
import type { Claim } from '../../data/claim-schema';
import type { Entity, Event, Lang } from '../../data/schema';
import type { PageSnapshot } from '../types';

/** UI words for an export, in its language (locales/*.json): `t('export.notes')`. */
export type Translate = (key: string, subs?: (string | number)[]) => string;

export interface ExportContext {
  snapshot: PageSnapshot;
  /** Full records of the entities the page names (at least those). */
  entities: ReadonlyMap<string, Entity>;
  /** Claim records by id (statements and sources for each value). */
  claims: ReadonlyMap<string, Claim>;
  /** The story's events, for the timeline. */
  events: readonly Event[];
  lang: Lang;
  t: Translate;
  /** When the export was made (ISO date or date-time). */
  generated: string;
}

/**
 * JSON-LD as text, safe wherever it is pasted: embedded the usual way (`<script type="application/ld+json">`), a
 * title holding `</script><script>…` would end the element and run. `<`, `>` and `&` (and the two line
 * separators JavaScript once refused in strings) are written as \u escapes, which every JSON parser reads back
 * as the same characters.
 */
export function toJsonLdText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export type CitationTarget = { entity: string } | { claim: number } | 'page';

export { toHandoutHtml, escapeHtml } from './handout';
export { toWebAnnotation, recordUrn, ANNO_CONTEXT } from './w3c';
export { toCsv, csvField, CSV_COLUMNS } from './csv';
export { toClaimReview, RATING_SCALE, BEST_RATING, WORST_RATING } from './claimreview';
export { citation, escapeMarkdown, type CitationFormat } from './citation';
export { domSpanLocator, DOM_CONTEXT } from './dom-spans';
