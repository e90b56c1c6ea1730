/**
 * What `npm run bench` runs inside real pages (main world, extension not loaded): the floor (a bare text
 * walk), the extension's whole annotation pass (read → match → detect → anchor → paint) with its engine
 * already warm, and mark.js highlighting the same terms, all on the same document. The extension runs the
 * engine in its background; here it runs in the page, so the pass is all the work wherever it runs.
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

/** Timers are coarse (0.1 ms): each sample repeats `fn` until it has run for at least 20 ms. */
function sample(fn: () => void): number {
  let n = 0;
  const t = performance.now();
  do {
    fn();
    n++;
  } while (performance.now() - t < 20);
  return (performance.now() - t) / n;
}

const scope = globalThis as Record<string, unknown>;

/** Times the walk and the pass `reps` times each; the engine is built and warmed first, as on a page already annotated once. */
scope.__bench = (reps: number) => {
  // The same match index the background's engine gets (bench.ts injects it).
  const index = (globalThis as unknown as { __matchIndex: MatchIndex }).__matchIndex;
  const engine = createEngine(index.entities, index.lexicon, index.matcher);
  let result = annotate(engine);
  const walkMs: number[] = [];
  const passMs: number[] = [];
  let chars = 0;
  for (let i = 0; i < reps; i++) {
    walkMs.push(sample(() => (chars = walk())));
    passMs.push(sample(() => (result = annotate(engine))));
  }
  return { chars, walk: median(walkMs), pass: median(passMs), ...result };
};

interface MarkInstance {
  markRegExp(re: RegExp, opt: { done: (n: number) => void }): void;
  unmark(opt: { done: () => void }): void;
}

/**
 * mark.js (bench.ts injects it) highlighting the same literal variants as one case-insensitive expression,
 * its fastest mode (one walk). It wraps each match in an element, so each round is undone (untimed).
 */
scope.__markjs = (reps: number, source: string) => {
  const Mark = (globalThis as unknown as { Mark: new (ctx: Element) => MarkInstance }).Mark;
  const re = new RegExp(source, 'gi');
  const times: number[] = [];
  let marks = 0;
  for (let i = 0; i < reps; i++) {
    let spent = 0;
    let n = 0;
    do {
      const instance = new Mark(document.body);
      const t = performance.now();
      instance.markRegExp(re, { done: (count) => (marks = count) });
      spent += performance.now() - t;
      n++;
      instance.unmark({ done: () => {} });
    } while (spent < 20);
    times.push(spent / n);
  }
  return { markjs: median(times), marks };
};
