/**
 * Keyboard access: Alt+Shift+N / Alt+Shift+P move to the next / previous mention and open its card
 * (focus moves into it, so screen readers read it); Esc closes it and returns focus.
 * event.code, not event.key: on macOS Alt+Shift+N types a character.
 */
import type { ContentScriptContext } from '#imports';

export interface KeyboardHandlers {
  next(): void;
  previous(): void;
  /** Returns true when it closed something (then the page does not see the key). */
  escape(): boolean;
}

export function installKeyboard(ctx: ContentScriptContext, h: KeyboardHandlers): void {
  ctx.addEventListener(
    window,
    'keydown',
    (e) => {
      if (e.defaultPrevented || e.isComposing) return;
      if (e.key === 'Escape') {
        if (h.escape()) {
          e.preventDefault();
          e.stopPropagation();
        }
        return;
      }
      if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return;
      if (e.code === 'KeyN') h.next();
      else if (e.code === 'KeyP') h.previous();
      else return;
      e.preventDefault();
      e.stopPropagation();
    },
    { capture: true },
  );
}
