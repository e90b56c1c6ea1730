/**
 * When an article was published, from the page itself: what a claim check is judged against. News sites
 * mark it in many ways, so this tries them in order of how reliably they mean "first published":
 * 1. meta tags (Open Graph `article:published_time`, `datePublished`, Dublin Core, Parse.ly, Sailthru, …);
 * 2. JSON-LD `datePublished` on an article (top level, arrays, `@graph`; broken JSON is skipped);
 * 3. `<time datetime>` in the article or its header (or marked as the publication time);
 * 4. a dateline or byline date written out ("June 13, 2025", "13 de junio de 2025").
 * Modified/updated dates are never used. Only DOM calls that browsers and linkedom (the CLI) both have,
 * and nothing here throws on an odd page: unknown is null. A date read from a page is then believed only if it
 * could be this story's (`sanePublished`): a CMS that stamps 2019 on a reposted 2025 report, or a date in the
 * future, is no date at all, and claims fall back to "no verdict when unsure" rather than being judged at it.
 */
import { DATE_PATTERN, isValidDay, parseDateExpr, parseIsoDay } from './dates';
import { normalizeForMatch } from './fold';

/** Meta names/properties/itemprops that mean "published", most specific first. */
const META_KEYS = [
  'article:published_time', 'og:article:published_time', 'og:published_time', 'datepublished', 'article.published',
  'parsely-pub-date', 'sailthru.date', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date', 'dcterms.created',
  'publishdate', 'publish-date', 'publish_date', 'published_at', 'pubdate', 'pdate', 'article:publicationdate',
  'dcsext.articlefirstpublished', 'article_date_original', 'cxenseparse:recs:publishtime', 'displaydate',
  'date', 'fecha', 'fecha_publicacion',
];

const ARTICLE_TYPE = /^(?:\w+:)?(?:News|Reportage|Analysis|Opinion|Review|Background|AskPublic|Satirical)?Article$|^(?:BlogPosting|LiveBlogPosting|Report|ScholarlyArticle)$/;
const MEDIA_TYPE = /Object$|^(?:Person|Organization|Comment)$/;

const MIN_YEAR = 1995;
const MAX_YEAR = 2100;

const inRange = (iso: string | null) => (iso && Number(iso.slice(0, 4)) >= MIN_YEAR && Number(iso.slice(0, 4)) <= MAX_YEAR ? iso : null);

/** A machine or human date value → ISO day, or null. Times and zones are dropped: the date as written. */
export function parseDateValue(value: string): string | null {
  const s = value.trim();
  // Seconds or milliseconds since 1970 (some CMSs): UTC day.
  if (/^\d{10}(?:\d{3})?$/.test(s)) {
    const ms = s.length === 13 ? Number(s) : Number(s) * 1000;
    return inRange(new Date(ms).toISOString().slice(0, 10));
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s) ?? /^(\d{4})\/(\d{2})\/(\d{2})/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})(?:\d{4,6})?(?:\D|$)/.exec(s);
  if (m) return isValidDay(Number(m[1]), Number(m[2]), Number(m[3])) ? inRange(`${m[1]}-${m[2]}-${m[3]}`) : null;
  // 05/29/2007 or 29/05/2007: only when the order is unambiguous (one part above 12).
  const slash = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\D|$)/.exec(s);
  if (slash) {
    const [a, b, y] = [Number(slash[1]), Number(slash[2]), Number(slash[3])];
    const [month, day] = a > 12 && b <= 12 ? [b, a] : b > 12 && a <= 12 ? [a, b] : [0, 0];
    return month && isValidDay(y, month, day) ? inRange(`${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`) : null;
  }
  // JavaScript's Date#toString: "Fri Mar 13 21:30:09 EST 2015".
  const js = /^[A-Za-z]{3},? ([A-Za-z]{3}) (\d{1,2}) \d{1,2}:\d{2}(?::\d{2})?(?: [A-Z]{2,5})? (\d{4})$/.exec(s);
  if (js) return writtenDate(`${js[1]} ${js[2]}, ${js[3]}`);
  return writtenDate(s);
}

const WRITTEN = new RegExp(`(?<![A-Za-z0-9])(?:${DATE_PATTERN})(?![A-Za-z0-9])`, 'gi');

/** The first full date (day, month and year) written out in a text. */
function writtenDate(text: string): string | null {
  const norm = normalizeForMatch(text);
  WRITTEN.lastIndex = 0;
  for (let m; (m = WRITTEN.exec(norm)); ) {
    const expr = parseDateExpr(m[0], text.slice(m.index, m.index + m[0].length));
    if (expr?.year !== undefined && expr.day !== undefined)
      return inRange(`${expr.year}-${String(expr.month).padStart(2, '0')}-${String(expr.day).padStart(2, '0')}`);
  }
  return null;
}

function fromMeta(doc: Document): string | null {
  const found = new Map<string, string>();
  for (const meta of Array.from(doc.querySelectorAll('meta'))) {
    const content = meta.getAttribute('content');
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = meta.getAttribute(attr)?.trim().toLowerCase();
      if (key && !found.has(key)) found.set(key, content);
    }
  }
  for (const key of META_KEYS) {
    const value = found.get(key);
    const iso = value ? parseDateValue(value) : null;
    if (iso) return iso;
  }
  // Parse.ly's older form: one JSON object in a meta tag.
  const page = found.get('parsely-page');
  if (page) {
    try {
      const pub = (JSON.parse(page) as { pub_date?: unknown }).pub_date;
      if (typeof pub === 'string') return parseDateValue(pub);
    } catch {
      // not JSON: ignore
    }
  }
  return null;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function typesOf(node: { [key: string]: Json }): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

function fromJsonLd(doc: Document): string | null {
  const articles: string[] = [];
  const others: string[] = [];
  const visit = (node: Json, depth: number): void => {
    if (depth > 6 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n, depth + 1);
      return;
    }
    const types = typesOf(node);
    const date = node.datePublished;
    const value = Array.isArray(date) ? date[0] : date;
    if (typeof value === 'string') {
      if (types.some((t) => ARTICLE_TYPE.test(t))) articles.push(value);
      else if (!types.some((t) => MEDIA_TYPE.test(t))) others.push(value);
    }
    for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'hasPart', 'itemListElement', 'item']) if (key in node) visit(node[key], depth + 1);
  };
  for (const script of Array.from(doc.querySelectorAll('script'))) {
    if (!/ld\+json/i.test(script.getAttribute('type') ?? '')) continue;
    const raw = (script.textContent ?? '').replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[)/, '').replace(/(?:-->|\/\/\s*\]\]>)\s*$/, '');
    try {
      visit(JSON.parse(raw) as Json, 0);
    } catch {
      // Malformed JSON-LD is common; the other markers may still say.
    }
  }
  for (const value of [...articles, ...others]) {
    const iso = parseDateValue(value);
    if (iso) return iso;
  }
  return null;
}

function inside(el: Element, tags: ReadonlySet<string>): boolean {
  for (let p: Element | null = el; p; p = p.parentElement) if (tags.has(p.tagName.toUpperCase())) return true;
  return false;
}

const STORY = new Set(['ARTICLE', 'HEADER', 'MAIN']);
const UPDATED = /updat|modif|actualiz|revis/i;

function fromTime(doc: Document): string | null {
  const times = Array.from(doc.querySelectorAll('time')).filter((t) => t.getAttribute('datetime'));
  const rank = (t: Element) => {
    const hint = `${t.getAttribute('itemprop') ?? ''} ${t.getAttribute('class') ?? ''} ${t.getAttribute('id') ?? ''}`;
    if (UPDATED.test(hint)) return 9;
    if (/datepublished|publish|pubdate/i.test(hint) || t.hasAttribute('pubdate')) return 0;
    // A <time> elsewhere (a rail of related stories) dates something else.
    return inside(t, STORY) ? 1 : 9;
  };
  const ordered = times.map((t, i) => ({ t, r: rank(t), i })).filter((x) => x.r < 9).sort((a, b) => a.r - b.r || a.i - b.i);
  for (const { t } of ordered) {
    const iso = parseDateValue(t.getAttribute('datetime')!);
    if (iso) return iso;
  }
  return null;
}

const DATELINE = /(?:^|[\s_-])(?:byline|dateline|date|timestamp|published|publish-date|pubdate|article-date|story-date|fecha)(?:$|[\s_-])/i;
const MAX_DATELINE_NODES = 40;

function fromDateline(doc: Document): string | null {
  const candidates: Element[] = [];
  for (const el of Array.from(doc.querySelectorAll('[class], [id]'))) {
    const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!DATELINE.test(name) || UPDATED.test(name)) continue;
    const tag = el.tagName.toUpperCase();
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'META') continue;
    candidates.push(el);
    if (candidates.length >= MAX_DATELINE_NODES) break;
  }
  for (const el of candidates) {
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text || text.length > 300) continue;
    // "Updated June 14, 2025; published June 13, 2025": take the date that is not the update.
    const parts = text.split(/(?=\b(?:updated|actualizado|published|publicado)\b)/i).filter((p) => !UPDATED.test(p.slice(0, 12)));
    for (const part of parts) {
      const iso = writtenDate(part);
      if (iso) return iso;
    }
  }
  return null;
}

/** The page's publication date as an ISO day, or null when the page does not say. Never throws. */
export function readPublished(doc: Document): string | null {
  for (const read of [fromMeta, fromJsonLd, fromTime, fromDateline]) {
    try {
      const iso = read(doc);
      if (iso) return iso;
    } catch {
      // An odd page must not break the annotations; try the next marker.
    }
  }
  return null;
}

/**
 * The first day a report on this story can carry: CMS sent the data in June 2025, and the first reports ran
 * on June 13. Any day before June 2025 cannot be when a report about it was published.
 */
export const STORY_BEGAN = '2025-06-01';

/** A date read from a page, and what became of it: believed (`published`), or ignored because it made no sense. */
export interface PublishedReading {
  /** The date to judge claims at; null when unknown. */
  published: string | null;
  /** The date the page gave but that cannot be this story's (before it began, or after `today`); else null. */
  ignored: string | null;
}

/**
 * Believe a page's date only between the story's beginning and `today` (the caller's, ISO): outside that
 * window the page's date is wrong, whatever marked it, and the article is treated as undated.
 */
export function sanePublished(read: string | null, today: string): PublishedReading {
  if (read === null) return { published: null, ignored: null };
  return read < STORY_BEGAN || read > today ? { published: null, ignored: read } : { published: read, ignored: null };
}

/** The CLI's `--published YYYY-MM-DD`: the day, or null when it is not a real calendar day. */
export const parsePublishedOption = (value: string): string | null => parseIsoDay(value);
