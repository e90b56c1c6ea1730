/**
 * `npm run bench`: what the extension costs a page, in real Chromium, on real pages (../shared/corpus/pages),
 * the sample article, the seed report, a ~4 M-character stress page (the sample's body repeated) and a dense
 * page (3.6 M characters of the story in ~400 paragraphs).
 * Every page is served with `script-src 'none'`: the pages' own scripts never run, so whatever JavaScript
 * runs is ours. Numbers go to the console and to bench-output/results.json; they are never asserted in tests.
 *
 * Per page, in one run:
 * - walk: the floor, a bare TreeWalker over text nodes reading their text (in the page, performance.now);
 * - annotate: the whole pass (read → engine → anchor → paint) with its engine warm, all of it in the page.
 *   The extension runs the engine in its background instead, so this is all the work, wherever it runs;
 * - mark.js: highlighting the same terms (mark.js 8.11, one expression, its fastest mode);
 * - cold: the BUILT extension (.output/chrome-mv3) in a fresh tab on a news host: the main-thread time of
 *   every task its content script runs in, from evaluating its bundle to the end of its first pass, read
 *   from a Chrome trace (scripts/lib/trace.ts). Each fresh tab is on another news site, so it gets a fresh
 *   renderer process (no code cached from the last one). The engine's share runs in the extension's
 *   background (another process), so it is not the page's main thread's and is not counted here.
 * Then, with the built extension: incremental updates (a page that appends paragraphs one by one, as
 * infinite scroll does, and one that rewrites one paragraph over and over: main-thread time per update),
 * the longest main-thread task it causes, the content script's retained heap on the stress page, and heap
 * growth over single-page-app navigations.
 *
 * Times from traces are the main thread's CPU time (the trace's thread time): on a shared machine, wall time
 * also counts the time the thread waited for a core. The table shows both.
 *
 * Flags: --json (end with one JSON line), --quick (fewer pages, repetitions and updates), --no-build (use
 * the existing build).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROME_BUILD, findChromium, launchWithExtension, type ExtensionBrowser } from './lib/chromium';
import { plainTextPage } from './lib/serve';
import { extensionTasks, longest, sum, traceDuring, type TaskCost, type TraceEvent } from './lib/trace';
import { parsePlainText } from '../engine/plain-text';
import { toMatchIndex } from '../data/match-index';
import { loadDataset } from '../data/validate';
import { NEWS_HOSTS } from '../utils/news-sites';
import { ANNOTATOR_SCRIPT, GATE_SCRIPT } from '../utils/annotator-files';

const args = new Set(process.argv.slice(2));
const JSON_LINE = args.has('--json');
const QUICK = args.has('--quick');
const ROOT = resolve(import.meta.dirname, '..');
const CORPUS = resolve(ROOT, '../shared/corpus/pages');
const SEED = resolve(ROOT, '../shared/seed/000_ecedb3fde63ac8d2.txt');
const REPS = QUICK ? 3 : 7;
/** Fresh tabs per recognised article (sample, seed) for the cold pass; corpus pages get one each. */
const COLD_REPS = QUICK ? 3 : 9;
const APPENDS = QUICK ? 40 : 200;
const EDITS = QUICK ? 20 : 100;
const NAVIGATIONS = QUICK ? 20 : 100;
/** Between updates: longer than the content script's quiet period before it reads what changed (150 ms today). */
const UPDATE_INTERVAL_MS = Number(process.env.BENCH_UPDATE_INTERVAL_MS ?? 500);
const progress = (s: string) => process.stderr.write(`${s}\n`);

// --- The built extension -------------------------------------------------------------------------------
if (!args.has('--no-build')) {
  progress('building the Chrome extension (wxt build)…');
  const r = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('wxt build failed');
}
/**
 * What a page loads: every page the gate (the content script); a page that might be coverage, the annotator
 * too. contentScriptKb is both, what a recognised article loads (the card UI, explain.js, only on first use).
 */
const PAGE_SCRIPTS = [GATE_SCRIPT, ANNOTATOR_SCRIPT].map((file) => join(CHROME_BUILD, file));
for (const file of PAGE_SCRIPTS) if (!existsSync(file)) throw new Error(`No built page script at ${file}: run \`npm run build\`.`);
const [gateKb, annotatorKb] = PAGE_SCRIPTS.map((file) => gzipSync(readFileSync(file)).length / 1000);
const contentScriptKb = gateKb + annotatorKb;

// --- Pages ---------------------------------------------------------------------------------------------
const sample = readFileSync(join(ROOT, 'sample/article.html'), 'utf8');
const pages = new Map<string, () => string>([['sample', () => sample]]);
if (existsSync(SEED)) {
  const a = parsePlainText(readFileSync(SEED, 'utf8'));
  pages.set('seed', () => plainTextPage(a.title, a.paragraphs));
}
let corpusFiles = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.html')).sort() : [];
if (QUICK) corpusFiles = corpusFiles.filter((_, i) => i % 10 === 0);
for (const f of corpusFiles) pages.set(`corpus/${f}`, () => readFileSync(join(CORPUS, f), 'utf8'));
// Stress: the sample article's body repeated to about 4 M characters of text (a recognised page, so the
// whole pipeline runs on all of it).
const body = sample.match(/<body[^>]*>([\s\S]*)<\/body>/)![1];
pages.set('stress', () => `<!doctype html><html><head><title>Stress</title></head><body>${body.repeat(Math.ceil(5e6 / body.length))}</body></html>`);
// Dense: the same story in few elements, the sample article with 400 more paragraphs of about 9,000 characters
// each (3.6 M characters in all): a page huge by its characters, not its elements.
const storySentences = [...sample.matchAll(/<p>([^<]{80,})<\/p>/g)].map((m) => m[1]).join(' ').split(/(?<=\.)\s+/).slice(0, 200).join(' ');
pages.set('dense', () => sample.replace('</article>', `${`<p>${storySentences} ${storySentences.slice(0, 2500)}</p>`.repeat(400)}</article>`));
const isCorpus = (name: string) => name.startsWith('corpus/');

/** Serve `pages` to a browser context from memory, with the pages' own scripts blocked. */
async function servePages(context: BrowserContext) {
  await context.route('**/*', async (route) => {
    const req = route.request();
    // The extension's own scripts (the gate imports the annotator) come from the extension, not the network.
    if (req.url().startsWith('chrome-extension:')) return route.continue();
    const name = decodeURIComponent(new URL(req.url()).pathname.slice(1));
    const page = pages.get(name);
    if (req.resourceType() !== 'document' || !page) return route.abort();
    await route.fulfill({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'", 'cache-control': 'no-store' },
      body: page(),
    });
  });
}

// --- 1. In the page: walk, warm pass, mark.js ----------------------------------------------------------
interface Row {
  name: string;
  chars: number;
  walkMs: number;
  annotateMs: number;
  markjsMs: number;
  coldMs: number;
  coldWallMs: number;
  longestTaskMs: number;
  detected: boolean;
  mentions: number;
  marks: number;
}
const rows = new Map<string, Row>();

const index = toMatchIndex(loadDataset());
const bundle = await build({
  entryPoints: [join(ROOT, 'scripts/bench-entry.ts')],
  bundle: true,
  format: 'iife',
  write: false,
  minify: true,
  target: 'chrome120',
  alias: { '@': ROOT },
});
const inPage = `globalThis.__matchIndex = JSON.parse(${JSON.stringify(JSON.stringify(index))});\n${bundle.outputFiles[0].text}`;
const markjs = readFileSync(createRequire(import.meta.url).resolve('mark.js/dist/mark.min.js'), 'utf8');
// The same terms as the extension: every literal variant, longest first, as whole words.
const variants = [...index.matcher.variants].sort((a, b) => b.length - a.length);
const markSource = `\\b(?:${variants.map((v) => v.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')).join('|')})\\b`;

{
  progress(`in-page timings on ${pages.size} pages…`);
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext();
  await servePages(context);
  for (const name of pages.keys()) {
    progress(`  ${name}`);
    const page = await context.newPage();
    try {
      const url = `http://bench.test/${encodeURIComponent(name)}`;
      await page.goto(url, { waitUntil: 'load' });
      // Scripts go in through the debugger protocol, which the page's CSP does not govern. mark.js first, on
      // a fresh page: every live Range a pass leaves behind (until it is collected) is updated on each DOM
      // change, and mark.js changes the DOM for every match.
      await page.evaluate(inPage);
      await page.evaluate(markjs);
      const m = await page.evaluate(([reps, source]) => (globalThis as any).__markjs(reps, source), [REPS, markSource] as const);
      await page.goto(url, { waitUntil: 'load' });
      await page.evaluate(inPage);
      const r = await page.evaluate((reps) => (globalThis as any).__bench(reps), REPS);
      rows.set(name, { name, chars: r.chars, walkMs: r.walk, annotateMs: r.pass, markjsMs: m.markjs, marks: m.marks, detected: r.detected, mentions: r.mentions, coldMs: NaN, coldWallMs: NaN, longestTaskMs: NaN });
    } catch (e) {
      progress(`skipped ${name}: ${(e as Error).message.split('\n')[0]}`);
    } finally {
      await page.close();
    }
  }
  await browser.close();
}

// --- 2. The built extension: cold first pass in fresh tabs ---------------------------------------------
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
let ext: ExtensionBrowser = await launchWithExtension({ port: 9 });
/**
 * The extension's code, wherever it runs from: the gate under chrome-extension://<id>/, the scripts it imports
 * under a per-session chrome-extension://<uuid>/ (use_dynamic_url). The benchmark's browser has no other
 * extension, and its pages no scripts of their own.
 */
const origin = 'chrome-extension://';
await servePages(ext.context);
let site = 0;
/** A news host the content script runs on, another site each time: a fresh tab gets a fresh process. */
const nextHost = () => `http://www.${NEWS_HOSTS[site++ % NEWS_HOSTS.length]}`;
const pids = new Set<number>();
let reusedProcesses = 0;
const allTasks: TaskCost[] = [];
/** Where each of allTasks ran (a page's name, or the update run), to say where the longest one was. */
const taskWhere = new Map<TaskCost, string>();

/** The extension's main-thread tasks in a fresh tab of `browser` opening `name`. */
async function coldTasks(browser: ExtensionBrowser, name: string, settleMs: number): Promise<{ tasks: TaskCost[]; events: TraceEvent[] }> {
  const page = await browser.context.newPage();
  await page.goto('about:blank');
  const cdp = await browser.context.newCDPSession(page);
  const { events } = await traceDuring(cdp, async () => {
    await page.goto(`${nextHost()}/${encodeURIComponent(name)}`, { waitUntil: 'load', timeout: 60_000 });
    await page.waitForTimeout(settleMs);
  });
  await cdp.detach();
  await page.close();
  return { tasks: extensionTasks(events, origin), events };
}

async function coldLoad(name: string, settleMs: number): Promise<TaskCost[]> {
  const { tasks, events } = await coldTasks(ext, name, settleMs);
  const evaluated = events.find((e) => e.name === 'EvaluateScript' && JSON.stringify(e.args ?? {}).includes(origin));
  if (evaluated) {
    if (pids.has(evaluated.pid)) reusedProcesses++;
    pids.add(evaluated.pid);
  }
  allTasks.push(...tasks);
  for (const t of tasks) taskWhere.set(t, name);
  return tasks;
}

progress('cold first pass with the built extension…');
for (const name of pages.keys()) {
  const row = rows.get(name);
  if (!row) continue;
  const big = name === 'stress' || name === 'dense';
  const reps = isCorpus(name) ? 1 : big ? (QUICK ? 1 : 3) : COLD_REPS;
  const cpu: number[] = [];
  const wall: number[] = [];
  const long: number[] = [];
  for (let i = 0; i < reps; i++) {
    try {
      const tasks = await coldLoad(name, big ? 6000 : 1000);
      cpu.push(sum(tasks, 'cpuMs'));
      wall.push(sum(tasks, 'wallMs'));
      long.push(longest(tasks, 'cpuMs'));
    } catch (e) {
      progress(`cold ${name}: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  if (cpu.length) Object.assign(row, { coldMs: median(cpu), coldWallMs: median(wall), longestTaskMs: Math.max(...long) });
}

// --- 3. Incremental updates ----------------------------------------------------------------------------
/**
 * Underlined mentions, counted from the page itself: the highlight registry is the document's, so the page's
 * own world sees the ranges. Asking the content script instead (annotationsFor) would be an extension page
 * asking about the tab, after which it tells the extension of every change: what a reader with the side panel
 * open pays, not a reader.
 */
// The extension's names are random per page: its entity highlights are the registry's entries of priority 0
// (claims are painted below them, at -1). The benchmark's pages have no highlights of their own.
const UNDERLINED = `[...CSS.highlights.values()].filter((h) => h.priority >= 0).reduce((n, h) => n + h.size, 0)`;
const underlined = (page: Page) => page.evaluate(UNDERLINED) as Promise<number>;

/** Open a page in the extension browser and let the content script finish its first pass. */
async function settled(name: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`http://www.apnews.com/${encodeURIComponent(name)}`, { waitUntil: 'load' });
  // The pass paints as it goes (the stress page for seconds): settled once some count has held for a second.
  // (Polled from here: waitForFunction would evaluate a string in the page, which its CSP forbids.)
  const until = Date.now() + 60_000;
  for (let last = -1, held = 0; held < 4; await page.waitForTimeout(250)) {
    const now = await underlined(page);
    held = now > 0 && now === last ? held + 1 : 0;
    last = now;
    if (Date.now() > until) throw new Error(`${name}: no underlines after a minute`);
  }
  return page;
}

/** Run `count` page-side updates `UPDATE_INTERVAL_MS` apart, tracing the extension's work. */
async function updates(page: Page, count: number, expression: (i: number) => string) {
  const { perUpdateMs, longestMs, tasks } = await tracedUpdates(page, count, expression);
  allTasks.push(...tasks);
  for (const t of tasks) taskWhere.set(t, `${count} updates`);
  return { perUpdateMs, longestMs, mentions: await underlined(page) };
}

/** The main-thread cost of `count` page-side updates in `page`: whatever extension it has loaded. */
async function tracedUpdates(page: Page, count: number, expression: (i: number) => string) {
  const cdp = await page.context().newCDPSession(page);
  const { events } = await traceDuring(cdp, async () => {
    for (let i = 0; i < count; i++) {
      await cdp.send('Runtime.evaluate', { expression: expression(i) });
      await page.waitForTimeout(UPDATE_INTERVAL_MS);
    }
    await page.waitForTimeout(1000);
  });
  await cdp.detach();
  const tasks = extensionTasks(events, origin);
  return { perUpdateMs: sum(tasks, 'cpuMs') / count, longestMs: longest(tasks, 'cpuMs'), tasks };
}

/** Infinite scroll: each update appends one more of the article's own paragraphs. */
const appendParagraph = (i: number) =>
  `{ const ps = document.querySelectorAll('article p'); const p = ps[${i} % ps.length].cloneNode(true); document.querySelector('article').append(p); }`;

progress(`incremental updates: ${APPENDS} appended paragraphs, ${EDITS} edits of one paragraph…`);
const appendPage = await settled('sample');
const before = await underlined(appendPage);
const appended = await updates(appendPage, APPENDS, appendParagraph);
await appendPage.close();
const editPage = await settled('sample');
// A live page rewriting one paragraph: alternately with and without an added sentence naming an agency.
const edited = await updates(
  editPage,
  EDITS,
  (i) => `{ const p = [...document.querySelectorAll('article p')].find((x) => x.textContent.includes('Medicaid')); p.dataset.original ??= p.textContent;
     p.textContent = p.dataset.original + (${i} % 2 ? '' : ' Immigration and Customs Enforcement declined to comment.'); }`,
);
await editPage.close();

// --- 4. Memory -----------------------------------------------------------------------------------------
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

progress(`memory: the stress page, and ${NAVIGATIONS} single-page-app navigations…`);
const stressWith = await settled('stress');
const heapWith = await heapAfterGc(stressWith);
await stressWith.close();

const spa = await settled('sample');
const spaStart = await heapAfterGc(spa);
const spaCdp = await ext.context.newCDPSession(spa);
for (let i = 0; i < NAVIGATIONS; i++) {
  // A client-side route change: new URL, the article replaced by a fresh copy (paragraphs rotated).
  await spaCdp.send('Runtime.evaluate', {
    expression: `{ history.pushState({}, '', '/sample-${i}'); const a = document.querySelector('article'); window.__original ??= a.innerHTML;
      const d = document.createElement('div'); d.innerHTML = window.__original; const ps = [...d.querySelectorAll('p')];
      ps.slice(0, ${i} % Math.max(1, ps.length)).forEach((p) => p.parentNode.append(p)); a.replaceChildren(...d.childNodes); }`,
  });
  await spa.waitForTimeout(UPDATE_INTERVAL_MS);
}
await spaCdp.detach();
const spaEnd = await heapAfterGc(spa);
await spa.close();
await ext.close();

const bare = await launchWithExtension({ port: 9, withExtension: false });
await servePages(bare.context);
const stressBare = await bare.context.newPage();
await stressBare.goto('http://www.apnews.com/stress', { waitUntil: 'load' });
await stressBare.waitForTimeout(1000);
const heapBare = await heapAfterGc(stressBare);
await bare.close();

// --- 5. The floor: what any content script pays in a fresh tab -----------------------------------------
/**
 * Stand-ins for the gate, measured exactly as the extension is (same pages, fresh tabs, trace), each in a copy
 * of the built extension whose gate is replaced (and, for `apis`, whose annotator is an empty script):
 * - walk: a bare walk over the page's text nodes, reading their text (the floor the pass is held to). On a
 *   fresh tab even this pays for the page's DOM being reached from a new world for the first time;
 * - walkWithApi: the same after one call to the extension API, which any content script that talks to its
 *   extension makes (the browser then sets up the API in the script's world);
 * - apis: the browser calls the cold pass makes, in its order, with none of its own logic: the extension API,
 *   a storage read (the reader's settings), a message listener (the popup and side panel ask the page), a
 *   mutation observer, the walk, importing a script (the annotator, here empty), a message to the background
 *   and its answer, then for each of the sample's mentions a range, its element's computed style, and a
 *   highlight holding them. What the extension costs beyond this is its own code.
 * And, measured as the appended paragraphs are (section 3): a stand-in that watches the page, reads each added
 * paragraph's text, sends it to the background and, on the answer, underlines a word of it.
 * The stand-ins' messages are ones the background answers with nothing, so the floors leave out reading a real
 * answer (its mentions, and on the first pass its claims): they are floors, not the extension minus its code.
 */
const WALK = 'const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); const nodes = []; for (let t = w.nextNode(); t; t = w.nextNode()) nodes.push(t); globalThis.__mdcFloor = nodes.reduce((n, t) => n + t.data.length, 0);';
const sampleMentions = rows.get('sample')?.mentions ?? 80;
const API_CALLS = `chrome.runtime.getURL('/');
  const settings = chrome.storage.local.get(['disabledSites', 'underlineMode']);
  chrome.runtime.onMessage.addListener(() => undefined);
  new MutationObserver(() => {}).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  ${WALK}
  Promise.all([settings, import(chrome.runtime.getURL('/${ANNOTATOR_SCRIPT}'))])
    .then(() => chrome.runtime.sendMessage({ type: 'annotations:changed' }))
    .catch(() => {})
    .then(() => {
      const h = new Highlight();
      for (let i = 0; i < ${sampleMentions}; i++) {
        const t = nodes[i % nodes.length];
        const r = document.createRange();
        r.setStart(t, 0);
        r.setEnd(t, Math.min(4, t.data.length));
        getComputedStyle(t.parentElement).backgroundColor;
        h.add(r);
      }
      CSS.highlights.set('mdc-floor', h);
    });`;
const FLOORS = { walk: `(() => { ${WALK} })();`, walkWithApi: `(() => { chrome.runtime.getURL('/'); ${WALK} })();`, apis: `(() => { ${API_CALLS} })();` };
const INCREMENTAL_FLOOR = `(() => {
  const h = new Highlight();
  CSS.highlights.set('mdc-floor', h);
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeType !== 1) continue;
      const w = document.createTreeWalker(n, NodeFilter.SHOW_TEXT);
      const nodes = [];
      for (let t = w.nextNode(); t; t = w.nextNode()) nodes.push(t);
      chrome.runtime.sendMessage({ type: 'annotations:changed', text: nodes.map((t) => t.data).join('') }).catch(() => {}).then(() => {
        if (!nodes.length) return;
        const range = document.createRange();
        range.setStart(nodes[0], 0);
        range.setEnd(nodes[0], Math.min(4, nodes[0].data.length));
        h.add(range);
      });
    }
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
})();`;

/** A copy of the built extension with the gate (and, if given, the annotator) replaced by stand-ins. */
async function withStandIn<T>(gate: string, annotator: string | null, run: (b: ExtensionBrowser) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'mdc-floor-'));
  cpSync(CHROME_BUILD, dir, { recursive: true });
  writeFileSync(join(dir, GATE_SCRIPT), gate);
  if (annotator !== null) writeFileSync(join(dir, ANNOTATOR_SCRIPT), annotator);
  const standIn = await launchWithExtension({ port: 9, extensionDir: dir });
  try {
    await servePages(standIn.context);
    return await run(standIn);
  } finally {
    await standIn.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const floorMs: Record<keyof typeof FLOORS, number> = { walk: NaN, walkWithApi: NaN, apis: NaN };
progress('the floor: stand-ins in a fresh tab (a bare walk; with the extension API; the cold pass\'s browser calls)…');
for (const [floor, source] of Object.entries(FLOORS) as [keyof typeof FLOORS, string][]) {
  floorMs[floor] = await withStandIn(source, floor === 'apis' ? 'globalThis.__mdcAnnotator = 1;' : null, async (standIn) => {
    const cpu: number[] = [];
    for (let i = 0; i < COLD_REPS; i++) cpu.push(sum((await coldTasks(standIn, 'sample', 500)).tasks, 'cpuMs'));
    return median(cpu);
  });
}
progress('the floor of an appended paragraph: a stand-in that reads it, asks the background and underlines it…');
const incrementalFloor = await withStandIn(INCREMENTAL_FLOOR, null, async (standIn) => {
  const page = await standIn.context.newPage();
  await page.goto('http://www.apnews.com/sample', { waitUntil: 'load' });
  await page.waitForTimeout(1000);
  const r = await tracedUpdates(page, APPENDS, appendParagraph);
  await page.close();
  return r;
});

// --- Report --------------------------------------------------------------------------------------------
const list = [...rows.values()];
const corpus = list.filter((r) => isCorpus(r.name));
const named = list.filter((r) => !isCorpus(r.name));
const fmt = (x: number, w = 8) => (Number.isFinite(x) ? x.toFixed(2) : '-').padStart(w);
const header = `${'page'.padEnd(32)} ${'chars'.padStart(8)} ${'walk'.padStart(8)} ${'pass'.padStart(8)} ${'pass/walk'.padStart(9)} ${'mark.js'.padStart(8)} ${'cold cpu'.padStart(8)} ${'cold wall'.padStart(9)} ${'longest'.padStart(8)}  detected mentions`;
const show = (r: Row) =>
  console.log(
    `${r.name.slice(0, 32).padEnd(32)} ${String(r.chars).padStart(8)} ${fmt(r.walkMs)} ${fmt(r.annotateMs)} ${fmt(r.annotateMs / r.walkMs, 8)}x ${fmt(r.markjsMs)} ${fmt(r.coldMs)} ${fmt(r.coldWallMs, 9)} ${fmt(r.longestTaskMs)}  ${String(r.detected).padEnd(8)} ${r.mentions}`,
  );
console.log('All times in ms. pass = the whole pass in the page, engine warm (all the work, wherever it runs); cold = the built extension in a fresh tab (the page\'s main-thread CPU, and wall).');
console.log(header);
named.forEach(show);
const ratio = (r: Row) => r.annotateMs / r.walkMs;
const summary = {
  coldSampleMs: rows.get('sample')?.coldMs ?? NaN,
  coldSeedMs: rows.get('seed')?.coldMs ?? NaN,
  // The floor on the sample article, same protocol (section 5), and the cold pass over it.
  coldWalkFloorMs: floorMs.walk,
  coldWalkWithApiFloorMs: floorMs.walkWithApi,
  coldApiFloorMs: floorMs.apis,
  coldSampleOverWalkFloor: (rows.get('sample')?.coldMs ?? NaN) / floorMs.walk,
  annotateOverWalk: corpus.length ? median(corpus.map(ratio)) : NaN,
  stressAnnotateOverWalk: rows.has('stress') ? ratio(rows.get('stress')!) : NaN,
  // What the stress page's main thread pays with the built extension (the engine runs in the background).
  stressMainThreadOverWalk: rows.has('stress') ? rows.get('stress')!.coldMs / rows.get('stress')!.walkMs : NaN,
  maxLongTaskMs: longest(allTasks, 'cpuMs'),
  markjsOverAnnotate: corpus.length ? median(corpus.map((r) => r.markjsMs / r.annotateMs)) : NaN,
  incrementalParagraphMs: appended.perUpdateMs,
  incrementalFloorMs: incrementalFloor.perUpdateMs,
  contentScriptKb,
  stressHeapMb: (heapWith - heapBare) / 1e6,
};
if (corpus.length) {
  const big = corpus.filter((r) => r.chars >= 50_000);
  console.log(
    `\n${corpus.length} real pages: pass/walk median ${summary.annotateOverWalk.toFixed(2)}x (${big.length} pages of 50k+ characters: ${big.length ? median(big.map(ratio)).toFixed(2) : '-'}x); ` +
      `mark.js/pass median ${summary.markjsOverAnnotate.toFixed(1)}x; cold (built extension, fresh tab) median ${median(corpus.map((r) => r.coldMs)).toFixed(2)} ms CPU; recognised: ${corpus.filter((r) => r.detected).length}`,
  );
  console.log('Highest pass/walk:');
  [...corpus].sort((a, b) => ratio(b) - ratio(a)).slice(0, 3).forEach(show);
}
const longestTask = allTasks.reduce((m, t) => (t.cpuMs > m.cpuMs ? t : m), { start: 0, wallMs: 0, cpuMs: 0 });
console.log(`
Cold floor on the sample article (fresh tab, main-thread CPU): a bare text walk ${floorMs.walk.toFixed(2)} ms; with one extension API call first ${floorMs.walkWithApi.toFixed(2)} ms; the cold pass's browser calls without its logic ${floorMs.apis.toFixed(2)} ms; the extension's cold pass ${fmt(summary.coldSampleMs, 0).trim()} ms (${fmt(summary.coldSampleOverWalkFloor, 0).trim()}× the bare walk)
Page scripts: ${contentScriptKb.toFixed(1)} kB gzip, what a recognised article loads (${GATE_SCRIPT} ${gateKb.toFixed(1)} kB, on every page; ${ANNOTATOR_SCRIPT} ${annotatorKb.toFixed(1)} kB)
Longest main-thread task of the extension on any page: ${longestTask.cpuMs.toFixed(1)} ms CPU (${longestTask.wallMs.toFixed(1)} ms wall), on ${taskWhere.get(longestTask) ?? '-'}
Stress page: ${fmt(summary.stressMainThreadOverWalk, 0).trim()}× its walk on the page's main thread with the built extension; the whole pass (engine included, wherever it runs) ${fmt(summary.stressAnnotateOverWalk, 0).trim()}×
Appending ${APPENDS} paragraphs, ${UPDATE_INTERVAL_MS} ms apart: ${appended.perUpdateMs.toFixed(2)} ms per paragraph (a stand-in that reads it, asks the background and underlines it: ${incrementalFloor.perUpdateMs.toFixed(2)} ms); longest task ${appended.longestMs.toFixed(1)} ms; ${before} → ${appended.mentions} mentions
Editing one paragraph ${EDITS} times: ${edited.perUpdateMs.toFixed(2)} ms per edit; longest task ${edited.longestMs.toFixed(1)} ms
Heap: the content script retains ${summary.stressHeapMb.toFixed(1)} MB on the stress page; ${NAVIGATIONS} SPA navigations grew the heap by ${((spaEnd - spaStart) / 1e6).toFixed(2)} MB (after GC)
Fresh tabs: ${pids.size} renderer processes${reusedProcesses ? `, ${reusedProcesses} reused (their compile may be cached)` : ''}`);

mkdirSync(join(ROOT, 'bench-output'), { recursive: true });
const details = {
  pages: list,
  summary,
  incremental: {
    appended: { count: APPENDS, ...appended, before },
    edited: { count: EDITS, ...edited },
    floor: { count: APPENDS, perUpdateMs: incrementalFloor.perUpdateMs, longestMs: incrementalFloor.longestMs },
    intervalMs: UPDATE_INTERVAL_MS,
  },
  floors: floorMs,
  memory: { stressWithMb: heapWith / 1e6, stressWithoutMb: heapBare / 1e6, spaNavigations: NAVIGATIONS, spaGrowthMb: (spaEnd - spaStart) / 1e6 },
};
writeFileSync(join(ROOT, 'bench-output/results.json'), JSON.stringify(details, null, 2));
console.log('\nWritten to bench-output/results.json');
if (JSON_LINE) {
  const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : null);
  const line = {
    pages: list.map((r) => ({ name: r.name, chars: r.chars, walkMs: round(r.walkMs), annotateMs: round(r.annotateMs), coldMs: round(r.coldMs), markjsMs: round(r.markjsMs) })),
    summary: Object.fromEntries(Object.entries(summary).map(([k, v]) => [k, round(v)])),
  };
  console.log(JSON.stringify(line));
}
