/**
 * `npm run data:diff -- FROM [TO]`: what changed between two dataset versions.
 * FROM and TO are each a published dataset.json file, or a git revision of this repository (its data/
 * folder is read at that revision). TO defaults to the working tree.
 */
import './lib/quiet-pipe';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { Claim } from '../data/claim-schema';
import type { Entity } from '../data/schema';
import { diffDatasets, formatDiff, type DatasetSnapshot } from '../data/diff';
import { ENTITY_FILES, loadDataset, DatasetError } from '../data/validate';

/**
 * The dataset at a git revision, as it was written then. Not validated: an older version was valid under its
 * own schema (1.x texts were plain strings; 2.0 texts are {en, es}), and a diff must compare them as they are.
 */
function fromGit(rev: string): DatasetSnapshot {
  const show = (path: string) => {
    try {
      return execFileSync('git', ['show', `${rev}:data/${path}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      return undefined;
    }
  };
  const meta = show('dataset.json');
  if (meta === undefined) throw new Error(`${rev} is neither a file nor a git revision with data/dataset.json`);
  const entities = ENTITY_FILES.flatMap((f) => JSON.parse(show(`entities/${f}`) ?? '[]') as Entity[]);
  const claims = show('claims.json');
  return { ...(JSON.parse(meta) as { version: string; updated: string }), entities, claims: claims ? claimsOf(JSON.parse(claims)) : [] };
}

const claimsOf = (json: unknown): Claim[] => (Array.isArray(json) ? json : ((json as { claims?: Claim[] }).claims ?? [])) as Claim[];

function load(spec: string | undefined): DatasetSnapshot {
  if (spec === undefined) {
    const { meta, entities, claims } = loadDataset();
    return { ...meta, entities, claims: [...claims] };
  }
  if (existsSync(spec)) return JSON.parse(readFileSync(spec, 'utf8')) as DatasetSnapshot;
  return fromGit(spec);
}

const [from, to] = process.argv.slice(2);
if (!from) {
  console.error('usage: npm run data:diff -- FROM [TO]   (dataset.json files or git revisions; TO defaults to the working tree)');
  process.exit(2);
}
try {
  process.stdout.write(formatDiff(diffDatasets(load(from), load(to))));
} catch (e) {
  console.error(e instanceof DatasetError ? e.message : (e as Error).message);
  process.exit(1);
}
