/**
 * The matcher and probable-name finder as they were before the word-index scanner (commit 39fe4db): one
 * alternation regular expression, compiled on the page. Kept verbatim as an oracle, so a unit test can hold
 * the shipped engine to exactly the same matches. Not used by the extension.
 */
import { pushTo } from '../../engine/collections';
import type { Alias, AliasRule, Confidence, MatchableEntity, Target } from '../../engine/types';


/** Lowercase, strip diacritics, drop everything but letters and digits. */
export function foldKey(s: string): string {
  return s
    .replace(/&/g, 'and')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Same as foldKey, but keeps case: for aliases that only match with their exact casing (ICE, not "ice"). */
export function foldKeyCased(s: string): string {
  return s
    .replace(/&/g, 'and')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * One character of page text → the character the matcher compares, keeping length so offsets still point
 * into the original: diacritics folded to their base letter, every kind of inline space to " ", curly
 * apostrophes to "'", typographic hyphens to "-". (Regular expressions with non-ASCII classes and the `u`
 * flag are many times slower in V8; a normalised copy keeps the pattern plain.)
 */
const NORMAL: Record<string, string> = { '\t': ' ', '\n': ' ', '\r': ' ', '\u00A0': ' ', '\u202F': ' ', '\u2009': ' ', '\u2018': "'", '\u2019': "'", '\u2010': '-', '\u2011': '-' };
for (let c = 0xc0; c <= 0x24f; c++) {
  const ch = String.fromCharCode(c);
  const base = ch.normalize('NFD')[0];
  if (base !== ch && /^[A-Za-z]$/.test(base)) NORMAL[ch] = base;
}
const SPECIAL = new RegExp(`[${Object.keys(NORMAL).join('').replace(/[\\\]^-]/g, '\\$&').replace(/\t/, '\\t').replace(/\n/, '\\n').replace(/\r/, '\\r')}]`, 'g');

export function normalizeForMatch(text: string): string {
  return text.replace(SPECIAL, (ch) => NORMAL[ch] ?? ch);
}

const escape = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/**
 * The literal forms one alias can take on a real page (on normalised text): with and without its
 * internal periods ("D.C." / "DC"), with a hyphen or a space ("Medi-Cal" / "Medi Cal", never "Medical"),
 * "&" or "and", with or without a comma before a suffix ("Kennedy, Jr."). A final period is left to the
 * sentence. Literal alternatives keep V8's regex scan fast (npm run bench).
 */
export function aliasVariants(alias: string): string[] {
  let forms = [normalizeForMatch(alias.normalize('NFC')).replace(/ +/g, ' ').trim().replace(/\.$/, '')];
  const expand = (re: RegExp, ...replacements: string[]) => {
    forms = forms.flatMap((f) => (re.test(f) ? [f, ...replacements.map((r) => f.replace(re, r))] : [f]));
  };
  expand(/\./g, '');
  expand(/-/g, ' ');
  expand(/&/g, 'and');
  expand(/,/g, '');
  return [...new Set(forms.map((f) => f.replace(/ +/g, ' ').trim()))].filter(Boolean);
}

/**
 * Regex source for one literal form. `spaces` lets a space be a run of spaces (hand-wrapped HTML);
 * `softHyphens` also lets soft hyphens sit inside words (CMS-produced text). Both are slower, so they are
 * only used around the places in a text that need them.
 */
export function variantPattern(form: string, how: 'plain' | 'spaces' | 'softHyphens' = 'plain'): string {
  if (how === 'plain') return escape(form);
  if (how === 'spaces') return escape(form).replace(/ /g, ' +');
  return [...form]
    .map((ch, i, all) => (ch === ' ' ? '[ \\u00AD]+' : escape(ch) + (/[A-Za-z]/.test(ch) && /[A-Za-z]/.test(all[i + 1] ?? '') ? '\\u00AD?' : '')))
    .join('');
}


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
  /** Matches in order of start; they may overlap (rules.ts keeps the first accepted one of a run). */
  find(text: string): RawMatch<T>[];
}

const WORD = /[\p{L}\p{N}_]/u;
/** Where the plain pattern cannot see a match: several spaces in a row, or a soft hyphen. */
const RUNS = / {2,}/g;
const SOFT = /\u00AD/g;

/** `variants` must come longest first (prepareMatcher sorts them). */
function compile(variants: string[], how: 'plain' | 'spaces' | 'softHyphens'): RegExp {
  // Longest first: at one position the alternation takes the first alternative that matches, and
  // "Washington, D.C." must win over "Washington". The ASCII lookahead lets it back off to a shorter one
  // ("Washington stated" is "Washington"); non-ASCII neighbours are checked in code.
  const source = variants.map((v) => variantPattern(v, how)).join('|');
  return new RegExp(`\\b(?:${source})(?![A-Za-z0-9_])`, 'gi');
}

/** Every form of a target, the name first: what `MatcherSpec.keys` indexes into. */
function formsOf(target: MatchTarget): { text: string; rule?: AliasRule; confidence?: Confidence }[] {
  return [{ text: target.name }, ...target.aliases.map((a) => (typeof a === 'string' ? { text: a } : a))];
}

/**
 * The expensive, page-independent half of a matcher, as plain JSON: every literal variant (longest first)
 * and the folded lookup keys. The extension computes it at build time and ships it in its match index, so a
 * page pays only for `new RegExp`.
 */
export interface MatcherSpec {
  variants: string[];
  longest: number;
  /** [lookup key, target index, form index] */
  keys: [string, number, number][];
}

export function prepareMatcher(targets: readonly MatchTarget[]): MatcherSpec {
  const variants = new Set<string>();
  const keys: [string, number, number][] = [];
  targets.forEach((target, ti) =>
    formsOf(target).forEach((form, fi) => {
      keys.push([form.rule === 'case' ? 'C:' + foldKeyCased(form.text) : 'I:' + foldKey(form.text), ti, fi]);
      for (const v of aliasVariants(form.text)) variants.add(v);
    }),
  );
  const sorted = [...variants].sort((a, b) => b.length - a.length);
  return { variants: sorted, longest: sorted[0]?.length ?? 0, keys };
}

export function compileRegexMatcher<T extends MatchTarget>(targets: readonly T[], spec: MatcherSpec = prepareMatcher(targets)): Matcher<T> {
  const byKey = new Map<string, AliasEntry<T>[]>();
  const forms = targets.map(formsOf);
  for (const [key, ti, fi] of spec.keys) {
    const form = forms[ti][fi];
    pushTo(byKey, key, { entity: targets[ti], text: form.text, rule: form.rule, confidence: form.confidence ?? 'high' });
  }
  const { variants, longest } = spec;
  const patterns: Partial<Record<'plain' | 'spaces' | 'softHyphens', RegExp>> = {};
  const pattern = (how: 'plain' | 'spaces' | 'softHyphens') => (patterns[how] ??= compile(variants, how));

  // Pages repeat the same few words ("Medicaid", "ICE", "data"): fold each distinct text once.
  const seenTexts = new Map<string, AliasEntry<T>[]>();
  const lookup = (matched: string) => {
    let c = seenTexts.get(matched);
    if (!c) {
      c = [...(byKey.get('I:' + foldKey(matched)) ?? []), ...(byKey.get('C:' + foldKeyCased(matched)) ?? [])];
      if (seenTexts.size < 10_000) seenTexts.set(matched, c);
    }
    return c;
  };

  const collect = (re: RegExp, text: string, raw: string, from: number, until: number, out: RawMatch<T>[], mustCover = -1) => {
    re.lastIndex = from;
    for (let m = re.exec(text); m && m.index <= until; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      // Resume just after the start, not the end: if context rules reject this match ("the district"
      // before any full mention), a shorter one inside it ("District of Columbia") must still be found.
      re.lastIndex = start + 1;
      if (mustCover >= 0 && !(start < mustCover && end > mustCover)) continue;
      if ((start > 0 && WORD.test(raw[start - 1])) || (end < raw.length && WORD.test(raw[end]))) continue;
      const matched = raw.slice(start, end);
      const candidates = lookup(matched);
      if (!candidates.length) continue;
      // Variants leave a final period to the sentence; an abbreviation ("Jr.", "D.C.") keeps its own.
      const withDot = raw[end] === '.' && candidates.some((c) => c.text.endsWith('.')) ? end + 1 : end;
      out.push({ start, end: withDot, text: raw.slice(start, withDot), candidates });
    }
  };

  return {
    find(raw) {
      const text = normalizeForMatch(raw);
      const out: RawMatch<T>[] = [];
      collect(pattern('plain'), text, raw, 0, text.length, out);
      // Matches that span a run of spaces or a soft hyphen: look again around each such place only.
      const soft = raw.includes('\u00AD');
      const irregular = [...text.matchAll(soft ? SOFT : RUNS)].map((m) => m.index!);
      if (soft) irregular.push(...[...text.matchAll(RUNS)].map((m) => m.index!));
      if (irregular.length) {
        const flexible = pattern(soft ? 'softHyphens' : 'spaces');
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

const words = (s: string) => normalizeForMatch(s).split(/ +/).map(fold).filter((w) => w && !CONNECTORS.has(w));

export function compileRegexFuzzy(entities: readonly MatchableEntity[]) {
  const forms: Form[] = [];
  const exact = new Set<string>();
  for (const entity of entities) {
    const texts = [entity.name, ...entity.aliases.map((a) => (typeof a === 'string' ? { text: a } : a)).filter((a) => !a.rule).map((a) => a.text)];
    for (const text of texts) {
      exact.add(foldKey(text));
      const tokens = words(text);
      // Only names of people and multi-word proper names: one-word forms are too easy to hit by chance.
      if (tokens.length < 2 || /\d/.test(text)) continue;
      forms.push({ entity, key: tokens.join(''), tokens });
    }
  }

  // Candidates anchor on their first or last word: index the forms by both.
  const byFirst = new Map<string, Form[]>();
  const byLast = new Map<string, Form[]>();
  for (const f of forms) {
    pushTo(byFirst, f.tokens[0], f);
    pushTo(byLast, f.tokens[f.tokens.length - 1], f);
  }

  // Only capitalised runs that contain a word of some known name can be a misspelling of it: find those
  // words first (one literal scan), skip the ones already inside exact mentions, and only then read the run.
  const anchorWords = [...new Set([...byFirst.keys(), ...byLast.keys()])].filter((w) => /^[a-z0-9]+$/.test(w));
  const ANCHOR = new RegExp(`\\b(?:${anchorWords.sort((a, b) => b.length - a.length).join('|')})\\b`, 'gi');

  return function findProbable(raw: string, taken: (start: number, end: number) => boolean): RawMatch<Target>[] {
    const out: RawMatch<Target>[] = [];
    const text = normalizeForMatch(raw);
    const runsSeen = new Set<number>();
    ANCHOR.lastIndex = 0;
    for (let a = ANCHOR.exec(text); a; a = ANCHOR.exec(text)) {
      if (taken(a.index, a.index + a[0].length)) continue;
      // The capitalised run around this word: start a little before it and take the run that covers it.
      RUN.lastIndex = Math.max(0, a.index - 80);
      let m = RUN.exec(text);
      while (m && m.index + m[0].length <= a.index) m = RUN.exec(text);
      if (!m || m.index > a.index || runsSeen.has(m.index)) continue;
      runsSeen.add(m.index);
      ANCHOR.lastIndex = Math.max(ANCHOR.lastIndex, m.index + m[0].length);
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
        if (key === form.key || exact.has(key)) return;
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
