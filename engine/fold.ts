/**
 * Folding used to compare what a page says with what the dataset says: diacritics, curly quotes,
 * dashes and spacing never decide whether two forms are the same name.
 */

/** Lowercase, strip diacritics, drop everything but letters and digits. */
export function foldKey(s: string): string {
  return s
    .replace(/&/g, 'and')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Same as foldKey, but keeps case: for aliases that only match with their exact casing (ICE, not "ice"). */
export function foldKeyCased(s: string): string {
  return s
    .replace(/&/g, 'and')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Letters a news text may carry with or without a diacritic (Spanish, French names, bad encodings). */
const VARIANTS: Record<string, string> = {
  a: 'aáàâäãå',
  e: 'eéèêë',
  i: 'iíìîï',
  o: 'oóòôöõ',
  u: 'uúùûü',
  n: 'nñ',
  c: 'cç',
};

const INLINE_SPACE = '[ \\t\\n\\r\\u00A0\\u202F\\u2009]';

/**
 * Regex source for one alias, tolerant of what real pages do to names: any run of spaces or line breaks
 * (never a block separator), optional periods ("D.C." / "DC"), optional commas before suffixes, hyphens
 * that may be spaces, soft hyphens, curly apostrophes, and optional diacritics.
 */
export function aliasPattern(alias: string): string {
  let out = '';
  const chars = [...alias.normalize('NFD').replace(/[\u0300-\u036f]/g, '')];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (/\s/.test(ch)) {
      while (i + 1 < chars.length && /\s/.test(chars[i + 1])) i++;
      out += `${INLINE_SPACE}+`;
    } else if (ch === '.') {
      out += '\\.?';
    } else if (ch === ',') {
      out += ',?';
    } else if (ch === '-' || ch === '\u2010' || ch === '\u2011') {
      // A hyphen may be written as a space, never dropped: "Medi-Cal" must not match "Medical".
      out += `(?:[-\\u2010\\u2011\\u00AD]|${INLINE_SPACE}+)`;
    } else if (ch === "'" || ch === '\u2019') {
      out += "['\\u2018\\u2019]";
    } else if (ch === '&') {
      out += `(?:&|and)`;
    } else {
      const lower = ch.toLowerCase();
      const variants = VARIANTS[lower];
      out += variants ? `[${variants}]` : ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
      // Soft hyphens can sit anywhere inside a word in CMS-produced text.
      if (i + 1 < chars.length && /\p{L}/u.test(ch) && /\p{L}/u.test(chars[i + 1])) out += '\\u00AD?';
    }
  }
  return out;
}
