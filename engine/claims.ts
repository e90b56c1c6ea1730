/**
 * Claim checks: find the checkable statements a page makes (data/claims.json) and judge each against the
 * dataset at the article's publication date and today.
 *
 * Two halves, like the matcher: prepareClaims turns claim records into a plain-JSON spec at build time
 * (templates compiled to regex sources, values reduced to what a verdict needs; no statements, no
 * sources), and compileClaims turns the spec into a finder on the page. The content script receives the
 * spec only once a page is recognised, and runs this after the entity pass; the card looks up the full
 * record by id for what the sources say.
 *
 * Every part of a claim must sit in one sentence of one block: a count in one paragraph and "sued" in
 * the next are not a statement.
 */
import type { Claim, Guard } from '../data/claim-schema';
import { compileFrame, compileFrameRegexes, FrameError, listedMembers, matchFrameAll, type CompiledFrame, type FrameSpec } from './claim-frames';
import { compileAny, compileTemplate, expandSlots, type CompiledTemplate } from './claim-templates';
import { narratesPast, passesGuards, resolvePerson } from './claim-guards';
import { clauseAround, clauses } from './clauses';
import { dayRange, parseDateExpr, toIso } from './dates';
import { inSpans } from './detect';
import { foldKey, normalizeForMatch } from './fold';
import { parseCount } from './numbers';
import { sentences } from './sentences';
import { BLOCK_SEPARATOR, type ClaimCheck, type ClaimPartKind } from './types';
import { assertedText, judge, type Asserted, type ClaimKind, type ValueSpec } from './verdict';

export interface PhraseSpec extends CompiledTemplate {
  lang: 'en' | 'es';
  asserts?: string;
  context?: string[];
  guards?: Guard[];
}

export interface ClaimSpec {
  id: string;
  kind: ClaimKind;
  phrases: PhraseSpec[];
  /** The claim as subject, predicate and value in one clause (claim-frames.ts). */
  frames: FrameSpec[];
  /** Regex sources; each must match in the sentence. */
  context: string[];
  exclude?: string;
  near?: string;
  apart?: string;
  guards: Guard[];
  values: ValueSpec[];
  unsure: [string, string | null][];
  /** Title claims: folded name keys per holder; one-word keys are surnames. */
  holders?: { id: string; keys: string[] }[];
  timeless?: boolean;
}

/** What the content script receives once a page is recognised: JSON, no zod, no sources. */
export interface ClaimsSpec {
  claims: ClaimSpec[];
}

export interface FindOptions {
  /** The article's publication date (ISO day), or null when unknown: then claims are judged against today. */
  published: string | null;
  /** Today (ISO day): the caller's clock, so tests can pin it. */
  today: string;
  /** Look only at sentences that start in these [start, end) pairs: the story (Annotated.story.spans). */
  spans?: readonly number[];
  /** Skip sentences that start in these pairs: navigation, rails, comments (PageText.peripheral). */
  peripheral?: readonly number[];
}

export interface ClaimFinder {
  find(text: string, options: FindOptions): ClaimCheck[];
}

/** A template that does not compile, named by where it sits in the record. */
export class ClaimTemplateError extends Error {
  constructor(readonly claim: string, readonly field: string, message: string) {
    super(`claim '${claim}': field ${field}: ${message}`);
  }
}

function compileAt(claim: string, field: string, compile: () => string | CompiledTemplate) {
  try {
    return compile();
  } catch (e) {
    throw new ClaimTemplateError(claim, field, (e as Error).message);
  }
}

/** Month-precision boundaries widen to the whole month and make that month unsure. */
function effectiveValues(claim: Claim, unsure: [string, string | null][]): ValueSpec[] {
  return claim.values
    .map((v, index): ValueSpec => {
      const [start] = dayRange(v.from);
      const end = v.to ? dayRange(v.to)[1] : undefined;
      if (v.from.length === 7) unsure.push(dayRange(v.from));
      if (v.to?.length === 7) unsure.push(dayRange(v.to));
      const base = { index, from: v.from, ...(v.to ? { to: v.to } : {}), start, ...(end ? { end } : {}), ...(v.asOf ? { asOf: v.asOf } : {}) };
      switch (claim.kind) {
        case 'count': {
          const c = v as Extract<Claim, { kind: 'count' }>['values'][number];
          return { ...base, value: String(c.value), ...(c.range ? { range: c.range } : {}), ...(c.unsure ? { unsure: c.unsure } : {}) };
        }
        case 'date': {
          const d = v as Extract<Claim, { kind: 'date' }>['values'][number];
          return { ...base, value: d.value, dates: [d.value, ...(d.also ?? [])] };
        }
        case 'status': {
          const s = v as Extract<Claim, { kind: 'status' }>['values'][number];
          return { ...base, value: s.value, accept: s.accept, reject: s.reject, ...(s.includes ? { includes: s.includes } : {}), ...(s.excludes ? { excludes: s.excludes } : {}) };
        }
        case 'title':
          return { ...base, value: v.value as string, accept: [v.value as string], reject: '*' };
      }
    })
    .sort((a, b) => a.start.localeCompare(b.start));
}

/** Build time: claim records → the spec the page needs. Throws ClaimTemplateError on a bad template. */
export function prepareClaims(claims: readonly Claim[]): ClaimsSpec {
  return {
    claims: claims.map((claim): ClaimSpec => {
      const r = claim.recognize;
      const frames: FrameSpec[] = (r.frames ?? []).map((f, k) => {
        try {
          return compileFrame(f);
        } catch (e) {
          if (e instanceof FrameError) throw new ClaimTemplateError(claim.id, `recognize.frames[${k}].${e.field}`, e.message);
          throw e;
        }
      });
      const phrases: PhraseSpec[] = (r.phrases ?? []).flatMap((group, g) =>
        (['en', 'es'] as const).flatMap((lang) =>
          group[lang].map((template, t) => ({
            ...(compileAt(claim.id, `recognize.phrases[${g}].${lang}[${t}]`, () => compileTemplate(template)) as CompiledTemplate),
            lang,
            ...(group.asserts ? { asserts: group.asserts } : {}),
            ...(group.context ? { context: group.context.map((words, k) => compileAt(claim.id, `recognize.phrases[${g}].context[${k}]`, () => compileAny(words)) as string) } : {}),
            ...(group.guards ? { guards: group.guards } : {}),
          })),
        ),
      );
      const unsure: [string, string | null][] = (claim.unsure ?? []).map((w) => [dayRange(w.from)[0], w.to ? dayRange(w.to)[1] : null]);
      const values = effectiveValues(claim, unsure);
      return {
        id: claim.id,
        kind: claim.kind,
        phrases,
        frames,
        context: (r.context ?? []).map((words, k) => compileAt(claim.id, `recognize.context[${k}]`, () => compileAny(words)) as string),
        ...(r.exclude ? { exclude: compileAt(claim.id, 'recognize.exclude', () => compileAny(r.exclude!)) as string } : {}),
        ...(r.near ? { near: compileAt(claim.id, 'recognize.near', () => compileAny(r.near!)) as string } : {}),
        ...(r.apart ? { apart: compileAt(claim.id, 'recognize.apart', () => compileAny(r.apart!)) as string } : {}),
        guards: r.guards ?? [],
        values,
        unsure,
        ...(claim.kind === 'title' ? { holders: claim.holders.map((h) => ({ id: h.id, keys: h.names.map(foldKey) })) } : {}),
        ...(claim.timeless ? { timeless: true } : {}),
      };
    }),
  };
}

// --- the page side -------------------------------------------------------------------------------------

interface Compiled {
  spec: ClaimSpec;
  /** Any phrase's gate, a date claim's anchor or a frame's predicate: one cheap test that rules most sentences out. */
  gate?: RegExp;
  context: RegExp[];
  exclude?: RegExp;
  near?: RegExp;
  apart?: RegExp;
  phrases: { spec: PhraseSpec; re: RegExp; gate?: RegExp; context: RegExp[] }[];
  frames: CompiledFrame[];
  /**
   * Guards every statement of the claim gets from its kind: a claim about the present (a status, a title, a count
   * that changes) is never judged from a clause that narrates the past, or one dated before the article's week.
   */
  implied: Guard[];
}

/** A statement found in one sentence: what it asserts, its clause (the span shown) and the words compared. */
interface Found {
  asserted: Asserted;
  /** Offsets in the sentence. */
  start: number;
  end: number;
  part: [number, number];
}

export function compileClaims(spec: ClaimsSpec): ClaimFinder {
  const claimGate = (c: ClaimSpec): RegExp | undefined => {
    const sources: string[] = [];
    if (c.phrases.some((p) => p.slot === 'date')) {
      if (!c.near) return undefined;
      sources.push(c.near);
    }
    for (const p of c.phrases) {
      if (p.slot === 'date') continue;
      if (!p.gate) return undefined;
      sources.push(p.gate);
    }
    for (const f of c.frames) sources.push(f.predicate);
    return sources.length ? new RegExp([...new Set(sources)].join('|'), 'i') : undefined;
  };
  const compiled: Compiled[] = spec.claims.map((c) => ({
    spec: c,
    ...(claimGate(c) ? { gate: claimGate(c) } : {}),
    context: c.context.map((s) => new RegExp(s, 'i')),
    ...(c.exclude ? { exclude: new RegExp(c.exclude, 'i') } : {}),
    ...(c.near ? { near: new RegExp(c.near, 'gi') } : {}),
    ...(c.apart ? { apart: new RegExp(c.apart, 'i') } : {}),
    phrases: c.phrases.map((p) => ({
      spec: p,
      // Offsets of the slot (flag d) cost time on every match; only names and dates need them.
      re: new RegExp(expandSlots(p.source), p.slot === 'person' || p.slot === 'date' ? 'dgi' : 'gi'),
      ...(p.gate ? { gate: new RegExp(p.gate, 'i') } : {}),
      context: (p.context ?? []).map((s) => new RegExp(s, 'i')),
    })),
    frames: c.frames.map((f) => compileFrameRegexes(f, expandSlots)),
    implied: c.timeless ? [] : ['no-history', 'no-time'],
  }));

  /** A {date} claim: the date nearest to an anchor word in its own clause. */
  function nearestDate(c: Compiled, re: RegExp, norm: string, orig: string, published: string | null, list: [number, number][]) {
    if (!c.near) return null;
    const anchors: [number, number][] = [];
    c.near.lastIndex = 0;
    for (let m; (m = c.near.exec(norm)); ) anchors.push([m.index, m.index + m[0].length]);
    let best: { start: number; end: number; iso: string; distance: number } | null = null;
    re.lastIndex = 0;
    for (let m; (m = re.exec(norm)); ) {
      const [s, e] = m.indices![1]!;
      const expr = parseDateExpr(m[1], orig.slice(s, e));
      const iso = expr && toIso(expr, published, LOOKS_FORWARD.test(orig.slice(Math.max(0, s - 32), s)));
      if (!iso) continue;
      // A date dates the event its own clause names: an anchor in another clause says nothing of it.
      const [cs, ce] = clauseAround(list, s, e);
      const distances = anchors
        .filter(([as, ae]) => as >= cs && ae <= ce)
        .filter(([as, ae]) => !c.apart?.test(e <= as ? norm.slice(e, as) : norm.slice(ae, s)))
        .map(([as, ae]) => (e <= as ? as - e : s >= ae ? s - ae : 0));
      if (!distances.length) continue;
      const distance = Math.min(...distances);
      if (!best || distance < best.distance) best = { start: s, end: e, iso, distance };
    }
    return best;
  }

  return {
    find(text, { published, today, spans, peripheral }) {
      const out: ClaimCheck[] = [];
      const normText = normalizeForMatch(text);
      let previous: [number, number] | null = null;
      let paragraphStart = 0;
      for (const [s, e] of sentences(text)) {
        // A claim in a rail of other stories or a comment is not the article's.
        if ((spans && !inSpans(spans as number[], s)) || (peripheral && inSpans(peripheral as number[], s))) continue;
        const norm = normText.slice(s, e);
        const orig = text.slice(s, e);
        let list: [number, number][] | undefined;
        // The paragraph so far: what a short sentence's subject refers back to ("The order covers the 20 states that
        // sued", after a sentence about the Medicaid files).
        if (!previous || text.slice(previous[1], s).includes(BLOCK_SEPARATOR)) paragraphStart = s;
        const before = normText.slice(paragraphStart, s);
        previous = [s, e];
        for (const c of compiled) {
          if (c.gate && !c.gate.test(norm)) continue;
          // Another story's words rule out the whole sentence for phrase templates, and only their own clause for
          // frames, which read one clause ("CMS handed the files to DHS in June, weeks before the states sued").
          const excluded = !!c.exclude?.test(norm);
          list ??= clauses(norm);
          // The claim's `context` is what its phrase templates need around them; frames say what they need themselves.
          const inContext = c.context.every((re) => re.test(norm) || re.test(before));
          const phrased = inContext && !excluded ? findOne(c, norm, orig, published, list) : null;
          // Every statement of the claim in the sentence: one per thing compared ("can restart Jan. 6, a judge ruled
          // Monday" dates the ruling twice), the phrase templates' reading first.
          const compared: [number, number][] = [];
          for (const found of [...(phrased ? [phrased] : []), ...findFramed(c, norm, orig, published, list, before)]) {
            // Two readings of the same words are one statement, whichever form read it.
            if (compared.some(([a, b]) => found.part[0] < b && a < found.part[1])) continue;
            const verdict = judge(c.spec, found.asserted, published, today);
            if (!verdict) continue;
            compared.push(found.part);
            out.push({
              id: c.spec.id,
              start: s + found.start,
              end: s + found.end,
              text: orig.slice(found.start, found.end),
              asserted: assertedText(found.asserted),
              part: { kind: partKind(c.spec.kind, found.asserted), start: s + found.part[0], end: s + found.part[1], text: orig.slice(found.part[0], found.part[1]) },
              ...verdict,
            });
          }
        }
      }
      return out.sort((a, b) => a.start - b.start);
    },
  };

  /** The statement's span: the clause (or clauses) holding what was matched, and the words compared. */
  function scoped(list: [number, number][], hit: { asserted: Asserted; start: number; end: number }, part: [number, number] = [hit.start, hit.end]): Found {
    const [start, end] = clauseAround(list, hit.start, hit.end);
    return { asserted: hit.asserted, start, end, part };
  }

  /** The guards of a match, its claim's and its kind's, read on its clause. */
  function guarded(c: Compiled, extra: readonly Guard[], norm: string, orig: string, list: [number, number][], start: number, end: number, published: string | null): boolean {
    const [cs, ce] = clauseAround(list, start, end);
    const guards = [...c.spec.guards, ...extra, ...c.implied];
    return passesGuards(guards, norm.slice(cs, ce), orig.slice(cs, ce), start - cs, end - cs, published);
  }

  /**
   * The claim's statement in one sentence: of every phrase that matches, the longest ("three states and
   * D.C." over "three states"), then the first.
   */
  function findOne(c: Compiled, norm: string, orig: string, published: string | null, list: [number, number][]): Found | null {
    let best: Found | null = null;
    let bestLength = -1;
    for (const p of c.phrases) {
      if ((p.gate && !p.gate.test(norm)) || !p.context.every((re) => re.test(norm))) continue;
      const extra = p.spec.guards ?? [];
      if (p.spec.slot === 'date') {
        const date = nearestDate(c, p.re, norm, orig, published, list);
        if (date && guarded(c, extra, norm, orig, list, date.start, date.end, published))
          return scoped(list, { asserted: { kind: 'date', iso: date.iso }, start: date.start, end: date.end });
        continue;
      }
      p.re.lastIndex = 0;
      for (let m; (m = p.re.exec(norm)); ) {
        const start = m.index;
        const end = start + m[0].length;
        const text = orig.slice(start, end);
        // An acronym the template writes in capitals must be in capitals here, if this alternative used it.
        if (p.spec.acronyms?.some((a) => new RegExp(`(?<![A-Za-z])${a}(?![A-Za-z])`, 'i').test(text) && !new RegExp(`(?<![A-Za-z])${a}(?![A-Za-z])`).test(text))) continue;
        if (!guarded(c, extra, norm, orig, list, start, end, published)) continue;
        const hit = extract(c, p.spec, m, orig, start, end);
        if (!hit) continue;
        const length = hit.end - hit.start;
        if (length > bestLength || (length === bestLength && best && hit.start < best.start)) {
          best = scoped(list, hit, hit.part);
          bestLength = length;
        }
      }
    }
    return best;
  }

  /**
   * The claim's statements as frames in the sentence's clauses: for each frame, the first clause that states it
   * (its nearest readable value). Two frames may read two things in one clause (a ruling's day and its effect's).
   */
  function findFramed(c: Compiled, norm: string, orig: string, published: string | null, list: [number, number][], before: string): Found[] {
    const out: Found[] = [];
    for (const f of c.frames) {
      const found = findFrame(c, f, norm, orig, published, list, before);
      if (found) out.push(found);
    }
    return out;
  }

  function findFrame(c: Compiled, f: CompiledFrame, norm: string, orig: string, published: string | null, list: [number, number][], before: string): Found | null {
    for (const [cs, ce] of list) {
      const clause = norm.slice(cs, ce);
      const clauseOrig = orig.slice(cs, ce);
      if (c.exclude?.test(clause)) continue;
      {
        if (!f.predicate.test(clause)) continue;
        f.predicate.lastIndex = 0;
        // The topic may be named anywhere earlier in the paragraph, this sentence's earlier clauses included.
        for (const hit of matchFrameAll(f, clause, `${before} ${norm.slice(0, cs)}`)) {
          const implied = f.spec.lasting ? c.implied.filter((g) => g !== 'no-time') : c.implied;
          const guards = f.spec.lasting ? c.spec.guards.filter((g) => g !== 'no-time') : c.spec.guards;
          if (!passesGuards([...guards, ...f.spec.guards, ...implied], clause, clauseOrig, hit.predicate[0], hit.predicate[1], published)) continue;
          let asserted: Asserted | null = null;
          let part: [number, number] = hit.predicate;
          if (hit.value?.spec.slot === 'person') {
            if (hit.negated || !c.spec.holders) continue;
            // A name after its title is read from its first word on, one before it from its last word back; the
            // title's own words are not the name's ("CMS Administrator Drew Snyder").
            const after = hit.value.end > hit.predicate[1];
            // After the title: past the comma and article between them ("Secretary of Homeland Security, Kristi Noem").
            const lead = after ? (/^[\s,]*(?:(?:the|la|el)\s+)?/i.exec(clauseOrig.slice(hit.predicate[1]))?.[0].length ?? 0) : 0;
            const [from, to] = after ? [hit.predicate[1] + lead, hit.value.end] : [hit.value.start, Math.min(hit.value.end, hit.predicate[0])];
            const who = resolvePerson(c.spec.holders, clauseOrig.slice(from, to), from, !after);
            if (!who) continue;
            asserted = { kind: 'token', token: who.id };
            part = [who.start, who.end];
          } else if (f.members.length) {
            const listed = listedMembers(f, clause);
            if (!listed) continue;
            asserted = { kind: 'set', items: listed.items, ...(hit.negated !== !!f.spec.excludes ? { out: true } : {}) };
            part = [listed.start, listed.end];
          } else if (hit.value) {
            if (hit.negated) continue;
            const v = extract(c, hit.value.spec, hit.value.match, clauseOrig, hit.value.start, hit.value.end, published);
            if (!v) continue;
            if (v.asserted.kind === 'date' && namesAnotherThing(f, clause, v.part)) continue;
            asserted = v.asserted;
            part = v.part;
          } else {
            const token = hit.negated ? f.spec.negated : f.spec.asserts;
            if (!token) continue;
            asserted = { kind: 'token', token };
          }
          return { asserted, start: cs, end: ce, part: [cs + part[0], cs + part[1]] };
        }
      }
    }
    return null;
  }

  function extract(c: Compiled, p: CompiledTemplate & { asserts?: string }, m: RegExpExecArray, orig: string, start: number, end: number, published: string | null = null) {
    const slotAt = (): [number, number] => (m.indices?.[1] ? [m.indices[1][0], m.indices[1][1]] : [m.index + m[0].indexOf(m[1]), m.index + m[0].indexOf(m[1]) + m[1].length]);
    if (p.slot === 'n') {
      const count = parseCount(m[1]);
      if (!count) return null;
      // "California and three other states" counts four; only a template that says so may read it.
      const gs = m.index + m[0].indexOf(m[1]);
      if (!p.add && /(?:other|otros|otras|more|additional|another|adicionales)\s+$/i.test(orig.slice(Math.max(0, gs - 14), gs))) return null;
      return { asserted: { kind: 'count' as const, value: count.value + (p.add ?? 0), ...(count.qualifier ? { qualifier: count.qualifier } : {}) }, start, end, part: [start, end] as [number, number] };
    }
    if (p.slot === 'date') {
      const [gs, ge] = slotAt();
      const expr = parseDateExpr(m[1], orig.slice(gs, ge));
      const iso = expr && toIso(expr, published, LOOKS_FORWARD.test(orig.slice(Math.max(0, gs - 32), gs)));
      if (!iso) return null;
      return { asserted: { kind: 'date' as const, iso }, start, end, part: [gs, ge] as [number, number] };
    }
    if (p.slot === 'person') {
      const [gs, ge] = slotAt();
      const who = c.spec.holders && resolvePerson(c.spec.holders, orig.slice(gs, ge), gs, !!p.slotFirst);
      if (!who) return null;
      return { asserted: { kind: 'token' as const, token: who.id }, start: p.slotFirst ? who.start : start, end: p.slotFirst ? end : who.end, part: [who.start, who.end] as [number, number] };
    }
    if (p.asserts) return { asserted: { kind: 'token' as const, token: p.asserts }, start, end, part: [start, end] as [number, number] };
    return null;
  }
}

/**
 * A date used as an adjective ("the December limits", "a July memo") dates the noun after it: unless that noun is the
 * frame's own predicate ("the Aug. 12 injunction"), it is not the date of the clause's statement.
 */
function namesAnotherThing(f: CompiledFrame, clause: string, [start, end]: [number, number]): boolean {
  if (!/\b(?:the|a|an|this|that|its|their|last)\s+$/i.test(clause.slice(Math.max(0, start - 8), start))) return false;
  const next = /^(?:,? \d{4},?)?\s+([A-Za-z][A-Za-z-]*)/.exec(clause.slice(end));
  if (!next || /^(?:of|in|on|at|by|to|and|or|when|after|before|that|which|as|for|from)$/i.test(next[1])) return false;
  f.predicate.lastIndex = 0;
  const own = f.predicate.test(next[1]);
  f.predicate.lastIndex = 0;
  return !own;
}

/** Words before a date that make it one the sentence looks forward to ("can restart Jan. 6", "a partir del 6 de enero"). */
const LOOKS_FORWARD = /(?:\bwill\b|\bcan (?:restart|resume)\b|\bmay (?:restart|resume)\b|\bstarting\b|\bbeginning\b|\beffective\b|\buntil\b|\bthrough\b|\bas of\b|\bon or after\b|a partir del?\b|\bhasta el\b|\bcomenzara\b|\bentrara en vigor\b|\bpodra\b)[^.]*$/i;

function partKind(kind: ClaimKind, a: Asserted): ClaimPartKind {
  if (a.kind === 'date') return a.iso.length === 10 ? 'day' : 'month';
  if (a.kind === 'count') return 'count';
  if (a.kind === 'set') return 'fields';
  return kind === 'title' ? 'holder' : 'status';
}
