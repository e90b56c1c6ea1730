/**
 * match: find every alias of every entity in a text, in one pass of one regular expression.
 *
 * Why it is shaped this way (npm run bench measures it):
 * - The text is normalised first (diacritics, kinds of space, quotes, hyphens; same length, so offsets
 *   hold), and each alias is expanded into its literal variants. The pattern is then a plain alternation
 *   of literals, which V8 scans several times faster than one with optional parts, `\s+` or the `u` flag.
 * - The rare places that need more (a run of several spaces, a soft hyphen) get a second, flexible pattern,
 *   run only around those places.
 * - Which alias matched is recovered by folding the matched text, so the expression needs no capture groups.
 *   Context rules (rules.ts) then decide which raw matches are mentions.
 */
import { pushTo } from './collections';
import { aliasVariants, foldKey, foldKeyCased, normalizeForMatch, variantPattern } from './fold';
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

export function compileMatcher<T extends MatchTarget>(targets: readonly T[], spec: MatcherSpec = prepareMatcher(targets)): Matcher<T> {
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
