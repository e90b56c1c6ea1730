/**
 * The slice of the dataset the content script needs on every page: ids, kinds, names and aliases, plus the
 * detector's vocabulary. The full records (summaries, sources, timelines) stay in the background and reach a
 * page only once it is recognised as coverage, so ordinary pages never parse them.
 */
import type { Alias, EntityKind, Lexicon } from './schema';
import type { ValidatedDataset } from './validate';

export interface MatchIndex {
  version: string;
  lexicon: Lexicon;
  entities: { id: string; kind: EntityKind; name: string; aliases: Alias[] }[];
}

export function toMatchIndex({ meta, lexicon, entities }: ValidatedDataset): MatchIndex {
  return { version: meta.version, lexicon, entities: entities.map(({ id, kind, name, aliases }) => ({ id, kind, name, aliases })) };
}

export const MATCH_INDEX_MODULE = 'virtual:mdc-match-index';
