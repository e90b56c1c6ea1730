/**
 * The slice of the dataset the content script needs on every page: ids, kinds, names and aliases, plus the
 * detector's vocabulary. The full records (summaries, sources, timelines) stay in the background and reach a
 * page only once it is recognised as coverage, so ordinary pages never parse them.
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
