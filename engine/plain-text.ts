/**
 * Plain-text articles (the CLI's .txt input, test fixtures): a title line, then paragraphs separated by
 * blank lines. Line breaks inside a paragraph are just spaces to the matcher.
 */
import { BLOCK_SEPARATOR, type PageText } from './types';

export interface PlainArticle {
  title: string;
  paragraphs: string[];
}

export function parsePlainText(txt: string): PlainArticle {
  const lines = txt.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  const title = first === -1 ? '' : lines[first].trim();
  const body = first === -1 ? '' : lines.slice(first + 1).join('\n');
  const paragraphs = body
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return { title, paragraphs };
}

/** The article as the engine reads a page: title, then each paragraph as its own block. */
export function plainPageText({ title, paragraphs }: PlainArticle): PageText {
  return { text: [title, ...paragraphs].filter(Boolean).join(BLOCK_SEPARATOR), peripheral: [] };
}
