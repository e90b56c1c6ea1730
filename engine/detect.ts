/**
 * detect: does the page's main content read as coverage of Medicaid data being shared with immigration
 * enforcement? Scored from topic words and entity mentions that occur together in the same paragraphs,
 * ignoring navigation, rails and footers.
 */
import { firstNotBefore, forwardCursor } from './collections';
import type { RawMatch } from './matcher';
import { BLOCK_SEPARATOR, type Detection, type Lexicon, type Mention, type Reason, type Target, type TopicTarget } from './types';

/** Entities that speak for a topic when the lexicon word itself is absent ("CMS" for Medicaid). */
const ENTITY_TOPICS: Record<string, keyof Lexicon> = {
  cms: 'medicaid',
  cmcs: 'medicaid',
  ice: 'enforcement',
  dhs: 'homeland',
};

export const DETECTION_THRESHOLD = 0.6;

/** Topic words become match targets; an all-capitals word is an acronym and must keep its case. */
export function topicTargets(lexicon: Lexicon): TopicTarget[] {
  return (Object.keys(lexicon) as (keyof Lexicon)[]).map((id) => ({
    id,
    kind: 'topic',
    name: lexicon[id][0],
    aliases: lexicon[id].map((t) => (/^[A-Z]{2,}$/.test(t) ? { text: t, rule: 'case' as const } : t)),
  }));
}

/** Start offsets of each block, so a position can be mapped to its paragraph. */
function blockStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf(BLOCK_SEPARATOR); i !== -1; i = text.indexOf(BLOCK_SEPARATOR, i + 1)) starts.push(i + 1);
  return starts;
}

/** Index of the block containing `pos`, for positions asked in ascending order (see forwardCursor). */
const blockCursor = (starts: number[]) => forwardCursor(starts.length - 1, (b, pos) => starts[b + 1] <= pos);

/** Is `pos` inside one of the sorted, disjoint [start, end) spans? */
export function inSpans(spans: number[], pos: number): boolean {
  const i = firstNotBefore(spans.length / 2, (k) => spans[2 * k + 1] <= pos);
  return i < spans.length / 2 && spans[2 * i] <= pos;
}

/** `inSpans` for positions asked in ascending order (see forwardCursor). */
function spansCursor(spans: number[]): (pos: number) => boolean {
  const span = forwardCursor(spans.length / 2, (k, pos) => spans[2 * k + 1] <= pos);
  return (pos) => {
    const k = span(pos);
    return k < spans.length / 2 && spans[2 * k] <= pos;
  };
}

const saturate = (n: number, at: number) => Math.min(1, n / at);

export interface DetectInput {
  text: string;
  peripheral: number[];
  raw: RawMatch<Target>[];
  mentions: Mention[];
  /** Topics named in the page's title (document.title, or a text file's first line). */
  titleTopics?: ReadonlySet<string>;
}

export function detect({ text, peripheral, raw, mentions, titleTopics = new Set() }: DetectInput): Detection {
  const blockOf = blockCursor(blockStarts(text));
  const topic = () => ({ count: 0, blocks: new Set<number>(), examples: new Set<string>() });
  const topics: Record<keyof Lexicon, ReturnType<typeof topic>> = {
    medicaid: topic(),
    enforcement: topic(),
    homeland: topic(),
    dataSharing: topic(),
    eligibilityChecks: topic(),
  };
  const note = (topic: keyof Lexicon, pos: number, word: string) => {
    const t = topics[topic];
    t.count++;
    t.blocks.add(blockOf(pos));
    if (t.examples.size < 4) t.examples.add(word);
  };
  const counted = new Set<number>();
  let coveredUntil = 0;
  const peripheralAt = spansCursor(peripheral);
  for (const m of raw) {
    if (m.start < coveredUntil || peripheralAt(m.start)) continue;
    const topic = m.candidates.find((c) => c.entity.kind === 'topic');
    if (!topic) continue;
    // "Medicaid" inside "Centers for Medicare & Medicaid Services" is one mention, not two.
    note(topic.entity.id as keyof Lexicon, m.start, m.text);
    counted.add(m.start);
    coveredUntil = m.end;
  }
  const mentionPeripheralAt = spansCursor(peripheral);
  const mainMentions = mentions.filter((m) => !mentionPeripheralAt(m.start));
  for (const m of mainMentions) {
    const topic = ENTITY_TOPICS[m.id];
    if (topic && !counted.has(m.start)) note(topic, m.start, m.text);
  }

  // A paragraph links the story when it and its neighbours speak of Medicaid, of enforcement and of data
  // being moved: wire copies often split the three over consecutive short paragraphs.
  let linked = 0;
  for (const b of topics.medicaid.blocks) {
    const near = (t: keyof Lexicon) => topics[t].blocks.has(b) || topics[t].blocks.has(b - 1) || topics[t].blocks.has(b + 1);
    if ((near('enforcement') || near('homeland')) && near('dataSharing')) linked++;
  }
  // DHS counts toward the enforcement signal, unless the page shows DHS only verifying eligibility (USCIS,
  // SAVE, computer matching) and never ICE, deportation or immigration agents.
  const verificationOnly = topics.eligibilityChecks.count > 0 && topics.enforcement.count === 0;
  const enforcement = topics.enforcement.count + (verificationOnly ? 0 : topics.homeland.count);
  const distinct = new Set(mainMentions.map((m) => m.id)).size;
  const titleLinks = titleTopics.has('medicaid') && titleTopics.size >= 2;

  const score =
    0.2 * saturate(topics.medicaid.count, 3) +
    0.15 * saturate(enforcement, 3) +
    0.1 * saturate(topics.dataSharing.count, 3) +
    0.35 * saturate(linked, 2) +
    0.1 * saturate(distinct, 6) +
    0.1 * (titleLinks ? 1 : 0);

  const reasons: Reason[] = [];
  const push = (code: Reason['code'], count: number, examples: Iterable<string> = []) => {
    if (count > 0) reasons.push({ code, count, examples: [...examples] });
  };
  push('medicaid', topics.medicaid.count, topics.medicaid.examples);
  push('enforcement', enforcement, [...topics.enforcement.examples, ...topics.homeland.examples].slice(0, 4));
  push('data-sharing', topics.dataSharing.count, topics.dataSharing.examples);
  push('linked-paragraphs', linked);
  push('entities', distinct);
  push('title', titleLinks ? 1 : 0);

  const detected = score >= DETECTION_THRESHOLD && linked >= 1 && topics.medicaid.count >= 2 && enforcement >= 1;
  return { detected, score: Math.round(score * 1000) / 1000, reasons };
}
