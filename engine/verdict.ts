/**
 * Judging what an article asserts against a claim's values over time. The rule that shapes all of it:
 * a wrong verdict is worse than none, so every "can't tell" (a date inside an unsure window, a count
 * another source gives, a day off by one) is null, never a guess.
 */
import { addDays, daysBetween } from './dates';
import type { ClaimCheck, ClaimValueRef, Verdict } from './types';

export type ClaimKind = 'count' | 'date' | 'status' | 'title';

/** One value of a claim as the engine needs it: effective days, and what it accepts or rejects. */
export interface ValueSpec {
  index: number;
  /** As written in the record (may be month precision), for ClaimValueRef. */
  from: string;
  to?: string;
  /** Effective first and last day (ISO days); `end` absent: open. */
  start: string;
  end?: string;
  value: string;
  range?: [number, number];
  unsure?: [number, number];
  dates?: string[];
  accept?: string[];
  /** '*': everything not accepted is wrong (a title held by one person). */
  reject?: string[] | '*';
  /** What a listed set is checked against: things the sources say were in it, and things they say were left out. */
  includes?: string[];
  excludes?: string[];
  /** The last day a source confirmed this value held (an open value older than six months is only "last confirmed"). */
  asOf?: string;
}

export interface JudgedClaim {
  kind: ClaimKind;
  values: ValueSpec[];
  /** [first day, last day or null for open] */
  unsure: [string, string | null][];
  timeless?: boolean;
}

export type Asserted =
  | { kind: 'count'; value: number; qualifier?: 'approx' | 'min' | 'max' }
  | { kind: 'date'; iso: string }
  | { kind: 'token'; token: string }
  /** A list ("names, addresses and Social Security numbers"): those things were in it, or (`out`) were kept out. */
  | { kind: 'set'; items: string[]; out?: boolean };

export function assertedText(a: Asserted): string {
  if (a.kind === 'date') return a.iso;
  if (a.kind === 'token') return a.token;
  if (a.kind === 'set') return `${a.out ? 'not ' : ''}${a.items.join(', ')}`;
  return `${a.qualifier === 'approx' ? '~' : a.qualifier === 'min' ? '>' : a.qualifier === 'max' ? '<' : ''}${a.value}`;
}

function acceptsCount(v: ValueSpec, a: Extract<Asserted, { kind: 'count' }>): boolean | null {
  const [lo, hi] = v.range ?? [Number(v.value), Number(v.value)];
  const inUnsure = (x: number) => !!v.unsure && x >= v.unsure[0] && x <= v.unsure[1];
  const x = a.value;
  if (a.qualifier === 'min') return lo > x ? true : hi <= x ? false : null;
  if (a.qualifier === 'max') return hi < x ? true : lo >= x ? false : null;
  // "about 80 million": anything within 5% of what was said; exact small counts get no slack.
  const slack = a.qualifier === 'approx' ? Math.max(1, Math.round(x * 0.05)) : 0;
  if (x + slack >= lo && x - slack <= hi) return true;
  if (inUnsure(x) || (slack && v.unsure && x + slack >= v.unsure[0] && x - slack <= v.unsure[1])) return null;
  // Large round figures drift between sources; within 3% of the range is not worth calling wrong.
  if (x >= 1000 && x >= lo * 0.97 && x <= hi * 1.03) return null;
  return false;
}

function compareDates(asserted: string, known: string): boolean | null {
  const aDay = asserted.length === 10;
  const kDay = known.length === 10;
  if (aDay && kDay) return asserted === known ? true : Math.abs(daysBetween(asserted, known)) <= 1 ? null : false;
  if (!aDay && kDay) return asserted === known.slice(0, 7);
  if (aDay && !kDay) return asserted.slice(0, 7) === known ? null : false;
  return asserted === known;
}

function acceptsDate(v: ValueSpec, a: Extract<Asserted, { kind: 'date' }>): boolean | null {
  let unsure = false;
  for (const d of v.dates ?? [v.value]) {
    const r = compareDates(a.iso, d);
    if (r === true) return true;
    if (r === null) unsure = true;
  }
  return unsure ? null : false;
}

/**
 * A list against what the sources say: every item placed on the side the article puts it agrees; one placed on
 * the other side differs; an item the sources do not place either way leaves it unjudged.
 */
function acceptsSet(v: ValueSpec, a: Extract<Asserted, { kind: 'set' }>): boolean | null {
  if (!v.includes && !v.excludes) return null;
  const [same, other] = a.out ? [v.excludes ?? [], v.includes ?? []] : [v.includes ?? [], v.excludes ?? []];
  if (a.items.some((x) => other.includes(x))) return false;
  return a.items.every((x) => same.includes(x)) ? true : null;
}

export function accepts(kind: ClaimKind, v: ValueSpec, a: Asserted): boolean | null {
  if (a.kind === 'set') return kind === 'status' ? acceptsSet(v, a) : null;
  if (a.kind === 'count') return kind === 'count' ? acceptsCount(v, a) : null;
  if (a.kind === 'date') return kind === 'date' ? acceptsDate(v, a) : null;
  if (v.accept?.includes(a.token)) return true;
  if (v.reject === '*' || v.reject?.includes(a.token)) return false;
  return null;
}

type At = { value: ValueSpec } | 'unsure' | undefined;

function valueAt(claim: JudgedClaim, day: string): At {
  if (claim.unsure.some(([from, to]) => day >= from && (to === null || day <= to))) return 'unsure';
  const value = claim.values.find((v) => v.start <= day && (v.end === undefined || day <= v.end));
  return value ? { value } : undefined;
}

const ref = (v: ValueSpec): ClaimValueRef => ({ index: v.index, value: v.value, from: v.from, ...(v.to ? { to: v.to } : {}) });

/** How long after its last confirmation an open value still counts as the value today (as a title does: engine/roles.ts). */
export const CONFIRMED_FOR_MONTHS = 6;

/** `d` (YYYY-MM-DD) plus `n` calendar months, the day clamped to the month's length. */
function addMonths(d: string, n: number): string {
  const [y, m, dd] = d.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(dd, last)).padStart(2, '0')}`;
}

/**
 * Is the value known to hold on `day`: ended (history), or confirmed by a source within six months before it?
 * A value only last confirmed long ago still agrees with what the article says (nothing the dataset knows says
 * otherwise), and the check says when it was last confirmed (`lastConfirmed`): the card and the exports show it.
 */
const confirmedOn = (v: ValueSpec, day: string): boolean =>
  v.end !== undefined || v.asOf === undefined || day <= addMonths(v.asOf.length === 7 ? `${v.asOf}-01` : v.asOf, CONFIRMED_FOR_MONTHS);

/** The verdict and the values it rests on; null when the dataset has no value for today at all. */
export function judge(
  claim: JudgedClaim,
  asserted: Asserted,
  published: string | null | undefined,
  today: string,
): Pick<ClaimCheck, 'verdict' | 'then' | 'now' | 'since' | 'lastConfirmed'> | null {
  const at = published && published <= today ? published : published ? today : null;
  const nowAt = valueAt(claim, today);
  // Today inside an unsure window: show the latest value that had started, judge nothing.
  const latest = [...claim.values].reverse().find((v) => v.start <= today);
  if (nowAt === undefined || !latest) return null;
  const now = nowAt === 'unsure' ? undefined : nowAt.value;
  const thenAt = at ? valueAt(claim, at) : undefined;
  const then = thenAt && thenAt !== 'unsure' ? thenAt.value : undefined;
  const result = (verdict: Verdict | null, since?: string) => ({
    verdict,
    ...(then ? { then: ref(then) } : {}),
    now: ref(now ?? latest),
    ...(since ? { since } : {}),
  });

  // Right as far as the dataset knows; when its value was last confirmed long ago, the check says so.
  const agrees = (v: ValueSpec) =>
    claim.timeless || confirmedOn(v, today) ? result('agrees') : { ...result('agrees'), lastConfirmed: v.asOf! };

  if (then) {
    const right = accepts(claim.kind, then, asserted);
    if (right === false) return result('differs');
    if (right === null) return result(null);
    // The value the article gave has ended, and what came next is not settled (a successor nobody sourced): the
    // article is out of date from the day after it ended — unless a later known value said the same again.
    if (!now) {
      // Today inside a stretch the sources leave unsettled, which began after the article: what it said was right
      // then and, as far as any source confirms, still is; the check says when a source last confirmed it.
      const window = nowAt === 'unsure' ? claim.unsure.find(([from, to]) => today >= from && (to === null || today <= to)) : undefined;
      if (window && at && window[0] > at && (latest.end === undefined || latest.end >= today) && accepts(claim.kind, latest, asserted) === true && (latest.index === then.index || latest.start <= window[0]))
        return { ...result('agrees'), lastConfirmed: latest.asOf ?? addDays(window[0], -1) };
      const later = claim.values.filter((v) => v.index > then.index && v.start <= today);
      if (!then.end || then.end >= today || later.some((v) => accepts(claim.kind, v, asserted) === true)) return result(null);
      return result('outdated', later[0]?.from ?? addDays(then.end, 1));
    }
    if (now.index === then.index || accepts(claim.kind, now, asserted) === true) return agrees(now);
    const change = claim.values.find((v) => v.index > then.index && v.start <= today && accepts(claim.kind, v, asserted) !== true);
    return result('outdated', change?.from ?? now.from);
  }
  // A known date with no settled value (an unsure window, or before the record starts): right or wrong
  // then is unknown, and "agrees" would say it was right — except a title given to someone whose every term had
  // ended by then: whoever held it, it was not them.
  if (at) {
    const terms = claim.kind === 'title' && asserted.kind === 'token' ? claim.values.filter((v) => v.value === asserted.token) : [];
    if (terms.length && terms.every((v) => v.end !== undefined && v.end < at)) return result('differs');
    return result(null);
  }
  // Unknown date: judge against today only (the caller says so).
  if (!now) return result(null);
  const rightNow = accepts(claim.kind, now, asserted);
  if (rightNow === true) return agrees(now);
  if (rightNow === false && claim.timeless && claim.values.every((v) => accepts(claim.kind, v, asserted) === false)) return result('differs');
  return result(null);
}
