/**
 * The project's own evaluation: labelled articles it wrote itself (eval/articles, eval/labels.json), run
 * through the same engine as the extension. Used by `npm run eval` and held at the goal by a unit test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataset } from '../data';
import { createEngine, parsePlainText, plainPageText } from '../engine';

export interface Label {
  file: string;
  lang: 'en' | 'es';
  label: 'positive' | 'negative';
  category: string;
  entities?: string[];
}

export interface CaseResult extends Label {
  detected: boolean;
  score: number;
  missing: string[];
}

export interface Figures {
  n: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  /** Share of labelled entities found in the positives that were detected. */
  entityRecall: number;
}

export const EVAL_DIR = join(import.meta.dirname);

export function runEval(dir = EVAL_DIR): CaseResult[] {
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Label[];
  const engine = createEngine(dataset.entities, dataset.lexicon);
  return labels.map((l) => {
    const article = parsePlainText(readFileSync(join(dir, l.file), 'utf8'));
    const { detection, mentions } = engine.annotate(plainPageText(article), article.title);
    const found = new Set(mentions.map((m) => m.id));
    return { ...l, detected: detection.detected, score: detection.score, missing: (l.entities ?? []).filter((id) => !found.has(id)) };
  });
}

export function figures(results: CaseResult[]): Figures {
  const count = (f: (r: CaseResult) => boolean) => results.filter(f).length;
  const tp = count((r) => r.label === 'positive' && r.detected);
  const fp = count((r) => r.label === 'negative' && r.detected);
  const fn = count((r) => r.label === 'positive' && !r.detected);
  const tn = count((r) => r.label === 'negative' && !r.detected);
  const detectedPositives = results.filter((r) => r.label === 'positive' && r.detected);
  const expected = detectedPositives.reduce((n, r) => n + (r.entities?.length ?? 0), 0);
  const missing = detectedPositives.reduce((n, r) => n + r.missing.length, 0);
  return {
    n: results.length,
    tp,
    fp,
    fn,
    tn,
    precision: tp + fp ? tp / (tp + fp) : 1,
    recall: tp + fn ? tp / (tp + fn) : 1,
    entityRecall: expected ? (expected - missing) / expected : 1,
  };
}
