/**
 * Probable matches: misspelt and machine-translated multi-word proper names ("Gavin Newsome",
 * "Kristi Noam", "Vince Chabria") that no alias lists. Bounded edit distance over capitalised runs of
 * words, only where no exact match stands, and shown with lower confidence.
 *
 * Run only on pages already recognised as coverage: on any other page a near-miss name means nothing.
 */
import { foldKey } from './fold';
import type { RawMatch } from './matcher';
import type { MatchableEntity, Target } from './types';

interface Form {
  entity: MatchableEntity;
  key: string;
  tokens: string[];
}

/** A capitalised word, optionally an initial ("F."); lowercase connectors may sit between them. */
const RUN =
  /(?<![\p{L}\p{N}])\p{Lu}[\p{L}'’-]*\.?(?:[ \u00A0]+(?:(?:of|for|and|the|de|del|la|los|y)[ \u00A0]+)?\p{Lu}[\p{L}'’-]*\.?)+/gu;
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

const words = (s: string) => s.split(/[ \u00A0]+/).map(foldKey).filter((w) => w && !CONNECTORS.has(w));

export function compileFuzzy(entities: readonly MatchableEntity[]) {
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

  return function findProbable(text: string, taken: (start: number, end: number) => boolean): RawMatch<Target>[] {
    const out: RawMatch<Target>[] = [];
    RUN.lastIndex = 0;
    for (let m = RUN.exec(text); m; m = RUN.exec(text)) {
      const run = m[0];
      const spans: { word: string; start: number; end: number }[] = [];
      for (const w of run.matchAll(/[^ \u00A0]+/g)) spans.push({ word: foldKey(w[0]), start: m.index + w.index!, end: m.index + w.index! + w[0].length });
      const content = spans.filter((s) => s.word && !CONNECTORS.has(s.word));
      let best: { form: Form; start: number; end: number; d: number } | undefined;
      for (const form of forms) {
        const n = form.tokens.length;
        for (let i = 0; i + n <= content.length; i++) {
          const window = content.slice(i, i + n);
          // Anchor on one exact word (first or last): "Gavin Newo", "Kristi Noam", "Vince Chabria".
          if (window[0].word !== form.tokens[0] && window[n - 1].word !== form.tokens[n - 1]) continue;
          // Generational suffixes name different people: Robert F. Kennedy Sr. is not Jr.
          if (window.some((w, k) => SUFFIXES.has(w.word) !== SUFFIXES.has(form.tokens[k]) || (SUFFIXES.has(w.word) && w.word !== form.tokens[k]))) continue;
          const key = window.map((w) => w.word).join('');
          if (key === form.key || exact.has(key)) continue;
          const d = editDistance(key, form.key, allowance(form.key.length));
          if (d > allowance(form.key.length)) continue;
          const start = window[0].start;
          const end = window[n - 1].end - (/[.,]$/.test(text.slice(window[n - 1].start, window[n - 1].end)) && !form.tokens.at(-1)!.endsWith('.') ? 1 : 0);
          if (taken(start, end)) continue;
          if (!best || d < best.d) best = { form, start, end, d };
        }
      }
      if (best)
        out.push({
          start: best.start,
          end: best.end,
          text: text.slice(best.start, best.end),
          candidates: [{ entity: best.form.entity, text: best.form.entity.name, confidence: 'probable' }],
        });
    }
    return out;
  };
}
