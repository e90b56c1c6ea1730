/**
 * The engine's pipeline on a text: match → rules → detect. Pure: no DOM, no browser APIs, so the content
 * script, the CLI and the tests all run exactly this.
 */
import { firstNotBefore } from './collections';
import { detect, topicTargets } from './detect';
import { normalizeForMatch } from './fold';
import { compileFuzzy } from './fuzzy';
import { compileMatcher, prepareMatcher, type Matcher, type MatcherSpec } from './matcher';
import { applyRules } from './rules';
import type { Detection, Lexicon, MatchableEntity, Mention, PageText, Target } from './types';

export interface Engine {
  annotate(page: PageText, title?: string): Annotated;
}

export interface Annotated {
  detection: Detection;
  /** Mentions in reading order; empty unless the page was detected. */
  mentions: Mention[];
}

/**
 * Cheap gate before the full pass: coverage of this story always names Medicaid (or Medi-Cal, or the
 * Medicare and Medicaid agency) and immigration enforcement or DHS. Most pages a reader opens name neither,
 * and many health pages only the first. (A unit test holds every enforcement and DHS form in the dataset to
 * these stems, so the gate cannot drift from the data.)
 */
const MEDICAID_GATE = /medica[ir]|medi-cal/i;
export const ENFORCEMENT_GATE = /\b(?:ICE|DHS)\b|deport|homeland|immigra|inmigra|migra|seguridad (?:nacional|de la patria)|aduanas|internal security/i;

/** The gate on its own, for callers that can read a page's text more cheaply than the engine's walk. */
export const mightBeCoverage = (...texts: string[]): boolean =>
  texts.some((t) => MEDICAID_GATE.test(t)) && texts.some((t) => ENFORCEMENT_GATE.test(t));

const NOT_DETECTED: Detection = { detected: false, score: 0, reasons: [] };

/** What the engine matches against, in the order a MatcherSpec indexes: entities, then topic words. */
const targetsOf = (entities: readonly MatchableEntity[], lexicon: Lexicon): Target[] => [...entities, ...topicTargets(lexicon)];

/** Precompute the engine's matcher (at build time): pass the result to createEngine with the same data. */
export const prepareEngine = (entities: readonly MatchableEntity[], lexicon: Lexicon): MatcherSpec =>
  prepareMatcher(targetsOf(entities, lexicon));

export function createEngine(entities: readonly MatchableEntity[], lexicon: Lexicon, spec?: MatcherSpec): Engine {
  let matcher: Matcher<Target> | undefined;
  let fuzzy: ReturnType<typeof compileFuzzy> | undefined;
  const compiled = () => (matcher ??= compileMatcher<Target>(targetsOf(entities, lexicon), spec));

  return {
    annotate(page, title) {
      if (!mightBeCoverage(page.text, title ?? '')) return { detection: NOT_DETECTED, mentions: [] };
      const m = compiled();
      // Normalised once for both the exact and the probable matches.
      const normal = normalizeForMatch(page.text);
      let raw = m.find(page.text, normal);
      let mentions = applyRules(page.text, raw);
      const titleTopics = new Set<string>();
      if (title)
        for (const hit of m.find(title))
          for (const c of hit.candidates) if (c.entity.kind === 'topic') titleTopics.add(c.entity.id);
      const detection = detect({ text: page.text, peripheral: page.peripheral, raw, mentions, titleTopics });
      if (!detection.detected) return { detection, mentions: [] };

      // Only now, on coverage, look for misspelt names: then rerun the rules, because a probable full name
      // licenses the surname mentions after it ("Andrew Nickson" … "Nickson").
      fuzzy ??= compileFuzzy(entities);
      // Mentions are in order and do not overlap: find the first one ending after `start`.
      const taken = (start: number, end: number) => {
        const i = firstNotBefore(mentions.length, (k) => mentions[k].end <= start);
        return i < mentions.length && mentions[i].start < end;
      };
      const probable = fuzzy(page.text, taken, normal);
      if (probable.length) {
        raw = [...raw, ...probable].sort((a, b) => a.start - b.start || b.end - a.end);
        mentions = applyRules(page.text, raw);
      }
      return { detection, mentions };
    },
  };
}
