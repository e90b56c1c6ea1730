/**
 * The word-index scanner must find exactly what the alternation regular expression it replaced found
 * (tests/support/regex-matcher.ts keeps that code verbatim): same starts, ends, texts and candidates, on the
 * labelled eval articles, the sample article, the seed report, the saved web corpus when present, and on
 * generated text built to hit the edges (case, spacing, soft hyphens, neighbours, punctuation).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../data';
import { parsePlainText, plainPageText, type Target } from '../../engine';
import { topicTargets } from '../../engine/detect';
import { asciiKeys, foldKey, foldKeyCased, LATIN, LATIN_FROM, normalizeForMatch } from '../../engine/fold';
import { compileFuzzy } from '../../engine/fuzzy';
import { compileMatcher, prepareMatcher, type RawMatch } from '../../engine/matcher';
import { applyRules } from '../../engine/rules';
import { EVAL_DIR } from '../../eval/evaluate';
import { SEED_PATH } from '../support/expected';
import { ENTITIES, LEXICON, STORY } from '../support/fixtures';
import * as before from '../support/regex-matcher';

const CORPUS = join(import.meta.dirname, '../../../shared/corpus/pages');

const view = (ms: RawMatch<Target>[]) =>
  ms.map((m) => ({ start: m.start, end: m.end, text: m.text, candidates: m.candidates.map((c) => [c.entity.id, c.text, c.rule ?? '', c.confidence].join('|')) }));

function engines(entities: typeof ENTITIES, lexicon: typeof LEXICON) {
  const targets: Target[] = [...entities, ...topicTargets(lexicon)];
  // Through JSON, as the extension gets the spec; the oracle prepares its own, with the old folding code.
  const spec = JSON.parse(JSON.stringify(prepareMatcher(targets)));
  return {
    fresh: compileMatcher(targets, spec),
    old: before.compileRegexMatcher(targets, before.prepareMatcher(targets)),
    fuzzy: compileFuzzy(entities),
    oldFuzzy: before.compileRegexFuzzy(entities),
  };
}

function expectSame(e: ReturnType<typeof engines>, text: string, label: string) {
  const fresh = e.fresh.find(text);
  expect(view(fresh), label).toEqual(view(e.old.find(text)));
  const mentions = applyRules(text, fresh);
  const taken = (start: number, end: number) => mentions.some((m) => m.start < end && m.end > start);
  expect(view(e.fuzzy(text, taken)), `${label} (probable names)`).toEqual(view(e.oldFuzzy(text, taken)));
}

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Text made of the dataset's own forms, bent the ways real pages bend them. */
function generated(forms: string[], seed: number, count: number): string {
  const r = random(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const glue = [' ', '  ', ', ', '. ', ' (', ') ', '\u00A0', '\u202F', '\n', '\u2029', '-', '—', ' § ', '§', 'x', 'é', 'ß', '\u00AD', ' the ', ' and ', "'s ", '’s ', '_', '1', '\uFEFF', '😀', '\uD800'];
  const bend = (s: string) => {
    let out = '';
    for (const ch of s) {
      const roll = r();
      if (roll < 0.08) out += ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase();
      else if (roll < 0.1 && /[a-z]/i.test(ch)) out += ch + '\u00AD';
      else if (roll < 0.13 && ch === ' ') out += pick(['  ', '\u00A0', '\n', ' \u00AD', '\t ']);
      else if (roll < 0.14) out += pick(['é', 'í', 'ñ', 'ø', 'Ω', 'ſ', '\u212A', '\u0130', 'ß', 'Σ']);
      else out += ch;
    }
    const cut = r();
    return cut < 0.1 ? out.slice(0, Math.max(1, Math.floor(out.length * r()))) : cut < 0.15 ? out.slice(Math.floor(out.length * r())) : out;
  };
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(r() < 0.7 ? bend(pick(forms)) : pick(forms), pick(glue));
  return parts.join('');
}

const tagless = (html: string) =>
  html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, '\u00A0')
    .replace(/&shy;/g, '\u00AD')
    .replace(/&amp;/g, '&');

describe('the word-index scanner finds what the alternation expression found', () => {
  const real = engines(dataset.entities, dataset.lexicon);
  const forms = [...dataset.entities, ...topicTargets(dataset.lexicon)].flatMap((t) => [t.name, ...t.aliases.map((a) => (typeof a === 'string' ? a : a.text))]);

  it('on the labelled eval articles', () => {
    const files = readdirSync(join(EVAL_DIR, 'articles')).filter((f) => f.endsWith('.txt'));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const article = parsePlainText(readFileSync(join(EVAL_DIR, 'articles', f), 'utf8'));
      expectSame(real, plainPageText(article).text, f);
      expectSame(real, article.title, `${f} (title)`);
    }
  });

  it('on the sample article and the seed report', () => {
    expectSame(real, tagless(readFileSync(join(import.meta.dirname, '../../sample/article.html'), 'utf8')), 'sample');
    if (existsSync(SEED_PATH)) expectSame(real, plainPageText(parsePlainText(readFileSync(SEED_PATH, 'utf8'))).text, 'seed');
  });

  it.skipIf(!existsSync(CORPUS))('on the saved web pages (../shared/corpus)', { timeout: 60_000 }, () => {
    for (const f of readdirSync(CORPUS).filter((x) => x.endsWith('.html'))) expectSame(real, tagless(readFileSync(join(CORPUS, f), 'utf8')), f);
  });

  it('on generated text that bends the dataset’s forms (case, spaces, soft hyphens, neighbours, cuts)', { timeout: 60_000 }, () => {
    for (let seed = 1; seed <= 60; seed++) expectSame(real, generated(forms, seed, 400), `seed ${seed}`);
    // Long enough for the paths taken on long texts.
    const long = generated(forms, 999, 4000);
    expect(long.length).toBeGreaterThan(50_000);
    expectSame(real, long, 'long');
  });

  it('on characters whose case maps oddly (Kelvin sign, dotted I, long s, sharp s, final sigma)', () => {
    const odd = ['Robert F. \u212Aennedy Jr.', 'Robert F. \u212Aennedy', '\u0130CE and \u0130llinois', 'Medicaid \u017Fhared', 'Stra\u00DFe data', 'ΣΣ Medicaid ΣICE DHSς'];
    for (const t of odd) expectSame(real, `${t}\u2029${t.toUpperCase()}\u2029${t.toLowerCase()}`, t);
  });

  it('on the engine tests’ small dataset', () => {
    const small = engines(ENTITIES, LEXICON);
    const smallForms = [...ENTITIES, ...topicTargets(LEXICON)].flatMap((t) => [t.name, ...t.aliases.map((a) => (typeof a === 'string' ? a : a.text))]);
    expectSame(small, STORY.join('\u2029'), 'story');
    for (let seed = 1; seed <= 40; seed++) expectSame(small, generated(smallForms, seed, 200), `small seed ${seed}`);
  });

  it('folds and normalises text exactly as before', () => {
    const edges = ['\uFEFFMedicaid', 'a\uD800b', 'x\uDC00', '😀 Medi\u2011Cal\u202Fdata\u2009\u2019s', 'Ñandú Ætna İstanbul ǅ', 'Cali\u00ADfornia\tand\r\n', ''];
    for (const t of [...edges, ...Array.from({ length: 30 }, (_, i) => generated(forms, 1000 + i, 50))]) {
      expect(normalizeForMatch(t), JSON.stringify(t)).toBe(before.normalizeForMatch(t));
      expect(foldKey(t)).toBe(before.foldKey(t));
      expect(foldKeyCased(t)).toBe(before.foldKeyCased(t));
    }
    for (const f of forms) expect(foldKey(f)).toBe(before.foldKey(f));
    // A long text, as the stress page gives.
    const long = [...edges, 'É\u2019\u2011\u00A0\uD83D\uDE00 Medi\u00ADcaid'].join('\u2029').repeat(4000);
    expect(normalizeForMatch(long)).toBe(before.normalizeForMatch(long));
    expect(normalizeForMatch(long.replace(/\uD800/g, 'x'))).toBe(before.normalizeForMatch(long.replace(/\uD800/g, 'x')));
    // asciiKeys agrees with foldKey wherever foldKey is ASCII.
    const mixed = [...forms, ...edges, 'a\nb', 'Ñandú & Co.', 'Hawaiʻi', 'İstanbul', 'Straße'];
    const keys = asciiKeys(mixed);
    mixed.forEach((t, i) => {
      const k = before.foldKey(t);
      if (/^[a-z0-9]*$/.test(k)) expect(keys[i], t).toBe(k);
    });
  });

  it('ships the Latin base-letter table that Unicode decomposition gives', () => {
    let derived = '';
    for (let c = LATIN_FROM; c < LATIN_FROM + LATIN.length; c++) {
      const base = String.fromCharCode(c).normalize('NFD')[0];
      derived += base !== String.fromCharCode(c) && /^[A-Za-z]$/.test(base) ? base : '.';
    }
    expect(LATIN).toBe(derived);
  });
});
