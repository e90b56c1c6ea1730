/**
 * match: find every alias of every entity in a text, in one pass of one regular expression.
 *
 * The expression is built once per page (or once per CLI run) from the dataset; which alias matched is
 * recovered by folding the matched text, so the expression needs no capture groups. Context rules
 * (rules.ts) then decide which raw matches are mentions.
 */
import { aliasPattern, foldKey, foldKeyCased } from './fold';
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

/** Letters and digits on either side mean we are inside a longer word. */
const BEFORE = '(?<![\\p{L}\\p{N}_])';
const AFTER = '(?![\\p{L}\\p{N}_])';

export function compileMatcher<T extends MatchTarget>(entities: readonly T[]): Matcher<T> {
  const byKey = new Map<string, AliasEntry<T>[]>();
  const patterns = new Map<string, number>(); // pattern → longest alias length, for ordering
  const add = (key: string, entry: AliasEntry<T>) => {
    const list = byKey.get(key);
    if (list) list.push(entry);
    else byKey.set(key, [entry]);
  };
  for (const entity of entities) {
    const forms = [{ text: entity.name } as { text: string; rule?: AliasRule; confidence?: Confidence }].concat(
      entity.aliases.map((a) => (typeof a === 'string' ? { text: a } : a)),
    );
    for (const form of forms) {
      const entry: AliasEntry<T> = { entity, text: form.text, rule: form.rule, confidence: form.confidence ?? 'high' };
      add(form.rule === 'case' ? 'C:' + foldKeyCased(form.text) : 'I:' + foldKey(form.text), entry);
      const p = aliasPattern(form.text);
      patterns.set(p, Math.max(patterns.get(p) ?? 0, form.text.length));
    }
  }
  // Longest first: at a given position the alternation takes the first alternative that matches, and
  // "Washington, D.C." must win over "Washington".
  const source = [...patterns].sort((a, b) => b[1] - a[1]).map(([p]) => p).join('|');
  const re = new RegExp(`${BEFORE}(?:${source})${AFTER}`, 'giu');

  return {
    find(text) {
      const out: RawMatch<T>[] = [];
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const matched = m[0];
        const candidates = [
          ...(byKey.get('I:' + foldKey(matched)) ?? []),
          ...(byKey.get('C:' + foldKeyCased(matched)) ?? []),
        ];
        if (candidates.length) out.push({ start: m.index, end: m.index + matched.length, text: matched, candidates });
        // Resume just after the start, not the end: if context rules reject this match ("the district"
        // before any full mention), a shorter one inside it ("District of Columbia") must still be found.
        re.lastIndex = m.index + 1;
      }
      return out;
    },
  };
}
