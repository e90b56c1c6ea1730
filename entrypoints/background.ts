/**
 * The background holds the full dataset. Content scripts carry only the match index; once a page is
 * recognised as coverage, its content script asks here for the records its cards will show, and for the
 * card's words in the page's language. It also keeps the all-sites opt-in registered (utils/all-sites.ts).
 */
import { claims, dataset } from '@/data';
import { compileClaims, eventsSince, prepareClaims, type ClaimFinder } from '@/engine';
import type { Claim } from '@/data/claim-schema';
import en from '@/locales/en.json';
import es from '@/locales/es.json';
import { allSitesWanted, browserRegistration, syncAllSites } from '@/utils/all-sites';
import { BackgroundRequest } from '@/utils/background-request';
import type { ClaimsAnswer, EntitiesAnswer } from '@/utils/messages';
import { recordsFor } from '@/utils/records';

/** The claim finder, compiled on the first recognised page (claims are checked here, not in the page). */
let finder: ClaimFinder | undefined;
const claimById = new Map<string, Claim>(claims.map((c) => [c.id, c]));

export default defineBackground(() => {
  const sync = async () => syncAllSites(await allSitesWanted.getValue(), browserRegistration()).catch(() => false);
  void sync();
  browser.permissions.onRemoved.addListener(() => void sync());

  browser.runtime.onMessage.addListener((raw: unknown) => {
    const parsed = BackgroundRequest.safeParse(raw);
    if (!parsed.success) return undefined;
    const msg = parsed.data;
    if (msg.type === 'allSites:sync') return sync();
    if (msg.type === 'story:get') return Promise.resolve({ events: dataset.entities.filter((e) => e.kind === 'event') });
    if (msg.type === 'claims:check') {
      finder ??= compileClaims(prepareClaims(claims));
      const checks = finder.find(msg.text, { published: msg.published, today: msg.today, spans: msg.spans, peripheral: msg.peripheral }).filter((c) => c.verdict !== null);
      const answer: ClaimsAnswer = {
        checks,
        claims: [...new Set(checks.map((c) => c.id))].map((id) => claimById.get(id)!).filter(Boolean),
        since: msg.published ? eventsSince(dataset.entities, msg.published, msg.today) : [],
      };
      return Promise.resolve(answer);
    }
    // Spanish cards fall back to English words for any message not yet translated.
    const messages = msg.lang === 'es' ? { ...en, ...es } : en;
    const answer: EntitiesAnswer = { entities: recordsFor(msg.ids), messages };
    return Promise.resolve(answer);
  });
});
