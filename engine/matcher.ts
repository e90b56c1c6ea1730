/**
 * match: find every alias of every entity in a text, in one scan that reads each word once.
 *
 * Why it is shaped this way (npm run bench measures it):
 * - The text is normalised first (diacritics, kinds of space, quotes, hyphens; same length, so offsets
 *   hold), and each alias is expanded into its literal variants at build time.
 * - The variants are filed under their first word. The scan hashes each word of the text as it reads it and
 *   compares only the few variants filed under that word. Nothing is compiled on the page: the one
 *   500-way case-insensitive regular expression this replaces was most of a fresh page's first pass, as
 *   V8 compiled it and then compiled it again to machine code.
 * - The rare places that need more (a run of several spaces, a soft hyphen) get a second, flexible scan,
 *   run only around those places.
 * - Each variant knows which forms it can be (its group, prepared at build time). Context rules (rules.ts)
 *   then decide which raw matches are mentions.
 */
import { pushTo } from './collections';
import { aliasVariants, foldKey, foldKeyCased, normalizeForMatch } from './fold';
import type { Alias, AliasRule, Confidence } from './types';

/** Anything with a name and aliases: dataset entities, and the detector's topic vocabulary. */
export interface MatchTarget {
  id: string;
  name: string;
  aliases: Alias[];
}

export interface AliasEntry<T extends MatchTarget = MatchTarget> {
  entity: T;
  text: string;
  rule?: AliasRule;
  confidence: Confidence;
}

export interface RawMatch<T extends MatchTarget = MatchTarget> {
  start: number;
  end: number;
  text: string;
  /** Every alias this text could be; rules.ts picks one or none. */
  candidates: AliasEntry<T>[];
}

export interface Matcher<T extends MatchTarget = MatchTarget> {
  /**
   * Matches in order of start; they may overlap (rules.ts keeps the first accepted one of a run). `normal`
   * is normalizeForMatch(text), when the caller has it already.
   */
  find(text: string, normal?: string): RawMatch<T>[];
}

/** JavaScript's `\w`, [A-Za-z0-9_], as a table: each word character's case-folded (lower-case) code, else 0. */
const WORD_FOLD = new Uint8Array(128);
for (const ch of '0123456789_abcdefghijklmnopqrstuvwxyz') WORD_FOLD[ch.charCodeAt(0)] = WORD_FOLD[ch.toUpperCase().charCodeAt(0)] = ch.charCodeAt(0);
/** Is `c` (a UTF-16 code unit, or NaN past the end) a `\w` character? Word boundaries use exactly this. */
export const isW = (c: number): boolean => c < 128 && WORD_FOLD[c] !== 0;

/** Unicode letters, digits and "_": a match must not touch one on either side (checked on the raw text). */
const WORD = /[\p{L}\p{N}_]/u;
/** The same test, without compiling the Unicode classes for the ASCII neighbours that nearly all are. */
function isWordChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c < 128 ? WORD_FOLD[c] !== 0 : WORD.test(ch);
}
/** Where the plain scan cannot see a match: several spaces in a row, or a soft hyphen. */
const RUNS = / {2,}/g;
const SOFT = /\u00AD/g;

type How = 'plain' | 'spaces' | 'softHyphens';

const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const SPACE = 32;
const SHY = 0xad;

/**
 * Case folding as a case-insensitive regular expression without the `u` flag compares characters: ASCII
 * letters by letter (lower case here), anything else by its one-character upper case, never mapped to ASCII.
 */
const foldedNonAscii = new Map<number, number>();
function fold(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  let f = foldedNonAscii.get(c);
  if (f === undefined) {
    const u = String.fromCharCode(c).toUpperCase();
    f = u.length === 1 && u.charCodeAt(0) >= 128 ? u.charCodeAt(0) : c;
    foldedNonAscii.set(c, f);
  }
  return f;
}
/** Every character outside ASCII in `s` has no case ("§", "–", "ʻ"): then lower-casing folds `s` as `fold` does. */
const hasOnlyCaselessNonAscii = (s: string) => (s.match(/[^\x00-\x7f]/g) ?? []).every((ch) => ch.toLowerCase() === ch && ch.toUpperCase() === ch);

/** `fold` over a whole string: one native call when it can be. */
function foldString(s: string): string {
  if (hasOnlyCaselessNonAscii(s)) return s.toLowerCase();
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(fold(s.charCodeAt(i)));
  return out;
}

/** A word's hash, one folded character at a time (kept a small integer, so Map lookups stay cheap). */
const mix = (h: number, c: number) => (Math.imul(h, 31) + c) & 0x3fffffff;

/**
 * Words (maximal runs of `\w`, compared case-insensitively) to look for in a text. Each word of the text is
 * hashed as it is read, and a 64k-bit filter turns away nearly all of them before any Map lookup.
 */
export class WordIndex<V> {
  private readonly bits = new Uint32Array(2048);
  private readonly map = new Map<number, V[]>();
  /** After `next`: where the word found ends, and what was filed under its hash. */
  end = 0;
  hit: V[] = [];

  /** File `value` under the word made of `text`'s leading `\w` characters from `at`; returns where that word ends. */
  add(text: string, value: V, at = 0): number {
    let h = 0;
    let i = at;
    for (let c = text.charCodeAt(i); c < 128 && WORD_FOLD[c] !== 0; c = text.charCodeAt(++i)) h = mix(h, WORD_FOLD[c]);
    this.bits[(h >>> 5) & 2047] |= 1 << (h & 31);
    pushTo(this.map, h, value);
    return i;
  }

  /** Order every list filed. */
  sortEach(compare: (a: V, b: V) => number): void {
    for (const list of this.map.values()) if (list.length > 1) list.sort(compare);
  }

  get(h: number): V[] | undefined {
    return (this.bits[(h >>> 5) & 2047] >>> (h & 31)) & 1 ? this.map.get(h) : undefined;
  }

  /**
   * Start of the first word at or after `from` (and no later than `until`) whose hash was filed, or -1. A
   * word starts where `\b` would see one: `from` inside a word skips the rest of it.
   */
  next(text: string, from: number, until = text.length): number {
    const stop = Math.min(text.length, until + 1);
    let i = from;
    if (i > 0) while (isW(text.charCodeAt(i - 1)) && isW(text.charCodeAt(i))) i++;
    while (i < stop) {
      let c = text.charCodeAt(i);
      if (!(c < 128 && WORD_FOLD[c] !== 0)) {
        i++;
        continue;
      }
      const start = i;
      let h = 0;
      do {
        h = mix(h, WORD_FOLD[c]);
        c = text.charCodeAt(++i);
      } while (c < 128 && WORD_FOLD[c] !== 0);
      if ((this.bits[(h >>> 5) & 2047] >>> (h & 31)) & 1) {
        const hit = this.map.get(h);
        if (hit) {
          this.end = i;
          this.hit = hit;
          return start;
        }
      }
    }
    return -1;
  }

  /**
   * What was filed under the word starting at `p` when it is read across single soft hyphens between letters
   * ("Cali\u00ADfornia"): one list per place the word could end that has any; undefined when none has.
   */
  softHits(text: string, p: number): V[][] | undefined {
    const n = text.length;
    let found: V[][] | undefined;
    let h = 0;
    for (let j = p; ; ) {
      const c = text.charCodeAt(j);
      if (isW(c)) {
        h = mix(h, WORD_FOLD[c]);
        j++;
        continue;
      }
      const hit = this.get(h);
      if (hit) (found ??= []).push(hit);
      if (c === SHY && isLetter(text.charCodeAt(j - 1)) && j + 1 < n && isLetter(text.charCodeAt(j + 1))) {
        j++;
        continue;
      }
      return found;
    }
  }
}

export interface Scanner {
  /** End of the match found by the last call to `next`, and which variant it is. */
  end: number;
  variant: number;
  /** What `next` can be given as `lower` for `text` (its lower-case copy, when that compares right), or null. */
  lowerOf(text: string): string | null;
  /** Start of the first match at or after `from` that starts no later than `until`, or -1. */
  next(text: string, from: number, until: number, how: How, lower?: string | null): number;
}

/**
 * Finds exactly what the alternation `\b(?:v1|v2|…)(?![A-Za-z0-9_])` (case-insensitive, no `u` flag,
 * variants longest first) finds from a given index, as far as the matcher can tell: the first position with
 * a word boundary where a variant matches, and there the first variant, in the given order, that matches and
 * is not followed by `\w`. (A variant that starts with a non-word character, "§1137", could only match right
 * after a word character — that is what `\b` asks — where the neighbour check rejects it anyway, so the
 * scanner leaves such variants out.)
 *
 * `how` widens what a space or a word may span, as the flexible patterns did: `spaces` lets a space be a run
 * of spaces; `softHyphens` also lets one soft hyphen sit between two letters, and a space be any run of
 * spaces and soft hyphens.
 */
export function createScanner(variants: readonly string[]): Scanner {
  // Variants hold no line breaks (they are normalised): fold them all in one string.
  const joined = variants.join('\n');
  const caseless = hasOnlyCaselessNonAscii(joined);
  const all = foldString(joined);
  const folded = all.split('\n');
  // A variant can only match where a word starts, and then that whole word is the variant's first word:
  // file the variants under it. At one position the longest variant that matches wins ("Washington, D.C."
  // over "Washington"), backing off to a shorter one when the longer is followed by a word character;
  // between variants of one length, the first listed. So each list is kept in that order.
  const words = new WordIndex<number>();
  for (let i = 0, at = 0; i < folded.length; i++) {
    const end = isW(all.charCodeAt(at)) ? words.add(all, i, at) : at;
    at = all.indexOf('\n', end) + 1;
  }
  const before = (a: number, b: number) => folded[b].length - folded[a].length || a - b;
  words.sortEach(before);

  // The text in lower case, when that compares as `fold` does: then a plain variant is one native
  // startsWith. Lower-casing keeps a normalised text's length (its one exception, "İ", is folded away) and
  // compares the same for the caseless non-ASCII characters variants hold, unless a character lower-cases
  // to ASCII from outside it: the Kelvin sign does ("K" → "k"), so such a text is compared the long way.
  const lowerOf = (text: string) => {
    if (!caseless || text.includes('\u212A')) return null;
    const l = text.toLowerCase();
    return l.length === text.length ? l : null;
  };

  /** Where variant `vi` ends when read at `p`, or -1. */
  function readAt(vi: number, text: string, p: number, how: How, lower: string | null): number {
    const v = folded[vi];
    const n = text.length;
    if (how === 'plain') {
      if (lower !== null) return lower.startsWith(v, p) ? p + v.length : -1;
      if (p + v.length > n) return -1;
      for (let k = 0; k < v.length; k++) if (fold(text.charCodeAt(p + k)) !== v.charCodeAt(k)) return -1;
      return p + v.length;
    }
    let j = p;
    for (let k = 0; k < v.length; k++) {
      if (j >= n) return -1;
      const c = v.charCodeAt(k);
      let t = text.charCodeAt(j);
      if (c === SPACE) {
        // Variants never hold two spaces in a row or end with one, so a greedy run is the only reading.
        if (t !== SPACE && (how === 'spaces' || t !== SHY)) return -1;
        do t = text.charCodeAt(++j);
        while (j < n && (t === SPACE || (how === 'softHyphens' && t === SHY)));
        continue;
      }
      if (fold(t) !== c) return -1;
      j++;
      if (how === 'softHyphens' && j < n && text.charCodeAt(j) === SHY && isLetter(c) && k + 1 < v.length && isLetter(v.charCodeAt(k + 1))) j++;
    }
    return j;
  }

  /** The first candidate that matches at `p` and is not followed by a word character: its end, or -1. */
  function firstAt(candidates: readonly number[], text: string, p: number, how: How, lower: string | null): number {
    for (const vi of candidates) {
      const end = readAt(vi, text, p, how, lower);
      if (end >= 0 && !isW(text.charCodeAt(end))) {
        found = vi;
        return end;
      }
    }
    return -1;
  }
  let found = -1;

  return {
    end: 0,
    variant: -1,
    lowerOf,
    next(text, from, until, how, lower = null) {
      if (how !== 'softHyphens') {
        // Only words filed in the index can start a match.
        for (let p = words.next(text, from, until); p >= 0; p = words.next(text, words.end, until)) {
          const end = firstAt(words.hit, text, p, how, lower);
          if (end >= 0) {
            this.end = end;
            this.variant = found;
            return p;
          }
        }
        return -1;
      }
      // Soft hyphens split words: try every word start, and every variant its first word could be.
      const stop = Math.min(text.length, until + 1);
      for (let p = from; p < stop; p++) {
        if (!isW(text.charCodeAt(p)) || (p > 0 && isW(text.charCodeAt(p - 1)))) continue;
        const hits = words.softHits(text, p);
        if (!hits) continue;
        const end = firstAt(hits.length === 1 ? hits[0] : [...new Set(hits.flat())].sort(before), text, p, how, lower);
        if (end >= 0) {
          this.end = end;
          this.variant = found;
          return p;
        }
      }
      return -1;
    },
  };
}

/** Every form of a target, the name first: forms are numbered in this order, target after target. */
function formsOf(target: MatchTarget): { text: string; rule?: AliasRule; confidence?: Confidence }[] {
  return [{ text: target.name }, ...target.aliases.map((a) => (typeof a === 'string' ? { text: a } : a))];
}

/**
 * The page-independent half of a matcher, as plain JSON, computed at build time and shipped in the
 * extension's match index, so that the engine (in the background) only reads it:
 * - `variants`: every literal form a text can take, in the order the forms list them (which compresses
 *   well; the scanner orders them longest first), and `groupSteps`: each variant's group, as the step from
 *   the previous variant's (mostly 0 or 1, which compresses better still);
 * - groups: per folded key (foldKey), the forms that fold to it, numbered as formsOf lists them, target
 *   after target, and numbered in the order of their first form. Most forms start a group of their own, so
 *   only the others are listed, in `joins`: [form, group]. A text the scanner finds is one of its variant's
 *   group; the forms of a case-sensitive alias ('case') are still checked against the page's casing.
 */
export interface MatcherSpec {
  variants: string[];
  groupSteps: number[];
  joins: [form: number, group: number][];
}

export function prepareMatcher(targets: readonly MatchTarget[]): MatcherSpec {
  const forms = targets.flatMap(formsOf);
  const byKey = new Map<string, number[]>();
  forms.forEach((form, k) => pushTo(byKey, foldKey(form.text), k));
  const index = new Map([...byKey.keys()].map((key, g) => [key, g]));
  // A variant is found as the forms its text folds to. One that no form folds to, or that starts with a
  // non-word character (see createScanner), never yields a match: it is left out.
  const variants = [...new Set(forms.flatMap((form) => aliasVariants(form.text)))].filter((v) => isW(v.charCodeAt(0)) && index.has(foldKey(v)));
  const group = variants.map((v) => index.get(foldKey(v))!);
  const joins = [...byKey.values()].flatMap((ks) => ks.slice(1).map((k): [number, number] => [k, index.get(foldKey(forms[k].text))!]));
  return { variants, groupSteps: group.map((g, i) => g - (i ? group[i - 1] : 0)), joins };
}

export function compileMatcher<T extends MatchTarget>(targets: readonly T[], spec: MatcherSpec = prepareMatcher(targets)): Matcher<T> {
  // Form number → (target, form), through the first form number of each target.
  const firstForm: number[] = [];
  let count = 0;
  for (const t of targets) firstForm.push(count), (count += 1 + t.aliases.length);
  const formsByGroup: number[][] = [];
  const joining = new Map(spec.joins);
  for (let k = 0; k < count; k++) {
    const g = joining.get(k);
    if (g === undefined) formsByGroup.push([k]);
    else formsByGroup[g].push(k);
  }
  const entryOf = (k: number): AliasEntry<T> => {
    let ti = targets.length - 1;
    while (firstForm[ti] > k) ti--;
    const fi = k - firstForm[ti];
    const a = fi === 0 ? targets[ti].name : targets[ti].aliases[fi - 1];
    const form = typeof a === 'string' ? { text: a } : a;
    return { entity: targets[ti], text: form.text, rule: form.rule, confidence: form.confidence ?? 'high' };
  };
  // A group's entries, built on first use: the case-insensitive ones, and the case-sensitive ones with the
  // casing they need (foldKeyCased, as the page's text must fold to).
  const groups: ({ loose: AliasEntry<T>[]; cased: [string, AliasEntry<T>][] } | undefined)[] = [];
  const entriesOf = (g: number) => {
    let e = groups[g];
    if (!e) {
      e = { loose: [], cased: [] };
      for (const k of formsByGroup[g]) {
        const entry = entryOf(k);
        if (entry.rule === 'case') e.cased.push([foldKeyCased(entry.text), entry]);
        else e.loose.push(entry);
      }
      groups[g] = e;
    }
    return e;
  };
  const candidatesOf = (g: number, matched: string): AliasEntry<T>[] => {
    const { loose, cased } = entriesOf(g);
    if (!cased.length) return loose;
    const key = foldKeyCased(matched);
    const fitting = cased.filter(([k]) => k === key).map(([, e]) => e);
    return fitting.length ? [...loose, ...fitting] : loose;
  };
  const { variants } = spec;
  const groupOf: number[] = [];
  spec.groupSteps.reduce((g, step, i) => (groupOf[i] = g + step), 0);
  const scanner = createScanner(variants);
  const longest = variants.reduce((n, v) => Math.max(n, v.length), 0);

  const collect = (how: How, text: string, raw: string, from: number, until: number, out: RawMatch<T>[], mustCover = -1, lower: string | null = null) => {
    for (let start = scanner.next(text, from, until, how, lower); start >= 0; start = scanner.next(text, start + 1, until, how, lower)) {
      const end = scanner.end;
      // Resume just after the start, not the end: if context rules reject this match ("the district"
      // before any full mention), a shorter one inside it ("District of Columbia") must still be found.
      if (mustCover >= 0 && !(start < mustCover && end > mustCover)) continue;
      if ((start > 0 && isWordChar(raw[start - 1])) || (end < raw.length && isWordChar(raw[end]))) continue;
      const candidates = candidatesOf(groupOf[scanner.variant], raw.slice(start, end));
      if (!candidates.length) continue;
      // Variants leave a final period to the sentence; an abbreviation ("Jr.", "D.C.") keeps its own.
      const withDot = raw[end] === '.' && candidates.some((c) => c.text.endsWith('.')) ? end + 1 : end;
      out.push({ start, end: withDot, text: raw.slice(start, withDot), candidates });
    }
  };

  return {
    find(raw, normal) {
      const text = normal ?? normalizeForMatch(raw);
      const out: RawMatch<T>[] = [];
      collect('plain', text, raw, 0, text.length, out, -1, scanner.lowerOf(text));
      // Matches that span a run of spaces or a soft hyphen: look again around each such place only.
      const soft = raw.includes('\u00AD');
      const irregular = [...text.matchAll(soft ? SOFT : RUNS)].map((m) => m.index!);
      if (soft) irregular.push(...[...text.matchAll(RUNS)].map((m) => m.index!));
      if (irregular.length) {
        const flexible = soft ? 'softHyphens' : 'spaces';
        const extra: RawMatch<T>[] = [];
        if (irregular.length > text.length / 500) collect(flexible, text, raw, 0, text.length, extra);
        else for (const at of irregular) collect(flexible, text, raw, Math.max(0, at - longest), at, extra, at);
        const seen = new Set(out.map((m) => `${m.start}:${m.end}`));
        for (const m of extra) if (!seen.has(`${m.start}:${m.end}`)) (seen.add(`${m.start}:${m.end}`), out.push(m));
        out.sort((a, b) => a.start - b.start || b.end - a.end);
      }
      return out;
    },
  };
}
