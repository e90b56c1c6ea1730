/**
 * The bundled dataset, as the extension and CLI load it. Validated at build time (modules/dataset.ts) and
 * in tests; at run time it is trusted JSON, so no validator ships in the content script.
 */
import meta from './dataset.json';
import lexiconJson from './lexicon.json';
import laws from './entities/laws.json';
import agencies from './entities/agencies.json';
import people from './entities/people.json';
import jurisdictions from './entities/jurisdictions.json';
import events from './entities/events.json';
import claimsJson from './claims.json';
import vocabularyJson from './claim-vocabulary.json';
import framesJson from './claim-frames.json';
import type { DatasetMeta, Entity, Lexicon } from './schema';
import type { Claim, FrameSets, Vocabulary } from './claim-schema';
import { resolveFrames } from './vocabulary';

export const dataset: { meta: DatasetMeta; lexicon: Lexicon; entities: Entity[] } = {
  meta: meta as DatasetMeta,
  lexicon: lexiconJson as Lexicon,
  entities: [...laws, ...agencies, ...people, ...jurisdictions, ...events] as unknown as Entity[],
};

export const entityById: ReadonlyMap<string, Entity> = new Map(dataset.entities.map((e) => [e.id, e]));

/** Shared word groups for claim frames (data/claim-vocabulary.json). */
export const vocabulary: Vocabulary = vocabularyJson as Vocabulary;

/**
 * Checkable statements and their values over time (data/claims.json), with the frames kept beside them
 * (data/claim-frames.json) and their word groups resolved; the engine's claim spec comes from these.
 */
const frameSets = framesJson as unknown as FrameSets;
export const claims: readonly Claim[] = (claimsJson as unknown as Claim[]).map((c) => resolveFrames(c, vocabulary, frameSets[c.id]));
