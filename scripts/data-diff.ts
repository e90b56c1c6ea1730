/**
 * `npm run data:diff -- FROM [TO]`: what changed between two dataset versions.
 * FROM and TO are each a published dataset.json file, or a git revision of this repository (its data/
 * folder is read at that revision). TO defaults to the working tree.
 */
import './lib/quiet-pipe';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffDatasets, formatDiff, type DatasetSnapshot } from '../data/diff';
import { ENTITY_FILES, loadDataset, DatasetError } from '../data/validate';

function fromGit(rev: string): DatasetSnapshot {
  const dir = mkdtempSync(join(tmpdir(), 'mdc-diff-'));
  mkdirSync(join(dir, 'entities'));
  const show = (path: string) => {
    try {
      return execFileSync('git', ['show', `${rev}:data/${path}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      return undefined;
    }
  };
  for (const f of ['dataset.json', 'lexicon.json', ...ENTITY_FILES.map((e) => `entities/${e}`)]) {
    const text = show(f);
    if (text === undefined && f === 'dataset.json') throw new Error(`${rev} is neither a file nor a git revision with data/dataset.json`);
    writeFileSync(join(dir, f), text ?? '[]');
  }
  const { meta, entities } = loadDataset(dir);
  return { ...meta, entities };
}

function load(spec: string | undefined): DatasetSnapshot {
  if (spec === undefined) {
    const { meta, entities } = loadDataset();
    return { ...meta, entities };
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
