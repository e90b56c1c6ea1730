/**
 * Sentences of a page's text, as offsets: a claim is one statement, so its parts must sit in one sentence
 * of one block (BLOCK_SEPARATOR). News copy is full of periods that end no sentence ("Aug. 12", "Gov.
 * Gavin Newsom", "U.S. District Judge", "Robert F. Kennedy Jr."), so a period ends a sentence only before
 * a capital and after something that is not a known abbreviation or an initial.
 */
import { BLOCK_SEPARATOR } from './types';

const ABBREVIATIONS = new Set([
  'jan', 'feb', 'mar', 'apr', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'gov', 'sen', 'rep', 'reps', 'sens', 'gen',
  'lt', 'col', 'dr', 'mr', 'mrs', 'ms', 'jr', 'sr', 'st', 'no', 'vs', 'inc', 'corp', 'co', 'ltd', 'dept', 'atty',
  'sra', 'sr', 'dra', 'lic', 'ee', 'uu', 'fig', 'p', 'pp', 'etc', 'approx',
]);

/** Ends of the sentences in text[start, end): each [start, end) pair, trimmed of spaces. */
function splitBlock(text: string, start: number, end: number, out: [number, number][]): void {
  const boundary = /[.!?]+["'\u201D\u2019)\]]*\s+(?=["'\u201C\u2018(\[¿¡]?[A-Z\u00C0-\u00DD0-9])/g;
  boundary.lastIndex = start;
  let from = start;
  const block = text.slice(0, end);
  let m: RegExpExecArray | null;
  while ((m = boundary.exec(block)) !== null) {
    const dot = m.index;
    if (text[dot] === '.') {
      const word = /([A-Za-z\u00C0-\u024F]+)$/.exec(text.slice(Math.max(from, dot - 12), dot))?.[1] ?? '';
      // "F." in "Robert F. Kennedy", "U.S." and "D.C.": one letter (or letter-dot runs) before the period.
      if (word.length === 1 || ABBREVIATIONS.has(word.toLowerCase()) || /[A-Za-z]\.[A-Za-z]$/.test(text.slice(dot - 3, dot))) continue;
    }
    push(text, from, dot + 1, out);
    from = m.index + m[0].length;
  }
  push(text, from, end, out);
}

function push(text: string, start: number, end: number, out: [number, number][]): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) out.push([start, end]);
}

/** Every sentence of a page text, in order, as [start, end) offsets into it. */
export function sentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (;;) {
    const sep = text.indexOf(BLOCK_SEPARATOR, start);
    const end = sep === -1 ? text.length : sep;
    splitBlock(text, start, end, out);
    if (sep === -1) return out;
    start = sep + 1;
  }
}
