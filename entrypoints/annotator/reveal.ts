/**
 * Bring a mention into view for keyboard stepping, scrolling only the window — never a page's own scrolling
 * containers (scrollIntoView scrolls every ancestor, which moved a hidden news-stream container on Yahoo by
 * thousands of pixels and left it there). A mention the window cannot reveal is skipped.
 */

/** Is some part of the range's box inside the window, and not clipped away by an ancestor's overflow? */
export function onScreen(range: Range): boolean {
  const r = range.getBoundingClientRect();
  if (!r.width && !r.height) return false;
  if (r.bottom < 0 || r.top > innerHeight || r.right < 0 || r.left > innerWidth) return false;
  return !clippedByAncestor(range, r);
}

function clippedByAncestor(range: Range, r: DOMRect): boolean {
  for (let el = range.startContainer.parentElement; el && el !== document.body && el !== document.documentElement; el = el.parentElement) {
    const style = getComputedStyle(el);
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    const box = el.getBoundingClientRect();
    if (r.bottom <= box.top || r.top >= box.bottom || r.right <= box.left || r.left >= box.right) return true;
  }
  return false;
}

/**
 * Where the window would have to scroll to show the range a third of the way down (`always`: a fifth, or at
 * `at` px from the top); null if it cannot.
 */
function windowTarget(range: Range, always: boolean, at?: number): { top: number; left: number } | null {
  const r = range.getBoundingClientRect();
  if (!r.width && !r.height) return null;
  if (clippedByAncestor(range, r)) return null;
  const margin = 80;
  const top = always || r.top < margin || r.bottom > innerHeight - margin ? scrollY + r.top - (at ?? innerHeight / (always ? 5 : 3)) : scrollY;
  const left = r.left < 0 || r.right > innerWidth ? scrollX + r.left - 16 : scrollX;
  return { top: Math.max(0, top), left: Math.max(0, left) };
}

/**
 * Scroll the window to the mention; false if the window cannot show it (clipped by a container, not
 * rendered). `always`: bring it near the top even if visible (presentation: room for the note below), at `at`
 * px from the top when given.
 */
export function revealInWindow(range: Range, always = false, at?: number): boolean {
  const target = windowTarget(range, always, at);
  if (!target) return false;
  if (target.top !== scrollY || target.left !== scrollX) {
    // Instant, whatever the reader's motion settings: the card is placed against where the mention ends up.
    window.scrollTo({ top: target.top, left: target.left, behavior: 'instant' });
  }
  return onScreen(range);
}
