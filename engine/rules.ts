/**
 * Context rules: which raw matches are mentions. Applied in reading order, because some rules depend on
 * what came before ("Kennedy" only after "Robert F. Kennedy Jr.").
 */
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
  const from = Math.min(a, b);
  const to = Math.max(a, b);
  return text.slice(from, to).indexOf(BLOCK_SEPARATOR) === -1;
}

const isEntity = (c: AliasEntry<Target>): c is AliasEntry<MatchableEntity> => c.entity.kind !== 'topic';

export function applyRules(text: string, raw: RawMatch<Target>[]): Mention[] {
  const fullySeen = new Set<string>();
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
          stateStarts.some((s) => s !== m.start && Math.abs(s - m.start) <= LIST_WINDOW && sameBlock(text, s, m.start))
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
