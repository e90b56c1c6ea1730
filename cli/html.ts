/** Read a saved .html page into the engine's PageText, the way the content script reads a live page. */
import { parseHTML } from 'linkedom';
import { readPageText, readPublished, type PageText, type PageTextIndex } from '../engine';
import { webUrl } from '../engine/export/text';

export interface ReadPage {
  page: PageText;
  title: string;
  /** The page's publication date (ISO day) from its meta tags, JSON-LD, <time> or dateline; null if none. */
  published: string | null;
}

/** What the exports need besides: the text nodes behind the page text, and the page's own address and language. */
export interface ReadHtmlPage extends ReadPage {
  index: PageTextIndex;
  /** The element whose textContent DOM offsets count from (document.body, or the root of a fragment). */
  root: Element;
  /** The page's canonical address (<link rel=canonical>, og:url) when it gives an absolute http(s) one. */
  canonical: string | null;
  /** <html lang>, as written; null when absent. */
  lang: string | null;
}

/** A saved page's own address, only when it parses as an absolute http(s) URL (as the parser writes it back). */
const absoluteWeb = (url: string | null | undefined) => (url ? webUrl(url) : null);

export function readHtml(html: string): ReadHtmlPage {
  // linkedom does not build the implied <html>/<body> a browser would: a fragment becomes the document
  // element itself, and markup without a <body> tag stays outside document.body. Give it a single root,
  // and read that root when there is no body (HEAD and TITLE are skipped by readPageText anyway).
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html>${html}</html>`);
  const root = /<body[\s>]/i.test(html) ? document.body : document.documentElement;
  // document.title as a browser computes it: the first <title> anywhere, whitespace collapsed.
  const title = (document.querySelector('title')?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const index = readPageText(root);
  const { text, peripheral, main, headlines } = index;
  const canonical =
    absoluteWeb(document.querySelector('link[rel~="canonical"]')?.getAttribute('href')) ??
    absoluteWeb(document.querySelector('meta[property="og:url"]')?.getAttribute('content'));
  return {
    page: { text, peripheral, main, headlines },
    title,
    published: readPublished(document),
    index,
    root,
    canonical,
    lang: document.documentElement?.getAttribute('lang') ?? null,
  };
}
