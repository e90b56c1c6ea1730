/**
 * The background holds the full dataset and runs the engine. A content script reads its page and sends the
 * text here; the engine (match → rules → detect → story) and the claim check run here, off the page's main
 * thread, warm from one page to the next, and the page gets back mentions to anchor. Once a page is
 * recognised, its content script also asks here for the records its cards will show, and for the card's
 * words in the page's language. It also keeps the all-sites opt-in registered (utils/all-sites.ts).
 */
import { claims, dataset } from '@/data';
import { compileClaims, createEngine, eventsSince, packMentions, prepareClaims, type ClaimFinder, type Engine } from '@/engine';
import matchIndex from 'virtual:mdc-match-index';
import type { Claim } from '@/data/claim-schema';
import en from '@/locales/en.json';
import es from '@/locales/es.json';
import { allSitesWanted, browserRegistration, syncAllSites } from '@/utils/all-sites';
import { BackgroundRequest } from '@/utils/background-request';
import type { ClaimsAnswer, EntitiesAnswer, FragmentsAnswer, PageAnswer } from '@/utils/messages';
import { PendingParts } from '@/utils/page-parts';
import { recordsFor } from '@/utils/records';

/** The engine and the claim finder, built on the first page that needs them and kept warm after. */
let engine: Engine | undefined;
const theEngine = () => (engine ??= createEngine(matchIndex.entities, matchIndex.lexicon, matchIndex.matcher));
let finder: ClaimFinder | undefined;
/** Pages too long for one message arrive in parts. */
const pending = new PendingParts();
const claimById = new Map<string, Claim>(claims.map((c) => [c.id, c]));

/** The article's checkable statements, judged at its date and today, with the story's events since. */
function checkClaims(text: string, spans: number[] | undefined, peripheral: number[], published: string | null, today: string): ClaimsAnswer {
  finder ??= compileClaims(prepareClaims(claims));
  const checks = finder.find(text, { published, today, spans, peripheral }).filter((c) => c.verdict !== null);
  return {
    checks,
    claims: [...new Set(checks.map((c) => c.id))].map((id) => claimById.get(id)!).filter(Boolean),
    since: published ? eventsSince(dataset.entities, published, today) : [],
  };
}

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
    if (msg.type === 'page:part') {
      pending.add(msg.id, msg.index, msg.text);
      return Promise.resolve({ ok: true });
    }
    if (msg.type === 'page:annotate') {
      const text = msg.id !== undefined && msg.parts !== undefined ? pending.take(msg.id, msg.parts, msg.text) : msg.text;
      // A part went missing (the background restarted between them): no answer, and the page is skipped.
      if (text === null) return Promise.resolve({ error: 'parts missing' });
      const { peripheral, main, headlines } = msg;
      const result = theEngine().annotate({ text, peripheral, main, headlines }, msg.title);
      const answer: PageAnswer = { detection: result.detection, mentions: packMentions(result.mentions), story: result.story };
      if (result.detection.detected) answer.claims = checkClaims(text, result.story?.spans, peripheral, msg.published, msg.today);
      return Promise.resolve(answer);
    }
    if (msg.type === 'fragments:annotate') {
      const seen = new Set(msg.seen);
      const answer: FragmentsAnswer = { mentions: msg.fragments.map((f) => packMentions(theEngine().annotateFragment(f, seen))) };
      return Promise.resolve(answer);
    }
    // Spanish cards fall back to English words for any message not yet translated.
    const messages = msg.lang === 'es' ? { ...en, ...es } : en;
    const answer: EntitiesAnswer = { entities: recordsFor(msg.ids), messages };
    return Promise.resolve(answer);
  });
});
