/**
 * The default density (entrypoints/annotator/density.ts): at most a dozen underlines in any stretch of the page
 * one window high, each name once per section, a name refused for room offered again at its next mention.
 */
import { describe, expect, it } from 'vitest';
import { ReadableSelection, ScreenBudget, UNDERLINES_PER_SCREEN } from '../../entrypoints/annotator/density';

/** The most points in any window [t, t + h). */
const fullest = (ys: number[], h: number) => Math.max(0, ...ys.map((t) => ys.filter((y) => y >= t && y < t + h).length));

describe('a screen’s worth of underlines', () => {
  it('never lets any window of the given height hold more than a dozen, whatever order they come in', () => {
    const budget = new ScreenBudget(900);
    const accepted: number[] = [];
    // A dense page: a mention every 7 px for 5,000 px, offered in a shuffled order.
    const ys = Array.from({ length: 700 }, (_, i) => i * 7);
    for (let i = ys.length - 1; i > 0; i--) {
      const j = (i * 7919) % (i + 1);
      [ys[i], ys[j]] = [ys[j], ys[i]];
    }
    for (const y of ys)
      if (budget.fits(y)) {
        budget.add(y);
        accepted.push(y);
      }
    expect(fullest(accepted, 900)).toBeLessThanOrEqual(UNDERLINES_PER_SCREEN);
    // and it does not starve the page: every screen gets some.
    for (let t = 0; t < 5000 - 900; t += 450) expect(accepted.some((y) => y >= t && y < t + 900), `window at ${t}`).toBe(true);
  });

  it('takes a dozen on one line and then nothing within a window of them', () => {
    const budget = new ScreenBudget(900);
    for (let i = 0; i < 12; i++) {
      expect(budget.fits(100)).toBe(true);
      budget.add(100);
    }
    expect(budget.fits(100)).toBe(false);
    expect(budget.fits(999)).toBe(false);
    expect(budget.fits(1000)).toBe(true);
  });
});

describe('the readable selection', () => {
  it('underlines a name once per section, offers a refused name again, and measures only what it may take', () => {
    const sel = new ReadableSelection(new ScreenBudget(900, 2));
    let measured = 0;
    const at = (y: number) => () => (measured++, y);
    expect(sel.offer('cms', 0, at(0))).toBe(true);
    expect(sel.offer('cms', 0, at(10))).toBe(false); // already underlined in this section
    expect(sel.offer('dhs', 0, at(20))).toBe(true);
    expect(sel.offer('ice', 0, at(30))).toBe(false); // no room in this screen
    expect(measured).toBe(3);
    expect(sel.offer('ice', 0, at(1000))).toBe(true); // its next mention, a screen down
    expect(sel.offer('cms', 1, at(1010))).toBe(true); // a new section
    expect(sel.offer('nobox', 1, () => null)).toBe(false);
  });
});
