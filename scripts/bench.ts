/**
 * `npm run bench`: what the annotation pass costs next to the floor, a bare DOM text walk, in real
 * Chromium on real pages (../shared/corpus/pages), the sample article, the seed report, and a ~5 M character
 * stress page. Page scripts are not run; timing happens inside the page. Numbers go to the console and to
 * bench-output/results.json; they are never asserted in tests.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { findChromium } from './lib/chromium';
import { plainTextPage, serve } from './lib/serve';
import { parsePlainText } from '../engine/plain-text';
import { toMatchIndex } from '../data/match-index';
import { loadDataset } from '../data/validate';

const ROOT = resolve(import.meta.dirname, '..');
const CORPUS = resolve(ROOT, '../shared/corpus/pages');
const SEED = resolve(ROOT, '../shared/seed/000_ecedb3fde63ac8d2.txt');
const REPS = 7;

const bundle = await build({
  entryPoints: [join(ROOT, 'scripts/bench-entry.ts')],
  bundle: true,
  format: 'iife',
  write: false,
  minify: true,
  target: 'chrome120',
  alias: { '@': ROOT },
});
const matchIndex = JSON.stringify(toMatchIndex(loadDataset()));
const script = `globalThis.__matchIndex = JSON.parse(${JSON.stringify(matchIndex)});\n${bundle.outputFiles[0].text}`;

const sample = readFileSync(join(ROOT, 'sample/article.html'), 'utf8');
const pages: Record<string, () => string> = { '/sample': () => sample };
if (existsSync(SEED)) {
  const a = parsePlainText(readFileSync(SEED, 'utf8'));
  pages['/seed'] = () => plainTextPage(a.title, a.paragraphs);
}
const corpusFiles = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.html')).sort() : [];
for (const f of corpusFiles) pages[`/corpus/${f}`] = () => readFileSync(join(CORPUS, f), 'utf8');
// Stress: the sample article's body repeated to about 5 M characters (a recognised page, so the full path runs).
const body = sample.match(/<body[^>]*>([\s\S]*)<\/body>/)![1];
pages['/stress'] = () => `<!doctype html><html><head><title>Stress</title></head><body>${body.repeat(Math.ceil(5e6 / body.length))}</body></html>`;

const server = await serve(pages);
const browser = await chromium.launch({
  executablePath: findChromium(),
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ javaScriptEnabled: true });
// Pages' own scripts are blocked: we measure our pass, not the site.
await context.route('**/*', (route) => (route.request().resourceType() === 'document' ? route.continue() : route.abort()));

interface Row { page: string; chars: number; walk: number; pass: number; ratio: number; first: number; detected: boolean; mentions: number }
const rows: Row[] = [];
for (const path of Object.keys(pages)) {
  const page = await context.newPage();
  try {
    await page.goto(`http://127.0.0.1:${server.port}${path}`, { waitUntil: 'domcontentloaded' });
    await page.evaluate(() => document.querySelectorAll('script').forEach((s) => s.remove()));
    await page.addScriptTag({ content: script });
    const r = await page.evaluate((reps) => (globalThis as any).__bench(reps), REPS);
    rows.push({ page: path, ...r, ratio: r.pass / Math.max(r.walk, 0.01) });
  } catch (e) {
    console.error(`skipped ${path}: ${(e as Error).message.split('\n')[0]}`);
  } finally {
    await page.close();
  }
}
await browser.close();
await server.close();

const fmt = (x: number) => x.toFixed(2).padStart(7);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`page                                   chars   walk ms   pass ms  ratio  first-load ms  detected mentions`);
const show = (r: Row) =>
  console.log(`${r.page.slice(0, 36).padEnd(36)} ${String(r.chars).padStart(8)} ${fmt(r.walk)} ${fmt(r.pass)} ${fmt(r.ratio)}x ${fmt(r.first)}  ${String(r.detected).padEnd(8)} ${r.mentions}`);
const named = rows.filter((r) => !r.page.startsWith('/corpus/'));
const corpus = rows.filter((r) => r.page.startsWith('/corpus/'));
named.forEach(show);
const big = corpus.filter((r) => r.chars >= 50_000);
if (corpus.length) {
  console.log(`\n${corpus.length} real pages: median pass/walk ratio ${median(corpus.map((r) => r.ratio)).toFixed(2)}x; ` +
    `on the ${big.length} pages of 50k+ characters ${big.length ? median(big.map((r) => r.ratio)).toFixed(2) : '-'}x; ` +
    `median first-load pass (compiles the matcher) ${median(corpus.map((r) => r.first)).toFixed(2)} ms; recognised: ${corpus.filter((r) => r.detected).length}`);
  [...corpus].sort((a, b) => b.ratio - a.ratio).slice(0, 3).forEach((r) => show(r));
}
mkdirSync(join(ROOT, 'bench-output'), { recursive: true });
writeFileSync(join(ROOT, 'bench-output/results.json'), JSON.stringify(rows, null, 2));
console.log('\nWritten to bench-output/results.json');
