/**
 * The content script's annotator: read → engine (match, rules, detect, story) → anchor → highlights, then
 * explain on hover, tap or keyboard. Its state is a few documented fields changed only through named actions
 * (pass, applyChanges, openCard, closeCard, step, setEnabled…); the page-facing parts are thin adapters
 * (pointer, keyboard, watcher, card host), all attached through one Lifetime so destroy() removes them at
 * once. Any failure leaves the page as it was.
 */
import type { Entity, Event, Lang } from '@/data/schema';
import { createEngine, isOutsideStory, readPageText, type Detection } from '@/engine';
import matchIndex from 'virtual:mdc-match-index';
import { pageLanguage, translator, type Translate } from '@/components/translate';
import { ContentRequest, type AnnotationsResponse, type BackgroundRequest, type Box, type CardState, type EntitiesAnswer, type PageSnapshot } from '@/utils/messages';
import { isSiteEnabled, readUnderlineMode, watchSites, watchUnderlineMode } from '@/utils/settings';
import { CardHost, HOST_TAG, visualView } from './card-host';
import { planChanges } from './changes';
import { Painter } from './highlights';
import { Presentation } from './presentation';
import { installKeyboard } from './keyboard';
import { extensionAlive, Lifetime } from './lifetime';
import { Marks, type Mark } from './marks';
import { anchorAll, passSteps } from './pass';
import { caretAt, installPointer, type Via } from './pointer';
import { revealInWindow } from './reveal';
import { domLocator } from './snapshot';
import { runInSlices } from './scheduler';
import { ToneReader } from './tone';
import { watchPage, type PageChanges } from './watcher';

const engine = createEngine(matchIndex.entities, matchIndex.lexicon, matchIndex.matcher);
const VERSION = matchIndex.version;
const NOT_RUN: Detection = { detected: false, score: 0, reasons: [] };
/** Re-reading this share of the page piece by piece costs more than one full pass. */
const FULL_PASS_ABOVE = 0.3;
/** Ids asked of the background at once (a page with thousands of mentions names far fewer entities). */
const MAX_IDS = 200;

const toBox = (r: DOMRect): Box => ({ left: r.left, top: r.top, width: r.width, height: r.height });
const rectsOf = (range: Range): Box[] => [...range.getClientRects()].filter((r) => r.width > 0 || r.height > 0).map(toBox);
const today = () => new Date().toISOString().slice(0, 10);

interface OpenCard {
  mark: Mark;
  via: Via;
  point?: { x: number; y: number };
  link?: HTMLAnchorElement;
}

export class Annotator {
  /** What the last full pass concluded about the page. */
  private detection: Detection = NOT_RUN;
  /** The anchored mentions, in reading order. */
  private readonly marks = new Marks();
  /** The element holding the story (null: no article container; the whole page is the story). */
  private storyRoot: Element | null = null;
  /** Characters the last full pass read (to tell a small change from a new page). */
  private pageChars = 0;
  /** The reader's switch for this site. */
  private enabled = true;
  /** The card on screen, if any. */
  private open: OpenCard | null = null;
  /** Where focus was before keyboard stepping began, and the window's scroll then: Esc goes back there. */
  private returnTo: { focus: Element | null; x: number; y: number } | null = null;
  /** The running full pass; aborting it cancels the pass between slices. */
  private passRun: AbortController | null = null;
  /** Settles when the current full pass has finished: message answers wait for it. */
  private settled: Promise<void> = Promise.resolve();
  /** Full records and the card's words, from the background once the page is recognised. */
  private readonly records = new Map<string, Entity>();
  private t: Translate = translator({});
  private readonly lang: Lang = pageLanguage(document.documentElement.lang, browser.i18n?.getUILanguage?.());

  private readonly life = new Lifetime();
  private readonly painter = new Painter();
  private readonly card = new CardHost();
  /** The story's events, from the background, for the presentation's timeline step. */
  private events: Event[] | null = null;
  private readonly presentation = new Presentation({
    card: this.card,
    painter: this.painter,
    firsts: () => this.marks.firsts(),
    record: async (id) => {
      if (!this.records.has(id)) await this.loadRecords([id]).catch(() => {});
      return this.records.get(id);
    },
    events: async () => (this.events ??= ((await browser.runtime.sendMessage({ type: 'story:get' })) as { events: Event[] } | undefined)?.events ?? []),
    lang: this.lang,
    t: () => this.t,
    published: () => null,
    today,
    rectsOf,
    onExit: () => {},
  });

  constructor(private readonly onDestroyed: () => void) {}

  async start(): Promise<void> {
    const onMessage = (raw: unknown) => this.answer(raw);
    browser.runtime.onMessage.addListener(onMessage);
    this.life.onEnd(() => browser.runtime.onMessage.removeListener(onMessage));
    this.life.onEnd(() => {
      this.presentation.exit();
      this.passRun?.abort();
      this.painter.clear();
      this.card.destroy();
    });

    installPointer(this.life, {
      mentionAt: (x, y) => (this.alive() ? this.mentionAt(x, y) : -1),
      isOverCard: (target) => this.card.contains(target),
      current: () => (this.open ? this.marks.indexOf(this.open.mark) : -1),
      openVia: () => this.open?.via ?? null,
      open: (i, via, point, link) => void this.openCard(i, via, point, link),
      close: () => this.closeCard(),
      resting: (i) => {
        const mark = this.marks.at(i);
        if (mark) this.card.showHotspot(rectsOf(mark.range), (point) => void this.openCard(this.marks.indexOf(mark), 'tap', point));
      },
      left: () => this.card.hideHotspot(),
    });
    installKeyboard(this.life, {
      active: () => this.alive() && this.enabled && this.marks.size > 0 && !this.presentation.active,
      next: () => this.step(1),
      previous: () => this.step(-1),
      toggleUnderlines: () => this.toggleUnderlines(),
      escape: () => {
        if (!this.open) return false;
        this.closeCard(true);
        return true;
      },
    });
    const isOwn = (node: Node) => node === this.card.element;
    watchPage(this.life, isOwn, (changes) => this.applyChanges(changes));

    // Keep an open card beside its mention as the page scrolls or the view is zoomed.
    let frame = 0;
    const follow = () => {
      this.card.hideHotspot();
      if (frame || (!this.open && !this.presentation.active)) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (this.presentation.active) this.presentation.reposition();
        else if (this.open) this.card.reposition(rectsOf(this.open.mark.range));
      });
    };
    this.life.on(window, 'scroll', follow, { passive: true, capture: true });
    this.life.on(window, 'resize', follow, { passive: true });
    if (window.visualViewport) {
      this.life.on(window.visualViewport, 'resize', follow, { passive: true });
      this.life.on(window.visualViewport, 'scroll', follow, { passive: true });
    }

    this.life.onEnd(watchSites(() => void this.refresh()));
    this.life.onEnd(watchUnderlineMode(() => void this.applyMode()));
    await this.applyMode();
    await this.refresh();
  }

  destroy(): void {
    this.life.end();
    this.onDestroyed();
  }

  /** Still attached to a live extension? An orphaned instance (update, removal) takes itself away. */
  private alive(): boolean {
    if (extensionAlive()) return true;
    this.destroy();
    return false;
  }

  // ——— pass: the whole page, in slices ———

  /** Read the site switch, then run a full pass (or clear everything when switched off). */
  private async refresh(): Promise<void> {
    this.enabled = await isSiteEnabled(location.hostname).catch(() => true);
    if (this.enabled) return this.pass();
    this.passRun?.abort();
    this.clear();
  }

  private clear(): void {
    this.closeCard();
    this.marks.clear();
    this.painter.clear();
    this.detection = NOT_RUN;
    this.storyRoot = null;
  }

  /** A full pass over the page; cancels one in progress. Marks are painted as they are anchored. */
  private pass(): Promise<void> {
    this.passRun?.abort();
    const run = new AbortController();
    this.passRun = run;
    const tone = new ToneReader();
    let first = true;
    const steps = passSteps(document, engine, {
      isOwnUi: (el) => el === this.card.element || el.nodeName === HOST_TAG.toUpperCase(),
      tone,
      onMarks: (marks) => {
        if (first) {
          // The page was read again: the new marks replace the old ones, an open card follows its mention.
          first = false;
          this.replaceMarks(marks);
        } else {
          this.marks.append(marks);
          this.painter.add(marks);
        }
      },
    });
    const done = runInSlices(steps, run.signal)
      .then((result) => {
        if (!result || run.signal.aborted) return;
        this.detection = result.detection;
        this.storyRoot = result.storyRoot;
        this.pageChars = result.index?.text.length ?? 0;
        if (first) this.clear(), (this.detection = result.detection);
        if (this.detection.detected) void this.loadRecords(this.marks.all.map((m) => m.mention.id)).catch(() => {});
      })
      .catch((e) => {
        // An odd page is skipped, never broken.
        console.debug('[Medicaid Data Context] skipped this page:', e);
        this.clear();
      });
    this.settled = done;
    return done;
  }

  private replaceMarks(marks: Mark[]): void {
    const open = this.open;
    this.marks.clear();
    this.marks.append(marks);
    this.painter.paintAll(this.marks.all);
    if (!open) return;
    const same = marks.find(
      (m) => m.mention.id === open.mark.mention.id && m.range.compareBoundaryPoints(Range.START_TO_START, open.mark.range) === 0,
    );
    if (same) {
      this.open = { ...open, mark: same };
      this.painter.setCurrent(same.range);
    } else this.closeCard();
  }

  // ——— incremental updates ———

  /** Update what a batch of page changes touched; a full pass only when recognition could change. */
  private applyChanges(changes: PageChanges): void {
    if (!this.enabled || !this.alive()) return;
    if (!this.detection.detected) {
      // The page may have just become coverage (a single-page app's article arriving).
      if (changes.added.length || changes.edited.length) void this.pass();
      return;
    }
    const isOwn = (node: Node) => node === this.card.element;
    const plan = planChanges(changes, isOwn);
    const storyGone = this.storyRoot !== null && !this.storyRoot.isConnected;
    if (plan.recheck || storyGone || plan.chars > FULL_PASS_ABOVE * Math.max(1, this.pageChars)) {
      void this.pass();
      return;
    }
    const gone = this.marks.remove((m) => m.nodes.some((n) => !n.isConnected || plan.edited.has(n)));
    const fresh: Mark[] = [];
    const tone = new ToneReader();
    const named = this.marks.namedEntities();
    for (const unit of plan.units) {
      if (this.storyRoot && !this.storyRoot.contains(unit) && !unit.closest('h1')) continue;
      if (isOutsideStory(unit, this.storyRoot)) continue;
      // Anything already marked inside is read again with the rest of the block.
      gone.push(...this.marks.remove((m) => unit.contains(m.nodes[0])));
      const index = readPageText(unit, { isOwnUi: (el) => el === this.card.element });
      const mentions = engine.annotateFragment(index, named);
      fresh.push(...anchorAll(document, index, mentions, tone));
    }
    if (this.open && gone.includes(this.open.mark)) this.closeCard();
    this.marks.insert(fresh);
    if (this.painter.underlineMode === 'first') this.painter.paintAll(this.marks.all);
    else {
      this.painter.remove(gone);
      this.painter.add(fresh);
    }
    if (fresh.length) void this.loadRecords(fresh.map((m) => m.mention.id)).catch(() => {});
  }

  // ——— explain: cards ———

  private mentionAt(x: number, y: number): number {
    const caret = caretAt(x, y);
    if (!caret) return -1;
    for (const m of this.marks.onNode(caret.node)) {
      if (!m.range.isPointInRange(caret.node, caret.offset)) continue;
      for (const r of m.range.getClientRects()) if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return this.marks.indexOf(m);
    }
    return -1;
  }

  private async loadRecords(ids: string[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.records.has(id)).slice(0, MAX_IDS);
    if (!missing.length && this.records.size) return;
    const request: BackgroundRequest = { type: 'entities:get', ids: missing, lang: this.lang };
    const answer = (await browser.runtime.sendMessage(request)) as EntitiesAnswer | undefined;
    for (const e of answer?.entities ?? []) this.records.set(e.id, e);
    if (answer?.messages) this.t = translator(answer.messages as never);
  }

  private async openCard(i: number, via: Via, point?: { x: number; y: number }, link?: HTMLAnchorElement): Promise<void> {
    const mark = this.marks.at(i);
    if (!mark || !this.alive() || this.presentation.active) return;
    if (!this.records.has(mark.mention.id)) await this.loadRecords([mark.mention.id]).catch(() => {});
    const entity = this.records.get(mark.mention.id);
    if (!entity || !mark.range.startContainer.isConnected) return;
    if (via === 'keyboard' && this.open?.via !== 'keyboard' && !this.returnTo)
      this.returnTo = { focus: document.activeElement, x: scrollX, y: scrollY };
    this.open = { mark, via, point, link };
    this.painter.setCurrent(mark.range);
    this.card.show({
      entity,
      mentionText: mark.mention.text,
      confidence: mark.mention.confidence,
      version: VERSION,
      lang: this.lang,
      t: this.t,
      published: null,
      today: today(),
      mention: rectsOf(mark.range),
      point,
      dark: mark.onDark,
      autoFocus: via === 'keyboard',
      onClose: () => this.closeCard(true),
      onFollowLink: link
        ? () => {
            this.closeCard();
            link.click();
          }
        : undefined,
    });
    if (via === 'keyboard') {
      const stops = this.stops();
      this.card.announce(this.t('card.position', [stops.indexOf(mark) + 1, stops.length, entity.name]));
    }
  }

  private closeCard(restoreFocus = false): void {
    const open = this.open;
    if (!open) return;
    const hadFocus = this.card.hasFocus();
    this.open = null;
    this.card.hide();
    this.painter.setCurrent(null);
    if (open.via !== 'keyboard') return;
    const back = this.returnTo;
    this.returnTo = null;
    if (!(restoreFocus || hadFocus) || !back) return;
    if (back.focus instanceof HTMLElement && back.focus !== document.body && back.focus.isConnected) back.focus.focus({ preventScroll: true });
    else (document.activeElement as HTMLElement | null)?.blur?.();
    window.scrollTo({ left: back.x, top: back.y, behavior: 'instant' });
  }

  /** The mentions keyboard stepping visits: every one, or each entity's first in first-mention mode. */
  private stops(): readonly Mark[] {
    return this.painter.underlineMode === 'first' ? this.marks.firsts() : this.marks.all;
  }

  private step(delta: 1 | -1): void {
    const stops = this.stops();
    if (!stops.length) return;
    let at = this.open ? stops.indexOf(this.open.mark) : -1;
    // Visit the next mention the window can show; skip those hidden inside a page's own scrolling box.
    for (let tries = 0; tries < stops.length; tries++) {
      at = at === -1 ? (delta === 1 ? 0 : stops.length - 1) : (at + delta + stops.length) % stops.length;
      const mark = stops[at];
      if (!this.returnTo) this.returnTo = { focus: document.activeElement, x: scrollX, y: scrollY };
      if (!revealInWindow(mark.range)) continue;
      void this.openCard(this.marks.indexOf(mark), 'keyboard');
      return;
    }
  }

  private reveal(id: string): void {
    const i = this.marks.all.findIndex((m) => m.mention.id === id);
    if (i === -1) return;
    if (!this.returnTo) this.returnTo = { focus: document.activeElement, x: scrollX, y: scrollY };
    revealInWindow(this.marks.all[i].range);
    void this.openCard(i, 'keyboard');
  }

  // ——— underline settings ———

  private toggleUnderlines(): void {
    this.painter.paintAll(this.marks.all, this.painter.underlineMode, !this.painter.underlinesHidden);
    this.card.announce(this.t(this.painter.underlinesHidden ? 'card.underlinesHidden' : 'card.underlinesShown'));
  }

  private async applyMode(): Promise<void> {
    const mode = await readUnderlineMode();
    this.painter.paintAll(this.marks.all, mode);
  }

  // ——— messages from the extension (popup, side panel, tests) ———

  private answer(raw: unknown): Promise<unknown> | undefined {
    const parsed = ContentRequest.safeParse(raw);
    if (!parsed.success || !this.alive()) return undefined;
    const msg = parsed.data;
    switch (msg.type) {
      case 'annotations:reveal':
        return this.settled.then(() => (this.reveal(msg.id), { ok: true }));
      case 'annotations:refresh':
        return this.refresh().then(() => ({ ok: true }));
      case 'underlines:toggle':
        this.toggleUnderlines();
        return Promise.resolve({ ok: true, hidden: this.painter.underlinesHidden });
      case 'card:state':
        return Promise.resolve(this.cardState());
      case 'present:start':
        return this.settled.then(async () => {
          if (!this.marks.size) return { ok: false };
          this.closeCard();
          await this.presentation.start(msg.step ?? 0);
          return { ok: true, ...this.presentation.position };
        });
      case 'annotations:export':
        return this.settled.then(() => this.snapshot());
      case 'annotations:show':
        return this.settled.then(() => {
          if (msg.mention === undefined || !this.marks.at(msg.mention)) return { ok: false };
          const mark = this.marks.at(msg.mention)!;
          if (!this.returnTo) this.returnTo = { focus: document.activeElement, x: scrollX, y: scrollY };
          revealInWindow(mark.range);
          void this.openCard(msg.mention, 'keyboard');
          return { ok: true };
        });
      case 'present:stop':
        this.presentation.exit();
        return Promise.resolve({ ok: true });
      case 'annotations:get':
        return this.settled.then(
          (): AnnotationsResponse => ({
            detected: this.detection.detected,
            score: this.detection.score,
            version: VERSION,
            reasons: this.detection.reasons,
            enabled: this.enabled,
            mode: this.painter.underlineMode,
            hidden: this.painter.underlinesHidden,
            annotations: this.marks.all.map(({ mention: m }) => ({ id: m.id, kind: m.kind, text: m.text })),
          }),
        );
    }
  }

  /** The page as data for citations and exports, read afresh so every offset agrees with the text. */
  private snapshot(): PageSnapshot {
    const body = document.body;
    const index = readPageText(body, { isOwnUi: (el) => el === this.card.element });
    const result = this.enabled ? engine.annotate(index, document.title) : { mentions: [] };
    const dom = domLocator(body, index);
    return {
      url: location.href,
      title: document.title,
      published: null,
      lang: this.lang,
      today: today(),
      version: VERSION,
      text: index.text,
      mentions: result.mentions.map((m) => ({ id: m.id, kind: m.kind, start: m.start, end: m.end, text: m.text, dom: dom(m.start, m.end) })),
      claims: [],
    };
  }

  private cardState(): CardState {
    const view = visualView();
    const viewport = { width: innerWidth, height: innerHeight, scale: view.scale };
    const seen = this.card.describe();
    if (this.presentation.active && seen) {
      const current = this.presentation.current;
      return {
        open: true,
        id: current?.mention.id,
        card: seen.card,
        mention: current ? rectsOf(current.range) : [],
        focused: this.card.hasFocus(),
        text: seen.text,
        minFontPx: seen.minFontPx,
        variant: seen.variant,
        ...this.presentation.position,
        viewport,
      };
    }
    if (!this.open || !seen) return { open: false, focused: false, viewport };
    return {
      open: true,
      id: this.open.mark.mention.id,
      via: this.open.via,
      variant: seen.variant,
      card: seen.card,
      mention: rectsOf(this.open.mark.range),
      focused: this.card.hasFocus(),
      text: seen.text,
      minFontPx: seen.minFontPx,
      viewport,
    };
  }
}
