/**
 * Watch the page for changes (single-page apps, live blogs, infinite scroll, text edited in place) and hand
 * them over in batches: after a short quiet period, and at the latest after a maximum wait, so a page that
 * never stops changing (a ticking clock, an animation driven by DOM writes) cannot starve the updates.
 * Changes to the extension's own host element are not the page's and are ignored.
 */
import type { Lifetime } from './lifetime';

export interface PageChanges {
  /** Text nodes whose characters changed in place, with what they said before. */
  edited: { node: Text; before: string }[];
  /** Nodes added (each reported once; may have left again by the time the batch is handed over). */
  added: Node[];
  /** Nodes removed. */
  removed: Node[];
}

/** Quiet period before a batch is handed over: apps mutate in bursts. */
export const QUIET_MS = 150;
/** Longest a change waits, however busy the page. */
export const MAX_WAIT_MS = 1000;

export function watchPage(life: Lifetime, isOwn: (node: Node) => boolean, onChanges: (changes: PageChanges) => void): void {
  let batch: PageChanges = { edited: [], added: [], removed: [] };
  const seenEdits = new Set<Text>();
  // One timer per batch, not one per mutation: a page that changes many times a second (a ticker, an animation
  // driven by DOM writes) would otherwise clear and set a timer on every change. When it fires, it hands the
  // batch over if the page has been quiet long enough (or the batch has waited its longest), else waits again.
  let pending: (() => void) | undefined;
  let firstChange = 0;
  let lastChange = 0;

  // Only `check` flushes, once its timer has fired: nothing is pending then.
  const flush = () => {
    const changes = batch;
    batch = { edited: [], added: [], removed: [] };
    seenEdits.clear();
    if (changes.edited.length || changes.added.length || changes.removed.length) onChanges(changes);
  };
  const due = () => Math.min(lastChange + QUIET_MS, firstChange + MAX_WAIT_MS);
  const check = () => {
    pending = undefined;
    const wait = due() - performance.now();
    // Timers may fire a little early: a millisecond's grace, so a quiet page is not asked to wait again for it.
    if (wait <= 1) flush();
    else pending = life.timeout(check, wait);
  };

  const observer = new MutationObserver((records) => {
    let relevant = false;
    for (const r of records) {
      if (isOwn(r.target)) continue;
      if (r.type === 'characterData') {
        const node = r.target as Text;
        if (!seenEdits.has(node)) {
          seenEdits.add(node);
          batch.edited.push({ node, before: r.oldValue ?? '' });
        }
        relevant = true;
        continue;
      }
      for (const n of r.addedNodes) if (!isOwn(n)) (batch.added.push(n), (relevant = true));
      for (const n of r.removedNodes) if (!isOwn(n)) (batch.removed.push(n), (relevant = true));
    }
    if (!relevant) return;
    lastChange = performance.now();
    if (pending) return;
    firstChange = lastChange;
    pending = life.timeout(check, QUIET_MS);
  });
  // The whole document, not body: some apps replace <body> itself on navigation.
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true, characterDataOldValue: true });
  life.onEnd(() => observer.disconnect());
}
