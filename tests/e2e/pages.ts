/** Pages the browser tests serve under news hosts: the sample article and variants of it that stress one thing each. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlainText } from '../../engine/plain-text';
import { plainTextPage, type Routes } from '../../scripts/lib/serve';
import { SEED_PATH } from '../support/expected';
import { cardFixturePage } from '../support/card-fixture';
import { hostileRoutes } from './hostile';

/** The page script of /article/own-taps (the real layouts' phone test installs it too: installOwnTaps). */
export const OWN_TAPS = `document.addEventListener('touchend', function (e) {
  var t = e.changedTouches[0];
  e.preventDefault();
  var el = document.elementFromPoint(t.clientX, t.clientY);
  if (el) el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, clientX: t.clientX, clientY: t.clientY, view: window }));
}, { capture: true, passive: false });`;

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
  /**
   * The sample article with text no reader sees inside the story (issue 25, item 3), each piece marked
   * data-test-hidden: a collapsed menu, a hidden dropdown, a visually-hidden (sr-only) label, an off-screen
   * block, an off-canvas drawer, a print-only line; and at its end, lines that point elsewhere or describe the
   * print edition: a related story's headline as a paragraph of its own, a "Related:" link, an edition line.
   */
  '/article/hidden': () =>
    variant({
      css: '@media screen { .print-only { display: none; } } .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }',
      edit: (s) =>
        s
          .replace(
            '<p class="kicker">Health &amp; Privacy</p>',
            `<p class="kicker">Health &amp; Privacy</p>
  <div data-test-hidden="collapsed menu" class="css-m3nu" style="max-height:0;overflow:hidden"><ul><li>Gavin Newsom on the lawsuit</li><li>New York</li></ul></div>
  <ul data-test-hidden="hidden dropdown" style="visibility:hidden;position:absolute"><li>Kristi Noem at the hearing</li></ul>
  <span data-test-hidden="visually hidden" class="sr-only">Vince Chhabria ruling explained</span>
  <div data-test-hidden="off screen" style="position:absolute;left:-9999px;top:0">Tricia McLaughlin statement</div>
  <div data-test-hidden="off-canvas drawer" style="position:fixed;top:0;left:0;width:280px;transform:translateX(-100%)"><p>Jeffrey Grant interview</p></div>
  <p data-test-hidden="print only" class="print-only">Laura Friedman letter, printed edition</p>`,
          )
          .replace(
            '<p class="correction">',
            `<p data-test-hidden="related story"><a href="/elsewhere">Homeland Security Secretary Kristi Noem Defends Medicaid Data Transfer</a></p>
  <p data-test-hidden="related link">Related: <a href="/elsewhere">Gavin Newsom and 19 States Sue</a></p>
  <p data-test-hidden="edition line" class="css-e41t">A version of this article appears in print on Jan. 10, 2026, Section A, Page 14 of the New York edition with the headline: Medicaid Records, ICE and a Court Fight.</p>
  <p class="correction">`,
          ),
    }),
  /**
   * A page that handles taps itself, as FastClick-era mobile sites do: it cancels every touchend (so the
   * browser makes no click of the tap) and dispatches a click of its own, which is untrusted.
   */
  '/article/own-taps': () => variant({ edit: (s) => s.replace('</head>', `<script>${OWN_TAPS}</script></head>`) }),
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

/** Install OWN_TAPS in a page before its scripts (Reader.onNewDocument). */
export const installOwnTaps = (source: string) => new Function(source)();
