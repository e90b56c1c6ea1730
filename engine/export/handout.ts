/**
 * The printable handout: one self-contained HTML file an educator can print or a fact-checker can file with
 * the article. No external resource of any kind (no stylesheet link, script, image, font or import: it must
 * open the same offline, years later); links to sources stay links. Laid out for A4 and Letter alike, and
 * no note, claim or event breaks across pages. Everything from the page (title, URL, quotes) is escaped:
 * it is the page's text, not ours.
 */
import type { Entity, Source } from '../../data/schema';
import { dayRange } from '../dates';
import { eventsSince } from '../since';
import type { ExportContext } from './index';
import {
  entityName, formatDate, isoDay, isWebUrl, judgedClaims, webUrl, keyFact, localize, notesOf, opening, quoter, titleLines, verdictWords, withMarkup,
  type Note, type Quote,
} from './text';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text and attribute values alike: the five characters that can end either. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/**
 * Margins that fit both A4 (210 × 297 mm) and Letter (216 × 279 mm): `size: auto` lets the printer's paper
 * decide, and 16 mm sides leave a 178 mm column on the narrower A4. Colours are dark on light with at
 * least 7:1 contrast; verdicts say their word, never only a colour, and marks keep an underline on paper
 * where browsers drop backgrounds.
 */
const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 46rem; padding: 1.5rem 1.25rem 3rem; background: #fff; color: #1a1a1a;
  font: 1rem/1.55 Georgia, "Times New Roman", serif; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
h1, h2, h3 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.25; }
h1 { font-size: 1.6em; margin: 0.2rem 0 0.6rem; }
h2 { font-size: 1.25em; margin: 1.6rem 0 0.5rem; padding-bottom: 0.2rem; border-bottom: 2px solid #1a1a1a; }
h3 { font-size: 1.05em; margin: 0 0 0.4rem; }
a { color: #0b4f9c; overflow-wrap: anywhere; }
.eyebrow, .meta, .intro, .small { font-family: "Helvetica Neue", Arial, sans-serif; color: #3d3d3d; }
.eyebrow { text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.8em; margin: 0; }
.meta { margin: 0.2rem 0; font-size: 0.9em; }
.intro, .small { font-size: 0.9em; }
ol.notes, ol.claims, ol.timeline { padding-left: 0; list-style: none; }
.note, .claim { border: 1px solid #c9c9c9; border-radius: 6px; padding: 0.6rem 0.9rem; margin: 0 0 0.8rem; }
.num { display: inline-block; min-width: 1.6em; padding: 0 0.35em; margin-right: 0.3em; border-radius: 1em;
  background: #1a1a1a; color: #fff; text-align: center; font-size: 0.85em; }
.kind { font-weight: normal; color: #3d3d3d; font-size: 0.9em; }
blockquote { margin: 0.3rem 0 0.6rem; padding: 0.3rem 0 0.3rem 0.8rem; border-left: 4px solid #8a8a8a; font-style: italic; }
blockquote p { margin: 0; }
mark { background: #fff0a0; color: #1a1a1a; font-style: normal; font-weight: bold; border-bottom: 2px solid #5c4a00; }
sup.ref { font-family: "Helvetica Neue", Arial, sans-serif; font-size: 0.7em; font-style: normal; }
.keyfact { font-weight: bold; margin: 0.3rem 0; }
.keyfact span { display: block; }
.summary { margin: 0.3rem 0; }
.dates { font-family: "Helvetica Neue", Arial, sans-serif; font-size: 0.85em; color: #3d3d3d; margin: 0.3rem 0; }
p.sources { margin: 0.3rem 0; font-size: 0.85em; line-height: 1.4; }
p.sources .label { font-family: "Helvetica Neue", Arial, sans-serif; font-weight: bold; }
p.sources .dates { font-size: 1em; }
p.sources .more { font-style: italic; }
.host { color: #3d3d3d; font-family: "Helvetica Neue", Arial, sans-serif; font-size: 0.9em; }
.badge { display: inline-block; padding: 0.05em 0.5em; border: 2px solid currentColor; border-radius: 4px;
  font-size: 0.85em; text-transform: uppercase; letter-spacing: 0.04em; margin-right: 0.4em; }
.verdict-agrees .badge { color: #0a5a1c; background: #e7f5ea; }
.verdict-outdated .badge { color: #6e4300; background: #fff3df; }
.verdict-differs .badge { color: #8a1010; background: #fdeaea; }
.explanation, .part { font-weight: bold; margin: 0.3rem 0; }
ol.timeline { border-left: 3px solid #8a8a8a; margin-left: 0.4rem; }
ol.timeline li { position: relative; padding: 0.2rem 0 0.6rem 1rem; }
ol.timeline time { font-family: "Helvetica Neue", Arial, sans-serif; font-weight: bold; }
ol.timeline .after { font-family: "Helvetica Neue", Arial, sans-serif; font-size: 0.8em; border: 1px solid #3d3d3d;
  border-radius: 3px; padding: 0 0.3em; margin-left: 0.3em; }
ol.timeline li.published { background: #eef3fb; border: 2px solid #0b4f9c; border-radius: 4px; padding: 0.4rem 0.6rem;
  margin: 0.2rem 0 0.8rem 0.6rem; }
ol.timeline .event-name { font-weight: bold; }
ol.timeline .event-summary, ol.timeline .event-source { display: block; }
ol.timeline .event-source { font-size: 0.85em; }
footer { margin-top: 2rem; }
@page { size: auto; margin: 11mm 12mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 8.5pt; line-height: 1.28; }
  h1 { font-size: 1.5em; margin: 0 0 0.3rem; }
  h2 { font-size: 1.2em; margin: 0.9rem 0 0.35rem; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  a { color: #1a1a1a; text-decoration: none; }
  /* Two columns of notes: a note may run on into the next column or page, its heading kept with its quote. */
  ol.notes, ol.claims { columns: 2; column-gap: 7mm; margin: 0; }
  .note, .claim { border: 0; border-top: 1px solid #8a8a8a; border-radius: 0; padding: 0.3rem 0 0.2rem; margin: 0 0 0.45rem; }
  .note h3, .claim h3 { font-size: 1em; margin: 0 0 0.15rem; }
  blockquote { margin: 0.15rem 0 0.25rem; padding: 0.1rem 0 0.1rem 0.5rem; border-left-width: 3px; break-inside: avoid; page-break-inside: avoid; }
  .keyfact, .summary, .explanation, .dates, p.sources { margin: 0.15rem 0; }
  ol.timeline li.published, header.top { break-inside: avoid; page-break-inside: avoid; }
  .intro { margin: 0.2rem 0 0.4rem; }
  /* The timeline in two columns too, each event drawing its own stretch of the line. */
  ol.timeline { columns: 2; column-gap: 7mm; border-left: 0; margin: 0; }
  ol.timeline li { padding: 0.1rem 0 0.35rem 0.6rem; border-left: 3px solid #8a8a8a; }
  ol.timeline li.published { margin: 0.2rem 0 0.4rem; }
  footer { display: none; } /* the header says when and with what it was made */
}
`;

type Ctx = ExportContext;

export function toHandoutHtml(ctx: Ctx): string {
  const { snapshot, t, lang } = ctx;
  const date = (iso: string) => formatDate(iso, lang);
  const title = snapshot.title.trim() || snapshot.url;
  const made = t('export.made', [date(isoDay(ctx.generated)), snapshot.version]);
  const web = webUrl(snapshot.url);
  const url = web ? `<a href="${escapeHtml(web)}">${escapeHtml(web)}</a>` : escapeHtml(snapshot.url);
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Medicaid Data Context, dataset v${escapeHtml(snapshot.version)}">
<title>${escapeHtml(t('export.docTitle', [title]))}</title>
<style>${CSS}</style>
</head>
<body>
<header class="top">
<p class="eyebrow">${escapeHtml(t('export.handout'))}</p>
<h1>${escapeHtml(title)}</h1>
<p class="meta article">${withMarkup(t, 'export.article', [''], 0, url, escapeHtml)}</p>
<p class="meta">${escapeHtml(snapshot.published ? t('export.published', [date(snapshot.published)]) : t('export.dateUnknown'))}</p>
<p class="meta">${escapeHtml(made)}</p>
<p class="small about"><strong>${escapeHtml(t('export.about'))}.</strong> ${escapeHtml(t('export.aboutText'))}</p>
</header>
<main>
${claimsSection(ctx)}
${notesSection(ctx)}
${timelineSection(ctx)}
</main>
<footer>
<p class="small">${escapeHtml(made)}</p>
</footer>
</body>
</html>
`;
}

function quoteHtml(q: Quote, lang: string, ref?: number): string {
  const mark = `<mark>${escapeHtml(q.match)}</mark>${ref === undefined ? '' : `<sup class="ref">${ref}</sup>`}`;
  return `<blockquote lang="${lang}"><p>${q.cutBefore ? '… ' : ''}${escapeHtml(q.before)}${mark}${escapeHtml(q.after)}${q.cutAfter ? ' …' : ''}</p></blockquote>`;
}

/** The site a source is on, printed beside it: on paper the link is gone, and the site finds the document. */
const host = (url: string) => {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
};

/**
 * A record's sources, the first `max` of them (records list the primary source and the original report
 * first), as one paragraph; the rest are named by count and found in the record, which the W3C, CSV and
 * citation exports carry in full. A handout of 27 notes with every source ran to 35 pages.
 */
function sourcesHtml(sources: readonly Source[], ctx: Ctx, max = Infinity, record?: string, lead = ''): string {
  if (!sources.length) return lead ? `<p class="sources">${lead}</p>` : '';
  const items = sources.slice(0, max).map((s) => {
    const url = webUrl(s.url);
    const link = url ? `<a href="${escapeHtml(url)}">${escapeHtml(s.title)}</a>` : `<cite>${escapeHtml(s.title)}</cite>`;
    const site = url && host(url) ? ` <span class="host">(${escapeHtml(host(url))})</span>` : '';
    return `<span class="source">${link} — ${escapeHtml(s.publisher)}${s.date ? `, ${escapeHtml(formatDate(s.date, ctx.lang))}` : ''}${site}</span>`;
  });
  const more = sources.length > max && record ? ` <span class="more">${escapeHtml(ctx.t('export.moreSources', [sources.length - max, record]))}</span>` : '';
  return `<p class="sources">${lead}<span class="label">${escapeHtml(ctx.t('card.sources'))}:</span> ${items.join('; ')}.${more}</p>`;
}

/** Characters a note quotes on each side of its mention when the sentence is longer (the words around the name). */
const NOTE_QUOTE_SIDE = 90;

/** Characters of an event's summary the timeline prints (whole sentences, at least the first). */
const TIMELINE_SUMMARY = 0;

/** Sources printed per note or claim; see sourcesHtml. */
export const NOTE_SOURCES = 2;

function noteHtml(note: Note, ctx: Ctx, quote: ReturnType<typeof quoter>): string {
  const { t, lang, snapshot } = ctx;
  const date = (iso: string) => formatDate(iso, lang);
  const e: Entity | undefined = note.entity;
  const name = e ? entityName(e, lang) : note.first.text;
  const kind = t(`kind.${note.first.kind}`);
  const count = note.count === 1 ? t('export.mentionsOnce') : t('export.mentionsMore', [note.count]);
  const parts = [
    `<li class="note" id="note-${note.number}">`,
    `<h3><span class="num">${note.number}</span>${escapeHtml(name)} <span class="kind">· ${escapeHtml(kind)} · ${escapeHtml(count)}</span></h3>`,
    quoteHtml(quote(note.first.start, note.first.end, NOTE_QUOTE_SIDE), snapshot.lang, note.number),
  ];
  if (e) {
    const facts = e.kind === 'person' ? titleLines(e, snapshot.published, snapshot.today, lang, t, date) : [keyFact(e, lang, t, date)].filter((f): f is string => !!f);
    if (facts.length) parts.push(`<p class="keyfact">${facts.map((f) => `<span>${escapeHtml(f)}</span>`).join('')}</p>`);
    parts.push(`<p class="summary">${escapeHtml(localize(e.summary, lang))}</p>`);
    if (e.kind === 'law') parts.push(`<p class="summary"><strong>${escapeHtml(t('card.provision'))}:</strong> ${escapeHtml(localize(e.provision, lang))}</p>`);
    for (const d of e.disagreements ?? []) parts.push(`<p class="summary">${escapeHtml(t('card.disagreement', [localize(d.text, lang)]))}</p>`);
    // Dates, record and sources in one paragraph: the small print of a note.
    const dates = `<span class="dates">${escapeHtml([t('card.asOf', [date(e.asOf)]), t('card.checked', [date(e.verified)]), t('export.recordId', [e.id])].join(' · '))}.</span> `;
    parts.push(sourcesHtml(e.sources, ctx, NOTE_SOURCES, e.id, dates));
  }
  parts.push('</li>');
  return parts.join('\n');
}

function notesSection(ctx: Ctx): string {
  const { t } = ctx;
  const notes = notesOf(ctx);
  const quote = quoter(ctx.snapshot.text);
  const body = notes.length
    ? `<p class="intro">${escapeHtml(t('export.notesIntro'))}</p>\n<ol class="notes">\n${notes.map((n) => noteHtml(n, ctx, quote)).join('\n')}\n</ol>`
    : `<p class="intro">${escapeHtml(t('export.noNotes'))}</p>`;
  return `<section aria-labelledby="notes-heading">\n<h2 id="notes-heading">${escapeHtml(t('export.notes'))}</h2>\n${body}\n</section>`;
}

function claimsSection(ctx: Ctx): string {
  const { t, lang, snapshot } = ctx;
  const date = (iso: string) => formatDate(iso, lang);
  const claims = judgedClaims(snapshot);
  const quote = quoter(snapshot.text);
  const items = claims.map(({ claim }) => {
    const words = verdictWords(ctx, claim.check, date);
    return [
      `<li class="claim verdict-${claim.check.verdict}">`,
      // The heading says what the claim is about; the quotation that follows gives the article's words.
      `<h3><span class="badge">${escapeHtml(words.label)}</span>${escapeHtml(words.record ? localize(words.record.about, lang) : `“${claim.text}”`)}</h3>`,
      quoteHtml(quote(claim.start, claim.end), snapshot.lang),
      words.part ? `<p class="part">${escapeHtml(t('claimPart.checked', [words.part]))}</p>` : '',
      `<p class="explanation">${escapeHtml(words.explanation)}</p>`,
      words.confirmed ? `<p class="dates">${escapeHtml(words.confirmed)}</p>` : '',
      words.statement ? `<p class="summary">${escapeHtml(t('export.datasetSays', [words.statement]))}</p>` : '',
      words.record ? `<p class="dates">${escapeHtml(t('card.checked', [date(words.record.verified)]))} · ${escapeHtml(t('export.recordId', [claim.check.id]))}</p>` : '',
      sourcesHtml(words.sources, ctx, NOTE_SOURCES, claim.check.id),
      '</li>',
    ]
      .filter(Boolean)
      .join('\n');
  });
  const body = items.length
    ? `<p class="intro">${escapeHtml(t('export.claimsIntro', [date(snapshot.today)]))}</p>\n<ol class="claims">\n${items.join('\n')}\n</ol>`
    : `<p class="intro">${escapeHtml(t('export.noClaims'))}</p>`;
  return `<section aria-labelledby="claims-heading">\n<h2 id="claims-heading">${escapeHtml(t('export.claims'))}</h2>\n${body}\n</section>`;
}

function timelineSection(ctx: Ctx): string {
  const { t, lang, snapshot } = ctx;
  const date = (iso: string) => formatDate(iso, lang);
  const first = (d: string) => dayRange(d)[0];
  // What has happened: an event the dataset lists ahead of the snapshot's day is not part of the story yet.
  const events = ctx.events.filter((e) => first(e.date) <= snapshot.today).sort((a, b) => first(a.date).localeCompare(first(b.date)) || a.id.localeCompare(b.id));
  const after = new Set(snapshot.published ? eventsSince(events, snapshot.published, snapshot.today).map((e) => e.id) : []);
  const items = events.map((e) => {
    const s = e.sources[0];
    const source = s ? ` ${isWebUrl(s.url) ? `<a href="${escapeHtml(s.url)}">${escapeHtml(s.publisher)}: ${escapeHtml(s.title)}</a>` : escapeHtml(`${s.publisher}: ${s.title}`)}` : '';
    return [
      `<li class="event${after.has(e.id) ? ' after-article' : ''}" data-event="${escapeHtml(e.id)}">`,
      `<time datetime="${escapeHtml(e.date)}">${escapeHtml(date(e.date))}</time> <span class="event-name">${escapeHtml(entityName(e, lang))}</span>`,
      after.has(e.id) ? ` <span class="after">${escapeHtml(t('export.afterArticle'))}</span>` : '',
      // The event's opening sentences: its note (when the article names it) and its record carry the rest.
      `<span class="event-summary">${escapeHtml(opening(localize(e.summary, lang), TIMELINE_SUMMARY))}</span>`,
      source ? `<span class="event-source">${escapeHtml(t('card.source'))}${source}</span>` : '',
      '</li>',
    ].join('');
  });
  if (snapshot.published) {
    const at = events.findIndex((e) => first(e.date) > snapshot.published!);
    const marker = `<li class="published" data-published="${escapeHtml(snapshot.published)}"><time datetime="${escapeHtml(snapshot.published)}">${escapeHtml(date(snapshot.published))}</time> <strong>${escapeHtml(t('export.publishedMarker'))}</strong></li>`;
    items.splice(at === -1 ? items.length : at, 0, marker);
  }
  const intro = snapshot.published ? t('export.timelineIntro') : t('export.dateUnknown');
  const body = events.length ? `<p class="intro">${escapeHtml(intro)}</p>\n<ol class="timeline">\n${items.join('\n')}\n</ol>` : `<p class="intro">${escapeHtml(t('export.noEvents'))}</p>`;
  return `<section aria-labelledby="timeline-heading">\n<h2 id="timeline-heading">${escapeHtml(t('export.timeline'))}</h2>\n${body}\n</section>`;
}
