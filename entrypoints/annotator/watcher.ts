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
  let cancelQuiet: (() => void) | undefined;
  let cancelMax: (() => void) | undefined;
  const seenEdits = new Set<Text>();

  const flush = () => {
    cancelQuiet?.();
    cancelMax?.();
    cancelQuiet = cancelMax = undefined;
    const changes = batch;
    batch = { edited: [], added: [], removed: [] };
    seenEdits.clear();
    if (changes.edited.length || changes.added.length || changes.removed.length) onChanges(changes);
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
    cancelQuiet?.();
    cancelQuiet = life.timeout(flush, QUIET_MS);
    cancelMax ??= life.timeout(flush, MAX_WAIT_MS);
  });
  // The whole document, not body: some apps replace <body> itself on navigation.
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true, characterDataOldValue: true });
  life.onEnd(() => observer.disconnect());
}
