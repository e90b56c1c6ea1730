/**
 * One full annotation pass over a live document: read → engine (match, rules, detect, story) → anchor,
 * as steps, so the annotator can run it in slices (no long task, cancelled when the page navigates or the
 * reader switches the site off) while the benchmark can run exactly the same code in one go.
 * Anchored marks are handed over in reading order as they are made, so underlines appear progressively.
 *
 * The engine is whatever `PassEngine` the caller gives: the extension's runs in the background (a step of
 * the pass then waits for its answer: a Promise, awaited by the scheduler), the benchmark's in the page.
 */
import type { Annotated, Detection, GateVerdict, Mention, PageTextIndex } from '@/engine';
import { anchorMention } from '@/engine/anchor';
import { gateText, isHugePage, mightBeCoverage, piecesMightBeCoverage } from '@/engine/gate';
import { readPageTextSteps } from '@/engine/page-text';
import type { Mark } from './marks';
import { renderedCheck } from './rendered';
import type { ToneReader } from './tone';

export interface PassOptions {
  isOwnUi: (el: Element) => boolean;
  tone: ToneReader;
  /** Receives marks in reading order, a batch at a time. */
  onMarks: (marks: Mark[]) => void;
  /**
   * What the gate found on this page just before this pass (the first after the gate loaded the annotator):
   * the pass does not read the page again to find it out. Any other pass gates the page itself.
   */
  gated?: Exclude<GateVerdict, 'no'>;
}

/**
 * What a step of a pass pauses on: nothing (a slice ends, the page may have its thread back) or a Promise
 * (the background's answer), whose value the scheduler hands back to the step.
 */
export type Pause = void | Promise<unknown>;

/** The engine's pipeline (match → rules → detect → story) as steps, wherever it runs. */
export interface PassEngine<A extends Annotated = Annotated> {
  steps(page: PageTextIndex, title: string): Generator<Pause, A, unknown>;
}

export interface PassResult<A extends Annotated = Annotated> {
  detection: Detection;
  /** The engine's answer (null when the cheap gate turned the page away first). */
  answer: A | null;
  /** The element holding the story (null: the page has no article container, the story is the whole page). */
  storyRoot: Element | null;
  index: PageTextIndex | null;
}

const NOT_COVERAGE: Detection = { detected: false, score: 0, reasons: [] };
/** Marks handed over per batch (and per slice of anchoring). */
const BATCH = 400;

/** Anchor engine mentions to marks (dropping what the reader cannot see: rendered.ts). */
export function anchorAll(doc: Document, index: PageTextIndex, mentions: Mention[], tone: ToneReader, visible = renderedCheck()): Mark[] {
  const out: Mark[] = [];
  for (const m of mentions) {
    const a = anchorMention(doc, index, m.start, m.end);
    if (!a) continue;
    const parent = a.nodes[0].parentElement;
    if (!visible(parent)) continue;
    out.push({ mention: m, range: a.range, nodes: a.nodes, onDark: tone.isDark(parent) });
  }
  return out;
}

export function* passSteps<A extends Annotated>(doc: Document, engine: PassEngine<A>, opts: PassOptions): Generator<Pause, PassResult<A>, unknown> {
  const body = doc.body;
  if (!body) return { detection: NOT_COVERAGE, answer: null, storyRoot: null, index: null };
  // Most pages never say "Medicaid": the gate's read (gateText: textContent, unless the body is mostly inline
  // code) settles them before any real work. On a page of tens of thousands of elements that one read is
  // itself a long task, and the walk reads the same text in slices: the gate then looks at what it read.
  const huge = opts.gated ? opts.gated === 'huge' : isHugePage(body);
  if (!huge && !opts.gated && !mightBeCoverage(gateText(body), doc.title)) return { detection: NOT_COVERAGE, answer: null, storyRoot: null, index: null };
  yield;
  const index = yield* readPageTextSteps(body, { isOwnUi: opts.isOwnUi });
  if (huge && !piecesMightBeCoverage(index.pieces ?? [index.text], doc.title)) return { detection: NOT_COVERAGE, answer: null, storyRoot: null, index: null };
  yield;
  const result: A = yield* engine.steps(index, doc.title);
  if (!result.detection.detected) return { detection: result.detection, answer: result, storyRoot: null, index };
  const visible = renderedCheck();
  for (let i = 0; i < result.mentions.length; i += BATCH) {
    yield;
    const marks = anchorAll(doc, index, result.mentions.slice(i, i + BATCH), opts.tone, visible);
    if (marks.length) opts.onMarks(marks);
  }
  const container = result.story?.container ?? -1;
  return { detection: result.detection, answer: result, storyRoot: container >= 0 ? index.mainElements[container] : null, index };
}

/** The whole pass in one go, with an engine in the page (the benchmark, and tests). */
export function runPassNow<A extends Annotated>(doc: Document, engine: PassEngine<A>, opts: PassOptions): PassResult<A> {
  const run = passSteps(doc, engine, opts);
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
    if (step.value) throw new Error('runPassNow needs an engine that runs in the page');
  }
}
