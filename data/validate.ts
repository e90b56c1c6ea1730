/**
 * Loads and validates the dataset from disk (Node only: build, data:check, tests, CLI).
 * Every problem names the file, the record and the field, and all problems are reported at once.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DatasetMeta, Entity, Lexicon, REQUIRE_SPANISH } from './schema';
import { Claim, FrameSets, Vocabulary } from './claim-schema';
import { resolveFrames, VocabularyError } from './vocabulary';
import { ClaimTemplateError, prepareClaims } from '../engine/claims';

// A path, not a URL: checkouts may live in folders with spaces.
export const DATA_DIR = import.meta.dirname;
export const ENTITY_FILES = ['laws.json', 'agencies.json', 'people.json', 'jurisdictions.json', 'events.json'];

export interface ValidatedDataset {
  meta: DatasetMeta;
  lexicon: Lexicon;
  entities: Entity[];
  /** Checkable statements (claims.json); empty where a revision predates them. */
  claims: Claim[];
}

export class DatasetError extends Error {
  constructor(readonly problems: string[]) {
    super(`The dataset is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  - ${problems.join('\n  - ')}`);
    this.name = 'DatasetError';
  }
}

function fieldPath(path: PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '');
}

function readJson(file: string, problems: string[], dir: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    problems.push(`${relative(dir, file)}: cannot be read as JSON: ${(e as Error).message}`);
    return undefined;
  }
}

/** Paths of reader-facing texts ({en, es?}) that have no Spanish yet. */
export function missingSpanish(value: unknown, path: PropertyKey[] = []): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => missingSpanish(v, [...path, i]));
  if (!value || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  if (typeof o.en === 'string') return typeof o.es === 'string' && o.es.trim() ? [] : [fieldPath([...path, 'es'])];
  return Object.entries(o).flatMap(([k, v]) => (k === 'sources' ? [] : missingSpanish(v, [...path, k])));
}

/** Validate `dir` (default: this folder). Throws DatasetError listing every problem. */
export function loadDataset(dir = DATA_DIR): ValidatedDataset {
  const problems: string[] = [];
  const name = (f: string) => relative(dir, f) || f;

  const metaFile = join(dir, 'dataset.json');
  const metaRaw = readJson(metaFile, problems, dir);
  const meta = metaRaw === undefined ? undefined : DatasetMeta.safeParse(metaRaw);
  if (meta && !meta.success)
    for (const i of meta.error.issues) problems.push(`${name(metaFile)}: field ${fieldPath(i.path) || '(root)'}: ${i.message}`);

  const lexFile = join(dir, 'lexicon.json');
  const lexRaw = readJson(lexFile, problems, dir);
  const lexicon = lexRaw === undefined ? undefined : Lexicon.safeParse(lexRaw);
  if (lexicon && !lexicon.success)
    for (const i of lexicon.error.issues) problems.push(`${name(lexFile)}: field ${fieldPath(i.path) || '(root)'}: ${i.message}`);

  const entities: Entity[] = [];
  const seen = new Map<string, string>();
  const entityDir = join(dir, 'entities');
  const present = new Set(readdirSync(entityDir).filter((f) => f.endsWith('.json')));
  for (const f of present) if (!ENTITY_FILES.includes(f)) problems.push(`entities/${f}: unexpected file (expected one of ${ENTITY_FILES.join(', ')})`);
  for (const f of ENTITY_FILES) {
    const file = join(entityDir, f);
    if (!present.has(f)) continue;
    const raw = readJson(file, problems, dir);
    if (raw === undefined) continue;
    if (!Array.isArray(raw)) {
      problems.push(`${name(file)}: expected an array of records`);
      continue;
    }
    raw.forEach((record: unknown, index: number) => {
      const id =
        record && typeof record === 'object' && typeof (record as { id?: unknown }).id === 'string'
          ? (record as { id: string }).id
          : `#${index}`;
      const parsed = Entity.safeParse(record);
      if (!parsed.success) {
        for (const i of parsed.error.issues) problems.push(`${name(file)}: record '${id}': field ${fieldPath(i.path) || '(root)'}: ${i.message}`);
        return;
      }
      if (REQUIRE_SPANISH) for (const f of missingSpanish(parsed.data)) problems.push(`${name(file)}: record '${id}': field ${f}: missing the Spanish text`);
      if (seen.has(parsed.data.id)) problems.push(`${name(file)}: record '${id}': field id: duplicate of a record in ${seen.get(parsed.data.id)}`);
      seen.set(parsed.data.id, name(file));
      entities.push(parsed.data);
    });
  }
  // Cross-record references.
  for (const e of entities) {
    if (e.kind === 'agency' && e.parent && !seen.has(e.parent))
      problems.push(`${seen.get(e.id)}: record '${e.id}': field parent: no record has id '${e.parent}'`);
    if (e.kind === 'person')
      e.roles.forEach((r, k) => {
        const id = r.successor?.id;
        if (id && !entities.some((p) => p.id === id && p.kind === 'person'))
          problems.push(`${seen.get(e.id)}: record '${e.id}': field roles[${k}].successor.id: no person record has id '${id}'`);
        if (r.successor && !r.to) problems.push(`${seen.get(e.id)}: record '${e.id}': field roles[${k}].successor: a successor needs the term's end (to)`);
      });
  }

  const claims = loadClaims(dir, seen, problems);

  if (problems.length || !meta?.success || !lexicon?.success) throw new DatasetError(problems);
  return { meta: meta.data, lexicon: lexicon.data, entities, claims };
}

/** claim-vocabulary.json: the word groups frames name ("@court"); an empty set where a revision predates it. */
function loadVocabulary(dir: string, problems: string[]): Vocabulary {
  const file = join(dir, 'claim-vocabulary.json');
  if (!existsSync(file)) return {};
  const raw = readJson(file, problems, dir);
  if (raw === undefined) return {};
  const parsed = Vocabulary.safeParse(raw);
  if (!parsed.success) {
    for (const i of parsed.error.issues) problems.push(`claim-vocabulary.json: group '${String(i.path[0] ?? '')}': ${fieldPath(i.path.slice(1)) || 'words'}: ${i.message}`);
    return {};
  }
  return parsed.data;
}

/** claim-frames.json: frames by claim id (checked against the claims once they are read). */
function loadFrameSets(dir: string, problems: string[]): FrameSets {
  const file = join(dir, 'claim-frames.json');
  if (!existsSync(file)) return {};
  const raw = readJson(file, problems, dir);
  if (raw === undefined) return {};
  const parsed = FrameSets.safeParse(raw);
  if (!parsed.success) {
    for (const i of parsed.error.issues)
      problems.push(`claim-frames.json: claim '${String(i.path[0] ?? '')}': field ${fieldPath(['frames', ...i.path.slice(1)]) || 'frames'}: ${i.message}`);
    return {};
  }
  return parsed.data;
}

/** claims.json: schema, references to records, values in order, and every phrase and frame compiles. */
function loadClaims(dir: string, entityIds: ReadonlyMap<string, string>, problems: string[]): Claim[] {
  const file = join(dir, 'claims.json');
  if (!existsSync(file)) return [];
  const vocabulary = loadVocabulary(dir, problems);
  const frameSets = loadFrameSets(dir, problems);
  const raw = readJson(file, problems, dir);
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push('claims.json: expected an array of claims');
    return [];
  }
  const claims: Claim[] = [];
  const ids = new Set<string>();
  raw.forEach((record: unknown, index: number) => {
    const id = record && typeof record === 'object' && typeof (record as { id?: unknown }).id === 'string' ? (record as { id: string }).id : `#${index}`;
    const at = (field: string, message: string) => problems.push(`claims.json: record '${id}': field ${field}: ${message}`);
    const parsed = Claim.safeParse(record);
    if (!parsed.success) {
      for (const i of parsed.error.issues) at(fieldPath(i.path) || '(root)', i.message);
      return;
    }
    let claim: Claim;
    try {
      claim = resolveFrames(parsed.data, vocabulary, frameSets[parsed.data.id]);
    } catch (e) {
      if (!(e instanceof VocabularyError)) throw e;
      at(e.field, e.message);
      return;
    }
    // Recognition may live in claims.json (phrases) or data/claim-frames.json (frames); a claim with neither is never found.
    if (!claim.recognize.phrases?.length && !claim.recognize.frames?.length) at('recognize', 'give phrases here or frames in claim-frames.json');
    if (ids.has(claim.id)) at('id', 'duplicate of another claim');
    ids.add(claim.id);
    claim.entities.forEach((e, k) => {
      if (!entityIds.has(e)) at(`entities[${k}]`, `no record has id '${e}'`);
    });
    const first = (d: string) => (d.length === 7 ? `${d}-01` : d);
    const last = (d: string) => (d.length === 7 ? `${d}-31` : d);
    claim.values.forEach((v, k) => {
      if (v.to && last(v.to) < first(v.from)) at(`values[${k}].to`, `ends before it starts (${v.from})`);
      const prev = claim.values[k - 1];
      if (prev && (!prev.to || first(v.from) <= last(prev.to))) at(`values[${k}].from`, 'overlaps the value before it: give the earlier one a `to` before this date');
      if (claim.kind === 'title' && !claim.holders.some((h) => h.id === v.value)) at(`values[${k}].value`, `'${v.value}' is not one of the claim's holders`);
      if (claim.kind === 'count' && 'range' in v && v.range && v.range[0] > v.range[1]) at(`values[${k}].range`, 'low end above high end');
      // A list value names things the claim's frames can read: a token no frame lists is a typo nobody would notice.
      if (claim.kind === 'status') {
        const listed = new Set((claim.recognize.frames ?? []).flatMap((f) => Object.keys(f.members ?? {})));
        for (const field of ['includes', 'excludes'] as const)
          (('includes' in v ? v[field] : undefined) ?? []).forEach((token, i) => {
            if (!listed.has(token)) at(`values[${k}].${field}[${i}]`, `'${token}' is not a member any of the claim's frames lists`);
          });
      }
    });
    (claim.unsure ?? []).forEach((w, k) => {
      if (w.to && last(w.to) < first(w.from)) at(`unsure[${k}].to`, `ends before it starts (${w.from})`);
    });
    try {
      prepareClaims([claim]);
    } catch (e) {
      if (!(e instanceof ClaimTemplateError)) throw e;
      at(e.field, e.message.replace(/^claim '[^']*': field [^:]*: /, ''));
      return;
    }
    if (REQUIRE_SPANISH) for (const f of missingSpanish(claim)) at(f, 'missing the Spanish text');
    claims.push(claim);
  });
  const named = new Set(raw.map((r: unknown) => (r && typeof r === 'object' ? (r as { id?: unknown }).id : undefined)));
  for (const id of Object.keys(frameSets)) if (!named.has(id)) problems.push(`claim-frames.json: claim '${id}': no claim in claims.json has this id`);
  return claims;
}
