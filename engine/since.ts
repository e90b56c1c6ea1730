/**
 * "Since this article": the story's events (dataset records of kind `event`) dated after an article was
 * published, oldest first, so a reader of a months-old piece sees what happened next in order.
 */
import { dayRange } from './dates';

export interface EventSince {
  id: string;
  date: string;
}

/**
 * Events strictly after `published`. A month-precision event counts only when its whole month is after
 * (an event "in July" is not known to follow an article of July 15). With `today`, events dated after it
 * (scheduled, not yet happened) are left out.
 */
export function eventsSince(
  records: readonly { id: string; kind: string; date?: string }[],
  published: string,
  today?: string,
): EventSince[] {
  return records
    .filter((r): r is { id: string; kind: string; date: string } => r.kind === 'event' && typeof r.date === 'string')
    .filter((r) => dayRange(r.date)[0] > published && (!today || dayRange(r.date)[0] <= today))
    .map(({ id, date }) => ({ id, date }))
    .sort((a, b) => dayRange(a.date)[0].localeCompare(dayRange(b.date)[0]) || a.id.localeCompare(b.id));
}
