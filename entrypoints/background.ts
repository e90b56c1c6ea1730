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
import { i18n } from '#i18n';
import en from '@/locales/en.json';
import es from '@/locales/es.json';
import { allSitesWanted, browserRegistration, syncAllSites } from '@/utils/all-sites';
import { BackgroundRequest } from '@/utils/background-request';
import type { ClaimsAnswer, EntitiesAnswer, FragmentsAnswer, PageAnswer } from '@/utils/messages';
import { MAX_PAGE_CHARS } from '@/utils/background-request';
import { highlightCss } from '@/utils/highlight-styles';
import { PendingParts } from '@/utils/page-parts';
import { recordsFor } from '@/utils/records';

/** The engine and the claim finder, built on the first page that needs them and kept warm after. */
let engine: Engine | undefined;
const theEngine = () => (engine ??= createEngine(matchIndex.entities, matchIndex.lexicon, matchIndex.matcher));
let finder: ClaimFinder | undefined;
/** Pages too long for one message arrive in parts. */
const pending = new PendingParts();
const claimById = new Map<string, Claim>(claims.map((c) => [c.id, c]));

/**
 * What one page's answer carries at most: the first mentions and claims in reading order. A page that names the
 * story's entities tens of thousands of times (a few hundred paragraphs of the story repeated) would otherwise
 * cost its main thread a long task to receive, and underline nothing more a reader can use.
 */
const MAX_MENTIONS = 10_000;
const MAX_CLAIMS = 300;

/** The article's checkable statements, judged at its date and today, with the story's events since. */
function checkClaims(text: string, spans: number[] | undefined, peripheral: number[], published: string | null, today: string): ClaimsAnswer {
  finder ??= compileClaims(prepareClaims(claims));
  const checks = finder.find(text, { published, today, spans, peripheral }).filter((c) => c.verdict !== null).slice(0, MAX_CLAIMS);
  return {
    checks,
    claims: [...new Set(checks.map((c) => c.id))].map((id) => claimById.get(id)!).filter(Boolean),
    since: published ? eventsSince(dataset.entities, published, today) : [],
  };
}

/** Where a message came from: the tab and frame of a content script (absent for the extension's own pages). */
interface Sender {
  tab?: { id?: number };
  frameId?: number;
}

/**
 * Insert a recognised page's highlight styles, for the names its annotator chose, with the browser's insertCSS:
 * no element in the page and nothing in its CSSOM. False when the browser refused (the annotator then falls
 * back to a stylesheet of its own).
 */
async function insertStyles(sender: Sender, names: Record<string, string>): Promise<boolean> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return false;
  const css = highlightCss(names);
  const frameId = sender.frameId ?? 0;
  try {
    if (browser.scripting?.insertCSS) await browser.scripting.insertCSS({ target: { tabId, frameIds: [frameId] }, css });
    else await browser.tabs.insertCSS(tabId, { code: css, frameId, cssOrigin: 'author' });
    return true;
  } catch (e) {
    console.debug('[Medicaid Data Context] could not insert the highlight styles:', e);
    return false;
  }
}

/** The toolbar button's own action (MV3) or browser action (Firefox MV2). */
const toolbar = () => (browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction) as typeof browser.action | undefined;

/** Say on the toolbar button, for this tab, that the page kept a card from being seen; cleared by the tab's next page. */
async function markBlocked(tabId: number | undefined, blocked: boolean): Promise<void> {
  const action = toolbar();
  if (tabId === undefined || !action) return;
  await action.setBadgeText({ tabId, text: blocked ? '!' : '' }).catch(() => {});
  if (blocked) await action.setBadgeBackgroundColor?.({ tabId, color: '#b3261e' })?.catch(() => {});
  await action.setTitle({ tabId, title: blocked ? i18n.t('popup.blocked') : i18n.t('extName') }).catch(() => {});
}

export default defineBackground(() => {
  const sync = async () => syncAllSites(await allSitesWanted.getValue(), browserRegistration()).catch(() => false);
  void sync();
  browser.permissions.onRemoved.addListener(() => void sync());

  browser.runtime.onMessage.addListener((raw: unknown, sender: Sender) => {
    const parsed = BackgroundRequest.safeParse(raw);
    if (!parsed.success) return undefined;
    const msg = parsed.data;
    if (msg.type === 'allSites:sync') return sync();
    if (msg.type === 'story:get') return Promise.resolve({ events: dataset.entities.filter((e) => e.kind === 'event') });
    if (msg.type === 'page:part') {
      pending.add(msg.id, msg.index, msg.text);
      return Promise.resolve({ ok: true });
    }
    if (msg.type === 'page:blocked') return markBlocked(sender.tab?.id, true);
    if (msg.type === 'page:annotate') {
      const text = msg.id !== undefined && msg.parts !== undefined ? pending.take(msg.id, msg.parts, msg.text, MAX_PAGE_CHARS) : msg.text;
      // A part went missing (the background restarted between them): no answer, and the page is skipped.
      if (text === null) return Promise.resolve({ error: 'parts missing' });
      const { peripheral, main, headlines } = msg;
      const result = theEngine().annotate({ text, peripheral, main, headlines }, msg.title);
      const mentions = result.mentions.length > MAX_MENTIONS ? result.mentions.slice(0, MAX_MENTIONS) : result.mentions;
      const answer: PageAnswer = { detection: result.detection, mentions: packMentions(mentions), story: result.story };
      if (!result.detection.detected) return Promise.resolve(answer);
      answer.claims = checkClaims(text, result.story?.spans, peripheral, msg.published, msg.today);
      // A new page in the tab: whatever an earlier one did to its card is not this one's.
      if (msg.style && (sender.frameId ?? 0) === 0) void markBlocked(sender.tab?.id, false);
      if (!msg.style) return Promise.resolve(answer);
      return insertStyles(sender, msg.style).then((styled) => ({ ...answer, styled }));
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
