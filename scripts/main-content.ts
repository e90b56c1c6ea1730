/**
 * How well the engine's cheap main-content heuristic (landmarks and rail/comment class names, decided in
 * the same DOM walk) agrees with Mozilla Readability's full extraction, on the real pages in
 * ../shared/corpus/pages. Readability is too heavy for every page load (it clones and scores the whole
 * document); this is where we check that skipping it loses little. Part of `npm run eval`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { readPageText } from '../engine';

const dir = resolve(import.meta.dirname, '../../shared/corpus/pages');
const words = (s: string) => s.toLowerCase().match(/\p{L}{3,}/gu) ?? [];

export function compareWithReadability(): { pages: number; coverage: number; extra: number } | null {
  if (!existsSync(dir)) return null;
  const coverage: number[] = [];
  const extra: number[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.html'))) {
    const html = readFileSync(join(dir, f), 'utf8');
    const ours = parseHTML(html).document;
    const page = readPageText(ours.body ?? ours.documentElement);
    let main = '';
    let last = 0;
    for (let i = 0; i < page.peripheral.length; i += 2) {
      main += page.text.slice(last, page.peripheral[i]);
      last = page.peripheral[i + 1];
    }
    main += page.text.slice(last);
    let article: string | null | undefined;
    try {
      article = new Readability(parseHTML(html).document as unknown as Document).parse()?.textContent;
    } catch {
      article = null;
    }
    if (!article || words(article).length < 50) continue;
    const inMain = new Set(words(main));
    const inArticle = new Set(words(article));
    const a = words(article);
    const m = words(main);
    coverage.push(a.filter((w) => inMain.has(w)).length / a.length);
    extra.push(m.filter((w) => !inArticle.has(w)).length / Math.max(1, m.length));
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0;
  return { pages: coverage.length, coverage: median(coverage), extra: median(extra) };
}
