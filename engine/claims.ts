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
import { compileAny, compileTemplate, expandSlots, type CompiledTemplate } from './claim-templates';
import { passesGuards, resolvePerson } from './claim-guards';
import { dayRange, parseDateExpr, toIso } from './dates';
import { inSpans } from './detect';
import { foldKey, normalizeForMatch } from './fold';
import { parseCount } from './numbers';
import { sentences } from './sentences';
import type { ClaimCheck } from './types';
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
          return { ...base, value: s.value, accept: s.accept, reject: s.reject };
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
      const phrases: PhraseSpec[] = r.phrases.flatMap((group, g) =>
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

/** How far (characters) a date may sit from the word that says what it dates. */
const NEAR_LIMIT = 120;

interface Compiled {
  spec: ClaimSpec;
  /** Any phrase's gate (or a date claim's anchor): one cheap test that rules most sentences out. */
  gate?: RegExp;
  context: RegExp[];
  exclude?: RegExp;
  near?: RegExp;
  apart?: RegExp;
  phrases: { spec: PhraseSpec; re: RegExp; gate?: RegExp; context: RegExp[] }[];
}

export function compileClaims(spec: ClaimsSpec): ClaimFinder {
  const claimGate = (c: ClaimSpec): RegExp | undefined => {
    if (c.phrases.some((p) => p.slot === 'date')) return c.near ? new RegExp(c.near, 'i') : undefined;
    if (c.phrases.some((p) => !p.gate)) return undefined;
    return new RegExp([...new Set(c.phrases.map((p) => p.gate!))].join('|'), 'i');
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
  }));

  /** A {date} claim: the date nearest to an anchor word, within NEAR_LIMIT characters. */
  function nearestDate(c: Compiled, re: RegExp, norm: string, orig: string, published: string | null) {
    if (!c.near) return null;
    const anchors: [number, number][] = [];
    c.near.lastIndex = 0;
    for (let m; (m = c.near.exec(norm)); ) anchors.push([m.index, m.index + m[0].length]);
    let best: { start: number; end: number; iso: string; distance: number } | null = null;
    re.lastIndex = 0;
    for (let m; (m = re.exec(norm)); ) {
      const [s, e] = m.indices![1]!;
      const expr = parseDateExpr(m[1], orig.slice(s, e));
      const iso = expr && toIso(expr, published);
      if (!iso) continue;
      // Distance to the nearest anchor with nothing in between that makes the date another event's.
      const distance = Math.min(
        ...anchors
          .filter(([as, ae]) => !c.apart?.test(e <= as ? norm.slice(e, as) : norm.slice(ae, s)))
          .map(([as, ae]) => (e <= as ? as - e : s >= ae ? s - ae : 0)),
      );
      if (distance <= NEAR_LIMIT && (!best || distance < best.distance)) best = { start: s, end: e, iso, distance };
    }
    return best;
  }

  return {
    find(text, { published, today, spans, peripheral }) {
      const out: ClaimCheck[] = [];
      const normText = normalizeForMatch(text);
      for (const [s, e] of sentences(text)) {
        // A claim in a rail of other stories or a comment is not the article's.
        if ((spans && !inSpans(spans as number[], s)) || (peripheral && inSpans(peripheral as number[], s))) continue;
        const norm = normText.slice(s, e);
        const orig = text.slice(s, e);
        for (const c of compiled) {
          if ((c.gate && !c.gate.test(norm)) || !c.context.every((re) => re.test(norm)) || c.exclude?.test(norm)) continue;
          const found = findOne(c, norm, orig, published);
          if (!found) continue;
          const verdict = judge(c.spec, found.asserted, published, today);
          if (!verdict) continue;
          out.push({
            id: c.spec.id,
            start: s + found.start,
            end: s + found.end,
            text: orig.slice(found.start, found.end),
            asserted: assertedText(found.asserted),
            ...verdict,
          });
        }
      }
      return out.sort((a, b) => a.start - b.start);
    },
  };

  /**
   * The claim's statement in one sentence: of every phrase that matches, the longest ("three states and
   * D.C." over "three states"), then the first.
   */
  function findOne(c: Compiled, norm: string, orig: string, published: string | null): { asserted: Asserted; start: number; end: number } | null {
    let best: { asserted: Asserted; start: number; end: number } | null = null;
    const better = (hit: { start: number; end: number }) => !best || hit.end - hit.start > best.end - best.start || (hit.end - hit.start === best.end - best.start && hit.start < best.start);
    for (const p of c.phrases) {
      if ((p.gate && !p.gate.test(norm)) || !p.context.every((re) => re.test(norm))) continue;
      const guards = [...c.spec.guards, ...(p.spec.guards ?? [])];
      if (p.spec.slot === 'date') {
        const date = nearestDate(c, p.re, norm, orig, published);
        if (date && passesGuards(guards, norm, orig, date.start, date.end)) return { asserted: { kind: 'date', iso: date.iso }, start: date.start, end: date.end };
        continue;
      }
      p.re.lastIndex = 0;
      for (let m; (m = p.re.exec(norm)); ) {
        const start = m.index;
        const end = start + m[0].length;
        const text = orig.slice(start, end);
        // An acronym the template writes in capitals must be in capitals here, if this alternative used it.
        if (p.spec.acronyms?.some((a) => new RegExp(`(?<![A-Za-z])${a}(?![A-Za-z])`, 'i').test(text) && !new RegExp(`(?<![A-Za-z])${a}(?![A-Za-z])`).test(text))) continue;
        if (!passesGuards(guards, norm, orig, start, end)) continue;
        const hit = extract(c, p.spec, m, orig, start, end);
        if (hit && better(hit)) best = hit;
      }
    }
    return best;
  }

  function extract(c: Compiled, p: PhraseSpec, m: RegExpExecArray, orig: string, start: number, end: number) {
    if (p.slot === 'n') {
      const count = parseCount(m[1]);
      if (!count) return null;
      // "California and three other states" counts four; only a template that says so may read it.
      const gs = m.index + m[0].indexOf(m[1]);
      if (!p.add && /(?:other|otros|otras|more|additional|another|adicionales)\s+$/i.test(orig.slice(Math.max(0, gs - 14), gs))) return null;
      return { asserted: { kind: 'count' as const, value: count.value + (p.add ?? 0), ...(count.qualifier ? { qualifier: count.qualifier } : {}) }, start, end };
    }
    if (p.slot === 'person') {
      const [gs, ge] = m.indices![1]!;
      const who = c.spec.holders && resolvePerson(c.spec.holders, orig.slice(gs, ge), gs, !!p.slotFirst);
      if (!who) return null;
      return { asserted: { kind: 'token' as const, token: who.id }, start: p.slotFirst ? who.start : start, end: p.slotFirst ? end : who.end };
    }
    if (p.asserts) return { asserted: { kind: 'token' as const, token: p.asserts }, start, end };
    return null;
  }
}
