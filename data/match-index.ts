/**
 * The slice of the dataset the engine needs: ids, kinds, names and aliases, plus the detector's vocabulary,
 * and the matcher's page-independent half precomputed. The background's engine starts from it (and the CLI
 * and the benchmark from the same function), so a service worker that wakes up compiles nothing.
 */
import { prepareEngine, type MatcherSpec } from '../engine';
import type { Alias, EntityKind, Lexicon } from './schema';
import type { ValidatedDataset } from './validate';

export interface MatchIndex {
  version: string;
  lexicon: Lexicon;
  entities: { id: string; kind: EntityKind; name: string; aliases: Alias[] }[];
  /** The matcher's page-independent half, computed here at build time rather than on every page. */
  matcher: MatcherSpec;
}

/** What the engine reads of an alias: its text, and its rule and confidence when it has them. */
const slimAlias = (a: Alias): Alias => (typeof a === 'string' || (!a.rule && !a.confidence) ? (typeof a === 'string' ? a : a.text) : { text: a.text, rule: a.rule, confidence: a.confidence });

export function toMatchIndex({ meta, lexicon, entities }: ValidatedDataset): MatchIndex {
  const slim = entities.map(({ id, kind, name, aliases }) => ({ id, kind, name, aliases: aliases.map(slimAlias) }));
  return { version: meta.version, lexicon, entities: slim, matcher: prepareEngine(slim, lexicon) };
}

export const MATCH_INDEX_MODULE = 'virtual:mdc-match-index';
/** The dataset's version on its own, for code that shows it but never matches (the content script). */
export const DATASET_VERSION_MODULE = 'virtual:mdc-dataset-version';
