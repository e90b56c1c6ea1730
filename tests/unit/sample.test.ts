// @vitest-environment happy-dom
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../data';
import { createEngine, parsePlainText, plainPageText, readPageText } from '../../engine';
import { REQUIRED_IDS, SEED_PATH } from '../support/expected';

const engine = createEngine(dataset.entities, dataset.lexicon);
const SAMPLE = readFileSync(join(import.meta.dirname, '../../sample/article.html'), 'utf8');

describe('the sample article', () => {
  const doc = new DOMParser().parseFromString(SAMPLE, 'text/html');
  const result = engine.annotate(readPageText(doc.body), doc.title);
  const ids = new Set(result.mentions.map((m) => m.id));

  it('is recognised as coverage', () => {
    expect(result.detection.detected).toBe(true);
  });

  it.each(REQUIRED_IDS)('names %s', (id) => {
    expect(ids.has(id)).toBe(true);
  });

  it('does not read its dateline or its "ice storm" as entities', () => {
    const texts = result.mentions.map((m) => `${m.id}:${m.text}`);
    expect(texts).not.toContain('washington:WASHINGTON');
    expect(texts.filter((t) => t.startsWith('ice:')).every((t) => t === 'ice:ICE' || t.startsWith('ice:Immigration'))).toBe(true);
  });

  it('is the project’s own text: no scripts, no external resources', () => {
    expect(SAMPLE).not.toMatch(/<script|<link|src="http|url\(http/i);
  });
});

describe.skipIf(!existsSync(SEED_PATH))('the seed report (machine-translated copy of the original story)', () => {
  const article = parsePlainText(existsSync(SEED_PATH) ? readFileSync(SEED_PATH, 'utf8') : '');
  const result = engine.annotate(plainPageText(article), article.title);
  const ids = new Set(result.mentions.map((m) => m.id));

  it('is recognised as coverage', () => {
    expect(result.detection.detected).toBe(true);
  });

  it.each(REQUIRED_IDS)('names %s despite the garbling', (id) => {
    expect(ids.has(id)).toBe(true);
  });

  it('resolves the garbled forms to the right entities', () => {
    const byText = new Map(result.mentions.map((m) => [m.text, m.id]));
    expect(byText.get('Gavin Newo')).toBe('gavin-newsom');
    expect(byText.get('Nickson')).toBe('andrew-nixon');
    expect(byText.get('Kim Brand')).toBe('kim-brandt');
    expect(byText.get('Washington, Colombia County')).toBe('district-of-columbia');
    expect(byText.get('Ministry of Homeland Security')).toBe('dhs');
    expect(byText.get('immigration and customs execution')).toBe('ice');
  });
});
