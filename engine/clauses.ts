/**
 * Clauses of a sentence, as offsets: a claim is a subject, a predicate and a value in one clause ("CMS handed
 * the files to DHS in June, weeks before the states sued": the month dates the transfer, not the suit). A
 * clause ends at a semicolon, a dash, a colon before an article ("It is false that…: the order covers only…"; a
 * list after a colon starts with its first item), or a comma before a conjunction or subordinator that starts another
 * statement. Commas alone do not split (appositions: "Vince Chhabria, a federal judge in San Francisco,
 * ruled…"), nor does "and" (lists: "California, Illinois, and Washington"), nor do relative pronouns ("the 20
 * states that sued").
 */

/** Words that start another clause after a comma (English and Spanish, accents folded). */
const NEXT_CLAUSE = [
  'but', 'while', 'whereas', 'although', 'though', 'because', 'since', 'after', 'before', 'when', 'until',
  'weeks', 'days', 'months', 'so', 'yet', 'pero', 'mientras', 'aunque', 'porque', 'cuando',
  'despues', 'antes', 'hasta', 'semanas', 'dias', 'meses', 'sin embargo', 'lo que',
  // "and" before a time or place phrase starts a new statement; before a noun it continues a list.
  'and in', 'and on', 'and then', 'and later', 'and since', 'y en', 'y luego', 'y despues',
];
const BOUNDARY = new RegExp(
  `\\s*;\\s*|:\\s+(?=(?:the|a|an|this|that|it|they|la|el|los|las|un|una|esta|este|eso|ello)\\s)|\\s+[\\u2014\\u2013]\\s+|\\s+--\\s+|,\\s+(?=(?:${NEXT_CLAUSE.join('|')})(?![A-Za-z\\u00C0-\\u024F]))`,
  'gi',
);

/** [start, end) pairs of the clauses of `sentence`, relative to it, trimmed. */
export function clauses(sentence: string): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  BOUNDARY.lastIndex = 0;
  for (let m; (m = BOUNDARY.exec(sentence)); ) {
    push(sentence, from, m.index, out);
    from = m.index + m[0].length;
  }
  push(sentence, from, sentence.length, out);
  return out;
}

function push(s: string, start: number, end: number, out: [number, number][]): void {
  while (start < end && /[\s,]/.test(s[start])) start++;
  // The "and" that joined it to the clause before is not part of this one ("…, and in a December order …").
  start += /^(?:and|y)\s+(?=(?:in|on|then|later|since|en|luego|despues)\b)/i.exec(s.slice(start, end))?.[0].length ?? 0;
  while (end > start && /[\s,.]/.test(s[end - 1])) end--;
  if (end > start) out.push([start, end]);
}

/** The clause holding [start, end) (or the run of clauses it spans). */
export function clauseAround(list: readonly [number, number][], start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  for (const [cs, ce] of list) {
    if (ce <= start || cs >= end) continue;
    s = Math.min(s, cs);
    e = Math.max(e, ce);
  }
  return [s, e];
}
