import { describe, expect, it } from 'vitest';
import { intersects, lineAt, placeCard, placeNote, placeSheet, type View } from '../../entrypoints/annotator/placement';
import type { Box } from '../../utils/messages';

const view: View = { left: 0, top: 0, width: 1200, height: 900 };
const card = { width: 400, height: 300 };
const word = (left: number, top: number, width = 100, height = 20): Box => ({ left, top, width, height });
const boxOf = (p: { left: number; top: number; maxHeight?: number }, size = card): Box => ({ left: p.left, top: p.top, width: size.width, height: p.maxHeight ?? size.height });
const inside = (b: Box, v: View) => b.left >= v.left && b.top >= v.top && b.left + b.width <= v.left + v.width && b.top + b.height <= v.top + v.height;

describe('placeCard', () => {
  it('puts the card below a mention in the upper part of the window', () => {
    const p = placeCard([word(100, 100)], card, view);
    expect(p.side).toBe('below');
    expect(intersects(boxOf(p), word(100, 100))).toBe(false);
  });

  it('puts it above a mention near the bottom', () => {
    const p = placeCard([word(100, 800)], card, view);
    expect(p.side).toBe('above');
    expect(intersects(boxOf(p), word(100, 800))).toBe(false);
  });

  it('never covers a mention anywhere in the window, and stays inside it', () => {
    for (let top = 0; top <= 880; top += 20)
      for (const left of [0, 500, 1100]) {
        const m = word(left, top);
        const p = placeCard([m], card, view);
        const b = boxOf(p);
        expect(intersects(b, m), `${left},${top}`).toBe(false);
        expect(inside(b, view), `${left},${top}`).toBe(true);
      }
  });

  it('goes beside the mention when the window is too short above and below (200 % zoom)', () => {
    const short: View = { left: 0, top: 0, width: 600, height: 450 };
    const tall = { width: 250, height: 300 };
    const m = word(20, 200);
    const p = placeCard([m], tall, short);
    expect(['right', 'left']).toContain(p.side);
    const b = boxOf(p, tall);
    expect(intersects(b, m)).toBe(false);
    expect(inside(b, short)).toBe(true);
  });

  it('keeps clear of every line of a wrapped mention, anchoring to the line under the pointer', () => {
    const lines = [word(700, 400, 300), word(0, 420, 120)];
    const p = placeCard(lines, card, view, { x: 50, y: 430 });
    for (const l of lines) expect(intersects(boxOf(p), l)).toBe(false);
    expect(p.left).toBeLessThan(100); // under the second line, where the pointer is
    expect(lineAt(lines, { x: 50, y: 430 })).toBe(lines[1]);
  });

  it('shortens the card rather than covering the mention when nothing fits whole', () => {
    const tiny: View = { left: 0, top: 0, width: 380, height: 400 };
    const m = word(10, 190, 360);
    const p = placeCard([m], { width: 364, height: 500 }, tiny);
    expect(p.maxHeight).toBeDefined();
    const b = boxOf(p, { width: 364, height: 500 });
    expect(intersects(b, m)).toBe(false);
    expect(inside(b, tiny)).toBe(true);
  });

  it('goes beside a clause that spans the column narrower, whole, rather than shortened to scroll above or below it', () => {
    // 1280×800, a two-line clause in the middle of an 840-px column: 424 px to its right, 370 above and below.
    const laptop: View = { left: 0, top: 0, width: 1280, height: 800 };
    const clause = [word(107, 380, 733, 27), word(107, 407, 440, 27)];
    const wide = { width: 460, height: 520 };
    // The text reflows: narrower is taller.
    const heightAt = (w: number) => Math.ceil((wide.height * wide.width) / w);
    const p = placeCard(clause, wide, laptop, undefined, heightAt);
    expect(p).toMatchObject({ side: 'right', width: 1280 - 8 - (840 + 8) });
    expect(p.maxHeight).toBeUndefined();
    const b = { left: p.left, top: p.top, width: p.width!, height: heightAt(p.width!) };
    for (const line of clause) expect(intersects(b, line)).toBe(false);
    expect(inside(b, laptop)).toBe(true);
  });

  it('goes below or above a clause in a centred column wider, whole, when there is no room beside it', () => {
    const laptop: View = { left: 0, top: 0, width: 1280, height: 800 };
    // A column from 270 to 1006: 254 px on either side; the clause low in the window.
    const clause = [word(270, 475, 736, 27), word(270, 504, 110, 27)];
    const card = { width: 460, height: 546 };
    const heightAt = (w: number) => Math.ceil((card.height * card.width) / w);
    const p = placeCard(clause, card, laptop, undefined, heightAt);
    expect(p.side).toBe('above');
    expect(p.width).toBeGreaterThan(460);
    expect(p.maxHeight).toBeUndefined();
    const b = { left: p.left, top: p.top, width: p.width!, height: heightAt(p.width!) };
    for (const line of clause) expect(intersects(b, line)).toBe(false);
    expect(inside(b, laptop)).toBe(true);
    // A window too small for any width to help: shortened as before.
    const low = [word(270, 180, 736, 27), word(270, 209, 110, 27)];
    const tiny = placeCard(low, card, { ...laptop, height: 400 }, undefined, heightAt);
    expect(tiny.width).toBeUndefined();
    expect(tiny.maxHeight).toBeDefined();
  });

  it('works in a visual viewport scrolled inside the layout viewport (pinch zoom)', () => {
    const zoomed: View = { left: 300, top: 500, width: 400, height: 300 };
    const m = word(350, 540);
    const p = placeCard([m], { width: 380, height: 200 }, zoomed);
    const b = boxOf(p, { width: 380, height: 200 });
    expect(intersects(b, m)).toBe(false);
    expect(inside(b, zoomed)).toBe(true);
  });
});

describe('placeSheet (phones)', () => {
  const phone: View = { left: 0, top: 0, width: 375, height: 667 };
  it('docks at the bottom for a mention in the upper half, at the top for one below', () => {
    const upper = word(20, 100);
    const a = placeSheet([upper], 300, phone);
    expect(a.top + 300).toBeLessThanOrEqual(667);
    expect(intersects({ left: a.left, top: a.top, width: 359, height: 300 }, upper)).toBe(false);
    const lower = word(20, 560);
    const b = placeSheet([lower], 300, phone);
    expect(b.top).toBeLessThan(100);
    expect(intersects({ left: b.left, top: b.top, width: 359, height: 300 }, lower)).toBe(false);
  });
});

describe('placeNote (presentation mode)', () => {
  // A projector's 1280×720; a news column 106–854 px wide, lines of 27 px.
  const projector: View = { left: 0, top: 0, width: 1280, height: 720 };
  const column = { left: 106, right: 854 };
  const line = 27;
  /** A note that wraps like text: its area is fixed, so it grows taller as it gets narrower. */
  const note = (area: number) => (width: number) => Math.ceil(area / width);
  const layoutAt = (mentionTop: number, sentence: [number, number] = [mentionTop, mentionTop + 20]) => {
    const tight = { top: mentionTop + 10 - 1.5 * line, bottom: mentionTop + 10 + 1.5 * line };
    return { column, tight, band: { top: Math.min(tight.top, sentence[0]), bottom: Math.max(tight.bottom, sentence[1]) } };
  };
  const boxOfNote = (p: { left: number; top: number; width: number; maxHeight?: number }, measure: (w: number) => number): Box => ({
    left: p.left,
    top: p.top,
    width: p.width,
    height: p.maxHeight ?? measure(p.width),
  });

  it('goes across the screen, below the sentence, when the column leaves too little room beside it', () => {
    const measure = note(400 * 960);
    const layout = layoutAt(100, [60, 160]);
    const p = placeNote(layout, measure, projector);
    expect(p.side).toBe('below');
    expect(p.width).toBe(960);
    const b = boxOfNote(p, measure);
    expect(b.top).toBeGreaterThanOrEqual(layout.band.bottom);
    expect(inside(b, projector)).toBe(true);
  });

  it('goes above when the sentence is low on the screen, and never over the mention’s line and the lines around it', () => {
    const measure = note(400 * 960);
    for (let top = 40; top <= 660; top += 20) {
      const layout = layoutAt(top);
      const p = placeNote(layout, measure, projector);
      const b = boxOfNote(p, measure);
      const band: Box = { left: column.left, top: layout.tight.top, width: column.right - column.left, height: layout.tight.bottom - layout.tight.top };
      expect(intersects(b, band), `mention at ${top}`).toBe(false);
      expect(inside(b, projector), `mention at ${top}`).toBe(true);
    }
    expect(placeNote(layoutAt(600), measure, projector).side).toBe('above');
  });

  it('leaves the whole sentence when it can, and only the lines around the mention when it must', () => {
    const measure = note(520 * 960);
    // A four-line sentence from 100 to 208: the note does not fit below it, but fits below the mention's lines.
    const layout = layoutAt(100, [100, 208]);
    const p = placeNote(layout, measure, projector);
    expect(p.maxHeight).toBeUndefined();
    const b = boxOfNote(p, measure);
    expect(b.top).toBeGreaterThanOrEqual(layout.tight.bottom);
    expect(b.top).toBeLessThan(layout.band.bottom);
    // Against the bottom edge: what lies between stays readable.
    expect(b.top + b.height).toBe(720 - 8);
  });

  it('goes beside the column on a wide screen, centred on the mention, the whole column left readable', () => {
    const wide: View = { left: 0, top: 0, width: 1920, height: 1080 };
    const measure = note(500 * 640);
    const layout = { ...layoutAt(300), column: { left: 410, right: 1158 } };
    const p = placeNote(layout, measure, wide);
    expect(p.side).toBe('right');
    expect(p.left).toBeGreaterThanOrEqual(1158);
    expect(p.width).toBe(640);
    const b = boxOfNote(p, measure);
    expect(b.top).toBeLessThan(310);
    expect(b.top + b.height).toBeGreaterThan(310);
    expect(inside(b, wide)).toBe(true);
  });

  it('shortens a note too tall for the space left, which then scrolls', () => {
    const measure = note(900 * 960);
    const p = placeNote(layoutAt(300), measure, projector);
    expect(p.maxHeight).toBeDefined();
    expect(inside(boxOfNote(p, measure), projector)).toBe(true);
  });
});
