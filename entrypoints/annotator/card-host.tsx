/**
 * The one element the extension adds to a page: a host whose CLOSED shadow root holds the Preact card, the
 * marker on the open mention and a live region for screen readers. What the card says is the extension's
 * alone, whatever the page does:
 * - the host is a plain <div>, created by the extension's own DOM calls: not a custom element, so a page that
 *   defines names of its own (and asks their ElementInternals for the shadow root) never gets hold of it;
 * - the page's styles cannot hide it (card.css: the :host rule's important declarations win over any the page
 *   writes, in a stylesheet or on the element);
 * - input to it stops at window before the page's listeners (input-hub.ts), and clicks are relayed inside the
 *   shadow root, where no page listener is;
 * - it is a manual popover in the top layer, above any z-index and the page's own dialogs;
 * - and it checks what is actually rendered: while a card is open, the page's own hit test at the card must
 *   find the host. A host the page removed, closed, made inert or covered is put back (a new element, or raised
 *   to the top again); a page that keeps doing it gets a card marked blocked and closed, and the annotator says
 *   so in the popup and side panel. The extension never reports a card as open that nobody can see.
 */
import { render, type ComponentChild } from 'preact';
import { Card, type CardProps } from '@/components/Card';
import { ClaimCard, type ClaimCardProps } from '@/components/ClaimCard';
import type { Box, CardObstruction } from '@/utils/messages';
import cardCss from './card.css?inline';
import type { InputHub } from './input-hub';
import { markOwn } from './own-ui';
import { MARGIN, placeCard, placeNote, placeSheet, type NoteLayout, type View } from './placement';

/** Where content goes: beside a mention (a card, a presentation note) or in the middle of the view (a panel). */
export interface Where {
  /** Client rects of the mention, one per line it occupies; empty for a panel. */
  mention: Box[];
  point?: { x: number; y: number };
  dark: boolean;
  variant: 'card' | 'present' | 'panel';
  /** A presentation note: the mention's column and the lines it must leave readable (placement.ts placeNote). */
  note?: NoteLayout;
}

export interface CardRequest extends Omit<CardProps, 'onClose'> {
  /** Client rects of the mention, one per line it occupies. */
  mention: Box[];
  /** Where the pointer is (hover, tap): the card anchors to that line of a wrapped mention. */
  point?: { x: number; y: number };
  dark: boolean;
  onClose: () => void;
}

/** Why a card could not be kept in view: the page removed its host, closed it, hid it, made it inert or covered it. */
export type Obstruction = CardObstruction;

/** The phone layout (a sheet across the view) below this width, in pixels as seen. */
const SHEET_BELOW_PX = 600;
/** The most of a phone's view a sheet takes. */
const SHEET_SHARE = 0.5;
/** How often an open card checks that it is still seen (the page can act at any time). */
const CHECK_EVERY_MS = 300;
/** Putting the card back this many times within the window means the page is fighting it: it is blocked. */
const MAX_RECOVERIES = 4;
const RECOVERY_WINDOW_MS = 3000;

/** The visual viewport in layout-viewport CSS pixels, and its pinch scale. */
export function visualView(): View & { scale: number } {
  const vv = window.visualViewport;
  if (!vv) return { left: 0, top: 0, width: document.documentElement.clientWidth || innerWidth, height: innerHeight, scale: 1 };
  return { left: vv.offsetLeft, top: vv.offsetTop, width: vv.width, height: vv.height, scale: vv.scale || 1 };
}

const toBox = (r: DOMRect): Box => ({ left: r.left, top: r.top, width: r.width, height: r.height });

interface Parts {
  host: HTMLElement;
  root: ShadowRoot;
  positioner: HTMLDivElement;
  markers: HTMLDivElement;
  hotspots: HTMLDivElement;
  live: HTMLDivElement;
  release: () => void;
}

export class CardHost {
  private parts: Parts | null = null;
  private onHotspot: ((point: { x: number; y: number }) => void) | null = null;
  private request: Where | null = null;
  /** What is shown, to show it again in a new host when the page took the old one away. */
  private content: ComponentChild = null;
  /** Scale applied to the card so it reads at its designed size on screen, whatever the page's zoom. */
  private scale = 1;
  private recoveries: number[] = [];
  private checkTimer = 0;
  private observer: MutationObserver | null = null;
  private unlisten: (() => void)[] = [];
  /** The page kept the last card from being seen. */
  private obstructed: Obstruction | null = null;

  /**
   * `hub`: input heard before the page; `onBlocked`: the page kept the open card from being seen, and the card
   * was closed (the annotator forgets it and says so).
   */
  constructor(
    private readonly hub: InputHub,
    private readonly onBlocked: (why: Obstruction) => void = () => {},
  ) {
    // Another popover of the page opening may cover the card: look again once it is drawn.
    this.unlisten.push(
      hub.on('toggle', (e) => {
        if (this.request && e.target !== this.parts?.host && (e as ToggleEvent).newState === 'open') requestAnimationFrame(() => this.keepSeen());
      }),
    );
  }

  /** The host element, once created (the annotator ignores DOM changes to it). */
  get element(): HTMLElement | null {
    return this.parts?.host ?? null;
  }

  /** Is a card open and seen? */
  isOpen(): boolean {
    return this.request !== null;
  }

  /** Why the last card was closed by the page, if it was (cleared by the next card that is seen). */
  get blocked(): Obstruction | null {
    return this.obstructed;
  }

  /** Is this event target our card? Events from inside a closed shadow root reach the page as the host. */
  contains(target: EventTarget | null): boolean {
    return target !== null && target === this.parts?.host;
  }

  hasFocus(): boolean {
    return this.parts !== null && document.activeElement === this.parts.host;
  }

  show(request: CardRequest): void {
    const { mention, point, dark, onClose, ...props } = request;
    this.display(<Card key={request.entity.id + request.mentionText} {...props} onClose={onClose} />, { mention, point, dark, variant: 'card' });
  }

  showClaim(request: Omit<ClaimCardProps, 'onClose'> & Pick<CardRequest, 'mention' | 'point' | 'dark' | 'onClose'>): void {
    const { mention, point, dark, ...props } = request;
    this.display(<ClaimCard key={`${props.check.id}@${props.check.start}${props.named ? `+${props.named.entity.id}` : ''}`} {...props} />, { mention, point, dark, variant: 'card' });
  }

  /**
   * Show any content in the card's place: a card beside a mention, a presentation note (large type), or a
   * panel centred in the view (the presentation's timeline step, which belongs to no mention).
   */
  display(content: ComponentChild, where: Where): void {
    this.content = content;
    this.request = where;
    this.draw();
    this.keepSeen();
    if (this.request) this.watch();
  }

  /** Keep the open card beside its mention (scroll, resize, zoom); a presentation note with its layout anew. */
  reposition(mention: Box[], point?: { x: number; y: number }, note?: NoteLayout): void {
    if (!this.request || !this.parts) return;
    this.request = { ...this.request, mention, point: point ?? this.request.point, note: note ?? this.request.note };
    if (this.request.variant === 'panel') return;
    this.place(mention, this.request.point, this.parts.positioner.classList.contains('mdc-sheet'), this.request.note);
  }

  /**
   * Show that a mention under the mouse can be clicked: highlights get no cursor of their own, so a
   * transparent box over each of its lines carries one, and turns a click there into opening the card.
   */
  showHotspot(rects: Box[], onActivate: (point: { x: number; y: number }) => void): void {
    const parts = this.ensure();
    if (!this.isShowing(parts.host) && !this.request) this.raise(parts.host);
    this.onHotspot = onActivate;
    parts.hotspots.replaceChildren(...rects.map((r) => this.box('mdc-hotspot', r)));
  }

  /** Scroll the open note's body by about a third of its height (presentation: up and down keys). */
  scrollContent(direction: number): void {
    const body = this.parts?.positioner.querySelector<HTMLElement>('.mdc-body');
    if (body) body.scrollBy({ top: direction * Math.max(40, body.clientHeight / 3), behavior: 'instant' });
  }

  hideHotspot(): void {
    this.parts?.hotspots.replaceChildren();
    this.onHotspot = null;
    const host = this.parts?.host;
    if (!this.request && host && this.isShowing(host)) host.hidePopover();
  }

  hide(): void {
    this.request = null;
    this.content = null;
    this.stopWatching();
    const parts = this.parts;
    if (!parts) return;
    parts.hotspots.replaceChildren();
    parts.markers.replaceChildren();
    render(null, parts.positioner);
    if (this.isShowing(parts.host)) parts.host.hidePopover();
  }

  announce(text: string): void {
    if (this.parts) this.parts.live.textContent = text;
  }

  /**
   * What the reader sees of the card: its box, its smallest text as seen (all of it, and in its body), its text,
   * whether its body scrolls (text below what it shows), and where a timeline's "this article was published"
   * line is drawn. Null when nothing is seen.
   */
  describe(): {
    card: Box;
    close?: Box;
    minFontPx: number;
    bodyFontPx: number;
    text: string;
    variant: Where['variant'];
    scrolls: boolean;
    published?: Box;
    /** Pixels of content the reader would have to scroll to (in the card's body, or cut off by the card). */
    overflow: number;
  } | null {
    const card = this.parts?.positioner.querySelector<HTMLElement>('.mdc-card');
    if (!card || !this.request || this.obstruction() !== null) return null;
    let min = Infinity;
    let minBody = Infinity;
    for (const el of card.querySelectorAll<HTMLElement>('*')) {
      if (el.closest('.mdc-sr') || !el.getClientRects().length) continue;
      if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim())) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      min = Math.min(min, size);
      if (el.closest('.mdc-body')) minBody = Math.min(minBody, size);
    }
    const seen = (px: number) => (px === Infinity ? 0 : px) * this.scale * visualView().scale;
    const published = card.querySelector('.mdc-published');
    const visible = [...card.querySelectorAll<HTMLElement>('h2, .mdc-header > .mdc-since, .mdc-body > p, .mdc-named > h3, .mdc-named > p, .mdc-footer')].map((e) => e.textContent).join(' ');
    const close = card.querySelector('.mdc-close');
    // Content the reader would have to scroll to: in the card's scrolling body, or cut off by the card itself.
    const body = card.querySelector<HTMLElement>('.mdc-body');
    const overflow = Math.max(0, card.scrollHeight - card.clientHeight, body ? body.scrollHeight - body.clientHeight : 0);
    return {
      overflow,
      card: toBox(card.getBoundingClientRect()),
      ...(close ? { close: toBox(close.getBoundingClientRect()) } : {}),
      minFontPx: seen(min),
      bodyFontPx: seen(minBody),
      text: visible,
      variant: this.request.variant,
      scrolls: !!body && body.scrollHeight > body.clientHeight + 1,
      ...(published ? { published: toBox(published.getBoundingClientRect()) } : {}),
    };
  }

  destroy(): void {
    this.hide();
    for (const off of this.unlisten.splice(0)) off();
    this.dropHost();
  }

  // ——— drawing ———

  /** Render the current content into the host (a new one if the page took ours) and place it. */
  private draw(): void {
    const where = this.request;
    if (!where) return;
    const parts = this.ensure();
    this.raise(parts.host);
    const view = visualView();
    this.scale = Math.min(4, Math.max(0.5, 1 / view.scale));
    const sheet = where.variant === 'card' && matchMedia('(pointer: coarse)').matches && view.width * view.scale < SHEET_BELOW_PX;
    const { positioner } = parts;
    positioner.className = `mdc-positioner mdc-${where.variant}${where.dark ? ' mdc-dark' : ''}${sheet ? ' mdc-sheet' : ''}`;
    parts.markers.className = `mdc-markers${where.dark ? ' mdc-dark' : ''}`;
    positioner.style.transform = this.scale === 1 ? '' : `scale(${this.scale})`;
    positioner.style.transformOrigin = '0 0';
    positioner.style.width = sheet ? `${(view.width - 2 * MARGIN) / this.scale}px` : '';
    render(this.content, positioner);
    this.place(where.mention, where.point, sheet, where.note);
  }

  private box(className: string, r: Box): HTMLDivElement {
    const box = document.createElement('div');
    box.className = className;
    box.style.cssText = `left:${r.left}px;top:${r.top}px;width:${r.width}px;height:${r.height}px`;
    return box;
  }

  private place(mention: Box[], point: { x: number; y: number } | undefined, sheet: boolean, note?: NoteLayout): void {
    const parts = this.parts;
    const card = parts?.positioner.querySelector<HTMLElement>('.mdc-card');
    if (!parts || !card) return;
    const { positioner } = parts;
    parts.markers.replaceChildren(...mention.map((r) => this.box('mdc-marker', r)));
    if (note && mention.length) {
      // A presentation note: beside the column, or across the part of the screen the sentence is not in.
      card.style.removeProperty('--mdc-max-height');
      const placed = placeNote(
        note,
        (width) => {
          card.style.width = `${width / this.scale}px`;
          return card.offsetHeight * this.scale;
        },
        visualView(),
      );
      card.style.width = `${placed.width / this.scale}px`;
      if (placed.maxHeight !== undefined) card.style.setProperty('--mdc-max-height', `${Math.floor(placed.maxHeight / this.scale)}px`);
      positioner.style.left = `${placed.left}px`;
      positioner.style.top = `${placed.top}px`;
      return;
    }
    card.style.removeProperty('width');
    if (!mention.length) {
      // A panel: centred in what the reader sees.
      const view = visualView();
      card.style.setProperty('--mdc-max-height', `${Math.floor((view.height - 2 * MARGIN) / this.scale)}px`);
      const w = card.offsetWidth * this.scale;
      const h = card.offsetHeight * this.scale;
      positioner.style.left = `${view.left + Math.max(MARGIN, (view.width - w) / 2)}px`;
      positioner.style.top = `${view.top + Math.max(MARGIN, (view.height - h) / 2)}px`;
      return;
    }
    card.style.removeProperty('--mdc-max-height');
    card.style.removeProperty('width');
    const view = visualView();
    const size = { width: card.offsetWidth * this.scale, height: card.offsetHeight * this.scale };
    // A sheet keeps at least half of a phone's screen for the article.
    const sheetHeight = Math.min(size.height, view.height * SHEET_SHARE);
    // How tall the card is at another width (narrower beside the mention, wider above or below it): set it and measure.
    const heightAt = (width: number) => {
      card.style.width = `${width / this.scale}px`;
      card.style.setProperty('--mdc-max-height', 'none');
      const height = card.offsetHeight * this.scale;
      card.style.removeProperty('--mdc-max-height');
      return height;
    };
    const placed = sheet ? placeSheet(mention, sheetHeight, view) : placeCard(mention, size, view, point, heightAt);
    if (placed.width === undefined) card.style.removeProperty('width');
    else card.style.width = `${placed.width / this.scale}px`;
    // The positioner takes the card's width: left to size itself, it was seen keeping an earlier width of the card
    // (Chromium), and hit tests then missed the part of a widened card beyond it (reported covered).
    if (!sheet) positioner.style.width = `${card.offsetWidth}px`;
    if (sheet && placed.maxHeight === undefined && sheetHeight < size.height) placed.maxHeight = sheetHeight;
    if (placed.maxHeight !== undefined) card.style.setProperty('--mdc-max-height', `${Math.floor(placed.maxHeight / this.scale)}px`);
    // Above the mention, a shortened card must still end just above it.
    const top = placed.side === 'above' && placed.maxHeight !== undefined ? placed.top + placed.maxHeight - card.offsetHeight * this.scale : placed.top;
    positioner.style.left = `${placed.left}px`;
    positioner.style.top = `${top}px`;
  }

  // ——— being seen ———

  /**
   * What keeps the open card from being seen, as the browser renders it, or null. The page's own hit test is
   * the judge of "covered": at points inside the card, the topmost element must be our host.
   */
  private obstruction(): Obstruction | null {
    const parts = this.parts;
    if (!parts || !parts.host.isConnected) return 'removed';
    const { host } = parts;
    if (!this.isShowing(host) || host.getAttribute('popover') !== 'manual') return 'closed';
    for (let el: Element | null = host; el; el = el.parentElement) if ((el as HTMLElement).inert) return 'inert';
    const card = parts.positioner.querySelector<HTMLElement>('.mdc-card');
    if (!card) return 'hidden';
    // Not the card's opacity: it fades in (card.css). What the page could set is on the host, which :host overrides.
    if (typeof card.checkVisibility === 'function' && !card.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) return 'hidden';
    const r = card.getBoundingClientRect();
    const x0 = Math.max(r.left, 0);
    const x1 = Math.min(r.right, innerWidth);
    const y0 = Math.max(r.top, 0);
    const y1 = Math.min(r.bottom, innerHeight);
    if (x1 - x0 < 1 || y1 - y0 < 1) return 'hidden';
    for (const [fx, fy] of [[0.5, 0.5], [0.2, 0.25], [0.8, 0.25], [0.2, 0.8], [0.8, 0.8]]) {
      const top = document.elementFromPoint(x0 + (x1 - x0) * fx, y0 + (y1 - y0) * fy);
      if (top !== host) return 'covered';
    }
    return null;
  }

  /** Check the open card is seen; put it back if not; give up, and say so, if the page keeps at it. */
  private keepSeen(): void {
    if (!this.request) return;
    const why = this.obstruction();
    if (why === null) {
      this.obstructed = null;
      return;
    }
    const now = performance.now();
    this.recoveries = this.recoveries.filter((t) => now - t < RECOVERY_WINDOW_MS);
    if (this.recoveries.length >= MAX_RECOVERIES) {
      this.giveUp(why);
      return;
    }
    this.recoveries.push(now);
    if (why === 'covered' && this.parts) this.raise(this.parts.host);
    else {
      // A new element: whatever the page attached to the old one (listeners, attributes, observers) is left behind.
      this.dropHost();
      this.draw();
      this.watch();
    }
    const after = this.obstruction();
    if (after === null) this.obstructed = null;
    else if (after === why && why !== 'covered') this.giveUp(why);
  }

  private giveUp(why: Obstruction): void {
    this.obstructed = why;
    this.hide();
    this.onBlocked(why);
  }

  /** While a card is open: look again on a timer, and at once when the page touches the host or its place. */
  private watch(): void {
    if (!this.checkTimer) this.checkTimer = window.setInterval(() => this.keepSeen(), CHECK_EVERY_MS);
    const host = this.parts?.host;
    if (!host || this.observer) return;
    this.observer = new MutationObserver(() => queueMicrotask(() => this.keepSeen()));
    this.observer.observe(host, { attributes: true });
    if (host.parentNode) this.observer.observe(host.parentNode, { childList: true });
  }

  private stopWatching(): void {
    if (this.checkTimer) clearInterval(this.checkTimer);
    this.checkTimer = 0;
    this.observer?.disconnect();
    this.observer = null;
  }

  private isShowing(host: HTMLElement): boolean {
    try {
      return host.matches(':popover-open');
    } catch {
      return false;
    }
  }

  /** Show the host in the top layer, above anything the page put there since (re-showing moves it up). */
  private raise(host: HTMLElement): void {
    try {
      if (this.isShowing(host)) host.hidePopover();
      host.showPopover();
    } catch {
      // Not connected or not a popover any more (the page tampered with it): the check that follows sees it.
    }
  }

  // ——— the host element ———

  /**
   * Where the host lives: the document's root element; or, while the page shows a modal <dialog>, inside it —
   * everything outside a modal dialog is inert (no pointer, no focus), even what is drawn above it.
   */
  private parentFor(): Element {
    let modal: Element | null = null;
    try {
      modal = document.querySelector('dialog:modal');
    } catch {
      // :modal unsupported: no modal dialogs to worry about either.
    }
    return modal ?? document.documentElement;
  }

  private dropHost(): void {
    const parts = this.parts;
    if (!parts) return;
    this.observer?.disconnect();
    this.observer = null;
    render(null, parts.positioner);
    parts.release();
    parts.host.remove();
    this.parts = null;
  }

  private ensure(): Parts {
    const parts = this.parts;
    if (parts && parts.host.getAttribute('popover') === 'manual') {
      const parent = this.parentFor();
      if (parts.host.parentElement !== parent) {
        parent.append(parts.host);
        if (this.observer) {
          this.stopWatching();
          this.watch();
        }
      }
      return parts;
    }
    this.dropHost();
    // A plain <div>: built-in, never upgraded to a page's custom element, so no ElementInternals leads to its root.
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'closed' });
    markOwn(host);
    host.setAttribute('popover', 'manual');
    const style = document.createElement('style');
    style.textContent = cardCss;
    const layer = document.createElement('div');
    layer.className = 'mdc-layer';
    const markers = document.createElement('div');
    markers.className = 'mdc-markers';
    const positioner = document.createElement('div');
    positioner.className = 'mdc-positioner';
    const hotspots = document.createElement('div');
    hotspots.className = 'mdc-hotspots';
    layer.append(markers, positioner, hotspots);
    const live = document.createElement('div');
    live.className = 'mdc-sr';
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    root.append(style, layer, live);
    const release = this.hub.claim({ element: host, relay: (e) => this.relay(root, hotspots, e) });
    this.parentFor().append(host);
    this.parts = { host, root, positioner, markers, hotspots, live, release };
    return this.parts;
  }

  /**
   * A click on the card, stopped at window before the page could see it, delivered inside the shadow root:
   * to the element under the pointer (or the focused one, for Enter and Space). The copy is a plain Event, so
   * the browser's own default action (a link followed, a <details> toggled) happens once, from the original.
   */
  private relay(root: ShadowRoot, hotspots: HTMLElement, e: MouseEvent): void {
    let inner: Element | null = e.detail === 0 ? root.activeElement : root.elementFromPoint(e.clientX, e.clientY);
    if (!inner) return;
    if (hotspots.contains(inner)) {
      const activate = this.onHotspot;
      hotspots.replaceChildren();
      activate?.({ x: e.clientX, y: e.clientY });
      return;
    }
    while (inner.shadowRoot?.activeElement) inner = inner.shadowRoot.activeElement;
    const copy = new Event('click', { bubbles: true, cancelable: true, composed: false });
    inner.dispatchEvent(copy);
    if (copy.defaultPrevented) e.preventDefault();
  }
}
