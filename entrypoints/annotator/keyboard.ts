/**
 * Keyboard access: Alt+Shift+N / Alt+Shift+P move to the next / previous mention and open its card (focus
 * moves into it, so screen readers read it); Alt+Shift+U hides or shows the underlines; Esc closes the card
 * and returns focus. The chord is taken only when there is something to step through, the site is on and the
 * reader is not typing; then the page sees neither its keydown nor its keyup. Keys are heard through the input
 * hub, before any listener of the page's (which could otherwise swallow them). Synthetic keys a page
 * dispatches (isTrusted false) are ignored. event.code, not event.key: on macOS Alt+Shift+N types a character.
 */
import type { InputHub } from './input-hub';
import type { Lifetime } from './lifetime';

export interface KeyboardHandlers {
  /** Mentions to step through, on a site where the extension is on. */
  active(): boolean;
  next(): void;
  previous(): void;
  toggleUnderlines(): void;
  /** Returns true when it closed something (then the page does not see the key). */
  escape(): boolean;
}

const CHORDS: Record<string, keyof Pick<KeyboardHandlers, 'next' | 'previous' | 'toggleUnderlines'>> = {
  KeyN: 'next',
  KeyP: 'previous',
  KeyU: 'toggleUnderlines',
};

/** Is the reader typing? Focus in a form field or editable content, including inside open shadow roots. */
export function typingIn(active: Element | null): boolean {
  let el = active;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  if (!el) return false;
  if (el instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(el.type);
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if ((el as HTMLElement).isContentEditable || el.getAttribute('role') === 'textbox') return true;
  return document.designMode === 'on';
}

export function installKeyboard(life: Lifetime, hub: InputHub, h: KeyboardHandlers): void {
  /** Keys whose keydown we took: their keyup is ours too. */
  const taken = new Set<string>();
  const swallow = (e: KeyboardEvent) => hub.take(e);
  life.onEnd(
    hub.on('keydown', (e) => {
      if (!e.isTrusted || e.isComposing) return;
      if (e.key === 'Escape') {
        if (h.escape()) swallow(e);
        return;
      }
      const action = CHORDS[e.code];
      if (!action || !e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return;
      if (!h.active() || typingIn(document.activeElement)) return;
      taken.add(e.code);
      swallow(e);
      if (!e.repeat || action !== 'toggleUnderlines') h[action]();
    }),
  );
  life.onEnd(
    hub.on('keyup', (e) => {
      if (e.isTrusted && taken.delete(e.code)) swallow(e);
    }),
  );
}
