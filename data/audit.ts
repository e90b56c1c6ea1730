/** What is missing or stale in a record: advice for reviewers, not validity (the schema handles that). */
import type { Entity } from './schema';

/** A record whose newest dated fact is older than this, relative to the dataset's `updated`, is stale. */
export const STALE_AFTER_DAYS = 365;

const days = (a: string, b: string) => (Date.parse(pad(b)) - Date.parse(pad(a))) / 86_400_000;
const pad = (d: string) => (d.length === 7 ? `${d}-01` : d);

export function auditEntity(e: Entity, updated: string): string[] {
  const out: string[] = [];
  if (days(e.asOf, updated) > STALE_AFTER_DAYS) out.push(`asOf ${e.asOf} is more than ${STALE_AFTER_DAYS} days before ${updated}`);
  if (e.sources.every((s) => s.kind === 'news')) out.push('cites only news reports; add a primary source if one exists');
  if (!e.sources.some((s) => s.date)) out.push('no source carries a date');
  switch (e.kind) {
    case 'person':
      if (!e.roles.some((r) => r.from)) out.push('no role says when it began');
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
