/**
 * The sample article as the workbench receives it from the content script — `annotations:get` and
 * `annotations:export` answers — computed by the same engine from sample/article.html, with its claims
 * judged at its publication date. Needs a DOM (happy-dom or a browser).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { claims, dataset } from '../../data';
import { compileClaims, createEngine, eventsSince, prepareClaims, readPageText, readPublished, type PageSnapshot } from '../../engine';
import type { AnnotationsResponse } from '../../utils/messages';

export const SAMPLE_TODAY = '2026-11-30';

export function sampleAnswers(): { annotations: AnnotationsResponse; snapshot: PageSnapshot } {
  const html = readFileSync(join(import.meta.dirname, '../../sample/article.html'), 'utf8');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const engine = createEngine(dataset.entities, dataset.lexicon);
  const index = readPageText(doc.body);
  const result = engine.annotate(index, doc.title);
  const published = readPublished(doc);
  // As the background checks them for the content script: in the story only, and only those with a verdict.
  const checks = compileClaims(prepareClaims(claims))
    .find(index.text, { published, today: SAMPLE_TODAY, spans: result.story?.spans, peripheral: index.peripheral })
    .filter((c) => c.verdict !== null);
  const annotations: AnnotationsResponse = {
    detected: result.detection.detected,
    score: result.detection.score,
    version: dataset.meta.version,
    reasons: result.detection.reasons,
    enabled: true,
    mode: 'all',
    hidden: false,
    annotations: result.mentions.map((m) => ({ id: m.id, kind: m.kind, text: m.text })),
    published,
    claims: checks.map((c) => ({ id: c.id, text: c.text, verdict: c.verdict!, ...(c.since ? { since: c.since } : {}) })),
    since: published ? eventsSince(dataset.entities, published, SAMPLE_TODAY) : [],
    lang: 'en',
  };
  const snapshot: PageSnapshot = {
    url: 'https://apnews.com/article/sample',
    title: doc.title,
    published,
    lang: 'en',
    today: SAMPLE_TODAY,
    version: dataset.meta.version,
    text: index.text,
    mentions: result.mentions.map((m) => ({ id: m.id, kind: m.kind, start: m.start, end: m.end, text: m.text, dom: null })),
    claims: checks.map((check) => ({ start: check.start, end: check.end, text: check.text, dom: null, check })),
  };
  return { annotations, snapshot };
}
