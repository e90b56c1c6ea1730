/**
 * One full annotation pass over a live document: read → engine (match, rules, detect, story) → anchor,
 * as steps, so the annotator can run it in slices (no long task, cancelled when the page navigates or the
 * reader switches the site off) while the benchmark can run exactly the same code in one go.
 * Anchored marks are handed over in reading order as they are made, so underlines appear progressively.
 */
import { anchorMention, mightBeCoverage, readPageTextSteps, type Detection, type Engine, type Mention, type PageTextIndex } from '@/engine';
import type { Mark } from './marks';
import type { ToneReader } from './tone';

export interface PassOptions {
  isOwnUi: (el: Element) => boolean;
  tone: ToneReader;
  /** Receives marks in reading order, a batch at a time. */
  onMarks: (marks: Mark[]) => void;
}

export interface PassResult {
  detection: Detection;
  /** The element holding the story (null: the page has no article container, the story is the whole page). */
  storyRoot: Element | null;
  /** The story's spans in the text (the claim check reads only these). */
  storySpans?: number[];
  index: PageTextIndex | null;
}

const NOT_COVERAGE: Detection = { detected: false, score: 0, reasons: [] };
/** Marks handed over per batch (and per slice of anchoring). */
const BATCH = 400;

/** Can the reader see and not edit this element's text? Memoised per element for one pass. */
export function visibilityCheck(): (el: Element | null) => boolean {
  const memo = new Map<Element, boolean>();
  return (el) => {
    if (!el) return false;
    let ok = memo.get(el);
    if (ok === undefined) {
      const html = el as HTMLElement;
      // Hidden text (collapsed menus, display:none) is not something the reader sees; editable text is theirs
      // (contenteditable, designMode, or the older CSS way, -webkit-user-modify, that isContentEditable misses).
      const modify = getComputedStyle(html).getPropertyValue('-webkit-user-modify');
      ok = (typeof html.checkVisibility !== 'function' || html.checkVisibility()) && !html.isContentEditable && (!modify || modify === 'read-only');
      memo.set(el, ok);
    }
    return ok;
  };
}

/** Anchor engine mentions to marks (dropping what the reader cannot see). */
export function anchorAll(doc: Document, index: PageTextIndex, mentions: Mention[], tone: ToneReader, visible = visibilityCheck()): Mark[] {
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

export function* passSteps(doc: Document, engine: Engine, opts: PassOptions): Generator<void, PassResult, void> {
  const body = doc.body;
  // Most pages never say "Medicaid": textContent is one native read, about the cost of the bare walk,
  // and settles them before any real work.
  if (!body || !mightBeCoverage(body.textContent ?? '', doc.title)) return { detection: NOT_COVERAGE, storyRoot: null, index: null };
  yield;
  const index = yield* readPageTextSteps(body, { isOwnUi: opts.isOwnUi });
  yield;
  const result = yield* engine.steps(index, doc.title);
  if (!result.detection.detected) return { detection: result.detection, storyRoot: null, index };
  const visible = visibilityCheck();
  for (let i = 0; i < result.mentions.length; i += BATCH) {
    yield;
    const marks = anchorAll(doc, index, result.mentions.slice(i, i + BATCH), opts.tone, visible);
    if (marks.length) opts.onMarks(marks);
  }
  const container = result.story?.container ?? -1;
  return { detection: result.detection, storyRoot: container >= 0 ? index.mainElements[container] : null, storySpans: result.story?.spans, index };
}

/** The whole pass in one go (the benchmark, and tests). */
export function runPassNow(doc: Document, engine: Engine, opts: PassOptions): PassResult {
  const run = passSteps(doc, engine, opts);
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
  }
}
