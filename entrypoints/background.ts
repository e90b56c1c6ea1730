/**
 * The background holds the full dataset. Content scripts carry only the match index; once a page is
 * recognised as coverage, its content script asks here for the records its cards will show. It also keeps
 * the all-sites opt-in registered (utils/all-sites.ts).
 */
import { entityById } from '@/data';
import type { Entity } from '@/data/schema';
import { allSitesWanted, browserRegistration, syncAllSites } from '@/utils/all-sites';
import { BackgroundRequest } from '@/utils/messages';

export default defineBackground(() => {
  const sync = async () => syncAllSites(await allSitesWanted.getValue(), browserRegistration()).catch(() => false);
  void sync();
  browser.permissions.onRemoved.addListener(() => void sync());

  browser.runtime.onMessage.addListener((raw: unknown) => {
    const parsed = BackgroundRequest.safeParse(raw);
    if (!parsed.success) return undefined;
    const msg = parsed.data;
    if (msg.type === 'allSites:sync') return sync();
    const records: Entity[] = [];
    for (const id of msg.ids) {
      const e = entityById.get(id);
      if (e) records.push(e);
    }
    return Promise.resolve(records);
  });
});
