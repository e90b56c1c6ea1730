/**
 * One annotation pass over a live document: read → engine → anchor. Shared by the content script and
 * `npm run bench`, so the benchmark measures exactly what readers run.
 */
import { anchorMention, mightBeCoverage, readPageText, type Detection, type Engine, type Mention } from '@/engine';

export interface AnchoredMention {
  mention: Mention;
  range: Range;
  /** Every text node the mention touches, for hit-testing. */
  nodes: Text[];
}

export interface PassResult {
  detection: Detection;
  mentions: AnchoredMention[];
}

const NOT_COVERAGE: Detection = { detected: false, score: 0, reasons: [] };

export function runPass(doc: Document, engine: Engine, isOwnUi: (el: Element) => boolean): PassResult {
  const body = doc.body;
  // Most pages never say "Medicaid": textContent is one native read, about the cost of the bare walk,
  // and settles them before any real work.
  if (!body || !mightBeCoverage(body.textContent ?? '', doc.title)) return { detection: NOT_COVERAGE, mentions: [] };
  const index = readPageText(body, { isOwnUi });
  const result = engine.annotate(index, doc.title);
  const mentions: AnchoredMention[] = [];
  for (const m of result.mentions) {
    const anchor = anchorMention(doc, index, m.start, m.end);
    if (!anchor) continue;
    const parent = anchor.nodes[0].parentElement;
    // Hidden text (collapsed menus, display:none) is not something the reader sees.
    if (parent && typeof parent.checkVisibility === 'function' && !parent.checkVisibility()) continue;
    mentions.push({ mention: m, range: anchor.range, nodes: anchor.nodes });
  }
  return { detection: result.detection, mentions };
}
