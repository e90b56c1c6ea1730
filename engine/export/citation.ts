/**
 * Citations a fact-checker can paste: what the dataset says, how fresh it is (as of, checked), which dataset
 * version and record it comes from, and the sources — for one entity, one claim, or the whole page's notes.
 * Plain text follows the card's "Copy citation" (same messages, ISO dates, one source a line); Markdown
 * links the sources and escapes whatever came from the page.
 */
import type { Entity, Source } from '../../data/schema';
import type { CitationTarget, ExportContext } from './index';
import { entityName, formatSource, isWebUrl, judgedClaims, localize, notesOf, titleLines, verdictWords, withMarkup, type CheckedClaim } from './text';

export type CitationFormat = 'text' | 'markdown';

/** Backslash-escapes the characters Markdown would read as markup. */
export const escapeMarkdown = (s: string): string =>
  s
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    // Only at the start of a line: headings, quotes, list items, setext underlines.
    .replace(/^(\s*)([#>+=-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');

/** A URL inside a Markdown link: parentheses and spaces would end it. */
const linkUrl = (url: string) => url.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

const iso = (d: string) => d;

/**
 * Lines of one citation. Markdown would run consecutive lines into one paragraph, so they end in a
 * backslash (CommonMark's hard line break, which editors do not strip as they strip trailing spaces).
 */
function assemble(head: string[], sources: string[], format: CitationFormat): string {
  const body = head.join(format === 'markdown' ? '\\\n' : '\n');
  return sources.length ? `${body}\n${sources.join('\n')}` : body;
}

function sourceLine(s: Source, ctx: ExportContext, format: CitationFormat): string {
  if (format === 'text') return ctx.t('cite.source', [formatSource(s)]);
  const title = isWebUrl(s.url) ? `[${escapeMarkdown(s.title)}](${linkUrl(s.url)})` : escapeMarkdown(s.title);
  return `- ${ctx.t('cite.source', [`${title}. ${escapeMarkdown(s.publisher)}${s.date ? `, ${s.date}` : ''}.`])}`;
}

function entityCitation(e: Entity, ctx: ExportContext, format: CitationFormat): string {
  const { t, lang, snapshot } = ctx;
  const md = format === 'markdown';
  const text = (s: string) => (md ? escapeMarkdown(s) : s);
  const name = md ? `**${escapeMarkdown(entityName(e, lang))}**` : entityName(e, lang);
  const lines = [`${name} — ${text(localize(e.summary, lang))}`];
  if (e.kind === 'person') lines.push(...titleLines(e, snapshot.published, snapshot.today, lang, t, iso).map(text));
  lines.push(text(`${t('cite.asOf', [e.asOf])} ${t('cite.checked', [e.verified])} ${t('cite.record', [snapshot.version, e.id])}`));
  return assemble(lines, e.sources.map((s) => sourceLine(s, ctx, format)), format);
}

function claimCitation(claim: CheckedClaim, ctx: ExportContext, format: CitationFormat): string {
  const { t, snapshot } = ctx;
  const md = format === 'markdown';
  const text = (s: string) => (md ? escapeMarkdown(s) : s);
  const words = verdictWords(ctx, claim.check, iso);
  const quoted = `“${text(claim.text)}”`;
  const verdict = `${md ? `**${escapeMarkdown(words.label)}**` : words.label}${words.part ? ` (${text(words.part)})` : ''}`;
  const lines = [`${md ? `**${quoted}**` : quoted} — ${verdict}: ${text(words.explanation)}`];
  if (words.confirmed) lines.push(text(words.confirmed));
  if (words.statement) lines.push(text(t('export.datasetSays', [words.statement])));
  const checked = words.record ? `${t('export.checkedOn', [words.record.verified])} ` : '';
  lines.push(text(`${checked}${t('export.claimRecord', [snapshot.version, claim.check.id])}`));
  return assemble(lines, words.sources.map((s) => sourceLine(s, ctx, format)), format);
}

function pageHeading(ctx: ExportContext, format: CitationFormat): string {
  const { t, snapshot } = ctx;
  const when = snapshot.published ? t('export.citePublished', [snapshot.published]) : t('export.citeDateUnknown');
  const title = snapshot.title.trim() || snapshot.url;
  if (format === 'text') return t('export.citePage', [title, snapshot.url, when, snapshot.version, ctx.generated.slice(0, 10)]);
  const url = isWebUrl(snapshot.url) ? `<${linkUrl(snapshot.url)}>` : escapeMarkdown(snapshot.url);
  // The URL goes in as markup so that its escaping is not escaped again.
  return withMarkup(t, 'export.citePage', [title, '', when, snapshot.version, ctx.generated.slice(0, 10)], 1, url, escapeMarkdown);
}

/**
 * A citation for an entity (by id), a claim (by index into snapshot.claims) or the whole page (its notes in
 * page order, then its checked claims). An unknown entity or a claim without a verdict cites nothing ('').
 */
export function citation(ctx: ExportContext, target: CitationTarget, format: CitationFormat): string {
  if (target === 'page') {
    const blocks = [pageHeading(ctx, format)];
    for (const note of notesOf(ctx)) if (note.entity) blocks.push(entityCitation(note.entity, ctx, format));
    for (const { claim } of judgedClaims(ctx.snapshot)) blocks.push(claimCitation(claim, ctx, format));
    return blocks.join('\n\n');
  }
  if ('entity' in target) {
    const e = ctx.entities.get(target.entity);
    return e ? entityCitation(e, ctx, format) : '';
  }
  const claim = ctx.snapshot.claims[target.claim];
  if (!claim || claim.check.verdict === null) return '';
  return claimCitation(claim as CheckedClaim, ctx, format);
}
