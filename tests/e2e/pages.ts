/** Pages the browser tests serve under news hosts: the sample article and variants of it that stress one thing each. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlainText } from '../../engine/plain-text';
import { plainTextPage, type Routes } from '../../scripts/lib/serve';
import { SEED_PATH } from '../support/expected';
import { cardFixturePage } from '../support/card-fixture';
import { hostileRoutes } from './hostile';

export const SAMPLE_HTML = readFileSync(join(import.meta.dirname, '../../sample/article.html'), 'utf8');
/** The Spanish sample article (sample/articulo.html). */
export const SPANISH_HTML = readFileSync(join(import.meta.dirname, '../../sample/articulo.html'), 'utf8');

const article = SAMPLE_HTML.match(/<article[\s\S]*<\/article>/)?.[0] ?? '';

/** The sample article with extra CSS, extra markup at the start of <body>, or its markup edited. */
function variant({ css = '', bodyStart = '', edit = (s: string) => s }: { css?: string; bodyStart?: string; edit?: (s: string) => string }): string {
  return edit(SAMPLE_HTML)
    .replace('</head>', `<style>${css}</style></head>`)
    .replace(/<body[^>]*>/, (m) => `${m}${bodyStart}`);
}

export const routes: Routes = {
  '/article/sample': () => SAMPLE_HTML,
  '/article/es': () => SPANISH_HTML,
  /** A strict Content Security Policy, as many news sites send: no script may load but the page's own. */
  '/article/csp': () =>
    variant({ edit: (s) => s.replace('<head>', `<head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'none'; style-src 'unsafe-inline'">`) }),
  /** No mobile layout: phones lay it out at ~980 px and show it scaled down. */
  '/article/desktop-only': () => variant({ edit: (s) => s.replace(/<meta name="viewport"[^>]*>/, '') }),
  /** A beige page (a sepia reading theme), and a dark one: claim markers must stand out on both. */
  '/article/beige': () => variant({ css: ':root { --bg: #f4ecd8; --panel: #eadfc4; --rule: #d8ccb0; }' }),
  '/article/dark': () => variant({ css: ':root { --bg: #161616; --fg: #e6e6e6; --muted: #a8a8a8; --panel: #222222; --rule: #3a3a3a; --link: #8ab4f8; --accent: #ff8a80; }' }),
  /** A narrow column: long names wrap across lines. */
  '/article/narrow': () => variant({ css: 'article { max-width: 230px !important; }' }),
  /** A mention inside a link (the reader's tap should open the card first, not navigate). */
  '/article/linked': () =>
    variant({ edit: (s) => s.replace('Andrew Nixon, the HHS spokesman', '<a id="linked-mention" href="/elsewhere">Andrew Nixon</a>, the HHS spokesman') }),
  /** A search box and an editable note above the article: typing there is the reader's. */
  '/article/fields': () =>
    variant({
      bodyStart:
        '<form role="search" style="padding:8px"><input id="field" aria-label="Search" value=""> <div id="editable" contenteditable="true" style="display:inline-block;min-width:120px;border:1px solid #999">note</div></form>',
    }),
  /** The page has its own element with the extension's tag name. */
  '/article/owned-tag': () =>
    variant({ bodyStart: '<medicaid-data-context id="page-owned" style="display:block;padding:4px;background:#eee">The page’s own widget</medicaid-data-context>' }),
  /** Editors: none of their text is the reader's to annotate. */
  '/article/design-mode': () => variant({ edit: (s) => s.replace('</body>', '<script>document.designMode = "on";</script></body>') }),
  '/article/html-editable': () => variant({ edit: (s) => s.replace('<html lang="en">', '<html lang="en" contenteditable="true">') }),
  '/article/user-modify': () => variant({ css: 'article { -webkit-user-modify: read-write; }' }),
  '/article/seed': () => {
    const { title, paragraphs } = parsePlainText(readFileSync(SEED_PATH, 'utf8'));
    return plainTextPage(title, paragraphs);
  },
  '/article/unrelated': () =>
    plainTextPage('Ice storm closes schools across the region', [
      'WASHINGTON — An ice storm shut schools on Tuesday, and officials in Washington said roads would stay closed.',
      'Robert Kennedy, a plow driver, said crews worked through the night. The CMS plugin on the county website crashed.',
    ]),
  // A single-page app: the article arrives after load, as on client-rendered news sites (when the test calls
  // arrive(): a timer would race the test's first question on a slow machine).
  // Its script is in <head>, so nothing of the article is in the body's text until it arrives.
  '/article/spa': () => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Loading…</title>
<script>window.arrive = () => { document.title = 'Medicaid data and immigration enforcement';
document.getElementById('root').innerHTML = ${JSON.stringify(article)}; };</script></head>
<body><div id="root"><p>Loading…</p></div></body></html>`,
  /** The article, then over two million characters of other news: too long for one message to the background. */
  '/article/long': () =>
    variant({
      edit: (s) =>
        s.replace('</body>', `<section>${'<p>Crews cleared snow from the county roads overnight, and the schools will open late on Wednesday morning.</p>'.repeat(21_000)}</section></body>`),
    }),
  /**
   * The article with a news site's inline data: more JSON in a script than the gate reads (engine/gate.ts).
   * Its title names neither Medicaid nor enforcement, so only the article's own words can let it through.
   */
  '/article/inline-data': () =>
    variant({
      edit: (s) =>
        s.replace(/<title>[^<]*<\/title>/, '<title>Today’s report</title>').replace('</body>', `<script type="application/json">${JSON.stringify(Array.from({ length: 3_000 }, (_, i) => ({ id: i, section: 'weather', headline: 'Crews cleared snow overnight' })))}</script></body>`),
    }),
  '/elsewhere': () => plainTextPage('Another page', ['Nothing to see here.']),
  /** The extension's card in an open shadow root, for axe-core (tests/fixtures/card-page.tsx). */
  '/fixture/card': cardFixturePage,
  ...hostileRoutes,
};

export const hasSeed = existsSync(SEED_PATH);
