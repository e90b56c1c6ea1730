/**
 * The engine's pipeline on a text: match → rules → detect → story. Pure: no DOM, no browser APIs, so the
 * content script, the CLI and the tests all run exactly this.
 *
 * The pass also comes in steps (a generator) so that a page with megabytes of text can be annotated in
 * slices, yielding to the page between them: `annotate` is the same steps run to the end.
 */
import { BLOCK_SEPARATOR } from './types';
import { firstNotBefore } from './collections';
import { detect, topicTargets } from './detect';
import { outsideEditionLines } from './edition-lines';
import { normalizeForMatch } from './fold';
import { compileFuzzy } from './fuzzy';
import { compileMatcher, prepareMatcher, type Matcher, type MatcherSpec, type RawMatch } from './matcher';
import { applyRules } from './rules';
import { mightBeCoverage } from './gate';
import { findStory, inStory } from './story';
import type { Detection, Lexicon, MatchableEntity, Mention, PageText, Target } from './types';

export interface Engine {
  annotate(page: PageText, title?: string): Annotated;
  /** The same pass, one slice of text at a time: drive it with next() until done. */
  steps(page: PageText, title?: string): Generator<void, Annotated, unknown>;
  /**
   * Mentions in a fragment added to a page already recognised (an inserted paragraph, the next screen of an
   * infinite scroll): no detection. `seen` holds the entities already named in full, so surnames can match.
   */
  annotateFragment(page: PageText, seen: ReadonlySet<string>): Mention[];
}

export interface Annotated {
  detection: Detection;
  /** Mentions in reading order, in the story only; empty unless the page was detected. */
  mentions: Mention[];
  /** Where the story is: the chosen container (index into page.main, or -1) and its spans. */
  story?: { container: number; spans: number[] };
}

const NOT_DETECTED: Detection = { detected: false, score: 0, reasons: [] };

/** Text per slice: about a millisecond of matching on a mid-range machine (npm run bench). */
export const SLICE_CHARS = 60_000;

/** What the engine matches against, in the order a MatcherSpec indexes: entities, then topic words. */
const targetsOf = (entities: readonly MatchableEntity[], lexicon: Lexicon): Target[] => [...entities, ...topicTargets(lexicon)];

/** Precompute the engine's matcher (at build time): pass the result to createEngine with the same data. */
export const prepareEngine = (entities: readonly MatchableEntity[], lexicon: Lexicon): MatcherSpec =>
  prepareMatcher(targetsOf(entities, lexicon));

/** Slice boundaries: [start, end) pieces of `text` cut at block separators, so no match crosses one. */
function slices(text: string): number[] {
  const cuts = [0];
  while (cuts[cuts.length - 1] < text.length) {
    const from = cuts[cuts.length - 1];
    if (text.length - from <= SLICE_CHARS) cuts.push(text.length);
    else {
      const sep = text.indexOf(BLOCK_SEPARATOR, from + SLICE_CHARS);
      cuts.push(sep === -1 ? text.length : sep + 1);
    }
  }
  return cuts;
}

/** The [start, end) pairs of [0, length) not covered by the sorted, disjoint `spans`. */
function outside(spans: number[], length: number): number[] {
  const out: number[] = [];
  let at = 0;
  for (let i = 0; i < spans.length; i += 2) {
    if (spans[i] > at) out.push(at, spans[i]);
    at = Math.max(at, spans[i + 1]);
  }
  if (at < length) out.push(at, length);
  return out;
}

const byPosition = (a: RawMatch<Target>, b: RawMatch<Target>) => a.start - b.start || b.end - a.end;

export function createEngine(entities: readonly MatchableEntity[], lexicon: Lexicon, spec?: MatcherSpec): Engine {
  let matcher: Matcher<Target> | undefined;
  let fuzzy: ReturnType<typeof compileFuzzy> | undefined;
  const compiled = () => (matcher ??= compileMatcher<Target>(targetsOf(entities, lexicon), spec));

  /**
   * Raw matches of `text[from, to)`, with offsets into `text`. The slice is normalised here, slice by slice
   * (normalising megabytes at once would be one long task); `normals` keeps each slice's normal form for the
   * search for misspelt names.
   */
  const findIn = (text: string, from: number, to: number, normals?: Map<number, string>): RawMatch<Target>[] => {
    const piece = from === 0 && to === text.length ? text : text.slice(from, to);
    const normal = normalizeForMatch(piece);
    normals?.set(from, normal);
    const found = compiled().find(piece, normal);
    if (from) for (const m of found) (m.start += from), (m.end += from);
    return found;
  };

  function* steps(page: PageText, title?: string): Generator<void, Annotated, unknown> {
    if (!mightBeCoverage(page.text, title ?? '')) return { detection: NOT_DETECTED, mentions: [] };
    const normals = new Map<number, string>();
    let raw: RawMatch<Target>[] = [];
    // Peripheral text (navigation, rails, comments, credits) is neither scored nor annotated: not matched.
    const parts = outside(page.peripheral, page.text.length);
    for (let p = 0; p < parts.length; p += 2) {
      const cuts = slices(page.text.slice(parts[p], parts[p + 1])).map((c) => c + parts[p]);
      for (let i = 0; i + 1 < cuts.length; i++) {
        const found = findIn(page.text, cuts[i], cuts[i + 1], normals);
        for (const m of found) raw.push(m);
        yield;
      }
    }
    let mentions = applyRules(page.text, raw);
    // Rules, detection and the story each take tens of milliseconds on a page of megabytes: a slice each.
    yield;
    const titleTopics = new Set<string>();
    if (title)
      for (const hit of compiled().find(title))
        for (const c of hit.candidates) if (c.entity.kind === 'topic') titleTopics.add(c.entity.id);
    const detection = detect({ text: page.text, peripheral: page.peripheral, raw, mentions, titleTopics });
    if (!detection.detected) return { detection, mentions: [] };
    yield;

    // The story decides where misspelt names are looked for: only there are mentions shown (and on a page of
    // megabytes, a search over all of it would cost more than everything else together).
    let story = findStory(page, mentions);
    // Only now, on coverage, look for misspelt names: then rerun the rules, because a probable full name
    // licenses the surname mentions after it ("Andrew Nickson" … "Nickson").
    fuzzy ??= compileFuzzy(entities);
    // Mentions are in order and do not overlap: find the first one ending after `start`.
    const taken = (start: number, end: number) => {
      const i = firstNotBefore(mentions.length, (k) => mentions[k].end <= start);
      return i < mentions.length && mentions[i].start < end;
    };
    const probable: RawMatch<Target>[] = [];
    for (let k = 0; k < story.spans.length; k += 2) {
      const storyCuts = slices(page.text.slice(story.spans[k], story.spans[k + 1])).map((c) => c + story.spans[k]);
      for (let i = 0; i + 1 < storyCuts.length; i++) {
        yield;
        const [from, to] = [storyCuts[i], storyCuts[i + 1]];
        const whole = from === 0 && to === page.text.length;
        const text = whole ? page.text : page.text.slice(from, to);
        // The slice the exact matcher normalised, when the story's slice is the same one.
        const known = normals.get(from);
        const normal = known !== undefined && known.length === to - from ? known : normalizeForMatch(text);
        for (const m of fuzzy(text, (s, e) => taken(s + from, e + from), normal)) {
          m.start += from;
          m.end += from;
          probable.push(m);
        }
      }
    }
    if (probable.length) {
      raw = [...raw, ...probable].sort(byPosition);
      mentions = applyRules(page.text, raw);
      story = findStory(page, mentions);
    }
    return { detection, mentions: outsideEditionLines(page.text, inStory(page, story, mentions)), story };
  }

  return {
    steps,
    annotate(page, title) {
      const run = steps(page, title);
      for (;;) {
        const step = run.next();
        if (step.done) return step.value;
      }
    },
    annotateFragment(page, seen) {
      if (!page.text) return [];
      const raw = findIn(page.text, 0, page.text.length);
      const mentions = applyRules(page.text, raw, seen);
      fuzzy ??= compileFuzzy(entities);
      const taken = (start: number, end: number) => mentions.some((m) => m.start < end && m.end > start);
      const probable = fuzzy(page.text, taken);
      const all = probable.length ? applyRules(page.text, [...raw, ...probable].sort(byPosition), seen) : mentions;
      return outsideEditionLines(page.text, all.filter((m) => !page.peripheral.length || !inPeripheral(page.peripheral, m.start)));
    },
  };
}

const inPeripheral = (spans: number[], pos: number) => {
  for (let i = 0; i < spans.length; i += 2) if (spans[i] <= pos && pos < spans[i + 1]) return true;
  return false;
};
