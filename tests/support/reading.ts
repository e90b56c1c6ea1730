/**
 * Reader-level steps shared by the end-to-end and real-layout suites: open a page, hover or tap a
 * mention, step with the keyboard, photograph the underlines with the extension's underlines on and off.
 * Everything waits by polling with a timeout; nothing asserts on timing.
 */
import { expect } from 'vitest';
import type { AnnotationsResponse, Box, CardState } from '../../utils/messages';
import type { EntityKind } from '../../engine/types';
import { cardProblems } from './geometry';
import { highlightRanges, pageSetup, placeRange, scrollWindowTo, viewportOf } from './in-page';
import { readUnderline, type UnderlineReading } from './pixels';
import type { Image, Reader } from './reader';

export const POLL = { timeout: 8000, interval: 100 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Load a page and wait for the content script's answer. */
export async function open(r: Reader, path: string): Promise<AnnotationsResponse> {
  await r.goto(path);
  // The page's own bookkeeping (in-page.ts pageSetup) has seen this document. Firefox now and then does
  // not run the WebDriver BiDi preload script for a navigation: then install it now, before the extension
  // adds anything (it adds its element when a card first opens).
  const seen = () =>
    r.run(() => {
      const book = (window as unknown as { __mdc?: { own: WeakSet<Node> } }).__mdc;
      return document.readyState === 'loading' ? 'loading' : !book ? 'absent' : book.own.has(document.documentElement) ? 'seen' : 'unseen';
    }, undefined);
  let state = await seen();
  for (let i = 0; i < 30 && state !== 'seen'; i++) {
    await sleep(100);
    state = await seen();
  }
  if (state === 'unseen' || state === 'absent') await r.run(pageSetup, undefined);
  return r.annotations();
}

/** Wait for the card to reach a state (by polling the extension's own account of it). */
export async function cardUntil(r: Reader, ok: (s: CardState) => boolean, what: string, timeout = POLL.timeout): Promise<CardState> {
  const deadline = Date.now() + timeout;
  let last: CardState | undefined;
  let error = '';
  while (Date.now() < deadline) {
    try {
      last = await r.cardState();
      if (ok(last)) return last;
    } catch (e) {
      error = String(e);
    }
    await sleep(POLL.interval);
  }
  throw new Error(`${what}: card state never matched within ${timeout} ms; last ${JSON.stringify(last)}${error ? `; ${error}` : ''}`);
}

export const isOpen = (s: CardState) => s.open === true && !!s.card;

/** Close whatever card is open (Esc; a hover card also closes when the pointer leaves), and wait. */
export async function closeCard(r: Reader): Promise<void> {
  const s = await r.cardState().catch(() => null);
  if (!s?.open) return;
  await r.key('Escape');
  await r.move(2, 2);
  await cardUntil(r, (x) => !x.open, 'closing the card');
}

/** A point of the page where there is no text (the top-left corner of the viewport). */
export const AWAY = { x: 2, y: 2 };

/** Hover a point as a mouse does: arrive from a little to the left, then rest there. */
export async function hover(r: Reader, x: number, y: number): Promise<void> {
  await r.move(Math.max(1, x - 6), y);
  await r.move(x, y, 3);
}

/** The card and mention boxes are sound: inside the viewport, the mention uncovered, and the card really on top. */
export async function expectSoundCard(r: Reader, s: CardState, context: string): Promise<void> {
  const view = await r.run(viewportOf, undefined);
  expect(cardProblems(s, view), context).toEqual([]);
}

/**
 * The underlined mentions, in reading order: each underline (claim tints left out) paired with the mention it
 * draws (`res.annotations` is every mention; an underline is one of them, in the same order). `range` indexes
 * highlightRanges (and placeRange), claims included.
 */
export async function underlinedMentions(r: Reader, res: AnnotationsResponse): Promise<{ range: number; mention: number; kind: EntityKind; text: string }[]> {
  const ranges = await r.run(highlightRanges, {});
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  const out: { range: number; mention: number; kind: EntityKind; text: string }[] = [];
  let at = 0;
  ranges.forEach((x, i) => {
    if (x.claim) return;
    const j = res.annotations.findIndex((a, k) => k >= at && norm(a.text) === x.text);
    if (j === -1) return;
    out.push({ range: i, mention: j, kind: res.annotations[j].kind, text: x.text });
    at = j + 1;
  });
  return out;
}

/** The first underlined mention of each kind, in reading order: its index in highlightRanges. */
export async function firstUnderlinedOfEachKind(r: Reader, res: AnnotationsResponse): Promise<Map<EntityKind, number>> {
  const out = new Map<EntityKind, number>();
  for (const u of await underlinedMentions(r, res)) if (!out.has(u.kind)) out.set(u.kind, u.range);
  return out;
}

export interface MentionShot {
  kind: EntityKind;
  text: string;
  scrollY: number;
  clip: Box;
  on: Image;
}

/**
 * Photograph the first underlined mention of each kind with the underlines as the reader has them: the
 * mention's first line, with room below for the underline.
 */
export async function shootFirstMentions(r: Reader, res: AnnotationsResponse, fraction = 0.45): Promise<MentionShot[]> {
  await r.move(AWAY.x, AWAY.y);
  const shots: MentionShot[] = [];
  for (const [kind, index] of await firstUnderlinedOfEachKind(r, res)) {
    const box = await r.run(placeRange, { index, fraction });
    const clip = { left: Math.max(0, box.left - 3), top: Math.max(0, box.top - 2), width: box.width + 6, height: box.height + 9 };
    await sleep(50);
    shots.push({ kind, text: box.text, scrollY: box.scrollY, clip, on: await r.shot(clip) });
  }
  return shots;
}

/** The same boxes again, at the same scroll positions (underlines now off, or hidden). */
export async function reshoot(r: Reader, shots: MentionShot[]): Promise<Image[]> {
  const out: Image[] = [];
  for (const s of shots) {
    await r.run(scrollWindowTo, s.scrollY);
    await sleep(50);
    out.push(await r.shot(s.clip));
  }
  return out;
}

/** Switch the extension off for the site the reader is on (extension storage), and wait until it is off. */
export async function switchSite(r: Reader, on: boolean, hostname = 'apnews.com'): Promise<void> {
  await r.setStorage({ disabledSites: on ? [] : [hostname] });
  await expect.poll(async () => (await r.annotations()).enabled, POLL).toBe(on);
  // The highlights follow the setting: wait for them too.
  if (!on) await expect.poll(() => r.run(() => [...(CSS.highlights as unknown as Map<string, unknown>).keys()].filter((k) => !k.startsWith('page-')).length, undefined), POLL).toBe(0);
}

export interface UnderlineReport {
  kind: EntityKind;
  text: string;
  reading: UnderlineReading;
  /** Image pixels across the clip: the bar for "enough of the line changed". */
  width: number;
}

/** Read each first mention's underline by comparing it with the extension switched off for the site. */
export async function readUnderlines(r: Reader, res: AnnotationsResponse): Promise<UnderlineReport[]> {
  const shots = await shootFirstMentions(r, res);
  await switchSite(r, false);
  try {
    const offs = await reshoot(r, shots);
    return shots.map((s, i) => ({ kind: s.kind, text: s.text, reading: readUnderline(s.on, offs[i]), width: s.on.width }));
  } finally {
    await switchSite(r, true);
  }
}

/** Step through every stop with Alt+Shift+N; call `check` with each settled card. */
export async function stepThroughEveryStop(
  r: Reader,
  res: AnnotationsResponse,
  check: (s: CardState, i: number) => Promise<void>,
  limit = Infinity,
): Promise<number> {
  let previous = '';
  // The stops are the mentions and the claims the article makes (res.claims), in reading order.
  const claims = (res as { claims?: { id: string }[] }).claims ?? [];
  const stops = Math.min(res.annotations.length + claims.length, limit);
  const ids = new Set([...res.annotations.map((a) => a.id), ...claims.map((c) => c.id)]);
  for (let i = 0; i < stops; i++) {
    await r.chord(['Alt', 'Shift'], 'KeyN');
    // A new stop (consecutive mentions can be of the same entity: the place tells them apart), settled
    // (smooth scrolling ends; the card follows its mention).
    const s = await settledCard(r, (x) => isOpen(x) && ids.has(x.id ?? ''), `stop ${i + 1} of ${stops}`, previous);
    previous = s.where;
    await check(s.state, i);
  }
  return stops;
}

/** The card state with the window's scroll position: together they say where the reader is. */
async function snapshot(r: Reader): Promise<{ state: CardState; where: string }> {
  const [state, y] = await Promise.all([r.cardState(), r.run(() => scrollY, undefined)]);
  return { state, where: JSON.stringify([state.id, state.card, state.mention, state.words, Math.round(y)]) };
}

/**
 * Reads this far apart that agree mean the card has stopped moving: a smooth scroll or a card following its
 * mention changes something every frame (16 ms). Shorter than POLL.interval: stepping through a real layout's
 * hundred stops is most of the layouts suite's time.
 */
const SETTLE_INTERVAL_MS = 40;

/** Poll until the card matches (and differs from `not`), then until it has stopped moving (two reads agree). */
export async function settledCard(
  r: Reader,
  ok: (s: CardState) => boolean,
  what: string,
  not = '',
  timeout = POLL.timeout,
): Promise<{ state: CardState; where: string }> {
  const deadline = Date.now() + timeout;
  let prev: { state: CardState; where: string } | null = null;
  let last = '';
  while (Date.now() < deadline) {
    const now = await snapshot(r).catch((e) => ({ state: { open: false } as CardState, where: String(e) }));
    last = now.where;
    if (ok(now.state) && now.where !== not) {
      if (prev && prev.where === now.where) return now;
      prev = now;
    } else prev = null;
    await sleep(SETTLE_INTERVAL_MS);
  }
  throw new Error(`${what}: no settled card within ${timeout} ms; last ${last}`);
}
