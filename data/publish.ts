/**
 * The published form of the dataset: `dataset.json` at the root of every browser build, with its JSON
 * Schema beside it, so anyone can inspect, cite or reuse exactly what the extension shows.
 */
import { z } from 'zod';
import { Claim } from './claim-schema';
import { DatasetMeta, Entity } from './schema';
import type { ValidatedDataset } from './validate';

export const PublishedDataset = z.object({
  ...DatasetMeta.shape,
  entities: z.array(Entity),
  /** Checkable statements and their values over time (what claim checks are judged against). */
  claims: z.array(Claim),
});

export function publishDataset({ meta, entities, claims }: ValidatedDataset): string {
  return JSON.stringify({ version: meta.version, updated: meta.updated, entities, claims }, null, 2) + '\n';
}

export function publishedSchema(): string {
  const schema = z.toJSONSchema(PublishedDataset, { unrepresentable: 'any', io: 'input' });
  return JSON.stringify({ ...schema, title: 'Medicaid Data Context dataset' }, null, 2) + '\n';
}
