/**
 * Claim frames (data/claim-schema.ts `Frame`): a claim as a statement about something the story names — a
 * predicate (block, bar, allow, freeze, sue…), the words it must come with (a court, the data), and for counts,
 * dates and titles a value — found together in one clause, in any order, so active and passive voice, word
 * order and the many verbs real coverage uses are one rule, not a template each. The clause's own framing is
 * read from it: a negated predicate asserts what the frame says a negation asserts (or nothing).
 *
 * Build time compiles a frame's word groups and value templates to regex sources (FrameSpec); the page side
 * (matchFrame) runs them on one clause.
 */
import type { Frame, Guard } from '../data/claim-schema';
import { compileAny, compileTemplate, type CompiledTemplate } from './claim-templates';

export interface FrameSpec {
  asserts?: string;
  negated?: string;
  predicate: string;
  with: string[];
  without: string[];
  topic?: string;
  rivals?: string;
  value: CompiledTemplate[];
  maxGap?: number;
  lasting?: boolean;
  /** Listed things: [token, regex source] (data: Frame.members). */
  members?: [string, string][];
  minMembers?: number;
  excludes?: boolean;
  guards: Guard[];
}

/** A frame whose word groups are lists (the data layer resolves "@name" references before this). */
export type ResolvedFrame = Omit<Frame, 'predicate' | 'with' | 'without'> & { predicate: string[]; with?: string[][]; without?: string[][] };

export class FrameError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

export function compileFrame(frame: Frame): FrameSpec {
  const group = (g: Frame['predicate'], field: string): string => {
    if (typeof g === 'string') throw new FrameError(field, `unresolved vocabulary name "${g}"`);
    try {
      return compileAny(g);
    } catch (e) {
      throw new FrameError(field, (e as Error).message);
    }
  };
  return {
    ...(frame.asserts ? { asserts: frame.asserts } : {}),
    ...(frame.negated ? { negated: frame.negated } : {}),
    predicate: group(frame.predicate, 'predicate'),
    with: (frame.with ?? []).map((g, k) => group(g, `with[${k}]`)),
    without: (frame.without ?? []).map((g, k) => group(g, `without[${k}]`)),
    ...(frame.topic ? { topic: group(frame.topic, 'topic') } : {}),
    ...(frame.rivals ? { rivals: group(frame.rivals, 'rivals') } : {}),
    value: (frame.value ?? []).map((t, k) => {
      let c: CompiledTemplate;
      try {
        c = compileTemplate(t);
      } catch (e) {
        throw new FrameError(`value[${k}]`, (e as Error).message);
      }
      if (!c.slot) throw new FrameError(`value[${k}]`, 'a value template needs a slot: {n}, {n+1}, {date} or {person}');
      return c;
    }),
    ...(frame.maxGap !== undefined ? { maxGap: frame.maxGap } : {}),
    ...(frame.lasting ? { lasting: true } : {}),
    ...(frame.members ? { members: Object.entries(frame.members).map(([token, g]): [string, string] => [token, group(g, `members.${token}`)]) } : {}),
    ...(frame.minMembers ? { minMembers: frame.minMembers } : {}),
    ...(frame.excludes ? { excludes: true } : {}),
    guards: frame.guards ?? [],
  };
}

/** Words that negate a predicate when they come just before it in its clause (English and Spanish, folded). */
const NEGATION_BEFORE =
  /(?<![A-Za-z])(?:not|never|no longer|no|cannot|can't|cant|won't|wont|isn't|aren't|wasn't|weren't|doesn't|don't|didn't|hasn't|haven't|ya no|no se|no le|no les|nunca|sin)(?:\s+\S+){0,3}\s*$/i;

/** A past-tense verb of its own (English -ed, Spanish -ó/-aron, folded): the event a following date belongs to. */
const OTHER_VERB = /\b(?!(?:led|based|related|limited|united|proposed|expanded|alleged|required|needed|called|named|so-called)\b)[a-z]{3,}(?:ed|aron|ieron)\b/i;

const VERB_BEFORE = new RegExp(`${OTHER_VERB.source}\\s+(?:on\\s+|in\\s+|el\\s+|en\\s+)?$`, 'i');

export interface CompiledFrame {
  spec: FrameSpec;
  predicate: RegExp;
  with: RegExp[];
  without: RegExp[];
  topic?: RegExp;
  rivals?: RegExp;
  value: { spec: CompiledTemplate; re: RegExp }[];
  members: { token: string; re: RegExp }[];
}

export interface FrameHit {
  /** The predicate's place in the clause, and the value's (when the frame has one). */
  predicate: [number, number];
  value?: { match: RegExpExecArray; spec: CompiledTemplate; start: number; end: number };
  negated: boolean;
}

/**
 * The frame's statement in one clause (normalised text): the predicate occurrence nearest a value when the
 * frame has value templates, else the first. Null when a group is missing, an excluded one is present, or (for
 * a value frame) no value sits in the clause.
 */
export function matchFrame(f: CompiledFrame, clause: string, before = ''): FrameHit | null {
  return matchFrameAll(f, clause, before)[0] ?? null;
}

/** What may stand between two items of one list: commas, and/or, "such as", articles, possessives. */
const LIST_GAP = /^(?:[\s,;:]|\b(?:and|or|as well as|plus|such as|including|like|namely|y|e|o|u|como|incluidos|incluido|the|their|its|his|her|el|la|los|las|sus|su)\b)*/i;
/** Another item after the last known one (a list ends with "and …"; a comma alone may start an attribution). */
const LIST_MORE = /^,?\s+(?:and|or|y|e|o)\s+(?:the\s+|their\s+|el\s+|la\s+|los\s+|las\s+|sus\s+)?[a-z]/i;
/** The token a list gets for an item no member names: never in a value's includes or excludes. */
export const UNPLACED = 'unplaced';

/**
 * The things a list frame names in a clause, in order of appearance, each token once, with the span from the first
 * to the last; null when fewer than the frame's minimum.
 */
export function listedMembers(f: CompiledFrame, clause: string): { items: string[]; start: number; end: number } | null {
  const hits: { token: string; start: number; end: number }[] = [];
  for (const m of f.members) {
    m.re.lastIndex = 0;
    for (let hit; (hit = m.re.exec(clause)); ) {
      hits.push({ token: m.token, start: hit.index, end: hit.index + hit[0].length });
      if (!hit[0].length) m.re.lastIndex++;
    }
  }
  // The longer words win where two overlap: "IP addresses" is not also "addresses".
  const found: typeof hits = [];
  for (const h of hits.sort((a, b) => b.end - b.start - (a.end - a.start))) {
    if (found.some((x) => x.token === h.token || (h.start < x.end && x.start < h.end))) continue;
    found.push(h);
  }
  if (found.length < (f.spec.minMembers ?? 2)) return null;
  found.sort((a, b) => a.start - b.start);
  // An item between or after the known ones that none of them names ("names, addresses and DNA results"): the list
  // holds something the sources do not place, so it cannot agree.
  const unknown =
    found.some((x, k) => k > 0 && LIST_GAP.exec(clause.slice(found[k - 1].end, x.start))?.[0].length !== x.start - found[k - 1].end) ||
    LIST_MORE.test(clause.slice(found[found.length - 1].end));
  return { items: [...found.map((x) => x.token), ...(unknown ? [UNPLACED] : [])], start: found[0].start, end: Math.max(...found.map((x) => x.end)) };
}

/** Every reading of the frame in the clause, nearest value first (the caller takes the first whose value it can read). */
export function matchFrameAll(f: CompiledFrame, clause: string, before = ''): FrameHit[] {
  if (!f.with.every((re) => re.test(clause)) || f.without.some((re) => re.test(clause))) return [];
  if (f.topic && !f.topic.test(clause) && !f.topic.test(before)) return [];
  const rivals: [number, number][] = [];
  if (f.rivals) {
    f.rivals.lastIndex = 0;
    for (let m; (m = f.rivals.exec(clause)); ) rivals.push([m.index, m.index + m[0].length]);
  }
  const gap = ([s, e]: [number, number], [ps, pe]: [number, number]) => (e <= ps ? ps - e : s >= pe ? s - pe : 0);
  const predicates: [number, number][] = [];
  f.predicate.lastIndex = 0;
  for (let m; (m = f.predicate.exec(clause)); ) {
    predicates.push([m.index, m.index + m[0].length]);
    if (m[0].length === 0) f.predicate.lastIndex++;
  }
  if (!predicates.length) return [];
  const negatedAt = ([s]: [number, number]) => NEGATION_BEFORE.test(clause.slice(Math.max(0, s - 40), s));
  if (!f.value.length) return [{ predicate: predicates[0], negated: negatedAt(predicates[0]) }];
  const hits: (FrameHit & { distance: number })[] = [];
  for (const v of f.value) {
    v.re.lastIndex = 0;
    for (let m; (m = v.re.exec(clause)); ) {
      const start = m.index;
      const end = start + m[0].length;
      // A value nearer another event's word than to every predicate is that event's.
      const rival = Math.min(Infinity, ...rivals.map((r) => gap([start, end], r)));
      for (const p of predicates) {
        const distance = gap([start, end], p);
        if (distance >= rival || (f.spec.maxGap !== undefined && distance > f.spec.maxGap)) continue;
        // A date after another verb in the past tense is that verb's ("the lawsuit … the question staff raised in June").
        if (v.spec.slot === 'date' && p[1] <= start && OTHER_VERB.test(clause.slice(p[1], start))) continue;
        // …and a date right after a verb that is not the predicate is that verb's ("ruled Monday that … starting").
        if (v.spec.slot === 'date' && p[0] >= end && VERB_BEFORE.test(clause.slice(Math.max(0, start - 24), start))) continue;
        hits.push({ predicate: p, value: { match: m, spec: v.spec, start, end }, negated: negatedAt(p), distance });
      }
      if (m[0].length === 0) v.re.lastIndex++;
    }
  }
  // Nearest first; of two as near, the longer reading ("joined California and 18 other states" over "California
  // and 18 other states").
  const length = (h: FrameHit) => (h.value ? h.value.end - h.value.start : 0);
  return hits.sort((a, b) => a.distance - b.distance || length(b) - length(a)).map(({ distance: _distance, ...hit }) => hit);
}

export function compileFrameRegexes(spec: FrameSpec, expand: (source: string) => string): CompiledFrame {
  return {
    spec,
    predicate: new RegExp(spec.predicate, 'gi'),
    with: spec.with.map((s) => new RegExp(s, 'i')),
    without: spec.without.map((s) => new RegExp(s, 'i')),
    ...(spec.topic ? { topic: new RegExp(spec.topic, 'i') } : {}),
    ...(spec.rivals ? { rivals: new RegExp(spec.rivals, 'gi') } : {}),
    value: spec.value.map((v) => ({ spec: v, re: new RegExp(expand(v.source), v.slot === 'person' || v.slot === 'date' ? 'dgi' : 'gi') })),
    members: (spec.members ?? []).map(([token, source]) => ({ token, re: new RegExp(source, 'gi') })),
  };
}
