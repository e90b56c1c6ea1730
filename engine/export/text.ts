/**
 * What every export says the same way: names and texts in the export's language, dates, the notes in page
 * order, the words around a mention, a person's title then and now, and a claim's verdict in words. The
 * engine may not import components/, so the few presentation helpers the exports share with the card are
 * restated here (same behaviour as components/format.ts).
 */
import type { Claim, ClaimValue } from '../../data/claim-schema';
import type { Entity, Lang, Person, Source } from '../../data/schema';
import { partWords } from '../claim-part';
import { roleStory, titleLines as roleTitleLines } from '../roles';
import { sentences } from '../sentences';
import { BLOCK_SEPARATOR, type ClaimCheck, type ClaimValueRef, type PageSnapshot, type SnapshotSpan } from '../types';
import type { ExportContext, Translate } from './index';

export const PRODUCT = 'Medicaid Data Context';

/** Dataset text in the export's language; English where a translation is missing. */
export const localize = (text: { en: string; es?: string }, lang: Lang): string => (lang === 'es' && text.es) || text.en;

export const entityName = (e: Entity, lang: Lang): string => (lang === 'es' && e.nameEs ? e.nameEs : e.name);

/** "2025-06-13" → "Jun 13, 2025" in the export's language; "2025-07" → "Jul 2025". */
export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (!y || !m) return iso;
  const date = new Date(Date.UTC(y, m - 1, d || 1));
  const options: Intl.DateTimeFormatOptions = d
    ? { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }
    : { year: 'numeric', month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(lang, options).format(date);
}

/** The ISO day of an ISO date or date-time ("2026-11-30T17:00:00Z" → "2026-11-30"). */
export const isoDay = (iso: string): string => iso.slice(0, 10);

/** One source as a plain line, as the card's copied citation writes it. */
/** A source cited by headline alone (no address) reads as title, outlet and date: what a fact-checker looks up. */
export const formatSource = (s: Source): string => `${s.title}. ${s.publisher}${s.date ? `, ${s.date}` : ''}.${s.url ? ` ${s.url}` : ''}`;

/**
 * A page may report anything as its address (a canonical link reading `https://host/x"><script>…`): only an
 * http(s) URL that parses becomes a link or a URL in an export, and always as the parser writes it back, with
 * quotes, angle brackets and spaces percent-encoded. Null for anything else.
 */
export function webUrl(url: string | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
}

export const isWebUrl = (url: string | undefined): url is string => webUrl(url) !== null;

/** The page's address as the exports write it: a web or file URL as the parser writes it back, else null. */
export function pageUrl(url: string): string | null {
  const web = webUrl(url);
  if (web) return web;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'file:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Stands in a message for a substitution that carries markup (letters only: see withMarkup). */
const MARKUP_SLOT = 'MDCMARKUPSLOT';

/**
 * A message with markup in one substitution ("Article: <a href=…>…</a>"): the message is asked for with a plain
 * marker in that place, escaped for its format, and the marker replaced by the markup. The marker is letters
 * only: the browser's i18n drops a substitution that holds a control character (Chrome's getMessage gave
 * "Article: " for a U+0000 marker, so the handout's article line and the Markdown page citation lost the
 * article's address). A translation without that substitution gets the markup after it.
 */
export function withMarkup(t: Translate, key: string, subs: (string | number)[], at: number, markup: string, escape: (s: string) => string): string {
  const text = escape(t(key, subs.map((s, i) => (i === at ? MARKUP_SLOT : s))));
  return text.includes(MARKUP_SLOT) ? text.replace(MARKUP_SLOT, () => markup) : `${text} ${markup}`;
}

/**
 * The opening of a dataset text: whole sentences, as many as fit in `max` characters (always the first),
 * for exports that name a record and leave its full text to the record (the CSV, the handout's timeline).
 */
export function opening(text: string, max = 0): string {
  // The engine's sentences: "Aug. 12", "D.C." and "Unidos v. Bessent" end none.
  const spans = sentences(text);
  if (!spans.length) return text;
  let end = spans[0][1];
  for (const [, e] of spans.slice(1)) {
    if (e > max) break;
    end = e;
  }
  return text.slice(spans[0][0], end);
}

// ---------------------------------------------------------------------------------------------------------
// Notes: one per entity, in the order the page first names them.

export interface Note {
  /** 1-based, in order of first mention. */
  number: number;
  id: string;
  /** Undefined when the context lacks the record (the export still lists the mention). */
  entity: Entity | undefined;
  first: PageSnapshot['mentions'][number];
  /** How many times the page names it. */
  count: number;
}

export function notesOf(ctx: ExportContext): Note[] {
  const byId = new Map<string, Note>();
  const ordered = [...ctx.snapshot.mentions].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const m of ordered) {
    const seen = byId.get(m.id);
    if (seen) seen.count++;
    else byId.set(m.id, { number: byId.size + 1, id: m.id, entity: ctx.entities.get(m.id), first: m, count: 1 });
  }
  return [...byId.values()];
}

// ---------------------------------------------------------------------------------------------------------
// Quotation windows: the sentence a mention sits in, or a stretch around it when the sentence is long.

export interface Quote {
  before: string;
  match: string;
  after: string;
  /** The quote starts or ends inside a sentence (print an ellipsis). */
  cutBefore: boolean;
  cutAfter: boolean;
}

/** Characters of context kept on each side of a mention when its sentence is too long to quote whole. */
export const QUOTE_SIDE = 120;

export type Quoter = (start: number, end: number, side?: number) => Quote;

/** Quotes spans of `text`; sentences are found once per export, not once per note. */
export function quoter(text: string): Quoter {
  const spans = sentences(text);
  return (start, end, side = QUOTE_SIDE) => {
    const sentence = spans.find(([s, e]) => s <= start && end <= e);
    let [from, to] = sentence ?? blockAround(text, start, end);
    const cutBefore = start - from > side;
    const cutAfter = to - end > side;
    if (cutBefore) from = wordStart(text, start - side, start);
    if (cutAfter) to = wordEnd(text, end + side, end);
    const clean = (s: string) => s.replaceAll(BLOCK_SEPARATOR, ' ');
    return {
      before: clean(text.slice(from, start)).trimStart(),
      match: clean(text.slice(start, end)),
      after: clean(text.slice(end, to)).trimEnd(),
      cutBefore,
      cutAfter,
    };
  };
}

function blockAround(text: string, start: number, end: number): [number, number] {
  const from = text.lastIndexOf(BLOCK_SEPARATOR, start - 1) + 1;
  const next = text.indexOf(BLOCK_SEPARATOR, end);
  return [from, next === -1 ? text.length : next];
}

/** Move a cut forward to the next word boundary, never past `limit`. */
function wordStart(text: string, at: number, limit: number): number {
  const space = text.slice(at, limit).search(/\s/);
  return space === -1 ? at : at + space + 1;
}

function wordEnd(text: string, at: number, limit: number): number {
  const slice = text.slice(limit, at);
  const space = slice.search(/\s\S*$/);
  return space <= 0 ? at : limit + space;
}

// ---------------------------------------------------------------------------------------------------------
// People: the title held when the article was written and now, in the card's words (card.* messages).

export function titleLines(person: Person, published: string | null, today: string, lang: Lang, t: Translate, date: (iso: string) => string): string[] {
  const lines = roleTitleLines(person, published, today, { lang, t, date });
  const { then, now } = roleStory(person, published, today);
  if (!then && now && !published) lines.push(t('card.articleDateUnknown'));
  return lines;
}

/** The one line a card shows under the name for laws, events and states (people: titleLines). */
export function keyFact(e: Entity, lang: Lang, t: Translate, date: (iso: string) => string): string | null {
  switch (e.kind) {
    case 'law':
      return e.citation;
    case 'event':
      return date(e.date);
    case 'state':
      return `${e.inJune2025Transfer ? t('card.transferYes') : t('card.transferNo')} ${t(`card.lawsuit.${e.lawsuit.replace(/-/g, '_')}`)}`;
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Claims: the verdict in words, which part of the clause was compared, and which of the claim record's values
// (statement and sources) backs it.

export type CheckedClaim = PageSnapshot['claims'][number] & { check: ClaimCheck & { verdict: NonNullable<ClaimCheck['verdict']> } };

/** Claims with a verdict, in page order; `index` is the position in snapshot.claims (CitationTarget). */
export function judgedClaims(snapshot: PageSnapshot): { claim: CheckedClaim; index: number }[] {
  return snapshot.claims
    .map((claim, index) => ({ claim, index }))
    .filter((c): c is { claim: CheckedClaim; index: number } => c.claim.check.verdict !== null)
    .sort((a, b) => a.claim.start - b.claim.start);
}

export interface VerdictWords {
  /** "Agrees", "Outdated", "Differs". */
  label: string;
  /** When and how: "Right when the article was published (Jan 9, 2026); changed on Mar 31, 2026." */
  explanation: string;
  /** The value the verdict rests on: then (agrees, differs) or now (outdated: what it changed to). */
  value: ClaimValueRef;
  /** Which part of the clause was compared: "the month: July 2025" (null when the check names no part). */
  part: string | null;
  /** For an agreeing claim on a value not confirmed for six months: "A source last confirmed this value on …". */
  confirmed: string | null;
  /** What the sources say for that value, in the export's language (absent when the record is missing). */
  statement?: string;
  sources: Source[];
  record?: Claim;
}

export function verdictWords(ctx: ExportContext, check: ClaimCheck & { verdict: NonNullable<ClaimCheck['verdict']> }, date: (iso: string) => string): VerdictWords {
  const { t, lang, snapshot } = ctx;
  const record = ctx.claims.get(check.id);
  const published = snapshot.published;
  const at = (ref: ClaimValueRef): ClaimValue | undefined => record?.values[ref.index];
  let value: ClaimValueRef;
  let explanation: string;
  if (check.verdict === 'agrees') {
    value = check.then ?? check.now;
    explanation = published && check.then ? t('verdict.agreesThen', [date(published)]) : t('verdict.agreesNow', [date(snapshot.today)]);
  } else if (check.verdict === 'outdated') {
    value = check.now;
    explanation = t('verdict.outdatedText', [published ? date(published) : '?', check.since ? date(check.since) : '?']);
  } else {
    value = check.then ?? check.now;
    explanation = published && check.then ? t('verdict.differsThen', [date(published)]) : t('verdict.differsNow', [date(snapshot.today)]);
  }
  const v = at(value);
  return {
    label: t(`verdict.${check.verdict}`),
    explanation,
    part: partWords(check, lang, t),
    confirmed: check.lastConfirmed ? t('claimPart.lastConfirmed', [date(check.lastConfirmed)]) : null,
    value,
    statement: v ? localize(v.statement, lang) : undefined,
    sources: v?.sources ?? [],
    record,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Offsets: W3C TextPositionSelector counts Unicode code points; JavaScript strings count UTF-16 code units.

/** Maps UTF-16 offsets of `text` to code-point offsets (they differ after an emoji or another astral character). */
export function codePointOffsets(text: string): (utf16: number) => number {
  const pairs: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) pairs.push(++i);
    }
  }
  // Each pair before the offset counts one code point for two code units.
  return (utf16) => {
    let lo = 0;
    let hi = pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[mid] < utf16) lo = mid + 1;
      else hi = mid;
    }
    return utf16 - lo;
  };
}

/** A span's text with the words around it, from the snapshot's engine text (for spans with no DOM position). */
export function engineContext(text: string, span: SnapshotSpan, side: number): { prefix: string; suffix: string } {
  const clean = (s: string) => s.replaceAll(BLOCK_SEPARATOR, '\n');
  return { prefix: clean(text.slice(Math.max(0, span.start - side), span.start)), suffix: clean(text.slice(span.end, span.end + side)) };
}

/**
 * A short stable hash (two 32-bit FNV-1a variants, hex): export ids that stay the same when the same page is
 * exported again with the same dataset. Not a security measure.
 */
export function stableHash(...parts: (string | number)[]): string {
  const input = parts.join('\u241f');
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ input.length;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
    b = (b ^ (b >>> 15)) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}
