/**
 * The background holds the full dataset. Content scripts carry only the match index; once a page is
 * recognised as coverage, its content script asks here for the records its cards will show.
 */
import { entityById } from '@/data';
import type { Entity } from '@/data/schema';
import { BackgroundRequest } from '@/utils/messages';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((raw: unknown) => {
    const parsed = BackgroundRequest.safeParse(raw);
    if (!parsed.success) return undefined;
    const records: Entity[] = [];
    for (const id of parsed.data.ids) {
      const e = entityById.get(id);
      if (e) records.push(e);
    }
    return Promise.resolve(records);
  });
});
