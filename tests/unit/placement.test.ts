import { describe, expect, it } from 'vitest';
import { intersects, lineAt, placeCard, placeSheet, type View } from '../../entrypoints/annotator/placement';
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
