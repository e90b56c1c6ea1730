/** What the reader's eye gets: pixel differences and contrast in screenshots (decoded with pngjs). */
import type { PNG } from 'pngjs';

export type Rgb = [number, number, number];

const at = (img: PNG, i: number): Rgb => [img.data[i], img.data[i + 1], img.data[i + 2]];

/** Two colours differ visibly (beyond anti-aliasing and compression noise). */
const differ = (a: Rgb, b: Rgb, tolerance: number) =>
  Math.abs(a[0] - b[0]) > tolerance || Math.abs(a[1] - b[1]) > tolerance || Math.abs(a[2] - b[2]) > tolerance;

/** Pixels that differ between two screenshots of the same box; `on` gives the colour in the first. */
export function changed(on: PNG, off: PNG, tolerance = 16): Rgb[] {
  if (on.width !== off.width || on.height !== off.height)
    throw new Error(`screenshots differ in size: ${on.width}×${on.height} vs ${off.width}×${off.height}`);
  const out: Rgb[] = [];
  for (let i = 0; i < on.data.length; i += 4) {
    const a = at(on, i);
    if (differ(a, at(off, i), tolerance)) out.push(a);
  }
  return out;
}

/** The most common colour: the page's background behind a line of text. */
export function dominant(img: PNG): Rgb {
  const counts = new Map<number, number>();
  let best = 0;
  let bestCount = 0;
  for (let i = 0; i < img.data.length; i += 4) {
    const key = (img.data[i] << 16) | (img.data[i + 1] << 8) | img.data[i + 2];
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (n > bestCount) [best, bestCount] = [key, n];
  }
  return [(best >> 16) & 255, (best >> 8) & 255, best & 255];
}

/** WCAG relative luminance and contrast ratio. */
export function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

export interface UnderlineReading {
  /** Pixels that differ with the underlines on and off. */
  changed: number;
  /** Of those, how many reach `minContrast` against the background. */
  legible: number;
  background: Rgb;
  /** The changed colour that contrasts most with the background, and its ratio. */
  strongest: { colour: Rgb; ratio: number } | null;
}

/** Compare a mention's box with the extension's underlines on and off. */
export function readUnderline(on: PNG, off: PNG, minContrast = 3): UnderlineReading {
  const background = dominant(off);
  const diff = changed(on, off);
  let legible = 0;
  let strongest: UnderlineReading['strongest'] = null;
  for (const c of diff) {
    const ratio = contrast(c, background);
    if (ratio >= minContrast) legible++;
    if (!strongest || ratio > strongest.ratio) strongest = { colour: c, ratio };
  }
  return { changed: diff.length, legible, background, strongest };
}

export const hex = ([r, g, b]: Rgb) => `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
