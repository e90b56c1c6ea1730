/** Read a saved .html page into the engine's PageText, the way the content script reads a live page. */
import { parseHTML } from 'linkedom';
import { readPageText, readPublished, type PageText } from '../engine';

export interface ReadPage {
  page: PageText;
  title: string;
  /** The page's publication date (ISO day) from its meta tags, JSON-LD, <time> or dateline; null if none. */
  published: string | null;
}

export function readHtml(html: string): ReadPage {
  // linkedom does not build the implied <html>/<body> a browser would: a fragment becomes the document
  // element itself, and markup without a <body> tag stays outside document.body. Give it a single root,
  // and read that root when there is no body (HEAD and TITLE are skipped by readPageText anyway).
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html>${html}</html>`);
  const root = /<body[\s>]/i.test(html) ? document.body : document.documentElement;
  // document.title as a browser computes it: the first <title> anywhere, whitespace collapsed.
  const title = (document.querySelector('title')?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const { text, peripheral, main, headlines } = readPageText(root);
  return { page: { text, peripheral, main, headlines }, title, published: readPublished(document) };
}
