/**
 * What `npm run bench` runs inside real pages: the floor (a bare text walk) and the extension's whole
 * annotation pass (read → match → detect → anchor → paint), on the same document.
 */
import type { MatchIndex } from '../data/match-index';
import { createEngine, pushTo, type EntityKind } from '../engine';
import { runPassNow } from '../entrypoints/annotator/pass';
import type { Mark } from '../entrypoints/annotator/marks';
import { ToneReader } from '../entrypoints/annotator/tone';

/** The floor: a TreeWalker over text nodes, reading the text (collected into one string). */
function walk(): number {
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let t = w.nextNode(); t; t = w.nextNode()) parts.push((t as Text).data);
  return parts.join('').length;
}

/** The content script's pass, then painting its highlights (and clearing them for the next round). */
function annotate(engine: ReturnType<typeof createEngine>): { detected: boolean; mentions: number } {
  const mentions: Mark[] = [];
  const { detection } = runPassNow(document, engine, { isOwnUi: () => false, tone: new ToneReader(), onMarks: (m) => mentions.push(...m) });
  const byKind = new Map<EntityKind, Range[]>();
  for (const a of mentions) pushTo(byKind, a.mention.kind, a.range);
  for (const [kind, ranges] of byKind) CSS.highlights.set(`bench-${kind}`, new Highlight(...ranges));
  CSS.highlights.clear();
  return { detected: detection.detected, mentions: mentions.length };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Times each pass `reps` times; the engine (and its expression) is built once, as in the content script. */
(globalThis as Record<string, unknown>).__bench = (reps: number) => {
  const t0 = performance.now();
  // The same match index the content script gets (bench.ts injects it): prepared matcher included.
  const index = (globalThis as unknown as { __matchIndex: MatchIndex }).__matchIndex;
  const engine = createEngine(index.entities, index.lexicon, index.matcher);
  const first = annotate(engine); // includes compiling the matcher, as a first page load would
  const firstMs = performance.now() - t0;
  const walkMs: number[] = [];
  const passMs: number[] = [];
  let chars = 0;
  let result = first;
  // Timers are coarse (0.1 ms): each sample repeats a pass until it has run for at least 20 ms.
  const sample = (fn: () => void) => {
    let n = 0;
    const t = performance.now();
    do {
      fn();
      n++;
    } while (performance.now() - t < 20);
    return (performance.now() - t) / n;
  };
  for (let i = 0; i < reps; i++) {
    walkMs.push(sample(() => (chars = walk())));
    passMs.push(sample(() => (result = annotate(engine))));
  }
  return { chars, walk: median(walkMs), pass: median(passMs), first: firstMs, ...result };
};
