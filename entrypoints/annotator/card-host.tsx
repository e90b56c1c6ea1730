/**
 * The one element the extension adds to a page: a host whose CLOSED shadow root holds the Preact card and a
 * live region for screen readers. The page can neither read nor restyle what is inside. The host is a manual
 * popover, shown in the top layer, so neither an overlay at the highest z-index nor the page's own open
 * <dialog>s and popovers cover the card. If the page removes the host (or re-renders <body>), the next card
 * puts it back; if the page owns an element of the same name, ours is a different element and never looked
 * up by name.
 */
import { render, type ComponentChild } from 'preact';
import { Card, type CardProps } from '@/components/Card';
import { ClaimCard, type ClaimCardProps } from '@/components/ClaimCard';
import type { Box } from '@/utils/messages';
import cardCss from './card.css?inline';
import { MARGIN, placeCard, placeSheet, type View } from './placement';

export { HOST_TAG } from './host-tag';
import { HOST_TAG } from './host-tag';

/** Where content goes: beside a mention (a card, a presentation note) or in the middle of the view (a panel). */
export interface Where {
  /** Client rects of the mention, one per line it occupies; empty for a panel. */
  mention: Box[];
  point?: { x: number; y: number };
  dark: boolean;
  variant: 'card' | 'present' | 'panel';
}

export interface CardRequest extends Omit<CardProps, 'onClose'> {
  /** Client rects of the mention, one per line it occupies. */
  mention: Box[];
  /** Where the pointer is (hover, tap): the card anchors to that line of a wrapped mention. */
  point?: { x: number; y: number };
  dark: boolean;
  onClose: () => void;
}

/** The phone layout (a sheet across the view) below this width, in pixels as seen. */
const SHEET_BELOW_PX = 600;
/** The most of a phone's view a sheet takes. */
const SHEET_SHARE = 0.5;

/** The visual viewport in layout-viewport CSS pixels, and its pinch scale. */
export function visualView(): View & { scale: number } {
  const vv = window.visualViewport;
  if (!vv) return { left: 0, top: 0, width: document.documentElement.clientWidth || innerWidth, height: innerHeight, scale: 1 };
  return { left: vv.offsetLeft, top: vv.offsetTop, width: vv.width, height: vv.height, scale: vv.scale || 1 };
}

const toBox = (r: DOMRect): Box => ({ left: r.left, top: r.top, width: r.width, height: r.height });

export class CardHost {
  private host: HTMLElement | null = null;
  private positioner: HTMLDivElement | null = null;
  /** Transparent boxes over the mention under a resting mouse: they give it a pointer cursor and take its click. */
  private hotspots: HTMLDivElement | null = null;
  private onHotspot: ((point: { x: number; y: number }) => void) | null = null;
  private live: HTMLDivElement | null = null;
  private request: Where | null = null;
  /** Scale applied to the card so it reads at its designed size on screen, whatever the page's zoom. */
  private scale = 1;

  /** The host element, once created (the annotator ignores DOM changes to it). */
  get element(): HTMLElement | null {
    return this.host;
  }

  isOpen(): boolean {
    return this.request !== null;
  }

  /** Is this event target our card? Events from inside a closed shadow root reach the page as the host. */
  contains(target: EventTarget | null): boolean {
    return target !== null && target === this.host;
  }

  hasFocus(): boolean {
    return this.host !== null && document.activeElement === this.host;
  }

  show(request: CardRequest): void {
    const { mention, point, dark, onClose, ...props } = request;
    this.display(<Card key={request.entity.id + request.mentionText} {...props} onClose={onClose} />, { mention, point, dark, variant: 'card' });
  }

  showClaim(request: Omit<ClaimCardProps, 'onClose'> & Pick<CardRequest, 'mention' | 'point' | 'dark' | 'onClose'>): void {
    const { mention, point, dark, ...props } = request;
    this.display(<ClaimCard key={`${props.check.id}@${props.check.start}`} {...props} />, { mention, point, dark, variant: 'card' });
  }

  /**
   * Show any content in the card's place: a card beside a mention, a presentation note (large type), or a
   * panel centred in the view (the presentation's timeline step, which belongs to no mention).
   */
  display(content: ComponentChild, where: Where): void {
    const host = this.ensure();
    this.request = where;
    this.raise(host);
    const positioner = this.positioner!;
    const view = visualView();
    this.scale = Math.min(4, Math.max(0.5, 1 / view.scale));
    const sheet = where.variant === 'card' && matchMedia('(pointer: coarse)').matches && view.width * view.scale < SHEET_BELOW_PX;
    positioner.className = `mdc-positioner mdc-${where.variant}${where.dark ? ' mdc-dark' : ''}${sheet ? ' mdc-sheet' : ''}`;
    positioner.style.transform = this.scale === 1 ? '' : `scale(${this.scale})`;
    positioner.style.transformOrigin = '0 0';
    positioner.style.width = sheet ? `${(view.width - 2 * MARGIN) / this.scale}px` : '';
    render(content, positioner);
    this.place(where.mention, where.point, sheet);
  }

  /** Keep the open card beside its mention (scroll, resize, zoom). */
  reposition(mention: Box[], point?: { x: number; y: number }): void {
    if (!this.request || !this.positioner) return;
    this.request = { ...this.request, mention, point: point ?? this.request.point };
    if (this.request.variant === 'panel') return;
    const sheet = this.positioner.classList.contains('mdc-sheet');
    this.place(mention, this.request.point, sheet);
  }

  /**
   * Show that a mention under the mouse can be clicked: highlights get no cursor of their own, so a
   * transparent box over each of its lines carries one, and turns a click there into opening the card.
   */
  showHotspot(rects: Box[], onActivate: (point: { x: number; y: number }) => void): void {
    const host = this.ensure();
    if (!this.isShowing(host) && !this.request) this.raise(host);
    this.onHotspot = onActivate;
    const layer = this.hotspots!;
    layer.replaceChildren(
      ...rects.map((r) => {
        const box = document.createElement('div');
        box.className = 'mdc-hotspot';
        box.style.cssText = `left:${r.left}px;top:${r.top}px;width:${r.width}px;height:${r.height}px`;
        return box;
      }),
    );
  }

  /** Scroll the open note's body by about a third of its height (presentation: up and down keys). */
  scrollContent(direction: number): void {
    const body = this.positioner?.querySelector<HTMLElement>('.mdc-body');
    if (body) body.scrollBy({ top: direction * Math.max(40, body.clientHeight / 3), behavior: 'instant' });
  }

  hideHotspot(): void {
    this.hotspots?.replaceChildren();
    this.onHotspot = null;
    if (!this.request && this.host && typeof this.host.hidePopover === 'function' && this.isShowing(this.host)) this.host.hidePopover();
  }

  hide(): void {
    this.hotspots?.replaceChildren();
    this.request = null;
    if (this.positioner) render(null, this.positioner);
    const host = this.host;
    if (!host) return;
    if (typeof host.hidePopover === 'function') {
      if (this.isShowing(host)) host.hidePopover();
    } else host.style.display = 'none';
  }

  announce(text: string): void {
    if (this.live) this.live.textContent = text;
  }

  /** What the reader sees of the card: its box, its smallest text as seen, its text. */
  describe(): { card: Box; minFontPx: number; text: string; variant: Where['variant'] } | null {
    const card = this.positioner?.querySelector<HTMLElement>('.mdc-card');
    if (!card || !this.request) return null;
    let min = Infinity;
    for (const el of card.querySelectorAll<HTMLElement>('*')) {
      if (el.closest('.mdc-sr') || !el.getClientRects().length) continue;
      if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim())) continue;
      min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
    }
    const visible = [...card.querySelectorAll<HTMLElement>('h2, .mdc-since, .mdc-body > p, .mdc-footer')].map((e) => e.textContent).join(' ');
    return {
      card: toBox(card.getBoundingClientRect()),
      minFontPx: (min === Infinity ? 0 : min) * this.scale * visualView().scale,
      text: visible,
      variant: this.request.variant,
    };
  }

  destroy(): void {
    this.hide();
    if (this.positioner) render(null, this.positioner);
    this.host?.remove();
    this.host = null;
  }

  private place(mention: Box[], point: { x: number; y: number } | undefined, sheet: boolean): void {
    const card = this.positioner?.querySelector<HTMLElement>('.mdc-card');
    if (!card || !this.positioner) return;
    if (!mention.length) {
      // A panel: centred in what the reader sees.
      const view = visualView();
      card.style.setProperty('--mdc-max-height', `${Math.floor((view.height - 2 * MARGIN) / this.scale)}px`);
      const w = card.offsetWidth * this.scale;
      const h = card.offsetHeight * this.scale;
      this.positioner.style.left = `${view.left + Math.max(MARGIN, (view.width - w) / 2)}px`;
      this.positioner.style.top = `${view.top + Math.max(MARGIN, (view.height - h) / 2)}px`;
      return;
    }
    card.style.removeProperty('--mdc-max-height');
    const view = visualView();
    const size = { width: card.offsetWidth * this.scale, height: card.offsetHeight * this.scale };
    // A sheet keeps at least half of a phone's screen for the article.
    const sheetHeight = Math.min(size.height, view.height * SHEET_SHARE);
    const placed = sheet ? placeSheet(mention, sheetHeight, view) : placeCard(mention, size, view, point);
    if (sheet && placed.maxHeight === undefined && sheetHeight < size.height) placed.maxHeight = sheetHeight;
    if (placed.maxHeight !== undefined) card.style.setProperty('--mdc-max-height', `${Math.floor(placed.maxHeight / this.scale)}px`);
    // Above the mention, a shortened card must still end just above it.
    const top = placed.side === 'above' && placed.maxHeight !== undefined ? placed.top + placed.maxHeight - card.offsetHeight * this.scale : placed.top;
    this.positioner.style.left = `${placed.left}px`;
    this.positioner.style.top = `${top}px`;
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
    if (typeof host.showPopover !== 'function') {
      host.style.display = 'block';
      return;
    }
    if (this.isShowing(host)) host.hidePopover();
    try {
      host.showPopover();
    } catch {
      // Not connected or not a popover any more (the page tampered with it): the next show recreates it.
      this.host = null;
    }
  }

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

  private ensure(): HTMLElement {
    if (this.host && this.host.getAttribute('popover') === 'manual') {
      const parent = this.parentFor();
      if (this.host.parentElement !== parent) parent.append(this.host);
      return this.host;
    }
    this.host?.remove();
    const { host, root } = createHost();
    // Top layer, full view, transparent to the pointer except where the card is.
    host.style.cssText =
      'position:fixed;inset:0;width:100vw;height:100vh;max-width:none;max-height:none;margin:0;padding:0;border:0;' +
      'background:transparent;overflow:visible;pointer-events:none;z-index:2147483647;color-scheme:normal;';
    if (typeof host.showPopover === 'function') host.setAttribute('popover', 'manual');
    else host.style.display = 'none';
    const style = document.createElement('style');
    style.textContent = cardCss;
    const layer = document.createElement('div');
    layer.className = 'mdc-layer';
    const positioner = document.createElement('div');
    positioner.className = 'mdc-positioner';
    layer.append(positioner);
    const hotspots = document.createElement('div');
    hotspots.className = 'mdc-hotspots';
    hotspots.addEventListener('click', (e) => {
      if (!e.isTrusted) return;
      const activate = this.onHotspot;
      this.hotspots?.replaceChildren();
      activate?.({ x: e.clientX, y: e.clientY });
    });
    layer.append(hotspots);
    const live = document.createElement('div');
    live.className = 'mdc-sr';
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    root.append(style, layer, live);
    // Interactions with the card are the reader's business, not the page's.
    for (const type of ['click', 'pointerdown', 'pointerup', 'mousedown', 'mouseup', 'keydown', 'keyup', 'focusin', 'focusout', 'wheel'])
      root.addEventListener(type, (e) => e.stopPropagation());
    this.parentFor().append(host);
    this.host = host;
    this.positioner = positioner;
    this.hotspots = hotspots;
    this.live = live;
    return host;
  }
}

/** A host element with a closed shadow root; a page that claimed the name (or attached a root first) gets passed by. */
function createHost(): { host: HTMLElement; root: ShadowRoot } {
  for (const name of [HOST_TAG, `${HOST_TAG}-${Math.random().toString(36).slice(2, 8)}`]) {
    try {
      const host = document.createElement(name);
      const root = host.attachShadow({ mode: 'closed' });
      return { host, root };
    } catch {
      // The page defined this name as a custom element that attaches its own root: try another name.
    }
  }
  const host = document.createElement('div');
  return { host, root: host.attachShadow({ mode: 'closed' }) };
}
