/**
 * The background holds the full dataset and runs the engine. A content script reads its page and sends the
 * text here; the engine (match → rules → detect → story) and the claim check run here, off the page's main
 * thread, warm from one page to the next, and the page gets back mentions to anchor. Once a page is
 * recognised, its content script also asks here for the records its cards will show, and for the card's
 * words in the page's language. It also keeps the content scripts registered for every site or for each site
 * the reader chose (utils/all-sites.ts), opens the first-run page on install, and checks text the reader
 * selected anywhere (the "Check this text" menu item, shown in the side panel).
 */
import { claims, dataset } from '@/data';
import { compileClaims, createEngine, eventsSince, packMentions, prepareClaims, type ClaimFinder, type Engine } from '@/engine';
import matchIndex from 'virtual:mdc-match-index';
import type { Claim } from '@/data/claim-schema';
import { i18n } from '#i18n';
import en from '@/locales/en.json';
import es from '@/locales/es.json';
import { browserRegistration, browserSites, sitesIn, syncAllSites, syncSites } from '@/utils/all-sites';
import { GATE_SCRIPT } from '@/utils/annotator-files';
import { originOf } from '@/utils/setting-values';
import { readAlwaysSites, readReach, setAlwaysSite, setReach } from '@/utils/settings';
import { BackgroundRequest } from '@/utils/background-request';
import type { ClaimsAnswer, EntitiesAnswer, FragmentsAnswer, PageAnswer } from '@/utils/messages';
import { MAX_PAGE_CHARS } from '@/utils/background-request';
import { highlightCss } from '@/utils/highlight-styles';
import { PendingParts } from '@/utils/page-parts';
import { recordsFor } from '@/utils/records';
import { checkText, MAX_CHECK_CHARS } from '@/utils/text-check';

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
  // scripting.insertCSS where there is one; tabs.insertCSS (Firefox's MV2 API) where there is not, or where the
  // first refused.
  const attempts = [
    browser.scripting?.insertCSS && (() => browser.scripting.insertCSS({ target: { tabId, frameIds: [frameId] }, css })),
    (browser.tabs as { insertCSS?: unknown }).insertCSS && (() => browser.tabs.insertCSS(tabId, { code: css, frameId, cssOrigin: 'author' })),
  ].filter((f): f is () => Promise<void> => !!f);
  for (const attempt of attempts)
    try {
      await attempt();
      return true;
    } catch (e) {
      console.debug('[Medicaid Data Context] could not insert the highlight styles:', e);
    }
  return false;
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

/**
 * Bring the run-time registrations in line with the reader's choices and the browser's grants: every site
 * (the first-run choice), or each site the reader asked to be always annotated. A site that has just been
 * registered gets the gate in its open tabs too, so the page in front of the reader is annotated at once.
 */
async function syncRegistrations(): Promise<void> {
  const allOn = await syncAllSites((await readReach()) === 'all', browserRegistration()).catch(() => false);
  const before = await browserSites().registered().catch(() => [] as string[]);
  const now = await syncSites(await readAlwaysSites(), allOn, browserSites()).catch(() => before);
  for (const host of now.filter((h) => !before.includes(h))) await injectIntoOpenTabs(host);
}

/** The gate into every open tab of a site just granted (its host permission lets the query see their addresses). */
async function injectIntoOpenTabs(host: string): Promise<void> {
  const tabs = await browser.tabs.query({ url: originOf(host) }).catch(() => []);
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    const file = `/${GATE_SCRIPT}`;
    const done = browser.scripting?.executeScript
      ? browser.scripting.executeScript({ target: { tabId: tab.id }, files: [file] })
      : browser.tabs.executeScript(tab.id, { file });
    await done.catch(() => undefined);
  }
}

/**
 * The browser's grants are the reader's word too: a site granted or revoked anywhere (the popup, the options
 * page, the browser's own extension settings) is added to or taken off the sites always annotated, and every
 * site's permission taken away ends the choice of every site.
 */
async function permissionsChanged(change: { origins?: string[] }, added: boolean): Promise<void> {
  const { hosts, everySite } = sitesIn(change.origins);
  for (const host of hosts) await setAlwaysSite(host, added);
  if (everySite) {
    if (added) await setReach('all');
    else if ((await readReach()) === 'all') await setReach('listed');
  }
  await sync();
}

/**
 * One sync at a time: a grant, the storage change it causes and the start can all ask at once, and two
 * registrations of the same scripts at once would leave one behind (Firefox keeps a handle per registration).
 */
let syncing = Promise.resolve();
const sync = () => (syncing = syncing.then(syncRegistrations, syncRegistrations));

/** The menu item on selected text: "Check this text" (contextMenus; Firefox also has it as `menus`). */
const CHECK_TEXT_MENU = 'check-text';

/**
 * The text sent with the menu item, until the side panel takes it. Kept in memory (Firefox's background page
 * lives as long as the browser) and in storage.session where there is one (Chrome's service worker may stop
 * between the click and the panel asking). Never written to disk.
 */
let pendingText: string | null = null;
const sessionArea = () => (browser.storage as unknown as { session?: typeof browser.storage.local }).session;

async function takePendingText(): Promise<{ text: string | null }> {
  let text = pendingText;
  pendingText = null;
  const session = sessionArea();
  if (session) {
    const stored = (await session.get('pendingText').catch(() => ({}))) as { pendingText?: unknown };
    if (text === null && typeof stored.pendingText === 'string') text = stored.pendingText;
    await session.remove('pendingText').catch(() => undefined);
  }
  return { text };
}

/** The side panel (Chrome) or sidebar (Firefox), opened within the click's user gesture: no await before it. */
function openPanel(windowId: number | undefined): Promise<void> {
  const api = browser as unknown as { sidePanel?: { open(o: { windowId: number }): Promise<void> }; sidebarAction?: { open(): Promise<void> } };
  if (api.sidebarAction) return api.sidebarAction.open();
  if (api.sidePanel && windowId !== undefined) return api.sidePanel.open({ windowId });
  return Promise.resolve();
}

/** "Check this text" on any selection: no host permission; the text comes with the click. */
function setUpTextCheck(): void {
  const menus = browser.contextMenus as typeof browser.contextMenus | undefined;
  if (!menus) return;
  // Created afresh at each start (a Firefox background page keeps none across restarts; Chrome keeps them).
  void menus.removeAll().then(() =>
    menus.create({ id: CHECK_TEXT_MENU, title: i18n.t('menu.checkText'), contexts: ['selection'] }, () => void browser.runtime.lastError),
  );
  menus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== CHECK_TEXT_MENU) return;
    const text = (info.selectionText ?? '').slice(0, MAX_CHECK_CHARS);
    pendingText = text;
    const opened = openPanel(tab?.windowId).catch((e) => console.debug('[Medicaid Data Context] could not open the panel:', e));
    void sessionArea()?.set({ pendingText: text }).catch(() => undefined);
    // A panel already open hears of it now; one that is opening asks when it starts.
    void opened.then(() => browser.runtime.sendMessage({ type: 'text:pending' }).catch(() => undefined));
  });
}

export default defineBackground(() => {
  void sync();
  browser.permissions.onAdded.addListener((p) => void permissionsChanged(p, true).catch(() => undefined));
  browser.permissions.onRemoved.addListener((p) => void permissionsChanged(p, false).catch(() => undefined));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && ('reach' in changes || 'alwaysSites' in changes || 'allSites' in changes)) void sync();
  });

  browser.runtime.onInstalled.addListener((details) => {
    // The first-run page: what the extension does, and where it should read pages.
    if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
  setUpTextCheck();

  browser.runtime.onMessage.addListener((raw: unknown, sender: Sender) => {
    const parsed = BackgroundRequest.safeParse(raw);
    if (!parsed.success) return undefined;
    const msg = parsed.data;
    if (msg.type === 'allSites:sync') return sync();
    if (msg.type === 'text:take') return Promise.resolve(takePendingText());
    if (msg.type === 'text:check') {
      finder ??= compileClaims(prepareClaims(claims));
      return Promise.resolve(checkText(theEngine(), finder, msg.text, { published: msg.published ?? null, today: msg.today }));
    }
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
