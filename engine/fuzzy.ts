/**
 * Probable matches: misspelt and machine-translated multi-word proper names ("Gavin Newsome",
 * "Kristi Noam", "Vince Chabria") that no alias lists. Bounded edit distance over capitalised runs of
 * words, only where no exact match stands, and shown with lower confidence.
 *
 * Run only on pages already recognised as coverage: on any other page a near-miss name means nothing.
 */
import { pushTo } from './collections';
import { asciiKeys, foldKey, normalizeForMatch } from './fold';
import { WordIndex, type RawMatch } from './matcher';
import type { MatchableEntity, Target } from './types';

interface Form {
  entity: MatchableEntity;
  key: string;
  tokens: string[];
}

/**
 * A capitalised word, optionally an initial ("F."); lowercase connectors may sit between them. Runs on the
 * normalised text (diacritics folded, same length), so it needs no `u` flag.
 */
const RUN = /\b[A-Z][A-Za-z'-]*\.?(?: +(?:(?:of|for|and|the|de|del|la|los|y) +)?[A-Z][A-Za-z'-]*\.?)+/g;
const fold = (w: string) => w.toLowerCase().replace(/[^a-z0-9]/g, '');
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
const CONNECTORS = new Set(['of', 'for', 'and', 'the', 'de', 'del', 'la', 'los', 'y']);

/** Optimal-string-alignment distance, giving up once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length];
}

/** Longer names tolerate more typos; short ones almost none. */
const allowance = (length: number) => (length <= 7 ? 0 : length <= 12 ? 1 : length <= 20 ? 2 : 3);

/**
 * The folded words of each name (connectors left out): normalised, lower-cased, everything but letters,
 * digits and spaces dropped, split at spaces. Done on all names joined, a few native calls in all: this
 * runs on a page's first pass.
 */
function wordsOf(texts: string[]): string[][] {
  const SEP = '\u2029';
  const words = (s: string) => s.split(' ').filter((w) => w && !CONNECTORS.has(w));
  const folded = (s: string) => normalizeForMatch(s).toLowerCase().replace(/[^a-z0-9 \u2029]+/g, '');
  // A name with a paragraph separator of its own (none has one) is done alone, without it.
  if (texts.some((t) => t.includes(SEP))) return texts.map((t) => words(folded(t).replace(/\u2029/g, '')));
  return folded(texts.join(SEP)).split(SEP).map(words);
}

export function compileFuzzy(entities: readonly MatchableEntity[]) {
  const texts = (entity: MatchableEntity) => [entity.name, ...entity.aliases.map((a) => (typeof a === 'string' ? { text: a } : a)).filter((a) => !a.rule).map((a) => a.text)];
  const owners = entities.flatMap((entity) => texts(entity).map((text) => ({ entity, text })));
  const tokensOf = wordsOf(owners.map((o) => o.text));
  const forms: Form[] = [];
  owners.forEach(({ entity, text }, i) => {
    const tokens = tokensOf[i];
    // Only names of people and multi-word proper names: one-word forms are too easy to hit by chance.
    if (tokens.length < 2 || /\d/.test(text)) return;
    forms.push({ entity, key: tokens.join(''), tokens });
  });
  // Is `key` (letters and digits) some exact form, folded? Only asked once a capitalised run comes close to a
  // name, so the index is built then: forms by their ASCII key, which is their foldKey whenever that is ASCII
  // (as `key` is); a form that is not plain ASCII is checked with foldKey itself.
  let byAsciiKey: Map<string, string[]> | undefined;
  const isExact = (key: string) => {
    if (!byAsciiKey) {
      byAsciiKey = new Map();
      const keys = asciiKeys(owners.map((o) => o.text));
      owners.forEach((o, i) => pushTo(byAsciiKey!, keys[i], o.text));
    }
    return (byAsciiKey.get(key) ?? []).some((text) => /^[\x00-\x7f]*$/.test(text) || foldKey(text) === key);
  };

  // Candidates anchor on their first or last word: index the forms by both.
  const byFirst = new Map<string, Form[]>();
  const byLast = new Map<string, Form[]>();
  for (const f of forms) {
    pushTo(byFirst, f.tokens[0], f);
    pushTo(byLast, f.tokens[f.tokens.length - 1], f);
  }

  // Only capitalised runs that contain a word of some known name can be a misspelling of it: find those
  // words first (one scan, each word of the text hashed as it is read), skip the ones already inside exact
  // mentions, and only then read the run.
  const anchorWords = [...new Set([...byFirst.keys(), ...byLast.keys()])].filter((w) => /^[a-z0-9]+$/.test(w));
  const anchors = new WordIndex<string>();
  for (const w of anchorWords) anchors.add(w, w);
  // On a long text one compiled alternation finds them faster than reading every word in JavaScript; on an
  // article, compiling it would cost more than the whole scan. Both find the same words.
  let ANCHOR: RegExp | undefined;
  const LONG = 50_000;
  /** The next whole word (ASCII, any case) at or after `from` that is a known name's first or last word. */
  const nextAnchor = (text: string, from: number): { start: number; end: number } | null => {
    if (text.length >= LONG) {
      ANCHOR ??= new RegExp(`\\b(?:${[...anchorWords].sort((a, b) => b.length - a.length).join('|')})\\b`, 'gi');
      ANCHOR.lastIndex = from;
      const a = ANCHOR.exec(text);
      return a ? { start: a.index, end: a.index + a[0].length } : null;
    }
    for (let p = anchors.next(text, from); p >= 0; p = anchors.next(text, anchors.end)) {
      const word = text.slice(p, anchors.end).toLowerCase();
      if (anchors.hit.includes(word)) return { start: p, end: anchors.end };
    }
    return null;
  };

  /** `normal` is normalizeForMatch(raw), when the caller has it already. */
  return function findProbable(raw: string, taken: (start: number, end: number) => boolean, normal?: string): RawMatch<Target>[] {
    const out: RawMatch<Target>[] = [];
    const text = normal ?? normalizeForMatch(raw);
    const runsSeen = new Set<number>();
    for (let a = nextAnchor(text, 0), resume = 0; a; a = nextAnchor(text, resume)) {
      resume = a.end;
      if (taken(a.start, a.end)) continue;
      // No capitalised run can hold a word that starts in lower case (or with a digit) after a space: inside
      // a run, only an apostrophe or a hyphen ("O'neill") lets a word start that way.
      const first = text.charCodeAt(a.start);
      const prev = text.charCodeAt(a.start - 1);
      if (!(first >= 65 && first <= 90) && prev !== 39 && prev !== 45) continue;
      // The capitalised run around this word: start a little before it and take the run that covers it.
      RUN.lastIndex = Math.max(0, a.start - 80);
      let m = RUN.exec(text);
      while (m && m.index + m[0].length <= a.start) m = RUN.exec(text);
      if (!m || m.index > a.start || runsSeen.has(m.index)) continue;
      runsSeen.add(m.index);
      resume = Math.max(resume, m.index + m[0].length);
      const run = m[0];
      const content: { word: string; start: number; end: number }[] = [];
      let anchored = false;
      for (const w of run.matchAll(/[^ ]+/g)) {
        const word = fold(w[0]);
        if (!word || CONNECTORS.has(word)) continue;
        anchored ||= byFirst.has(word) || byLast.has(word);
        content.push({ word, start: m.index + w.index!, end: m.index + w.index! + w[0].length });
      }
      // Most capitalised runs share no word with any known name: skip them before any real work.
      if (!anchored || content.length < 2) continue;
      let best: { form: Form; start: number; end: number; d: number } | undefined;
      const consider = (form: Form, i: number) => {
        const n = form.tokens.length;
        if (i < 0 || i + n > content.length) return;
        const window = content.slice(i, i + n);
        // Generational suffixes name different people: Robert F. Kennedy Sr. is not Jr.
        if (window.some((w, k) => SUFFIXES.has(w.word) !== SUFFIXES.has(form.tokens[k]) || (SUFFIXES.has(w.word) && w.word !== form.tokens[k]))) return;
        const key = window.map((w) => w.word).join('');
        if (key === form.key || isExact(key)) return;
        const max = allowance(form.key.length);
        const d = editDistance(key, form.key, max);
        if (d > max) return;
        const start = window[0].start;
        const last = window[n - 1];
        const end = last.end - (/[.,]$/.test(raw.slice(last.start, last.end)) ? 1 : 0);
        if (taken(start, end)) return;
        if (!best || d < best.d) best = { form, start, end, d };
      };
      // Anchor on one exact word, first or last: "Gavin Newo", "Kristi Noam", "Vince Chabria".
      content.forEach((w, i) => {
        for (const form of byFirst.get(w.word) ?? []) consider(form, i);
        for (const form of byLast.get(w.word) ?? []) consider(form, i - form.tokens.length + 1);
      });
      if (best)
        out.push({
          start: best.start,
          end: best.end,
          text: raw.slice(best.start, best.end),
          candidates: [{ entity: best.form.entity, text: best.form.entity.name, confidence: 'probable' }],
        });
    }
    return out;
  };
}
