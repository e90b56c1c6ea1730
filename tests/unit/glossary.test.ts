/**
 * One Spanish term for each concept (data/glossary.json), held against every Spanish text a reader can meet in
 * the dataset: records (summaries, provisions, titles, programs, timelines, disagreements, Spanish names) and
 * claims (what each is about, what the sources say, why a verdict is withheld).
 */
import { describe, expect, it } from 'vitest';
import glossary from '../../data/glossary.json';
import { loadDataset } from '../../data/validate';

const { entities, claims } = loadDataset();

/** Every reader-facing Spanish text, with where it is: {en, es} pairs and Spanish names. */
function spanishTexts(): { where: string; en?: string; es: string }[] {
  const out: { where: string; en?: string; es: string }[] = [];
  const walk = (v: unknown, where: string) => {
    if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${where}[${i}]`));
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (typeof o.en === 'string' && typeof o.es === 'string') out.push({ where, en: o.en, es: o.es });
    if (typeof o.nameEs === 'string') out.push({ where: `${where}.nameEs`, es: o.nameEs });
    // Sources are titled in their own language; recognition patterns and aliases are what pages say, not what we write.
    for (const [k, x] of Object.entries(o)) if (!['sources', 'recognize', 'aliases', 'holders', 'evidence'].includes(k)) walk(x, `${where}.${k}`);
  };
  for (const e of entities) walk(e, e.id);
  for (const c of claims) walk(c, `claim ${c.id}`);
  return out;
}

const texts = spanishTexts();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the Spanish glossary', () => {
  it('reads every Spanish text in the dataset', () => {
    expect(texts.length).toBeGreaterThan(300);
  });

  it.each(glossary.terms.map((t) => [t.concept, t] as const))('%s: one term, never the others', (_, term) => {
    const found = texts.flatMap(({ where, es }) =>
      term.avoid.filter((w) => new RegExp(`(^|[^\\p{L}])${escape(w)}($|[^\\p{L}])`, 'iu').test(es)).map((w) => `${where}: “${w}” (use “${term.es}”)`),
    );
    expect(found).toEqual([]);
  });

  it('gives the agencies’ acronyms their article, as AP en español and the agencies write them (el DHS, del ICE, los CMS)', () => {
    const allowed = new Map<string, string[]>();
    for (const a of glossary.articles.el) allowed.set(a, ['el', 'del', 'al']);
    for (const a of glossary.articles.los) allowed.set(a, ['los']);
    const bare: string[] = [];
    const acronyms = new RegExp(`\\b(${[...allowed.keys()].join('|')})\\b`, 'g');
    for (const { where, es } of texts)
      for (const m of es.matchAll(acronyms)) {
        const before = es.slice(0, m.index);
        const after = es.slice(m.index! + m[0].length);
        // The acronym after the full name, in parentheses; or part of a pair such as "CMS–DHS".
        if (/\(\s*$/.test(before) || /[–/-]$/.test(before) || /^[–/-]/.test(after)) continue;
        const word = before.match(/(\p{L}+)\s+$/u)?.[1]?.toLowerCase();
        if (!word || !allowed.get(m[1])!.includes(word)) bare.push(`${where}: “…${before.slice(-30)}${m[0]}${after.slice(0, 20)}…”`);
      }
    expect(bare).toEqual([]);
  });

  it('has every text translated, not copied from the English', () => {
    const copied = texts.filter(({ en, es }) => en !== undefined && en.length > 25 && en.trim() === es.trim()).map((t) => t.where);
    expect(copied).toEqual([]);
  });
});
