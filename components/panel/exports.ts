/**
 * The workbench's files and citations: the export context built from the page's snapshot and the bundled
 * dataset, the four exports (engine/export, the same pure functions the CLI uses) with their file names and
 * types, and saving without the `downloads` permission — an <a download> on a blob: URL, which every
 * extension page may click.
 */
import type { Claim } from '../../data/claim-schema';
import type { Entity, Event, Lang } from '../../data/schema';
import { citation, toClaimReview, toCsv, toHandoutHtml, toJsonLdText, toWebAnnotation, type CitationTarget, type ExportContext } from '../../engine/export';
import type { PageSnapshot } from '../../engine/types';
import type { Translate } from '../translate';

export function exportContext(
  snapshot: PageSnapshot,
  data: { entities: ReadonlyMap<string, Entity>; claims: ReadonlyMap<string, Claim>; events: readonly Event[] },
  lang: Lang,
  t: Translate,
  generated = new Date().toISOString(),
): ExportContext {
  return { snapshot, ...data, lang, t, generated };
}

export type ExportKind = 'handout' | 'w3c' | 'csv' | 'claimreview';
export const EXPORT_KINDS: readonly ExportKind[] = ['handout', 'w3c', 'csv', 'claimreview'];

interface ExportFile {
  name: string;
  type: string;
  content: string;
}

/** A file name from the article's title: readable, ASCII, short. */
export function slug(title: string): string {
  const s = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s || 'article';
}

export function exportFile(kind: ExportKind, ctx: ExportContext): ExportFile {
  const base = `medicaid-context-${slug(ctx.snapshot.title)}`;
  switch (kind) {
    case 'handout':
      return { name: `${base}-handout.html`, type: 'text/html;charset=utf-8', content: toHandoutHtml(ctx) };
    case 'w3c':
      return { name: `${base}-annotations.jsonld`, type: 'application/ld+json', content: toJsonLdText(toWebAnnotation(ctx)) };
    case 'csv':
      return { name: `${base}-notes.csv`, type: 'text/csv;charset=utf-8', content: toCsv(ctx) };
    case 'claimreview':
      return { name: `${base}-claimreview.jsonld`, type: 'application/ld+json', content: toJsonLdText(toClaimReview(ctx)) };
  }
}

export const cite = (ctx: ExportContext, target: CitationTarget, format: 'text' | 'markdown'): string => citation(ctx, target, format);

/** Save a file through the browser's download UI, with no permission: a blob: URL and a clicked <a download>. */
export function saveFile(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by now; the URL is kept a while for browsers that read it late.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The clipboard, for a click in the panel. False when the browser refused (no focus, no permission). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
