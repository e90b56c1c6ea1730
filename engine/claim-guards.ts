/**
 * The checks a phrase match must pass before it counts as a claim (a dated sentence speaks of its own
 * time, a "could" is not an assertion, "former DHS Secretary" is a correct past title), and resolving the
 * name next to a title to one of the claim's holders. Both err towards no match: a missed statement costs
 * nothing, a misread one gives a wrong verdict.
 */
import type { Guard } from '../data/claim-schema';
import { DATE_PATTERN, daysBetween, parseDateExpr, parseRelativeDate, toIso } from './dates';
import { foldKey } from './fold';

const TIME = new RegExp(
  `(?<![A-Za-z0-9])(?:${DATE_PATTERN}|(?:19|20)\\d{2}|last (?:year|month|week|spring|summer|fall|autumn|winter)|at the time|earlier this (?:year|month)|el ano pasado|el mes pasado|en ese momento|en aquel momento)(?![A-Za-z0-9])`,
  'gi',
);
const CONDITIONAL = /(?<![A-Za-z])(?:could|would|might|if|whether|podria|podrian|pudiera|pudieran)(?![A-Za-z])/i;
const NEGATION = /(?<![A-Za-z])(?:not|never|no|declined|refused|denied|denies|deny|nunca|nego|rechazo)(?![A-Za-z])|n't(?![A-Za-z])/i;
const FORMER = /(?<![A-Za-z])(?:former|then|ex|onetime|one-time|previous|antigu[ao]|entonces)[\s-]*$/i;

/** Days before the article's date that still read as its news ("a judge on Aug. 12 blocked…" on Aug. 13). */
const NEWS_DAYS = 7;

const SINCE_BEFORE = /\b(?:since|ever since|desde)\s+(?:(?:the|el|la|mid|mediados de|principios de|finales de)\s+)?$/i;
const ARTICLE_BEFORE = /\b(?:the|a|an|its|this|that|last)\s+$/i;
const EVENT_AFTER = /^(?:,?\s*\d{4})?\s+(?:ruling|order|injunction|agreement|decision|deal|lawsuit|suit|memo|notice|pact)\b/i;
const EVENT_OF_BEFORE = /\b(?:fallo|orden|acuerdo|decision|medida cautelar|resolucion|demanda|convenio|dictamen)\s+(?:de|del)\s+$/i;

function hasTime(norm: string, orig: string, published: string | null): boolean {
  TIME.lastIndex = 0;
  for (let m; (m = TIME.exec(norm)); ) {
    const written = orig.slice(m.index, m.index + m[0].length);
    // "Since August" says how things have stood since; "the August ruling", "a July agreement", "el fallo de agosto"
    // name an event by its date: neither dates the clause's own statement.
    const lead = norm.slice(Math.max(0, m.index - 32), m.index);
    const tail = norm.slice(m.index + m[0].length, m.index + m[0].length + 24);
    if (SINCE_BEFORE.test(lead) || (ARTICLE_BEFORE.test(lead) && EVENT_AFTER.test(tail)) || EVENT_OF_BEFORE.test(lead)) continue;
    // A day the article names relative to its own date ("on Tuesday", "yesterday") is its news, not history; a
    // date written out ("On August 18, 2025, …") dates the clause's event, and makes it history.
    if (published && /^(?:on |this |last |past |el |este )?[a-z]+$/i.test(m[0]) && !parseDateExpr(m[0], written)) {
      const expr = parseRelativeDate(m[0]);
      const iso = expr && toIso(expr, published);
      if (iso && iso.length === 10 && iso <= published && daysBetween(iso, published) <= NEWS_DAYS) continue;
    }
    if (/^\d{4}$/.test(m[0]) || !/^[a-z]+$/i.test(m[0])) return true;
    if (m[0].includes(' ')) return true;
    // A bare month name: English ones must be capitalised ("may" is a verb).
    if (parseDateExpr(m[0], written)) return true;
  }
  return false;
}

/**
 * A clause that narrates the past: a pluperfect ("had blocked", "had been barred", "había bloqueado"), a framing
 * adverb ("initially", "at the time", "previously", "inicialmente", "en ese momento"), or a complaint naming its
 * defendants. True as history; not a statement about the present.
 */
const HISTORY = new RegExp(
  [
    "\\bhad\\s+(?:\\w+ly\\s+)?(?:been\\s+)?(?:\\w+ly\\s+)?[a-z]+(?:ed|en|wn|un|ut|ld|ht)\\b",
    '\\bhad\\s+(?:already|just)\\b',
    '\\b(?:initially|originally|previously|at first|at the time|back then|at that time|until then|by then)\\b',
    '\\b(?:names?|named|lists?|listed|sues?|sued)\\b.{0,160}\\b(?:as (?:defendants?|respondents?)|in (?:his|her|their) official capacit)',
    '\\bin (?:his|her|their) official capacit',
    '\\bhab(?:ia|ian)\\s+(?:sido\\s+)?[a-z]+(?:ado|ada|ados|adas|ido|ida|idos|idas|to|cho|so)\\b',
    '\\b(?:inicialmente|en un principio|anteriormente|previamente|en ese momento|en aquel momento|por entonces|para entonces)\\b',
    '\\bcomo demandad[oa]s?\\b',
    '\\b(?:nombra|nombro|cita|cito)\\b.{0,160}\\bcomo (?:demandad[oa]s?|acusad[oa]s?)',
  ].join('|'),
  'i',
);

export const narratesPast = (norm: string): boolean => HISTORY.test(norm);

/**
 * A clause that reports what others say and calls it wrong ("posts saying ICE cannot see the records are wrong",
 * "es falso que…"): the statement inside is not the article's, whatever the guards.
 */
const DEBUNKED =
  /(?:\b(?:posts?|claims?|rumou?rs?|reports?|messages?|videos?|people|some|users?)\s+(?:\S+\s+){0,2}(?:saying|claiming|that claim|suggesting)\b.*\b(?:are|is|were|was)\s+(?:wrong|false|untrue|incorrect|misleading)\b)|\b(?:es|era) (?:falso|mentira|incorrecto) que\b|\bit is (?:false|untrue|not true) that\b|\bno es (?:cierto|verdad) que\b/i;

export function passesGuards(guards: readonly Guard[], norm: string, orig: string, start: number, end: number, published: string | null = null): boolean {
  if (DEBUNKED.test(norm)) return false;
  for (const g of guards) {
    if (g === 'no-time' && hasTime(norm, orig, published)) return false;
    if (g === 'no-history' && narratesPast(norm)) return false;
    if (g === 'no-conditional' && CONDITIONAL.test(norm)) return false;
    if (g === 'no-negation' && NEGATION.test(norm.slice(Math.max(0, start - 40), end))) return false;
    if (g === 'no-former' && FORMER.test(norm.slice(Math.max(0, start - 16), start))) return false;
  }
  return true;
}

/** Edit distance, stopping early past `max` (names are short). */
function within(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...cur) > max) return false;
    prev = cur;
  }
  return prev[b.length] <= max;
}

const NAME_TOKEN = /^(?:[A-Z\u00C0-\u00DD][A-Za-z\u00C0-\u024F'\u2019-]*\.?|[A-Z]\.|Jr\.?|Sr\.?)$/;

/**
 * The holder a captured name is: the longest run of capitalised words next to the title, matched exactly,
 * or within an edit or two for long full names (copies misspell them: "Kristi Noam"). A surname alone
 * must match exactly. Unknown names are not guessed at.
 */
export function resolvePerson(
  holders: readonly { id: string; keys: string[] }[],
  captured: string,
  offset: number,
  backwards: boolean,
): { id: string; start: number; end: number } | null {
  // A word's own trailing punctuation is not the name's ("Noem." ending a sentence); initials and "Jr." keep their dot.
  const words = [...captured.matchAll(/\S+/g)].map((m) => ({ text: m[0].replace(/(?:['\u2019]s|[,;:])$/, '').replace(/(?<=[a-z]{2,})\.$/, ''), start: offset + m.index }));
  const ordered = backwards ? [...words].reverse() : words;
  const run: typeof words = [];
  for (const w of ordered) {
    if (!NAME_TOKEN.test(w.text)) break;
    run.push(w);
  }
  if (backwards) run.reverse();
  for (let n = run.length; n >= 1; n--) {
    const part = backwards ? run.slice(run.length - n) : run.slice(0, n);
    const key = foldKey(part.map((w) => w.text).join(' '));
    for (const h of holders) {
      const hit = h.keys.some((k) => k === key || (n > 1 && k.length >= 8 && within(k, key, k.length >= 14 ? 2 : 1)));
      if (hit) {
        const last = part[part.length - 1];
        return { id: h.id, start: part[0].start, end: last.start + last.text.length };
      }
    }
  }
  return null;
}
