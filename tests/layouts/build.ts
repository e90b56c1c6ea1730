/**
 * Real layouts for the extension to live in: saved real pages from ../shared/corpus/pages (Mozilla
 * Readability's test pages), with the sample article's headline and paragraphs put in their main content,
 * and a trait of the kind readers meet (dark theme, narrow column, sticky header, paywall overlay, NYT-like
 * photo credit and "most read" rail, Yahoo-like stream with a hidden scrolling container, beige and
 * dark-grey pages). Built in memory at test time: the pages are not ours to commit.
 *
 * Everything that would reach the network (scripts, stylesheets, images, frames) is removed first: no
 * request leaves the machine, and what remains is the page's markup and its inline styles.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { parsePlainText } from '../../engine/plain-text';
import { SEED_PATH } from '../support/expected';

export const CORPUS = join(import.meta.dirname, '../../../shared/corpus/pages');
export const hasCorpus = existsSync(CORPUS);
export const hasSeed = existsSync(SEED_PATH);

const SAMPLE = readFileSync(join(import.meta.dirname, '../../sample/article.html'), 'utf8');

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Which article a layout carries: the sample (original text), or the seed report (read from ../shared). */
export type Source = 'sample' | 'seed';

/** The seed report's title and paragraphs, as HTML (a plain-text report: no subheads). */
function seedArticle(): { headline: string; body: string[] } {
  const { title, paragraphs } = parsePlainText(readFileSync(SEED_PATH, 'utf8'));
  return { headline: title, body: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`) };
}

/** The sample article's headline and body (paragraphs and subheads), as HTML. */
function sampleArticle(): { headline: string; body: string[] } {
  const { document } = parseHTML(SAMPLE);
  const article = document.querySelector('article')!;
  const headline = article.querySelector('h1')!.textContent!.trim();
  const body = [...article.querySelectorAll(':scope > p:not([class]), :scope > h2')].map((el) => el.outerHTML);
  return { headline, body };
}

export type Background = 'white' | 'beige' | 'dark-grey' | 'black';

export interface Layout {
  name: string;
  /** Corpus file (without .html). */
  file: string;
  /** Where the article body goes (its current content is replaced). */
  container: string;
  /** The page's headline element, given the sample's headline; inserted in the container if absent. */
  headline?: string;
  /** Other elements of the original story text to empty (stories split across several blocks). */
  clear?: string[];
  /** The main content: article text and headline. Any highlight outside these is a mistake. */
  main: string[];
  /** Parts of the main content that are not prose (a photo credit). */
  exclude?: string[];
  background: Background;
  css?: string;
  /** Markup changes after the article is in place. */
  extra?: (document: Document) => void;
  /** What this page stresses (test names). */
  trait: string;
}

const THEME = (bg: string, fg: string, link: string) => `
  html, body { background: ${bg} !important; color: ${fg} !important; }
  body *:not(img):not(svg):not(svg *) { background-color: transparent !important; background-image: none !important; color: inherit !important; border-color: color-mix(in srgb, ${fg} 25%, transparent) !important; }
  body a { color: ${link} !important; }
`;

export const LAYOUTS: Layout[] = [
  {
    name: 'nyt',
    trait:
      'NYT-like: a figure with a photo credit "The New York Times", a "Most read" rail, a hidden sections menu in the story header, a related story\'s headline and the print edition line in the story',
    file: 'nytimes-1',
    container: '.story-body-1',
    clear: ['.story-body'],
    headline: 'h1',
    main: ['article#story'],
    // Inside the story but not of it: the caption, the hidden menu, the related link and the edition line.
    exclude: ['figcaption', '.css-1n7hynb', '.css-9xk2lp', '.css-1ab2c3'],
    background: 'white',
    extra(document) {
      // Today's nytimes.com markup: hashed class names that say nothing. A sections menu in the story's header,
      // hidden until opened; a related story's headline as a paragraph of its own; the print edition line.
      document.querySelector('#story-header')?.insertAdjacentHTML(
        'afterbegin',
        '<div class="css-1n7hynb" style="visibility:hidden;position:absolute;top:40px;left:0;background:#fff"><ul><li><a href="/section/world">World</a></li><li><a href="/section/nyregion">New York</a></li><li><a href="/section/politics">Politics</a></li></ul></div>',
      );
      const body = document.querySelector('.story-body-1')!;
      body.children[5]?.insertAdjacentHTML('afterend', '<p class="css-9xk2lp"><a href="/2025/07/01/us/medicaid-data-lawsuit.html">New York and 19 Other States Sue the Trump Administration Over Medicaid Data</a></p>');
      body.insertAdjacentHTML(
        'beforeend',
        '<div class="css-1ab2c3"><p>A version of this article appears in print on <span>Jan. 9, 2026</span>, Section <span>A</span>, Page <span>14</span> of the New York edition with the headline: <span>Medicaid Records, ICE and a Court Fight</span>.</p></div>',
      );
      const figure = document.createElement('figure');
      figure.innerHTML =
        '<div style="width:100%;max-width:600px;height:220px;background:#d8d8d8"></div>' +
        '<figcaption>A community clinic waiting room. <span class="credit">Photo: Jane Roe for The New York Times</span></figcaption>';
      body.insertBefore(figure, body.children[2] ?? null);
      const rail = document.createElement('aside');
      rail.className = 'most-read';
      rail.innerHTML =
        '<h2>Most Read</h2><ol>' +
        '<li><a href="/x1">Donald Trump’s first 100 days, in charts</a></li>' +
        '<li><a href="/x2">New York City’s subway ridership climbs</a></li>' +
        '<li><a href="/x3">The best pizza in New York, ranked by readers</a></li>' +
        '<li><a href="/x4">Opinion: What the IRS owes taxpayers</a></li></ol>';
      (document.querySelector('main#main') ?? document.body).append(rail);
    },
  },
  {
    name: 'yahoo',
    trait: 'Yahoo-like: a news stream and comments naming "President-elect Donald Trump" and "New York", in a hidden overflow container that scrolls',
    file: 'yahoo-1',
    container: 'article .canvas-body',
    headline: 'article h1',
    main: ['article'],
    background: 'white',
    css: '.mdc-stream { height: 320px; overflow: hidden; border: 1px solid #ddd; } .mdc-stream li { height: 110px; }',
    extra(document) {
      const article = document.querySelector('article')!;
      const stream = document.createElement('section');
      stream.setAttribute('aria-label', 'More news');
      stream.innerHTML =
        '<h2>Trending now</h2><ul class="mdc-stream">' +
        ['Markets open higher on Monday', 'Storm watch for the coast', 'A recipe for a quick dinner',
          'President-elect Donald Trump names a new cabinet pick', 'New York commuters face delays', 'President-elect Donald Trump to visit New York']
          .map((t, i) => `<li><a href="/s${i}">${t}</a></li>`)
          .join('') +
        '</ul>';
      const comments = document.createElement('section');
      comments.className = 'comments';
      comments.innerHTML =
        '<h2>Comments</h2>' +
        ['I moved to New York last year and this is news to me.', 'President-elect Donald Trump said a lot of things in 2016.', 'Medicaid is not the same as Medicare, people.']
          .map((t) => `<div class="comment"><p>${t}</p></div>`)
          .join('');
      article.after(stream, comments);
    },
  },
  {
    name: 'dark',
    trait: 'dark theme, black background',
    file: 'theverge',
    container: '#content',
    headline: 'h1',
    main: ['#content', 'h1'],
    background: 'black',
    css: THEME('#000000', '#e6e6e6', '#8ab4f8'),
  },
  {
    name: 'sticky',
    trait: 'sticky header',
    file: 'guardian-1',
    container: '.content__article-body',
    headline: 'h1',
    main: ['.content__article-body', 'h1'],
    background: 'white',
    css: 'body > header, #header, header.l-header { position: sticky !important; top: 0 !important; z-index: 1000 !important; background: #052962 !important; min-height: 90px; }',
  },
  {
    name: 'paywall',
    trait: 'paywall: a full-page dimming overlay and a fixed banner over the lower part of the window',
    file: 'wapo-1',
    container: '#article-body article',
    headline: 'h1',
    main: ['#article-body', 'h1'],
    background: 'white',
    extra(document) {
      const overlay = document.createElement('div');
      overlay.style.cssText = 'position:fixed;inset:0;background:rgba(0,0,0,0.25);z-index:999998;pointer-events:none';
      const banner = document.createElement('div');
      banner.style.cssText = 'position:fixed;left:0;right:0;bottom:0;height:22vh;z-index:999999;background:#fff;box-shadow:0 -4px 16px rgba(0,0,0,.3);padding:16px;font:16px sans-serif';
      banner.textContent = 'You have read 3 of 4 free articles this month. Subscribe for unlimited access.';
      document.body.append(overlay, banner);
    },
  },
  {
    name: 'narrow',
    trait: 'a narrow column (long names wrap)',
    file: 'medium-1',
    container: '.section-inner.layoutSingleColumn',
    main: ['.section-inner.layoutSingleColumn'],
    background: 'white',
    css: '.section-inner.layoutSingleColumn { max-width: 300px !important; margin: 0 auto !important; }',
  },
  {
    name: 'beige',
    trait: 'beige page',
    file: 'quanta-1',
    container: '.post__content.wysiwyg',
    headline: 'h1',
    main: ['.post__content.wysiwyg', 'h1'],
    background: 'beige',
    css: THEME('#f4ecd8', '#3b3226', '#7a3e00'),
  },
  {
    name: 'tumblr',
    trait: 'dark-grey page (tumblr-like)',
    file: 'tumblr',
    container: '#posts .post.text',
    headline: 'h1',
    main: ['#posts .post.text', 'h1'],
    background: 'dark-grey',
    css: THEME('#36465d', '#f0f0f0', '#a8d1ff'),
  },
  { name: 'bbc', trait: 'BBC story layout', file: 'bbc-1', container: '.story-body__inner', headline: 'h1', main: ['.story-body__inner', 'h1'], background: 'white' },
  { name: 'cnn', trait: 'CNN story layout', file: 'cnn', container: '#storytext', headline: 'h1', main: ['#storytext', 'h1'], background: 'white' },
  // (seattletimes-1 was tried: its inline styles keep the page blank until its scripts run.)
  { name: 'lemonde', trait: 'Le Monde story layout', file: 'lemonde-1', container: '#articleBody', headline: 'h1', main: ['#articleBody', 'h1'], background: 'white' },
  { name: 'telegraph', trait: 'Telegraph story layout', file: 'telegraph', container: '.article-body-text .component-content', headline: 'h1', main: ['.article-body-text', 'h1'], background: 'white' },
];

/** Remove what would reach the network; keep markup and inline styles. */
function offline(document: Document): void {
  for (const el of document.querySelectorAll('script, noscript, iframe, frame, object, embed, video, audio, source, track, link, base, meta[http-equiv]')) el.remove();
  for (const img of document.querySelectorAll('img, input[type=image]')) {
    for (const a of ['src', 'srcset', 'data-src', 'data-srcset', 'loading']) img.removeAttribute(a);
  }
  const noUrls = (css: string) => css.replace(/@import[^;]+;/g, '').replace(/url\(\s*(['"]?)(?!data:)[^)]*\1\s*\)/g, 'none');
  for (const el of document.querySelectorAll('[style]')) el.setAttribute('style', noUrls(el.getAttribute('style') ?? ''));
  for (const el of document.querySelectorAll('style')) el.textContent = noUrls(el.textContent ?? '');
  for (const el of document.querySelectorAll('svg image, use')) el.remove();
}

export function buildLayout(layout: Layout, source: Source = 'sample'): string {
  const html = readFileSync(join(CORPUS, `${layout.file}.html`), 'utf8');
  const { document } = parseHTML(html);
  offline(document);
  const { headline, body } = source === 'seed' ? seedArticle() : sampleArticle();
  for (const sel of layout.clear ?? []) for (const el of document.querySelectorAll(sel)) el.innerHTML = '';
  const container = document.querySelector(layout.container);
  if (!container) throw new Error(`${layout.name}: no ${layout.container} in ${layout.file}`);
  container.innerHTML = body.join('\n');
  const h1 = layout.headline ? document.querySelector(layout.headline) : null;
  if (h1) h1.textContent = headline;
  else container.insertAdjacentHTML('afterbegin', `<h1>${headline}</h1>`);
  document.title = `${headline} — test layout ${layout.name}`;
  layout.extra?.(document as unknown as Document);
  const head = document.head ?? document.documentElement;
  head.insertAdjacentHTML('afterbegin', '<meta charset="utf-8">');
  if (layout.css) head.insertAdjacentHTML('beforeend', `<style>${layout.css}</style>`);
  return '<!doctype html>\n' + document.documentElement.outerHTML;
}

/** `/layout/<name>` carries the sample article; `/layout-seed/<name>`, the seed report (when ../shared has it). */
export const layoutRoutes = () =>
  Object.fromEntries(
    LAYOUTS.flatMap((l) => [
      [`/layout/${l.name}`, () => buildLayout(l)],
      ...(hasSeed ? [[`/layout-seed/${l.name}`, () => buildLayout(l, 'seed')] as const] : []),
    ]),
  );
