/** The background's answer to a recognised page: the records it names, collapsed and capped. */
import { entityById } from '@/data';
import type { Entity } from '@/data/schema';

/** No page names more entities than the dataset holds; a request for more is cut, duplicates collapsed. */
export const MAX_REQUESTED_IDS = 300;

export function recordsFor(ids: readonly string[]): Entity[] {
  const records: Entity[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    if (records.length >= MAX_REQUESTED_IDS || seen.size >= MAX_REQUESTED_IDS * 4) break;
    if (seen.has(id)) continue;
    seen.add(id);
    const e = entityById.get(id);
    if (e) records.push(e);
  }
  return records;
}
