/**
 * Context rules: which raw matches are mentions. Applied in reading order, because some rules depend on
 * what came before ("Kennedy" only after "Robert F. Kennedy Jr.").
 */
import { firstNotBefore } from './collections';
import type { AliasEntry, RawMatch } from './matcher';
import { BLOCK_SEPARATOR, type MatchableEntity, type Mention, type Target } from './types';

/** How far (in characters, same paragraph) another jurisdiction must be for a bare "Washington" to be the state. */
const LIST_WINDOW = 90;

/** "WASHINGTON (AP) —", "WASHINGTON —", "Washington, June 13 —": the dateline names the capital, not the state. */
function isDateline(text: string, m: RawMatch): boolean {
  const before = text.slice(Math.max(0, m.start - 2), m.start);
  const atBlockStart = m.start === 0 || before.endsWith(BLOCK_SEPARATOR) || /(^|[\u2029\n])\s*$/.test(before);
  return atBlockStart && /^\s*(\(|[—–-]|,\s*[A-Z][a-z]{2,9}\.?\s+\d)/.test(text.slice(m.end, m.end + 20));
}

function sameBlock(text: string, a: number, b: number): boolean {
  const next = text.indexOf(BLOCK_SEPARATOR, Math.min(a, b));
  return next === -1 || next >= Math.max(a, b);
}

/** Is there a start within `window` of `pos` (other than pos itself) in the sorted list? */
function near(sorted: number[], pos: number, window: number, ok: (s: number) => boolean): boolean {
  for (let i = firstNotBefore(sorted.length, (k) => sorted[k] < pos - window); i < sorted.length && sorted[i] <= pos + window; i++)
    if (sorted[i] !== pos && ok(sorted[i])) return true;
  return false;
}

const isEntity = (c: AliasEntry<Target>): c is AliasEntry<MatchableEntity> => c.entity.kind !== 'topic';

/** `seen`: entities already named in full before `text` (a fragment added to a page). */
export function applyRules(text: string, raw: RawMatch<Target>[], seen: ReadonlySet<string> = new Set()): Mention[] {
  const fullySeen = new Set<string>(seen);
  const stateStarts = raw
    .filter((m) => m.candidates.some((c) => c.entity.kind === 'state' && c.rule !== 'in-list'))
    .map((m) => m.start);

  const passes = (m: RawMatch<Target>, c: AliasEntry<MatchableEntity>): boolean => {
    switch (c.rule) {
      case 'after-full':
        return fullySeen.has(c.entity.id);
      case 'in-list':
        return (
          !isDateline(text, m) &&
          near(stateStarts, m.start, LIST_WINDOW, (s) => sameBlock(text, s, m.start))
        );
      default:
        // 'case' was already enforced by the matcher's cased lookup.
        return true;
    }
  };

  const mentions: Mention[] = [];
  let coveredUntil = 0;
  for (const m of raw) {
    if (m.start < coveredUntil) continue;
    const chosen = m.candidates.filter(isEntity).find((c) => passes(m, c));
    if (!chosen) continue;
    if (chosen.rule !== 'after-full') fullySeen.add(chosen.entity.id);
    coveredUntil = m.end;
    mentions.push({
      id: chosen.entity.id,
      kind: chosen.entity.kind,
      start: m.start,
      end: m.end,
      text: m.text,
      confidence: chosen.confidence,
    });
  }
  return mentions;
}
