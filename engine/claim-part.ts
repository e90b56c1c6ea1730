/**
 * What a claim check compared, in words, the same everywhere a verdict is shown (claim card, popup, side
 * panel, citations, handout, ClaimReview): "the month: July 2025", "the count: 20", "who held the title:
 * Kristi Noem". A statement's span is the clause that states it; this says which part of the clause the
 * verdict is about, so that no bare month is ever shown as what was checked. Pure: the words come from
 * locales/ through `t` (keys `claimPart.*`), the values from the check.
 */
import type { ClaimCheck, ClaimPartKind } from './types';

type Translate = (key: string, subs?: (string | number)[]) => string;

/** What the words need from a check (the full ClaimCheck, or the summary the popup gets). */
export type PartOfCheck = Pick<ClaimCheck, 'asserted'> & { part?: { kind: ClaimPartKind; text: string } };

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const COUNT = /^([~<>]?)(\d+(?:\.\d+)?)$/;
const QUALIFIER = { '~': 'claimPart.about', '>': 'claimPart.over', '<': 'claimPart.under' } as const;

/**
 * The value compared, as a reader would write it (`lang` undefined: the browser's own language): a date with its year ("July 2025", "julio de 2025"), a number
 * with its qualifier ("about 79,000,000"), the article's own words for a title holder or a status.
 */
export function partValue(check: PartOfCheck, lang: string | undefined, t: Translate): string | null {
  const part = check.part;
  if (!part) return null;
  const a = check.asserted;
  if (part.kind === 'day' || part.kind === 'month') {
    const day = a.match(ISO_DAY);
    const month = day ? null : a.match(ISO_MONTH);
    const [y, m, d] = day ? [day[1], day[2], day[3]] : month ? [month[1], month[2], '1'] : [];
    if (!y) return part.text;
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    const options: Intl.DateTimeFormatOptions = day ? { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' } : { year: 'numeric', month: 'long', timeZone: 'UTC' };
    return new Intl.DateTimeFormat(lang, options).format(date);
  }
  if (part.kind === 'count') {
    const count = a.match(COUNT);
    if (!count) return part.text;
    const n = new Intl.NumberFormat(lang).format(Number(count[2]));
    return count[1] ? t(QUALIFIER[count[1] as keyof typeof QUALIFIER], [n]) : n;
  }
  return part.text;
}

/** "the month: July 2025": which part of the clause was compared, and the value the article gives it. Null without a part. */
export function partWords(check: PartOfCheck, lang: string | undefined, t: Translate): string | null {
  const value = partValue(check, lang, t);
  return value === null || !check.part ? null : t(`claimPart.${check.part.kind}`, [value]);
}
