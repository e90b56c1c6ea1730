/**
 * What the workbench lists, as plain data: the page's entities grouped by kind with their mention counts,
 * its claims with the sentence each sits in, the filters, and a search over the whole dataset. Kept apart
 * from the components so the rules (reading order, what a filter keeps, what a search finds) are tested
 * without rendering.
 */
import type { Claim } from '../../data/claim-schema';
import type { Entity, EntityKind } from '../../data/schema';
import { sentences } from '../../engine/sentences';
import type { ClaimCheck, PageSnapshot, Verdict } from '../../engine/types';
import type { AnnotationSummary, ClaimSummary } from '../../utils/messages';

export const KIND_ORDER: readonly EntityKind[] = ['person', 'agency', 'law', 'state', 'event'];

export interface EntityRow {
  entity: Entity;
  /** Mentions on the page. */
  count: number;
  /** Index of its first mention in reading order (what `annotations:show` takes). */
  first: number;
}

export interface KindGroup {
  kind: EntityKind;
  rows: EntityRow[];
  /** Mentions of every entity in the group. */
  mentions: number;
}

/**
 * The page's entities by kind (in KIND_ORDER), each kind's entities in the order the article first names
 * them. Mentions of ids the dataset does not know (an older content script) are left out.
 */
export function groupByKind(annotations: readonly AnnotationSummary[], records: ReadonlyMap<string, Entity>): KindGroup[] {
  const rows = new Map<string, EntityRow>();
  annotations.forEach((a, i) => {
    const row = rows.get(a.id);
    if (row) row.count++;
    else {
      const entity = records.get(a.id);
      if (entity) rows.set(a.id, { entity, count: 1, first: i });
    }
  });
  return KIND_ORDER.map((kind) => {
    const of = [...rows.values()].filter((r) => r.entity.kind === kind);
    return { kind, rows: of, mentions: of.reduce((n, r) => n + r.count, 0) };
  }).filter((g) => g.rows.length > 0);
}

export type KindFilter = EntityKind | 'all';
export type VerdictFilter = Verdict | 'none' | 'all';

export const filterKinds = (groups: readonly KindGroup[], kind: KindFilter) => (kind === 'all' ? [...groups] : groups.filter((g) => g.kind === kind));

export interface ClaimRow {
  /** Index in the snapshot's claims (what citations take). */
  index: number;
  /**
   * Index in the claims the page underlined (`annotations:get`; what `annotations:show` takes), or null when
   * the page has no underline for it (a claim it could not anchor, or a page changed since).
   */
  shown: number | null;
  check: ClaimCheck;
  record: Claim | undefined;
  /**
   * The sentence of the page text that holds the claim, where the claim (the clause that states it) sits in it,
   * and where the part that was compared sits (absent when the check names none).
   */
  sentence: { text: string; start: number; end: number; part?: { start: number; end: number } };
}

/** The sentence around [start, end) of a page text; the span alone when no sentence holds it. */
export function sentenceAround(text: string, start: number, end: number): ClaimRow['sentence'] {
  const found = sentences(text).find(([s, e]) => s <= start && end <= e);
  const [s, e] = found ?? [start, end];
  return { text: text.slice(s, e), start: start - s, end: end - s };
}

const verdictOf = (c: ClaimCheck): Exclude<VerdictFilter, 'all'> => c.verdict ?? 'none';

/** Verdicts in the order the panel offers them: what needs attention first. */
export const VERDICT_ORDER: readonly Exclude<VerdictFilter, 'all'>[] = ['differs', 'outdated', 'agrees', 'none'];

/**
 * The snapshot's claims (checked afresh for export) beside the ones the page underlined: the same statement
 * is the same claim id with the same words, the n-th such in the one list being the n-th in the other.
 */
export function claimRows(snapshot: PageSnapshot, records: ReadonlyMap<string, Claim>, listed: readonly ClaimSummary[]): ClaimRow[] {
  const key = (c: { id: string; text: string }) => `${c.id}\u0000${c.text}`;
  const places = new Map<string, number[]>();
  listed.forEach((c, i) => places.set(key(c), [...(places.get(key(c)) ?? []), i]));
  return snapshot.claims.map((c, index) => ({
    index,
    shown: places.get(key(c.check))?.shift() ?? null,
    check: c.check,
    record: records.get(c.check.id),
    sentence: withPart(sentenceAround(snapshot.text, c.check.start, c.check.end), c.check),
  }));
}

/** Where the compared part sits in the sentence, when it lies inside the claim's clause. */
function withPart(sentence: ClaimRow['sentence'], check: ClaimCheck): ClaimRow['sentence'] {
  const part = check.part;
  if (!part || part.start < check.start || part.end > check.end) return sentence;
  const offset = sentence.start - check.start;
  return { ...sentence, part: { start: part.start + offset, end: part.end + offset } };
}

export const filterVerdict = (rows: readonly ClaimRow[], verdict: VerdictFilter) =>
  verdict === 'all' ? [...rows] : rows.filter((r) => verdictOf(r.check) === verdict);

/** The claim record's value a check refers to (then or now), with its statement and sources. */
export function valueOf(record: Claim | undefined, ref: { index: number } | undefined) {
  return record && ref ? record.values[ref.index] : undefined;
}

/** Lowercase, no diacritics, punctuation as spaces: "Médicaid," and "medicaid" are one word. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface SearchHit {
  entity: Entity;
  /** Where the query was found: the name itself ranks first, then an alias, then the summaries. */
  field: 'name' | 'alias' | 'summary';
}

/** The shortest query worth searching for: one letter matches half the dataset. */
export const MIN_QUERY = 2;

/**
 * Every record whose name, Spanish name, aliases or summary (English and Spanish) holds every word of the
 * query, names first. Words match at word starts ("noem" finds "Kristi Noem", "ido" does not find "Idaho").
 */
export function searchDataset(entities: readonly Entity[], query: string): SearchHit[] {
  const words = fold(query).split(' ').filter(Boolean);
  if (fold(query).length < MIN_QUERY) return [];
  const holdsAll = (text: string) => {
    const hay = ` ${fold(text)}`;
    return words.every((w) => hay.includes(` ${w}`));
  };
  const rank = { name: 0, alias: 1, summary: 2 } as const;
  const hits: SearchHit[] = [];
  for (const e of entities) {
    const names = [e.name, e.nameEs ?? ''].join(' ');
    const aliases = e.aliases.map((a) => (typeof a === 'string' ? a : a.text)).join(' ');
    const field: SearchHit['field'] | null = holdsAll(names)
      ? 'name'
      : holdsAll(`${names} ${aliases}`)
        ? 'alias'
        : holdsAll(`${names} ${aliases} ${e.summary.en} ${e.summary.es ?? ''}`)
          ? 'summary'
          : null;
    if (field) hits.push({ entity: e, field });
  }
  // A stable sort keeps the dataset's order within a rank.
  return hits.sort((a, b) => rank[a.field] - rank[b.field]);
}
