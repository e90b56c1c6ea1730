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
import type { DatasetMeta, Entity, Lexicon } from './schema';
import type { Claim } from './claim-schema';

export const dataset: { meta: DatasetMeta; lexicon: Lexicon; entities: Entity[] } = {
  meta: meta as DatasetMeta,
  lexicon: lexiconJson as Lexicon,
  entities: [...laws, ...agencies, ...people, ...jurisdictions, ...events] as unknown as Entity[],
};

export const entityById: ReadonlyMap<string, Entity> = new Map(dataset.entities.map((e) => [e.id, e]));

/** Checkable statements and their values over time (data/claims.json); the engine's claim spec comes from these. */
export const claims: readonly Claim[] = claimsJson as unknown as Claim[];
