// @vitest-environment happy-dom
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claims, dataset } from '../../data';
import { compileClaims, createEngine, parsePlainText, plainPageText, prepareClaims, readPageText, readPublished } from '../../engine';
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

describe('the sample article, checked at its publication date', () => {
  const doc = new DOMParser().parseFromString(SAMPLE, 'text/html');
  const published = readPublished(doc);
  const text = readPageText(doc.body).text;
  const finder = compileClaims(prepareClaims(claims));
  const checks = finder.find(text, { published, today: '2026-11-30' });
  const verdictOf = (id: string) => checks.find((c) => c.id === id);

  it('is dated January 9, 2026 in its meta tags', () => {
    expect(published).toBe('2026-01-09');
  });

  it('has a statement that agrees, one that is outdated and one that differs', () => {
    expect(new Set(checks.map((c) => c.verdict).filter((v) => v !== null))).toEqual(new Set(['agrees', 'outdated', 'differs']));
  });

  it('agrees: 20 states sued on July 1, 2025; four places in the June file; Executive Order 14218 of Feb. 19, 2025', () => {
    expect(verdictOf('lawsuit-states-at-filing')).toMatchObject({ verdict: 'agrees', asserted: '20' });
    expect(verdictOf('lawsuit-filing-date')).toMatchObject({ verdict: 'agrees', asserted: '2025-07-01' });
    expect(verdictOf('june-transfer-jurisdictions')).toMatchObject({ verdict: 'agrees', asserted: '4' });
    expect(verdictOf('eo-14218-date')).toMatchObject({ verdict: 'agrees', asserted: '2025-02-19' });
    // Right when written, and nothing the dataset knows says otherwise: "agrees", with the day his title was last
    // confirmed by a source (more than six months before today), as his card says "last confirmed".
    expect(verdictOf('hhs-secretary')).toMatchObject({ verdict: 'agrees', asserted: 'robert-f-kennedy-jr', lastConfirmed: expect.any(String) });
  });

  it('outdated: "Homeland Security Secretary Kristi Noem" was right in January 2026, changed in March 2026', () => {
    expect(verdictOf('dhs-secretary')).toMatchObject({
      verdict: 'outdated',
      part: { kind: 'holder', text: 'Kristi Noem' },
      since: '2026-03-31',
      then: { value: 'kristi-noem' },
      now: { value: 'markwayne-mullin' },
    });
  });

  it("differs: Illinois's program for immigrant adults 42 to 64 had ended by then", () => {
    expect(verdictOf('illinois-hbia-status')).toMatchObject({ verdict: 'differs', asserted: 'running', then: { value: 'ended', from: '2025-07-01' } });
  });

  it('gives every statement it recognises a verdict here, and exactly these', () => {
    expect(checks.map((c) => `${c.id}:${c.verdict}`).sort()).toEqual(
      [
        'june-transfer-jurisdictions:agrees', 'june-transfer-fields:agrees', 'hhs-secretary:agrees', 'eo-14218-date:agrees', 'cms-ice-agreement-date:agrees',
        'illinois-hbia-status:differs', 'lawsuit-filing-date:agrees', 'lawsuit-states-at-filing:agrees', 'lawsuit-court:agrees', 'dhs-secretary:outdated',
        'preliminary-injunction-date:agrees', 'federal-register-notice-date:agrees', 'december-2025-ruling-date:agrees', 'court-block-status:agrees',
        'december-order-fields:agrees', 'dhs-public-affairs:outdated',
      ].sort(),
    );
  });

  it('read before the change, the Noem title still agrees', () => {
    const early = finder.find(text, { published, today: '2026-02-01' });
    expect(early.find((c) => c.id === 'dhs-secretary')?.verdict).toBe('agrees');
  });

  it('offsets point into the text the engine read', () => {
    for (const c of checks) expect(text.slice(c.start, c.end)).toBe(c.text);
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

describe('the Spanish sample article', () => {
  const html = readFileSync(join(import.meta.dirname, '../../sample/articulo.html'), 'utf8');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const page = readPageText(doc.body);
  const result = engine.annotate(page, doc.title);
  const published = readPublished(doc);
  const checks = compileClaims(prepareClaims(claims)).find(page.text, { published, today: '2026-11-30', spans: result.story?.spans, peripheral: page.peripheral });

  it('is recognised, in Spanish, with the story’s agencies, places and people', () => {
    expect(doc.documentElement.lang).toBe('es');
    expect(result.detection.detected).toBe(true);
    const ids = new Set(result.mentions.map((m) => m.id));
    for (const id of ['cms', 'dhs', 'ice', 'california', 'illinois', 'district-of-columbia', 'privacy-act-1974', 'kristi-noem']) expect(ids.has(id), id).toBe(true);
  });

  it('is dated September 15, 2025, and its Spanish claims are judged: Noem as secretary is outdated', () => {
    expect(published).toBe('2025-09-15');
    expect(checks.find((c) => c.id === 'dhs-secretary')).toMatchObject({ verdict: 'outdated', since: '2026-03-31' });
    expect(checks.find((c) => c.id === 'lawsuit-states-at-filing')?.verdict).toBe('agrees');
  });

  it('is the project’s own text: no scripts, no external resources', () => {
    expect(html).not.toMatch(/<script|https?:\/\//i);
  });
});
