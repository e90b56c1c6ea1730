/** The page-independent engine: detect → match → anchor. Used by the content script, the CLI and tests. */
export { createEngine, prepareEngine, SLICE_CHARS, type Annotated, type Engine } from './annotate';
export { documentMightBeCoverage, gateDocument, gateText, isHugePage, mightBeCoverage, piecesMightBeCoverage, type GateVerdict } from './gate';
export { findStory, inStory, type Story } from './story';
export type { MatcherSpec } from './matcher';
export { dataOffset, isOutsideStory, readPageText, readPageTextSteps, textOf, textParts, type PageTextIndex, type ReadOptions, type TextSource } from './page-text';
export { anchorMention, locate, toRange, type Anchor, type TextPosition } from './anchor';
export { DETECTION_THRESHOLD } from './detect';
export { foldKey } from './fold';
export * from './types';
export { parsePlainText, plainPageText, type PlainArticle } from './plain-text';
export { pushTo } from './collections';
export { compileClaims, prepareClaims, ClaimTemplateError, type ClaimFinder, type ClaimSpec, type ClaimsSpec, type FindOptions } from './claims';
export { readPublished, parsePublishedOption, parseDateValue, sanePublished, STORY_BEGAN, type PublishedReading } from './published';
export { eventsSince, type EventSince } from './since';
export { parseIsoDay } from './dates';
export { packMentions, splitText, unpackMentions, type PackedMentions } from './wire';
