/**
 * Folding used to compare what a page says with what the dataset says: diacritics, curly quotes,
 * dashes and spacing never decide whether two forms are the same name.
 */

/** ASCII text folds without Unicode classes, which cost a fresh page a compile. */
const ASCII = /^[\x00-\x7f]*$/;
const MARKS = /[\u0300-\u036f]/g;

/** Lowercase, strip diacritics, drop everything but letters and digits. */
export function foldKey(s: string): string {
  const t = ASCII.test(s) ? s.replace(/&/g, 'and').toLowerCase() : s.replace(/&/g, 'and').normalize('NFD').replace(MARKS, '').toLowerCase();
  // Once only ASCII is left, "letters and digits" is [a-z0-9].
  return ASCII.test(t) ? t.replace(/[^a-z0-9]+/g, '') : t.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Same as foldKey, but keeps case: for aliases that only match with their exact casing (ICE, not "ice"). */
export function foldKeyCased(s: string): string {
  const t = ASCII.test(s) ? s.replace(/&/g, 'and') : s.replace(/&/g, 'and').normalize('NFD').replace(MARKS, '');
  return ASCII.test(t) ? t.replace(/[^A-Za-z0-9]+/g, '') : t.replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * foldKey with only ASCII letters and digits kept, for many texts in a few native calls. Equal to foldKey
 * wherever foldKey gives ASCII; where it does not, the two can differ.
 */
export function asciiKeys(texts: string[]): string[] {
  const loose = (s: string) => s.replace(/&/g, 'and').normalize('NFD').replace(MARKS, '').toLowerCase().replace(/[^a-z0-9\n]+/g, '');
  // Joined by line breaks, which the last step keeps; a text with one of its own is done alone.
  if (texts.some((t) => t.includes('\n'))) return texts.map((t) => loose(t).replace(/\n/g, ''));
  return loose(texts.join('\n')).split('\n');
}

/**
 * One character of page text → the character the matcher compares, keeping length so offsets still point
 * into the original: diacritics folded to their base letter, every kind of inline space to " ", curly
 * apostrophes to "'", typographic hyphens to "-". (The matcher compares plain characters; a normalised copy
 * keeps it simple.) One native scan for the characters that change, as page text has few: cheap on a fresh
 * page, where a loop over every character would run in the interpreter, and on a long one.
 *
 * LATIN is the base letter of each of U+00C0–U+024F whose canonical decomposition starts with an ASCII
 * letter ("." where none does), written out rather than computed with 400 calls to normalize() on every
 * page; a unit test derives it again and compares.
 */
export const LATIN_FROM = 0xc0;
export const LATIN =
  'AAAAAA.CEEEEIIII.NOOOOO..UUUUY..aaaaaa.ceeeeiiii.nooooo..uuuuy.yAaAaAaCcCcCcCcDd..EeEeEeEeEeGgGgGgGg' +
  'Hh..IiIiIiIiI...JjKk.LlLlLl....NnNnNn...OoOoOo..RrRrRrSsSsSsSsTtTt..UuUuUuUuUuUuWwYyYZzZzZz.........' +
  '........................Oo.............Uu............................AaIiOoUuUuUuUuUu.AaAa....GgKkOo' +
  'Oo..j...Gg..NnAa....AaAaEeEeIiIiOoOoRrRrUuUuSsTt..Hh......AaEeOoOoOoOoYy............................';
/** Every character normalizeForMatch changes (most pages have few: one native scan finds them). */
const SPECIAL = /[\t\n\r\u00A0\u202F\u2009\u2018\u2019\u2010\u2011\u00C0-\u024F]/g;
function normal(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= LATIN_FROM) {
    if (c < LATIN_FROM + LATIN.length) return LATIN[c - LATIN_FROM] === '.' ? ch : LATIN[c - LATIN_FROM];
    if (c === 0x2018 || c === 0x2019) return "'";
    if (c === 0x2010 || c === 0x2011) return '-';
  }
  return ' ';
}

export function normalizeForMatch(text: string): string {
  return text.replace(SPECIAL, normal);
}

/**
 * The literal forms one alias can take on a real page (on normalised text): with and without its
 * internal periods ("D.C." / "DC"), with a hyphen or a space ("Medi-Cal" / "Medi Cal", never "Medical"),
 * "&" or "and", with or without a comma before a suffix ("Kennedy, Jr."). A final period is left to the
 * sentence. Literal variants let the matcher compare plain characters (npm run bench).
 */
export function aliasVariants(alias: string): string[] {
  let forms = [normalizeForMatch(alias.normalize('NFC')).replace(/ +/g, ' ').trim().replace(/\.$/, '')];
  const expand = (re: RegExp, ...replacements: string[]) => {
    forms = forms.flatMap((f) => (re.test(f) ? [f, ...replacements.map((r) => f.replace(re, r))] : [f]));
  };
  expand(/\./g, '');
  expand(/-/g, ' ');
  expand(/&/g, 'and');
  expand(/,/g, '');
  return [...new Set(forms.map((f) => f.replace(/ +/g, ' ').trim()))].filter(Boolean);
}
