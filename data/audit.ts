/**
 * What is missing or stale in a record: advice for reviewers, not validity (the schema handles that).
 * Staleness is judged against the day the check runs (passed in), never against the dataset's `updated`
 * date: a release made today can still carry a record nobody has re-checked for a year.
 */
import type { Claim } from './claim-schema';
import type { DatasetMeta, Entity } from './schema';
import { confirmedOn, fixedTerm, rolesOn, termEnd } from '../engine/roles';

/** A record whose `verified` date is more than this many months before today needs checking again (cards say so too). */
export const STALE_AFTER_MONTHS = 6;
/** Agencies and jurisdictions describe a present situation; one described as of more than this long ago may have changed. */
export const SITUATION_STALE_AFTER_MONTHS = 12;

/** Month-precision dates count as the first of the month: a reviewer would rather re-check early than late. */
const day = (d: string) => (d.length === 7 ? `${d}-01` : d);

/** `d` plus `n` calendar months, as YYYY-MM-DD (the day clamped to the month's length). */
export function addMonths(d: string, n: number): string {
  const [y, m, dd] = day(d).split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(dd, last)).padStart(2, '0')}`;
}

/** True when more than `months` calendar months separate `from` and `today`. */
export const olderThan = (from: string, months: number, today: string) => addMonths(from, months) < day(today);

/** The record's `verified` date is more than STALE_AFTER_MONTHS before `today`. */
export const isStale = (e: Entity, today: string) => olderThan(e.verified, STALE_AFTER_MONTHS, today);

export function auditEntity(e: Entity, today: string): string[] {
  const out: string[] = [];
  if (isStale(e, today)) out.push(`verified ${e.verified} is more than ${STALE_AFTER_MONTHS} months before ${today}: check every statement again`);
  if (day(e.verified) > day(today)) out.push(`verified ${e.verified} is after today (${today})`);
  if (day(e.asOf) > day(e.verified)) out.push(`asOf ${e.asOf} is after verified ${e.verified}: a record cannot describe a day after it was checked`);
  if ((e.kind === 'state' || e.kind === 'agency') && olderThan(e.asOf, SITUATION_STALE_AFTER_MONTHS, today))
    out.push(`describes the situation as of ${e.asOf}, more than ${SITUATION_STALE_AFTER_MONTHS} months before ${today}: look for later changes`);
  if (e.sources.every((s) => s.kind === 'news')) out.push('cites only news reports; add a primary source if one exists');
  if (!e.sources.some((s) => s.date)) out.push('no source carries a date');
  switch (e.kind) {
    case 'person':
      if (!e.roles.some((r) => r.from)) out.push('no role says when it began');
      // An open role held at someone's pleasure reads as "last confirmed" on cards once its confirmation is old.
      for (const r of e.roles)
        if (!termEnd(r) && !fixedTerm(r) && olderThan(r.asOf, STALE_AFTER_MONTHS, today))
          out.push(`role "${r.title.en}" has no end date but was last confirmed held on ${r.asOf}: confirm it is still held, or date its end`);
      for (const r of e.roles) {
        if (!r.tenure) out.push(`role "${r.title.en}" does not say how it is held (tenure: elected, judicial, appointed, acting or staff)`);
        if (r.tenure === 'elected' && !r.ends && !r.to)
          out.push(`role "${r.title.en}" is an elected office with no scheduled end (ends)`);
        const last = termEnd(r);
        if (last && day(last) < day(today) && !r.successor && SINGLE_HOLDER.test(r.title.en))
          out.push(`role "${r.title.en}" ended on ${last} and names no successor: add who held the office next, if known`);
      }
      break;
    case 'state':
      if (!e.program && e.lawsuit === 'none') out.push('neither a program nor a lawsuit role: why is it in the dataset?');
      if (e.program && e.timeline.length === 0) out.push('has a program but no dated timeline');
      break;
    case 'event':
      if (!e.timeline?.length) out.push('no timeline entries');
      break;
  }
  return out;
}

type Role = Extract<Entity, { kind: 'person' }>['roles'][number];

/**
 * Titles one person holds at a time: heads of departments, agencies and states, and a department's public-affairs
 * chief. Deputies, senators, representatives and reporters are many at once, so they are left out: the check
 * must never call two legitimate holders a conflict.
 */
export const SINGLE_HOLDER = /^(President of the United States|Secretary of |Administrator$|Director$|Acting Director$|Governor of |Attorney General of |Assistant Secretary for Public Affairs$)/;
/** Seats in Congress: no one may hold one and an executive office at once (U.S. Const. art. I, § 6, cl. 2). */
const CONGRESS = /^(United States Senate|U\.S\. House of Representatives)$/;

/**
 * A term as the dates allow for certain: a month-precision `from` may have started as late as the month's end and a
 * month-precision `to` ended as early as its first day, so a handover within one month is never called an overlap.
 */
function certainTerm(r: Role): [string, string] {
  const latestStart = !r.from ? '0000-01-01' : r.from.length === 7 ? addDays(addMonths(r.from, 1), -1) : r.from;
  const earliestEnd = !r.to ? '9999-12-31' : day(r.to);
  return [latestStart, earliestEnd];
}
function addDays(d: string, n: number): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
const overlap = (a: Role, b: Role) => {
  const [s1, e1] = certainTerm(a);
  const [s2, e2] = certainTerm(b);
  return s1 < e2 && s2 < e1;
};
const office = (r: Role) => `${r.title.en} — ${r.organization?.en ?? ''}`;

/**
 * Terms that cannot all be true: a term that ends before it starts; two people holding a one-holder title at the
 * same time (usually a predecessor whose term has no end date); one person in Congress and in another office at
 * once, or holding two one-holder titles at once.
 */
export function roleConflicts(entities: readonly Entity[]): string[] {
  const out: string[] = [];
  const people = entities.filter((e): e is Extract<Entity, { kind: 'person' }> => e.kind === 'person');
  for (const p of people)
    for (const r of p.roles) if (r.from && r.to && day(r.to) < day(r.from)) out.push(`${p.id}: "${office(r)}" ends (${r.to}) before it starts (${r.from})`);
  const holders = new Map<string, { id: string; role: Role }[]>();
  for (const p of people)
    for (const role of p.roles) if (SINGLE_HOLDER.test(role.title.en)) holders.set(office(role), [...(holders.get(office(role)) ?? []), { id: p.id, role }]);
  for (const [title, list] of holders)
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++)
        if (list[i].id !== list[j].id && overlap(list[i].role, list[j].role))
          out.push(`"${title}": ${list[i].id} and ${list[j].id} hold it at the same time; date the end of the earlier term`);
  for (const p of people)
    for (let i = 0; i < p.roles.length; i++)
      for (let j = i + 1; j < p.roles.length; j++) {
        const [a, b] = [p.roles[i], p.roles[j]];
        const inCongress = CONGRESS.test(a.organization?.en ?? '') !== CONGRESS.test(b.organization?.en ?? '');
        const twoHeads = SINGLE_HOLDER.test(a.title.en) && SINGLE_HOLDER.test(b.title.en);
        if ((inCongress || twoHeads) && overlap(a, b))
          out.push(`${p.id}: "${office(a)}" and "${office(b)}" cannot be held at once; date the end of the earlier one`);
      }
  return out;
}

/**
 * Titles and statuses presented as current that nobody has checked for six months: failures, not notes
 * (`npm run data:check` exits non-zero). A title held today needs a `checked` date within six months of today;
 * a claim needs a `verified` date within six months, and its open value an `asOf` (the last day a source
 * confirmed it). An open value last confirmed more than six months ago is presented as "last confirmed" on purpose
 * (an "agrees" verdict says since when: engine/verdict.ts `lastConfirmed`) and listed by `lastConfirmed`, not failed.
 */
export function currentFailures(entities: readonly Entity[], claims: readonly Claim[], today: string): string[] {
  const out: string[] = [];
  for (const p of entities) {
    if (p.kind !== 'person') continue;
    for (const r of rolesOn(p, today)) {
      const what = `${p.id}: title "${r.title.en}" (held today as far as the dataset knows)`;
      if (!r.checked) out.push(`${what} carries no checked date`);
      else if (olderThan(r.checked, STALE_AFTER_MONTHS, today)) out.push(`${what} was checked on ${r.checked}, more than ${STALE_AFTER_MONTHS} months before ${today}`);
      else if (day(r.checked) > day(today)) out.push(`${what} was checked on ${r.checked}, after ${today}`);
    }
  }
  for (const c of claims) {
    if (olderThan(c.verified, STALE_AFTER_MONTHS, today)) out.push(`claim ${c.id}: verified ${c.verified}, more than ${STALE_AFTER_MONTHS} months before ${today}`);
    if (c.timeless) continue;
    const open = c.values.find((v) => !v.to && day(v.from) <= day(today));
    if (!open) continue;
    if (!open.asOf) out.push(`claim ${c.id}: its current value "${open.value}" (from ${open.from}) says no asOf: when did a source last confirm it?`);
  }
  return out;
}

/** Titles held today that cards present as "last confirmed" (on purpose: nothing newer could be cited), and statuses only last known. */
export function lastConfirmed(entities: readonly Entity[], claims: readonly Claim[], today: string): string[] {
  const out: string[] = [];
  for (const p of entities)
    if (p.kind === 'person') for (const r of rolesOn(p, today)) if (!confirmedOn(r, today)) out.push(`${p.id}: "${r.title.en}" last confirmed ${r.asOf}${r.checked ? `, checked ${r.checked}` : ''}`);
  for (const c of claims) {
    const w = (c.unsure ?? []).find((u) => day(u.from) <= day(today) && (!u.to || day(today) <= day(u.to)));
    if (w) out.push(`claim ${c.id}: no verdict since ${w.from} — ${w.why.en}`);
    const open = c.timeless ? undefined : c.values.find((v) => !v.to && day(v.from) <= day(today));
    if (open?.asOf && olderThan(open.asOf, STALE_AFTER_MONTHS, today))
      out.push(`claim ${c.id}: "${open.value}" last confirmed ${open.asOf}, checked ${c.verified} ("agrees" only as of then: the card says when it was last confirmed)`);
  }
  return out;
}

/** Records oldest-checked first (then oldest situation, then id), so the next review starts at the top. */
export function byVerified(entities: readonly Entity[]): Entity[] {
  const key = (e: Entity) => day(e.verified);
  return [...entities].sort((a, b) => key(a).localeCompare(key(b)) || day(a.asOf).localeCompare(day(b.asOf)) || a.id.localeCompare(b.id));
}

/** The `npm run data:check` report: every record by age, then the gaps and stale facts per record. */
export function checkReport(meta: DatasetMeta, entities: readonly Entity[], today: string, claims: readonly Claim[] = []): string[] {
  const counts = new Map<string, number>();
  for (const e of entities) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  const lines = [
    `Dataset ${meta.version} (updated ${meta.updated}), checked on ${today}: ${entities.length} records — ` +
      [...counts].map(([k, n]) => `${n} ${k}`).join(', '),
    '',
    `Records by verified date, oldest first (STALE: verified more than ${STALE_AFTER_MONTHS} months before ${today}):`,
    `  ${'verified'.padEnd(10)}  ${'asOf'.padEnd(10)}  ${'kind'.padEnd(6)}  id`,
  ];
  const sorted = byVerified(entities);
  for (const e of sorted)
    lines.push(`  ${e.verified.padEnd(10)}  ${e.asOf.padEnd(10)}  ${e.kind.padEnd(6)}  ${e.id}${isStale(e, today) ? '  STALE' : ''}`);
  const stale = sorted.filter((e) => isStale(e, today)).length;
  lines.push(stale ? `${stale} record(s) verified more than ${STALE_AFTER_MONTHS} months ago.` : `No record verified more than ${STALE_AFTER_MONTHS} months ago.`, '', 'Gaps and stale facts:');
  let flagged = 0;
  for (const e of sorted) {
    const findings = auditEntity(e, today);
    if (!findings.length) continue;
    flagged++;
    lines.push(`  ${e.kind} ${e.id}:`, ...findings.map((f) => `    - ${f}`));
  }
  lines.push(flagged ? `${flagged} record(s) have gaps or stale facts (listed above).` : 'No gaps or stale facts.');
  const conflicts = roleConflicts(entities);
  lines.push('', conflicts.length ? 'Terms that cannot all be true:' : 'No conflicting terms.', ...conflicts.map((c) => `  - ${c}`));
  const known = lastConfirmed(entities, claims, today);
  lines.push('', known.length ? 'Presented as last confirmed or last known, on purpose:' : 'Nothing presented as last confirmed.', ...known.map((k) => `  - ${k}`));
  const failures = currentFailures(entities, claims, today);
  lines.push(
    '',
    failures.length
      ? `FAIL: ${failures.length} current title(s) or status(es) not checked within ${STALE_AFTER_MONTHS} months of ${today}:`
      : `Every current title and status was checked within ${STALE_AFTER_MONTHS} months of ${today}.`,
    ...failures.map((f) => `  - FAIL ${f}`),
  );
  return lines;
}
