/**
 * The one element the extension adds to a page: a shadow-root host (WXT createShadowRootUi) holding the
 * Preact card and a live region for screen readers.
 */
import { render } from 'preact';
import type { ContentScriptContext, ShadowRootContentScriptUi } from '#imports';
import { createShadowRootUi } from '#imports';
import { Card } from '@/components/Card';
import type { Entity } from '@/data/schema';
import cardCss from './card.css?inline';

export const HOST_TAG = 'medicaid-data-context';

export interface CardRequest {
  entity: Entity;
  mentionText: string;
  confidence: 'high' | 'probable';
  version: string;
  /** Where the mention is on screen now. */
  rect: DOMRect;
  dark: boolean;
  autoFocus: boolean;
  onClose: () => void;
}

const CARD_WIDTH = 360;
const GAP = 8;

/** Below the mention if it fits, above otherwise; always inside the viewport. */
function place(rect: DOMRect, height: number): { left: number; top: number } {
  const vw = document.documentElement.clientWidth || window.innerWidth;
  const vh = window.innerHeight;
  const width = Math.min(CARD_WIDTH, vw - 16);
  const left = Math.max(8, Math.min(rect.left, vw - width - 8));
  const below = rect.bottom + GAP;
  const top = below + height <= vh - 8 || rect.top - GAP - height < 8 ? below : rect.top - GAP - height;
  return { left, top: Math.max(8, Math.min(top, vh - 8 - Math.min(height, vh - 16))) };
}

export interface CardHost {
  readonly element: HTMLElement;
  show(req: CardRequest): void;
  /** Keep the open card next to its mention (scroll, resize). */
  reposition(rect: DOMRect): void;
  hide(): void;
  announce(text: string): void;
  contains(node: EventTarget | null): boolean;
  isOpen(): boolean;
  /** Focus is inside the card. */
  hasFocus(): boolean;
}

export async function createCardHost(ctx: ContentScriptContext): Promise<CardHost> {
  let layer!: HTMLDivElement;
  let live!: HTMLDivElement;
  let open = false;
  const ui: ShadowRootContentScriptUi<void> = await createShadowRootUi(ctx, {
    name: HOST_TAG,
    css: cardCss,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount(container) {
      layer = document.createElement('div');
      layer.className = 'mdc-layer';
      live = document.createElement('div');
      live.className = 'mdc-sr';
      live.setAttribute('role', 'status');
      live.setAttribute('aria-live', 'polite');
      container.append(layer, live);
    },
    onRemove() {
      render(null, layer);
    },
  });
  ui.mount();
  // The host takes no room in the page's layout.
  ui.shadowHost.style.cssText = 'position:fixed;top:0;left:0;width:0;height:0;z-index:2147483647;';

  const cardEl = () => layer.querySelector<HTMLElement>('.mdc-card');
  const move = (rect: DOMRect) => {
    const el = cardEl();
    if (!el) return;
    const { left, top } = place(rect, el.offsetHeight);
    el.style.left = `${left}px`;
    el.style.top = `${top}px`;
  };

  return {
    element: ui.shadowHost as HTMLElement,
    show(req) {
      open = true;
      render(
        <div class={req.dark ? 'mdc-dark' : ''}>
          <Card
            key={req.entity.id + req.rect.top}
            entity={req.entity}
            mentionText={req.mentionText}
            confidence={req.confidence}
            version={req.version}
            autoFocus={req.autoFocus}
            onClose={req.onClose}
          />
        </div>,
        layer,
      );
      move(req.rect);
    },
    reposition: move,
    hide() {
      open = false;
      render(null, layer);
    },
    announce(text) {
      live.textContent = text;
    },
    contains(node) {
      return node === ui.shadowHost || (node instanceof Node && ui.shadowHost.contains(node));
    },
    isOpen: () => open,
    hasFocus: () => document.activeElement === ui.shadowHost,
  };
}
