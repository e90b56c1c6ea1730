/**
 * The CLI's exports: a saved page or plain-text article read into the same PageSnapshot the extension's
 * content script makes, then written by the engine's export functions — so a handout made here and one made
 * from the side panel say the same thing.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Claim } from '../data/claim-schema';
import type { Entity, Event, Lang } from '../data/schema';
import { pageLanguage, translator } from '../components/translate';
import type { Annotated, ClaimCheck, PageSnapshot, SnapshotSpan } from '../engine';
import { domSpanLocator, toClaimReview, toCsv, toHandoutHtml, toJsonLdText, toWebAnnotation, type ExportContext } from '../engine/export';
import type { ReadHtmlPage, ReadPage } from './html';

export const EXPORT_FORMATS = ['html', 'w3c', 'csv', 'claimreview'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const isExportFormat = (f: string): f is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(f);

type Tree = { [key: string]: string | Tree };
const messages = (lang: Lang): Tree => JSON.parse(readFileSync(new URL(`../locales/${lang}.json`, import.meta.url), 'utf8')) as Tree;

export interface SnapshotInput {
  file: string;
  read: ReadPage | ReadHtmlPage;
  result: Annotated;
  published: string | null;
  claims: ClaimCheck[];
  today: string;
  version: string;
}

const isHtml = (read: ReadPage | ReadHtmlPage): read is ReadHtmlPage => 'index' in read;

export function buildSnapshot({ file, read, result, published, claims, today, version }: SnapshotInput): PageSnapshot {
  // DOM offsets exist only for a parsed page; a .txt article has no DOM, and its spans say so (dom: null).
  const locate: (start: number, end: number) => SnapshotSpan['dom'] = isHtml(read) ? domSpanLocator(read.root, read.index) : () => null;
  const html = isHtml(read);
  return {
    // The page's own address when it states one (a saved copy keeps its canonical link); else the file.
    url: (html && read.canonical) || pathToFileURL(resolve(file)).href,
    title: read.title,
    published,
    lang: pageLanguage(html ? read.lang : null, null),
    today,
    version,
    text: read.page.text,
    mentions: result.mentions.map(({ id, kind, start, end, text }) => ({ id, kind, start, end, text, dom: locate(start, end) })),
    claims: claims.map((check) => ({ start: check.start, end: check.end, text: check.text, dom: locate(check.start, check.end), check })),
  };
}

export interface ExportOptions {
  format: ExportFormat;
  /** The export's language; default: the page's. */
  lang?: Lang;
  /** When the export was made (ISO day or date-time). */
  generated: string;
  entities: readonly Entity[];
  claims: readonly Claim[];
}

export function exportSnapshot(snapshot: PageSnapshot, options: ExportOptions): string {
  const lang = options.lang ?? snapshot.lang;
  const ctx: ExportContext = {
    snapshot,
    entities: new Map(options.entities.map((e) => [e.id, e])),
    claims: new Map(options.claims.map((c) => [c.id, c])),
    events: options.entities.filter((e): e is Event => e.kind === 'event'),
    lang,
    t: translator(messages(lang), messages('en')),
    generated: options.generated,
  };
  switch (options.format) {
    case 'html':
      return toHandoutHtml(ctx);
    case 'w3c':
      return `${toJsonLdText(toWebAnnotation(ctx))}\n`;
    case 'csv':
      return toCsv(ctx);
    case 'claimreview':
      return `${toJsonLdText(toClaimReview(ctx))}\n`;
  }
}
