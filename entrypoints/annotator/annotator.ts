/**
 * The annotator, which the content script (the gate) loads on pages that might be coverage: read → engine
 * (match, rules, detect, story) → anchor → highlights, then explain on hover, tap or keyboard. The page is
 * read and annotated here; the engine runs in the background
 * (entrypoints/background.ts), which gets the text this script read and answers with the mentions in it.
 * Its state is a few documented fields changed only through named actions
 * (pass, applyChanges, applyClaims, openCard, closeCard, step…); the page-facing parts are thin adapters
 * (pointer, keyboard, watcher, card host), all attached through one Lifetime so destroy() removes them at
 * once. Any failure leaves the page as it was.
 */
import type { Claim } from '@/data/claim-schema';
import type { Entity, Event, Lang } from '@/data/schema';
// The engine's modules one by one, not its index: the index also brings the matcher's and the claims' modules,
// whose set-up at load (tables, expressions) would run in every page the annotator loads into, unused.
import type { Annotated, Detection, GateVerdict } from '@/engine';
import { isOutsideStory, readPageText, textOf, textParts, type PageTextIndex } from '@/engine/page-text';
import { readPublished, sanePublished } from '@/engine/published';
import { unpackMentions } from '@/engine/wire';
import VERSION from 'virtual:mdc-dataset-version';
import { pageLanguage, translator, type Translate } from '@/components/translate';
import type { AnnotationsResponse, BackgroundRequest, Box, CardState, ClaimsAnswer, EntitiesAnswer, FragmentsAnswer, PageAnswer, PageSnapshot } from '@/utils/messages';
import { parseContentRequest } from '@/utils/messages';
import { MAX_PARTS, PART_CHARS } from '@/utils/background-request';
import { readPageSettings, watchPageSettings, type PageSettings } from '@/utils/page-settings';
import type { CardLang } from '@/utils/setting-values';
import type { CardHost, Obstruction } from './card-host';
import { planChanges } from './changes';
import { anchorClaims, claimsAround, claimsAt, ClaimPainter, reanchorClaim, type ClaimMark } from './claim-marks';
import { Painter, styleKeys } from './highlights';
import { inputHub } from './input-hub';
import { installKeyboard } from './keyboard';
import { extensionAlive, Lifetime } from './lifetime';
import { Marks, type Mark } from './marks';
import { isOwnElement } from './own-ui';
import { HighlightNames } from './registry';
import { anchorAll, passSteps, type PassEngine } from './pass';
import { renderedCheck } from './rendered';
import { adoptStyles, stylesReachHighlights } from './page-style';
import { caretAt, installPointer, type Via } from './pointer';
import type { Presentation } from './presentation';
import { loadExplain } from './ui';
import { revealInWindow } from './reveal';
import { runInSlices } from './scheduler';
import { Sections } from './sections';
import { domSpanLocator } from '@/engine/export/dom-spans';
import { ToneReader } from './tone';
import { watchPage, type PageChanges } from './watcher';

const NOT_RUN: Detection = { detected: false, score: 0, reasons: [] };
/** How often the highlight registry is checked for the page's edits (underlines come back within this). */
const REGISTRY_CHECK_MS = 500;
/** Re-reading this share of the page piece by piece costs more than one full pass. */
const FULL_PASS_ABOVE = 0.3;
/** A window being resized settles for this long before the default mode chooses its underlines again. */
const RESIZE_SETTLE_MS = 250;
/** Ids asked of the background at once (a page with thousands of mentions names far fewer entities). */
const MAX_IDS = 200;

const toBox = (r: DOMRect): Box => ({ left: r.left, top: r.top, width: r.width, height: r.height });
const rectsOf = (range: Range): Box[] => [...range.getClientRects()].filter((r) => r.width > 0 || r.height > 0).map(toBox);
const today = () => new Date().toISOString().slice(0, 10);
const before = (a: Range, b: Range) => a.compareBoundaryPoints(Range.START_TO_START, b) < 0;

/** After the browser's next frame (or a tenth of a second, in a tab that draws no frames). */
const afterNextFrame = () =>
  new Promise<void>((resolve) => {
    const done = () => setTimeout(resolve, 0);
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => (clearTimeout(timer), done()));
  });

/** The engine's answer for a page, with the claims the background checked in the same go. */
type PageAnnotated = Annotated & { claims?: ClaimsAnswer; published: string | null; styled?: boolean };

/**
 * Ask the background to annotate a page's text (and check its claims), and to insert the highlight styles for
 * `style`'s names if the page is coverage. A browser serialises a message in one go on the page's main thread
 * (Chrome: 10 to 35 ms per million characters on the machines here): a longer text goes in parts of
 * PART_CHARS, each in a task of its own; past MAX_PAGE_CHARS the page is not read (the background's cap).
 */
async function annotateInBackground(page: PageTextIndex, title: string, published: string | null, style?: Record<string, string>): Promise<PageAnnotated> {
  // Parts are joined one at a time, each in the task that sends it.
  const parts = textParts(page, PART_CHARS);
  let last = parts.next().value ?? '';
  let id: string | undefined;
  let sent = 0;
  for (let next = parts.next(); !next.done && sent < MAX_PARTS - 1; next = parts.next()) {
    // crypto.randomUUID needs a secure context; news pages may be served over http.
    id ??= Array.from(crypto.getRandomValues(new Uint32Array(4)), (n) => n.toString(36)).join('');
    await browser.runtime.sendMessage({ type: 'page:part', id, index: sent++, text: last } satisfies BackgroundRequest);
    last = next.value;
  }
  const request: BackgroundRequest = {
    type: 'page:annotate',
    text: last,
    ...(id ? { id, parts: sent } : {}),
    peripheral: page.peripheral,
    main: page.main,
    headlines: page.headlines,
    title,
    published,
    today: today(),
    ...(style ? { style } : {}),
  };
  const answer = (await browser.runtime.sendMessage(request)) as PageAnswer | undefined;
  if (!answer?.detection) throw new Error('the background did not annotate the page');
  return { detection: answer.detection, mentions: unpackMentions(textOf(page), answer.mentions), story: answer.story, claims: answer.claims, published, styled: answer.styled };
}

/**
 * What a card can explain: a mention of an entity — with the claims whose words it is part of (`within`: their
 * verdicts come first in its card) — or a claim the article makes (one or more, stated by the same words).
 */
type Target = { kind: 'mention'; mark: Mark; within: ClaimMark[] } | { kind: 'claim'; claims: ClaimMark[] };
/** The words a target stands for: what hover keys, stepping and the hotspot go by. */
const rangeOf = (t: Target) => (t.kind === 'mention' ? t.mark.range : t.claims[0].range);
/** What the card must never cover: the claim's clause when the card explains one, else the mention. */
const anchorOf = (t: Target): Range[] => (t.kind === 'claim' ? t.claims.map((c) => c.range) : t.within.length ? t.within.map((c) => c.range) : [t.mark.range]);
const anchorRects = (t: Target): Box[] => anchorOf(t).flatMap(rectsOf);

interface OpenCard {
  target: Target;
  via: Via;
  point?: { x: number; y: number };
  link?: HTMLAnchorElement;
}

export class Annotator {
  /** What the last full pass concluded about the page. */
  private detection: Detection = NOT_RUN;
  /** The anchored mentions, in reading order. */
  private readonly marks = new Marks();
  /** The claims the dataset judged, in reading order. */
  private claims: ClaimMark[] = [];
  /** The element holding the story (null: no article container; the whole page is the story). */
  private storyRoot: Element | null = null;
  /** Characters the last full pass read (to tell a small change from a new page). */
  private pageChars = 0;
  /** The article's publication date, read from the page (ISO), and the story's events since. */
  private published: string | null = null;
  /** The date the page gave when it could not be this story's (before June 2025, after today): ignored. */
  private publishedIgnored: string | null = null;
  private since: { id: string; date: string }[] = [];
  /** The reader's switch for this site. */
  private enabled = true;
  /** The card on screen, if any. */
  private open: OpenCard | null = null;
  /** Where focus was before keyboard stepping began, and the window's scroll then: Esc goes back there. */
  private returnTo: { focus: Element | null; x: number; y: number } | null = null;
  /** Key of the annotation the mouse rests on, or ''. */
  private resting = '';
  /** The running full pass; aborting it cancels the pass between slices. */
  private passRun: AbortController | null = null;
  /** Counts full passes: an incremental update whose answer arrives after a newer pass began is dropped. */
  private generation = 0;
  /** Settles when the current full pass (and its claim check) has finished: message answers wait for it. */
  private settled: Promise<void> = Promise.resolve();
  /** Full records and the card's words, from the background once the page is recognised. */
  private readonly records = new Map<string, Entity>();
  private readonly claimRecords = new Map<string, Claim>();
  private t: Translate = translator({});
  /** The page's language (else the browser's), read on first need: most pages never need it. */
  private pageLang?: Lang;
  /** The reader's choice of language for the cards (options page): the page's ('auto'), or always one. */
  private cardLang: CardLang = 'auto';
  private get lang(): Lang {
    if (this.cardLang !== 'auto') return this.cardLang;
    return (this.pageLang ??= pageLanguage(document.documentElement.lang, browser.i18n?.getUILanguage?.()));
  }
  /** The story's events, from the background, for the presentation's timeline step. */
  private events: Event[] | null = null;

  private readonly life = new Lifetime();
  /** This page's highlight names: random, so a page can neither predict them nor tell a kind or verdict by name. */
  private readonly names = new HighlightNames();
  private readonly painter = new Painter(this.names);
  private readonly claimPainter = new ClaimPainter(this.names);
  /** The highlight styles for this page's names are in the document (inserted once, when it is recognised). */
  private styled = false;
  /** The page kept the last card from being seen (cleared by the next card that is). */
  private blocked: Obstruction | null = null;

  /**
   * The pass's engine: the background's. The article's date is read here first (only on pages past the cheap
   * gate), since the background checks claims against it; the highlight styles go in with the first answer that
   * recognises the page.
   */
  private readonly engine: PassEngine<PageAnnotated> = (() => {
    const annotate = async (page: PageTextIndex, title: string): Promise<PageAnnotated> => {
      const reading = sanePublished(readPublished(document), today());
      this.publishedIgnored = reading.ignored;
      const styleNames = this.styled ? undefined : this.names.map(styleKeys());
      const answer = await annotateInBackground(page, title, reading.published, styleNames);
      if (answer.detection.detected && styleNames && !this.styled) {
        // Without the browser's insertCSS (it refused), a constructed stylesheet, which the page can read.
        this.styled = answer.styled === true || adoptStyles(styleNames);
        // A new stylesheet has the browser recompute the page's styles (once: as costly as the page's own first
        // style pass). Let it do so in its own next frame rather than inside the first anchoring slice, which
        // asks for computed styles.
        await afterNextFrame();
        // Inserted, yet not reaching the highlights: the fallback after all.
        if (answer.styled === true && !stylesReachHighlights(styleNames)) adoptStyles(styleNames);
      }
      return answer;
    };
    return {
      *steps(page, title) {
        return (yield annotate(page, title)) as PageAnnotated;
      },
    };
  })();
  /** The card host and presentation mode: the in-page UI, loaded on the reader's first use. */
  private card: CardHost | null = null;
  private presentation: Presentation | null = null;

  /** Load the in-page UI (entrypoints/explain) once; null if it cannot load (the page keeps its underlines). */
  private async ui(): Promise<{ card: CardHost; presentation: Presentation } | null> {
    if (this.card && this.presentation) return { card: this.card, presentation: this.presentation };
    const api = await loadExplain().catch((e) => (console.debug('[Medicaid Data Context] no card UI:', e), null));
    if (!api || this.life.ended) return null;
    this.card ??= new api.CardHost(inputHub(), (why) => this.cardBlocked(why));
    this.presentation ??= new api.Presentation(this.presentationDeps(this.card));
    return { card: this.card, presentation: this.presentation };
  }

  private presentationDeps(card: CardHost): ConstructorParameters<typeof Presentation>[0] {
    return {
    card,
    hub: inputHub(),
    firsts: () => this.marks.firsts(),
    marks: () => this.marks.all,
    record: async (id) => {
      if (!this.records.has(id)) await this.loadRecords([id]).catch(() => {});
      return this.records.get(id);
    },
    events: () => this.presentationEvents(),
    lang: this.lang,
    t: () => this.t,
    published: () => this.published,
    today,
    rectsOf,
    onExit: () => {},
    };
  }

  /**
   * The extension's own UI, never read, annotated or watched: this instance's card host, and any element by
   * the host's name (one an earlier instance left behind, when an extension update cut it off before it
   * could remove it). One test for the full pass, page changes and the export snapshot alike.
   */
  private readonly isOwnUi = (node: Node): boolean => node === this.card?.element || isOwnElement(node);

  constructor(private readonly onDestroyed: () => void) {}

  /**
   * Annotate the page and keep its annotations current. Messages reach the annotator through the gate:
   * answer(). `settings`: the reader's settings, if the gate already asked for them (while this script loaded);
   * `gated`: what the gate found, when its own check (not a message) had it load the annotator.
   */
  async start(settings: Promise<PageSettings> = readPageSettings(), gated?: Exclude<GateVerdict, 'no'>): Promise<void> {
    this.life.onEnd(() => {
      this.presentation?.exit();
      this.passRun?.abort();
      this.painter.clear();
      this.claimPainter.clear();
      this.card?.destroy();
    });

    watchPage(this.life, this.isOwnUi, (changes) => this.applyChanges(changes));

    this.life.onEnd(watchPageSettings((key) => void (key === 'disabledSites' ? this.refresh() : key === 'cardLang' ? this.applyCardLang() : this.applyMode())));
    // A request that arrives before the first pass has begun waits for that pass, not for none.
    const first = this.applyMode(settings).then(() => this.refresh(settings, gated));
    this.settled = first.catch(() => {});
    await first;
  }

  /** Pointer, keyboard and scroll listeners are installed: see interactive(). */
  private listening = false;

  /**
   * Listen for the reader (pointer, keyboard, scrolling under an open card) once the page has something to
   * explain: the first marks or claims. A page that is not coverage, nearly every page, never pays for these
   * listeners or for the events they would see.
   */
  private interactive(): void {
    if (this.listening || this.life.ended) return;
    this.listening = true;
    const hub = inputHub();
    installPointer(this.life, hub, {
      targetAt: (x, y, slop) => (this.alive() ? this.keyNear(x, y, slop) : ''),
      isOverCard: (target) => this.card?.contains(target) ?? false,
      current: () => (this.open ? this.keyOf(this.open.target) : ''),
      openVia: () => this.open?.via ?? null,
      open: (key, via, point, link) => {
        const target = this.targetOf(key);
        if (target) void this.openCard(target, via, point, link);
      },
      close: () => this.closeCard(),
      resting: (key) => {
        this.resting = key;
        const show = () => {
          const target = this.resting === key ? this.targetOf(key) : null;
          if (target && this.card) this.card.showHotspot(rectsOf(rangeOf(target)), (point) => void this.openCard(target, 'tap', point));
        };
        // Resting on a mention is the first sign of interest: the card's UI, the page's records and the story's
        // events load now, before the card opens (a reader who only reads never pays for them).
        this.prefetch();
        if (this.card) show();
        else void this.ui().then(show);
      },
      left: () => {
        this.resting = '';
        this.card?.hideHotspot();
      },
    });
    installKeyboard(this.life, hub, {
      active: () => this.alive() && this.enabled && this.marks.size > 0 && !this.presentation?.active,
      next: () => this.step(1),
      previous: () => this.step(-1),
      toggleUnderlines: () => this.toggleUnderlines(),
      escape: () => {
        if (!this.open) return false;
        this.closeCard(true);
        return true;
      },
    });
    this.guardRegistry();
    // Keep an open card beside its mention as the page scrolls or the view is zoomed.
    let frame = 0;
    const follow = () => {
      this.card?.hideHotspot();
      if (frame || (!this.open && !this.presentation?.active)) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (this.presentation?.active) this.presentation.reposition();
        else if (this.open) this.card?.reposition(anchorRects(this.open.target));
      });
    };
    this.life.on(window, 'scroll', follow, { passive: true, capture: true });
    this.life.on(window, 'resize', follow, { passive: true });
    // A taller or shorter window holds more or fewer underlines at once: the default mode chooses again.
    let resized: (() => void) | undefined;
    this.life.on(
      window,
      'resize',
      () => {
        resized?.();
        resized = this.life.timeout(() => {
          resized = undefined;
          if (this.painter.screenChanged()) this.painter.paintAll(this.marks.all);
        }, RESIZE_SETTLE_MS);
      },
      { passive: true },
    );
    if (window.visualViewport) {
      this.life.on(window.visualViewport, 'resize', follow, { passive: true });
      this.life.on(window.visualViewport, 'scroll', follow, { passive: true });
    }
  }

  destroy(): void {
    this.life.end();
    this.onDestroyed();
  }

  /**
   * Keep the page's highlight registry as the extension left it: a page may clear it, replace or edit its
   * entries. Looked at twice a second while the page is in view; a repair is cheap when nothing changed.
   */
  private guardRegistry(): void {
    const check = () => {
      if (this.life.ended) return;
      if (document.visibilityState === 'visible' && this.enabled) {
        this.painter.repair();
        this.claimPainter.repair();
      }
      this.life.timeout(check, REGISTRY_CHECK_MS);
    };
    this.life.timeout(check, REGISTRY_CHECK_MS);
  }

  /** The page kept the open card from being seen (card-host.tsx): forget it, and tell the extension's pages. */
  private cardBlocked(why: Obstruction): void {
    this.open = null;
    this.blocked = why;
    void browser.runtime.sendMessage({ type: 'page:blocked', why }).catch(() => {});
    this.notifyChanged();
  }

  /**
   * Has one of the extension's own pages (popup, side panel) asked about this page? Each asks before it
   * listens for changes (and asks again when the tab loads a page), so until then nobody listens.
   */
  private asked = false;

  /**
   * Tell the extension's own pages (the side panel) that this page's annotations changed; at most once a
   * second, only over the runtime channel (never the page's), and only once one of them has asked about the
   * page: a message wakes the extension's background, which a page that changes all day would otherwise do
   * every second for nobody.
   */
  private notifyChanged = (() => {
    let last = 0;
    let pending: (() => void) | undefined;
    const send = () => {
      last = Date.now();
      void browser.runtime.sendMessage({ type: 'annotations:changed' }).catch(() => {});
    };
    return () => {
      if (pending || !this.asked) return;
      const wait = Math.max(0, last + 1000 - Date.now());
      if (!wait) return send();
      pending = this.life.timeout(() => ((pending = undefined), send()), wait);
    };
  })();

  /** Still attached to a live extension? An orphaned instance (update, removal) takes itself away. */
  private alive(): boolean {
    if (extensionAlive()) return true;
    this.destroy();
    return false;
  }

  // ——— pass: the whole page, in slices ———

  /** Read the site switch, then run a full pass (or clear everything when switched off). */
  private async refresh(settings = readPageSettings(), gated?: Exclude<GateVerdict, 'no'>): Promise<void> {
    this.enabled = !(await settings).disabledSites.includes(location.hostname);
    if (this.enabled) return this.pass(gated);
    this.passRun?.abort();
    this.clear();
  }

  private clear(): void {
    this.closeCard();
    this.marks.clear();
    this.claims = [];
    this.painter.clear();
    this.claimPainter.clear();
    this.detection = NOT_RUN;
    this.storyRoot = null;
    this.since = [];
  }

  /**
   * A full pass over the page; cancels one in progress. Marks are painted as they are anchored. `gated`: what
   * the gate just found (see PassOptions).
   */
  private pass(gated?: Exclude<GateVerdict, 'no'>): Promise<void> {
    this.passRun?.abort();
    const run = new AbortController();
    this.passRun = run;
    const tone = (this.tone = new ToneReader());
    let first = true;
    this.generation++;
    const steps = passSteps(document, this.engine, {
      isOwnUi: this.isOwnUi,
      tone,
      gated,
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
      .then(async (result) => {
        if (!result || run.signal.aborted) return;
        if (first) this.clear();
        this.detection = result.detection;
        this.storyRoot = result.storyRoot;
        this.pageChars = result.index ? textOf(result.index).length : 0;
        if (this.detection.detected && result.index && result.answer) {
          // The cards' UI and records are not loaded here but when the reader first rests on a mention or steps
          // to one (prefetch).
          this.published = result.answer.published;
          if (result.answer.claims) this.applyClaims(result.index, result.answer.claims, tone);
        }
        if (!run.signal.aborted) this.notifyChanged();
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
    if (marks.length) this.interactive();
    const open = this.open;
    this.marks.clear();
    this.marks.append(marks);
    this.painter.paintAll(this.marks.all);
    if (!open || open.target.kind !== 'mention') return this.closeCard();
    const was = open.target.mark;
    const same = marks.find((m) => m.mention.id === was.mention.id && m.range.compareBoundaryPoints(Range.START_TO_START, was.range) === 0);
    if (same) this.open = { ...open, target: { kind: 'mention', mark: same, within: open.target.within } };
    else this.closeCard();
  }

  /**
   * Claims are checked by the background with the page (off the page's main thread), on the text this pass
   * read; the answer comes with the records their cards need and the story's events since the article.
   */
  private applyClaims(index: PageTextIndex, answer: ClaimsAnswer, tone: ToneReader): void {
    for (const c of answer.claims) this.claimRecords.set(c.id, c);
    this.since = answer.since;
    this.claims = anchorClaims(document, index, answer.checks, tone, renderedCheck());
    if (this.claims.length) this.interactive();
    this.claimPainter.paint(this.claims, this.painter.underlinesHidden);
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
    const plan = planChanges(changes, this.isOwnUi);
    // A new heading opens a new section: the underlines (one per name and section, by default) follow.
    if (this.painter.lineMode === 'section' && plan.units.some((unit) => Sections.holdsHeading(unit))) this.painter.paintAll(this.marks.all);
    const storyGone = this.storyRoot !== null && !this.storyRoot.isConnected;
    if (plan.recheck || storyGone || plan.chars > FULL_PASS_ABOVE * Math.max(1, this.pageChars)) {
      void this.pass();
      return;
    }
    // Text can only have lost its marks if something left the page or was rewritten: a batch that only adds
    // (infinite scroll) costs no look at every mark on the page.
    const gone = changes.removed.length || plan.edited.size ? this.marks.remove((m) => m.nodes.some((n) => !n.isConnected || plan.edited.has(n))) : [];
    const named = this.marks.namedEntities();
    const read: PageTextIndex[] = [];
    for (const unit of plan.units) {
      if (this.storyRoot && !this.storyRoot.contains(unit) && !unit.closest('h1')) continue;
      if (isOutsideStory(unit, this.storyRoot)) continue;
      const index = readPageText(unit, { isOwnUi: this.isOwnUi });
      // Anything already marked inside is read again with the rest of the block (a block moved elsewhere
      // keeps its text nodes, and its marks are found through them).
      gone.push(...this.marks.removeStartingIn(index.nodes));
      if (index.text) read.push(index);
    }
    // A claim whose sentence changed is no longer what was checked; one whose paragraph moved (same text nodes,
    // elsewhere) is the same sentence, anchored again where it now is.
    const staleClaims = this.claims.filter((c) => c.nodes.some((n) => !n.isConnected || plan.edited.has(n)) || !reanchorClaim(c));
    const moved = changes.removed.length > 0;
    if (staleClaims.length || moved) {
      this.claims = this.claims.filter((c) => !staleClaims.includes(c));
      this.claimPainter.paint(this.claims, this.painter.underlinesHidden);
    }
    const openTarget = this.open?.target;
    const claimsOf = (t: Target) => (t.kind === 'claim' ? t.claims : t.within);
    if (openTarget && ((openTarget.kind === 'mention' && gone.includes(openTarget.mark)) || claimsOf(openTarget).some((c) => staleClaims.includes(c))))
      this.closeCard();
    if (gone.length) this.repaint([], gone);
    if (gone.length || staleClaims.length) this.notifyChanged();
    if (read.length) void this.annotateFragments(read, named);
  }

  /**
   * Backgrounds read by the last full pass, kept for what is added until the next one: a paragraph added to
   * the article is not asked again about every element above it, and it takes the palette the marks around it
   * were painted with.
   */
  private tone = new ToneReader();

  /** Mentions in what changed, from the background; dropped if a full pass began meanwhile (it reads them too). */
  private async annotateFragments(read: PageTextIndex[], named: ReadonlySet<string>): Promise<void> {
    const generation = this.generation;
    const request: BackgroundRequest = { type: 'fragments:annotate', fragments: read.map((r) => ({ text: r.text, peripheral: r.peripheral })), seen: [...named] };
    const answer = (await browser.runtime.sendMessage(request).catch(() => undefined)) as FragmentsAnswer | undefined;
    if (!answer || generation !== this.generation || !this.enabled || this.life.ended) return;
    const tone = this.tone;
    const fresh: Mark[] = [];
    read.forEach((index, i) => {
      const packed = answer.mentions[i];
      // A fragment changed again meanwhile: its next change brings it back.
      if (packed && index.nodes.every((n) => n.isConnected)) fresh.push(...anchorAll(document, index, unpackMentions(index.text, packed), tone));
    });
    if (!fresh.length) return;
    this.repaint(fresh, []);
    if (this.records.size) void this.loadRecords(fresh.map((m) => m.mention.id)).catch(() => {});
    this.notifyChanged();
  }

  private repaint(fresh: Mark[], gone: Mark[]): void {
    if (fresh.length) this.interactive();
    // Marks after every other (infinite scroll) are painted on; marks anywhere else, or a painted mark gone, have
    // the thinned modes choose again.
    const last = this.marks.at(this.marks.size - 1);
    const appended = fresh.every((m) => !last || before(last.range, m.range));
    this.marks.insert(fresh);
    if (this.painter.remove(gone) || (this.painter.lineMode === 'section' && !appended)) this.painter.paintAll(this.marks.all);
    else this.painter.add([...fresh].sort((a, b) => (before(a.range, b.range) ? -1 : 1)));
  }

  // ——— explain: cards ———

  /**
   * Keys the pointer adapter compares: "m<index>" for a mention (with the claims around it), "c<index>[.<index>…]"
   * for the claims stated by the words under the pointer, '' for none.
   */
  private keyOf(target: Target): string {
    return target.kind === 'mention' ? `m${this.marks.indexOf(target.mark)}` : `c${target.claims.map((c) => this.claims.indexOf(c)).join('.')}`;
  }

  private targetOf(key: string): Target | null {
    if (key[0] === 'm') {
      const mark = this.marks.at(Number(key.slice(1)));
      return mark ? this.mentionTarget(mark) : null;
    }
    if (key[0] !== 'c') return null;
    const claims = key
      .slice(1)
      .split('.')
      .map((i) => this.claims[Number(i)])
      .filter((c): c is ClaimMark => c !== undefined);
    return claims.length ? { kind: 'claim', claims } : null;
  }

  /** A mention, with the claims it is part of (none while the reader has hidden the underlines, claims included). */
  private mentionTarget(mark: Mark): Target {
    return { kind: 'mention', mark, within: this.painter.underlinesHidden ? [] : claimsAround(this.claims, mark.range, mark.nodes) };
  }

  /**
   * The annotation at a point, or, for a finger (`slop` CSS px), the nearest one around it: the point first,
   * then points half the slop and the whole slop away, above and below before either side (lines are wider
   * than they are tall).
   */
  private keyNear(x: number, y: number, slop = 0): string {
    const hit = this.keyAt(x, y);
    if (hit || slop <= 0) return hit;
    for (const f of [0.5, 1])
      for (const [dx, dy] of [[0, f], [0, -f], [f, 0], [-f, 0]]) {
        const near = this.keyAt(x + dx * slop, y + dy * slop);
        if (near) return near;
      }
    return '';
  }

  /**
   * The annotation under a point: a name (its card says the verdicts of the claims around it first), else the
   * claims whose words are there. Every word of a claim reaches its verdict, names included.
   */
  private keyAt(x: number, y: number): string {
    const caret = caretAt(x, y);
    if (!caret) return '';
    for (const m of this.marks.onNode(caret.node)) {
      // A mention the reader's setting leaves without an underline is reached by keyboard, popup and side panel.
      if (!this.painter.isPainted(m) || !m.range.isPointInRange(caret.node, caret.offset)) continue;
      for (const r of m.range.getClientRects()) if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return `m${this.marks.indexOf(m)}`;
    }
    const found = this.painter.underlinesHidden ? [] : claimsAt(this.claims, caret.node, caret.offset, x, y);
    return found.length ? `c${found.join('.')}` : '';
  }

  private async presentationEvents(): Promise<Event[]> {
    return (this.events ??= ((await browser.runtime.sendMessage({ type: 'story:get' }).catch(() => undefined)) as { events: Event[] } | undefined)?.events ?? []);
  }

  /** The events since the article, as records (once the background sent the story's events). */
  private sinceEvents(): Event[] {
    const byId = new Map((this.events ?? []).map((e) => [e.id, e]));
    return this.since.map((s) => byId.get(s.id)).filter((e): e is Event => e !== undefined);
  }

  /** What the cards will show, asked of the background on the reader's first sign of interest (once). */
  private prefetched = false;
  private prefetch(): void {
    if (this.prefetched || !this.marks.size) return;
    this.prefetched = true;
    void this.loadRecords(this.marks.all.map((m) => m.mention.id)).catch(() => (this.prefetched = false));
    if (this.since.length) void this.presentationEvents();
  }

  private async loadRecords(ids: string[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.records.has(id)).slice(0, MAX_IDS);
    if (!missing.length && this.records.size) return;
    const request: BackgroundRequest = { type: 'entities:get', ids: missing, lang: this.lang };
    const answer = (await browser.runtime.sendMessage(request)) as EntitiesAnswer | undefined;
    for (const e of answer?.entities ?? []) this.records.set(e.id, e);
    if (answer?.messages) this.t = translator(answer.messages as never);
  }

  private async openCard(target: Target, via: Via, point?: { x: number; y: number }, link?: HTMLAnchorElement): Promise<void> {
    if (!this.alive() || this.presentation?.active) return;
    this.prefetch();
    const ui = await this.ui();
    if (!ui) return;
    const card = ui.card;
    const range = rangeOf(target);
    const mention = () => anchorRects(target);
    // The events since the article (shown in the card) load alongside the records.
    const events = this.since.length ? this.presentationEvents() : null;
    if (target.kind === 'mention' && !this.records.has(target.mark.mention.id)) await this.loadRecords([target.mark.mention.id]).catch(() => {});
    if (!this.records.size) await this.loadRecords([]).catch(() => {});
    await events;
    if (!range.startContainer.isConnected) return;
    if (via === 'keyboard' && this.open?.via !== 'keyboard' && !this.returnTo)
      this.returnTo = { focus: document.activeElement, x: scrollX, y: scrollY };
    const common = { lang: this.lang, t: this.t, published: this.published, version: VERSION, autoFocus: via === 'keyboard', onClose: () => this.closeCard(true) };
    // The verdicts first: the claims the words are part of, each with its record.
    const checked = (target.kind === 'claim' ? target.claims : target.within)
      .map((c) => ({ check: c.check, claim: this.claimRecords.get(c.check.id), onDark: c.onDark }))
      .filter((c): c is { check: ClaimMark['check']; claim: Claim; onDark: boolean } => c.claim !== undefined);
    let name: string;
    if (target.kind === 'mention') {
      const { mark } = target;
      const entity = this.records.get(mark.mention.id);
      if (!entity) return;
      const named = { entity, mentionText: mark.mention.text, confidence: mark.mention.confidence, today: today(), since: this.sinceEvents() };
      const onFollowLink = link
        ? () => {
            this.closeCard();
            link.click();
          }
        : undefined;
      if (checked.length) {
        // A name inside a claim: one card, the verdict first, then the name.
        name = `${this.t(`verdictWord.${checked[0].check.verdict}`)} — ${entity.name}`;
        card.showClaim({ ...common, check: checked[0].check, claim: checked[0].claim, more: checked.slice(1), named, mention: mention(), point, dark: mark.onDark, onFollowLink });
      } else {
        name = entity.name;
        card.show({ ...common, ...named, mention: mention(), point, dark: mark.onDark, onFollowLink });
      }
    } else {
      if (!checked.length) return;
      name = this.t(`verdictWord.${checked[0].check.verdict}`);
      card.showClaim({
        ...common,
        check: checked[0].check,
        claim: checked[0].claim,
        more: checked.slice(1),
        mention: mention(),
        point,
        dark: checked[0].onDark,
        onFollowLink: link
          ? () => {
              this.closeCard();
              link.click();
            }
          : undefined,
      });
    }
    if (!card.isOpen()) return; // the page kept it from being seen: cardBlocked() has said so
    this.open = { target, via, point, link };
    this.blocked = null;
    if (via === 'keyboard') {
      const stops = this.stops();
      const at = stops.findIndex((s) => rangeOf(s) === range);
      card.announce(this.t('card.position', [at + 1, stops.length, name]));
    }
  }

  private closeCard(restoreFocus = false): void {
    const open = this.open;
    if (!open) return;
    const hadFocus = this.card?.hasFocus() ?? false;
    this.open = null;
    this.card?.hide();
    if (open.via !== 'keyboard') return;
    const back = this.returnTo;
    this.returnTo = null;
    if (!(restoreFocus || hadFocus) || !back) return;
    if (back.focus instanceof HTMLElement && back.focus !== document.body && back.focus.isConnected) back.focus.focus({ preventScroll: true });
    else (document.activeElement as HTMLElement | null)?.blur?.();
    window.scrollTo({ left: back.x, top: back.y, behavior: 'instant' });
  }

  /**
   * What keyboard stepping visits, in reading order: every mention, underlined or not (or each entity's first,
   * in first-mention mode), and every judged claim.
   */
  private stops(): Target[] {
    const mentions = (this.painter.lineMode === 'first' ? this.marks.firsts() : this.marks.all).map((mark) => this.mentionTarget(mark));
    if (!this.claims.length || this.painter.underlinesHidden) return mentions;
    // Claims stated by the same words (a clause giving a count and a date) are one stop, one card.
    const same = new Map<string, ClaimMark[]>();
    for (const c of this.claims) {
      const key = `${this.claims.findIndex((o) => o.range.compareBoundaryPoints(Range.START_TO_START, c.range) === 0 && o.range.compareBoundaryPoints(Range.END_TO_END, c.range) === 0)}`;
      same.set(key, [...(same.get(key) ?? []), c]);
    }
    const all: Target[] = [...mentions, ...[...same.values()].map((claims): Target => ({ kind: 'claim', claims }))];
    return all.sort((a, b) => (before(rangeOf(a), rangeOf(b)) ? -1 : before(rangeOf(b), rangeOf(a)) ? 1 : a.kind === 'claim' ? -1 : 1));
  }

  private step(delta: 1 | -1): void {
    const stops = this.stops();
    if (!stops.length) return;
    const openRange = this.open ? rangeOf(this.open.target) : null;
    let at = openRange ? stops.findIndex((s) => rangeOf(s) === openRange) : -1;
    // Visit the next annotation the window can show; skip those hidden inside a page's own scrolling box.
    for (let tries = 0; tries < stops.length; tries++) {
      at = at === -1 ? (delta === 1 ? 0 : stops.length - 1) : (at + delta + stops.length) % stops.length;
      if (!this.returnTo) this.returnTo = { focus: document.activeElement, x: scrollX, y: scrollY };
      if (!revealInWindow(rangeOf(stops[at]))) continue;
      void this.openCard(stops[at], 'keyboard');
      return;
    }
  }

  /** Scroll to an annotation and open its card (the popup's list, the side panel). */
  private reveal(target: Target | null): boolean {
    if (!target) return false;
    if (!this.returnTo) this.returnTo = { focus: document.activeElement, x: scrollX, y: scrollY };
    revealInWindow(rangeOf(target));
    void this.openCard(target, 'keyboard');
    return true;
  }

  // ——— underline settings ———

  private toggleUnderlines(): void {
    const hide = !this.painter.underlinesHidden;
    this.painter.paintAll(this.marks.all, this.painter.lineMode, hide);
    this.claimPainter.paint(this.claims, hide);
    const said = this.t(hide ? 'card.underlinesHidden' : 'card.underlinesShown');
    void this.ui().then((ui) => ui?.card.announce(said));
  }

  private async applyMode(settings = readPageSettings()): Promise<void> {
    const read = await settings;
    this.cardLang = read.cardLang;
    this.painter.paintAll(this.marks.all, read.underlineMode);
  }

  /** The reader chose another language for the cards: the card's words are asked for again in it. */
  private async applyCardLang(): Promise<void> {
    this.cardLang = (await readPageSettings()).cardLang;
    this.closeCard();
    this.records.clear();
    this.t = translator({});
    this.prefetched = false;
  }

  // ——— messages from the extension (popup, side panel, tests) ———

  /** Answer a message from the extension's own pages (the gate's listener hands them over); undefined: not ours. */
  answer(raw: unknown): Promise<unknown> | undefined {
    const msg = parseContentRequest(raw);
    if (!msg || !this.alive()) return undefined;
    this.asked = true;
    switch (msg.type) {
      case 'annotations:get':
        return this.settled.then(() => this.summary());
      case 'annotations:reveal':
        return this.settled.then(() => {
          const mark = this.marks.all.find((m) => m.mention.id === msg.id);
          // The reader chose the name (popup, side panel): its own card.
          return { ok: this.reveal(mark ? { kind: 'mention', mark, within: [] } : null) };
        });
      case 'annotations:show':
        return this.settled.then(() => {
          const mark = msg.mention !== undefined ? this.marks.at(msg.mention) : undefined;
          const target: Target | null = mark ? { kind: 'mention', mark, within: [] } : msg.claim !== undefined ? this.targetOf(`c${msg.claim}`) : null;
          return { ok: this.reveal(target) };
        });
      case 'annotations:refresh':
        return this.refresh().then(() => ({ ok: true }));
      case 'annotations:export':
        return this.settled.then(() => this.snapshot());
      case 'underlines:toggle':
        this.toggleUnderlines();
        return Promise.resolve({ ok: true, hidden: this.painter.underlinesHidden });
      case 'card:state':
        return Promise.resolve(this.cardState());
      case 'present:start':
        return this.settled.then(async () => {
          const ui = this.marks.size ? await this.ui() : null;
          if (!ui) return { ok: false };
          // Every step's record and the timeline at hand first: stepping never waits on the background.
          await Promise.all([this.loadRecords(this.marks.all.map((m) => m.mention.id)).catch(() => {}), this.presentationEvents()]);
          this.closeCard();
          await ui.presentation.start(msg.step ?? 0, msg.names);
          return { ok: true, ...ui.presentation.position };
        });
      case 'present:stop':
        this.presentation?.exit();
        return Promise.resolve({ ok: true });
    }
  }

  private summary(): AnnotationsResponse {
    return {
      detected: this.detection.detected,
      score: this.detection.score,
      version: VERSION,
      reasons: this.detection.reasons,
      enabled: this.enabled,
      mode: this.painter.lineMode,
      hidden: this.painter.underlinesHidden,
      annotations: this.marks.all.map(({ mention: m }) => ({ id: m.id, kind: m.kind, text: m.text })),
      published: this.published,
      ...(this.publishedIgnored ? { publishedIgnored: this.publishedIgnored } : {}),
      claims: this.claims.map(({ check }) => ({
        id: check.id,
        text: check.text,
        verdict: check.verdict,
        asserted: check.asserted,
        ...(check.part ? { part: { kind: check.part.kind, text: check.part.text } } : {}),
        ...(check.since ? { since: check.since } : {}),
        ...(check.lastConfirmed ? { lastConfirmed: check.lastConfirmed } : {}),
      })),
      since: this.since,
      lang: this.lang,
      ...(this.blocked ? { blocked: this.blocked } : {}),
    };
  }

  /** The page as data for citations and exports, read afresh so every offset agrees with the text. */
  private async snapshot(): Promise<PageSnapshot> {
    const body = document.body;
    const index = readPageText(body, { isOwnUi: this.isOwnUi });
    const result = this.enabled ? await annotateInBackground(index, document.title, this.published) : { mentions: [], claims: undefined };
    const dom = domSpanLocator(body, index);
    const checks: PageSnapshot['claims'] =
      this.detection.detected && result.claims ? result.claims.checks.map((check) => ({ check, start: check.start, end: check.end, text: check.text, dom: dom(check.start, check.end) })) : [];
    return {
      url: location.href,
      title: document.title,
      published: this.published,
      lang: this.lang,
      today: today(),
      version: VERSION,
      text: index.text,
      mentions: result.mentions.map((m) => ({ id: m.id, kind: m.kind, start: m.start, end: m.end, text: m.text, dom: dom(m.start, m.end) })),
      claims: checks,
    };
  }

  private cardState(): CardState {
    const viewport = { width: innerWidth, height: innerHeight, scale: window.visualViewport?.scale ?? 1 };
    const seen = this.card?.describe() ?? null;
    if (this.presentation?.active && seen) {
      const current = this.presentation.current;
      return {
        open: true,
        id: current?.mention.id,
        card: seen.card,
        mention: current ? rectsOf(current.range) : [],
        focused: this.card?.hasFocus() ?? false,
        text: seen.text,
        minFontPx: seen.minFontPx,
        bodyFontPx: seen.bodyFontPx,
        scrolls: seen.scrolls,
        ...(seen.published ? { published: seen.published } : {}),
        variant: seen.variant,
        ...this.presentation.position,
        viewport,
      };
    }
    if (!this.open || !seen) return { open: false, focused: false, viewport, ...(this.blocked ? { blocked: this.blocked } : {}) };
    const target = this.open.target;
    return {
      open: true,
      id: target.kind === 'mention' ? target.mark.mention.id : target.claims[0].check.id,
      kind: target.kind,
      verdicts: (target.kind === 'claim' ? target.claims : target.within).map((c) => ({ id: c.check.id, verdict: c.check.verdict })),
      ...(seen.overflow !== undefined ? { overflow: seen.overflow } : {}),
      via: this.open.via,
      variant: seen.variant,
      card: seen.card,
      ...(seen.close ? { close: seen.close } : {}),
      mention: anchorRects(target),
      ...(target.kind === 'mention' && target.within.length ? { words: rectsOf(target.mark.range) } : {}),
      focused: this.card?.hasFocus() ?? false,
      text: seen.text,
      minFontPx: seen.minFontPx,
      viewport,
    };
  }
}
