/**
 * The content script's pipeline on a live page: read text → engine (match, rules, detect) → anchor →
 * highlights, then explain on hover, tap or keyboard. Re-runs when the page changes (single-page apps) and
 * when the reader switches the site off or on. Any failure leaves the page as it was.
 */
import type { ContentScriptContext } from '#imports';
import { i18n } from '#i18n';
import { createEngine, pushTo, type Detection, type EntityKind } from '@/engine';
import type { Entity } from '@/data/schema';
import matchIndex from 'virtual:mdc-match-index';
import { ContentRequest, type AnnotationsResponse, type BackgroundRequest } from '@/utils/messages';
import { isSiteEnabled, watchSites } from '@/utils/settings';
import { createCardHost, HOST_TAG, type CardHost } from './card-host';
import { clearHighlights, paintCurrent, paintHighlights } from './highlights';
import { installKeyboard } from './keyboard';
import { isDarkPage } from './page-theme';
import { runPass, type AnchoredMention } from './pass';
import { installPointer } from './pointer';

const engine = createEngine(matchIndex.entities, matchIndex.lexicon, matchIndex.matcher);
const VERSION = matchIndex.version;

/** Full records for the cards, fetched from the background once a page is recognised. */
const records = new Map<string, Entity>();
async function loadRecords(ids: string[]): Promise<void> {
  const missing = [...new Set(ids)].filter((id) => !records.has(id));
  if (!missing.length) return;
  const request: BackgroundRequest = { type: 'entities:get', ids: missing };
  const answer = (await browser.runtime.sendMessage(request)) as Entity[] | undefined;
  for (const e of answer ?? []) records.set(e.id, e);
}
const NOT_RUN: Detection = { detected: false, score: 0, reasons: [] };
/** Quiet period before re-reading a changing page: SPAs mutate in bursts. */
const REREAD_DELAY_MS = 400;

export async function startAnnotator(ctx: ContentScriptContext): Promise<void> {
  let detection = NOT_RUN;
  let mentions: AnchoredMention[] = [];
  let byNode = new Map<Text, AnchoredMention[]>();
  let enabled = true;
  let current = -1;
  let openVia: 'hover' | 'tap' | 'keyboard' | null = null;
  let returnFocus: Element | null = null;
  let host: CardHost | null = null;
  let hostPromise: Promise<CardHost> | null = null;

  const getHost = () => (hostPromise ??= createCardHost(ctx).then((h) => (host = h)));
  const isOwnUi = (el: Element) => el.nodeName === HOST_TAG.toUpperCase();

  const annotate = () => {
    const byNodeNext = new Map<Text, AnchoredMention[]>();
    try {
      const result = enabled ? runPass(document, engine, isOwnUi) : { detection: NOT_RUN, mentions: [] };
      detection = result.detection;
      mentions = result.mentions;
    } catch (e) {
      // An odd page is skipped, never broken.
      console.debug('[Medicaid Data Context] skipped this page:', e);
      detection = NOT_RUN;
      mentions = [];
    }
    const byKind = new Map<EntityKind, Range[]>();
    for (const a of mentions) {
      for (const n of a.nodes) pushTo(byNodeNext, n, a);
      pushTo(byKind, a.mention.kind, a.range);
    }
    byNode = byNodeNext;
    if (mentions.length) {
      paintHighlights(byKind);
      void loadRecords(mentions.map((a) => a.mention.id)).catch(() => {});
    } else clearHighlights();
    if (current >= mentions.length) close();
  };

  const open = async (i: number, via: 'hover' | 'tap' | 'keyboard') => {
    const a = mentions[i];
    if (!a) return;
    if (!records.has(a.mention.id)) await loadRecords([a.mention.id]).catch(() => {});
    const entity = records.get(a.mention.id);
    if (!entity) return;
    const h = await getHost();
    if (via === 'keyboard' && openVia !== 'keyboard') returnFocus = document.activeElement;
    current = i;
    openVia = via;
    paintCurrent(a.range);
    if (via === 'keyboard') {
      const target = a.range.startContainer.parentElement;
      const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
      target?.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
      h.announce(i18n.t('card.position', [String(i + 1), String(mentions.length), entity.name]));
    }
    h.show({
      entity,
      mentionText: a.mention.text,
      confidence: a.mention.confidence,
      version: VERSION,
      rect: a.range.getBoundingClientRect(),
      dark: isDarkPage(),
      autoFocus: via === 'keyboard',
      onClose: () => close(true),
    });
  };

  function close(restoreFocus = false) {
    const hadFocus = host?.hasFocus() ?? false;
    host?.hide();
    paintCurrent(null);
    current = -1;
    const via = openVia;
    openVia = null;
    if ((restoreFocus || hadFocus) && via === 'keyboard') {
      if (returnFocus instanceof HTMLElement && returnFocus !== document.body && returnFocus.isConnected) returnFocus.focus();
      else (document.activeElement as HTMLElement | null)?.blur?.();
    }
    if (via === 'keyboard') returnFocus = null;
  }

  const step = (delta: 1 | -1) => {
    if (!mentions.length) return;
    const next = current === -1 ? (delta === 1 ? 0 : mentions.length - 1) : (current + delta + mentions.length) % mentions.length;
    void open(next, 'keyboard');
  };

  const reveal = (id: string) => {
    const i = mentions.findIndex((a) => a.mention.id === id);
    if (i !== -1) void open(i, 'keyboard');
  };

  const refresh = async () => {
    enabled = await isSiteEnabled(location.hostname);
    annotate();
  };

  // Messages: the popup, the side panel and the tests all ask through this.
  const onMessage = (raw: unknown): Promise<AnnotationsResponse | { ok: boolean }> | undefined => {
    const parsed = ContentRequest.safeParse(raw);
    if (!parsed.success) return undefined;
    const msg = parsed.data;
    if (msg.type === 'annotations:reveal') {
      reveal(msg.id);
      return Promise.resolve({ ok: true });
    }
    if (msg.type === 'annotations:refresh') return ready.then(refresh).then(() => ({ ok: true }));
    return ready.then(
      (): AnnotationsResponse => ({
        detected: detection.detected,
        score: detection.score,
        version: VERSION,
        reasons: detection.reasons,
        enabled,
        annotations: mentions.map(({ mention: m }) => ({ id: m.id, kind: m.kind, text: m.text })),
      }),
    );
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    clearHighlights();
  });

  const ready = refresh();
  await ready;

  installPointer(ctx, {
    hit: (node, offset, x, y) => {
      const list = byNode.get(node);
      if (!list) return -1;
      for (const a of list) {
        if (!a.range.isPointInRange(node, offset)) continue;
        for (const r of a.range.getClientRects()) if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return mentions.indexOf(a);
      }
      return -1;
    },
    isOverCard: (target) => host?.contains(target) ?? false,
    current: () => current,
    openVia: () => openVia,
    open: (i, via) => void open(i, via),
    close: () => close(),
  });
  installKeyboard(ctx, {
    next: () => step(1),
    previous: () => step(-1),
    escape: () => {
      if (current === -1) return false;
      close(true);
      return true;
    },
  });

  // Keep the open card beside its mention.
  let frame = 0;
  const follow = () => {
    if (frame || current === -1) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const a = mentions[current];
      if (a) host?.reposition(a.range.getBoundingClientRect());
    });
  };
  ctx.addEventListener(window, 'scroll', follow, { passive: true, capture: true });
  ctx.addEventListener(window, 'resize', follow, { passive: true });

  // Single-page apps and live blogs change under us: re-read after a quiet period.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((records) => {
    if (records.every((r) => r.target === host?.element || [...r.addedNodes, ...r.removedNodes].every((n) => n === host?.element))) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (current !== -1 && openVia === 'hover') close();
      annotate();
    }, REREAD_DELAY_MS);
  });
  // The whole document, not body: some apps replace <body> itself on navigation.
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => {
    observer.disconnect();
    clearTimeout(timer);
  });
  const unwatch = watchSites(() => void refresh());
  ctx.onInvalidated(unwatch);
}
