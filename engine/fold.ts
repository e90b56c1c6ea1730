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

/**
 * One character of page text → the character the matcher compares, keeping length so offsets still point
 * into the original: diacritics folded to their base letter, every kind of inline space to " ", curly
 * apostrophes to "'", typographic hyphens to "-". (Regular expressions with non-ASCII classes and the `u`
 * flag are many times slower in V8; a normalised copy keeps the pattern plain.)
 */
const NORMAL: Record<string, string> = { '\t': ' ', '\n': ' ', '\r': ' ', '\u00A0': ' ', '\u202F': ' ', '\u2009': ' ', '\u2018': "'", '\u2019': "'", '\u2010': '-', '\u2011': '-' };
for (let c = 0xc0; c <= 0x24f; c++) {
  const ch = String.fromCharCode(c);
  const base = ch.normalize('NFD')[0];
  if (base !== ch && /^[A-Za-z]$/.test(base)) NORMAL[ch] = base;
}
const SPECIAL = new RegExp(`[${Object.keys(NORMAL).join('').replace(/[\\\]^-]/g, '\\$&').replace(/\t/, '\\t').replace(/\n/, '\\n').replace(/\r/, '\\r')}]`, 'g');

export function normalizeForMatch(text: string): string {
  return text.replace(SPECIAL, (ch) => NORMAL[ch] ?? ch);
}

const escape = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/**
 * The literal forms one alias can take on a real page (on normalised text): with and without its
 * internal periods ("D.C." / "DC"), with a hyphen or a space ("Medi-Cal" / "Medi Cal", never "Medical"),
 * "&" or "and", with or without a comma before a suffix ("Kennedy, Jr."). A final period is left to the
 * sentence. Literal alternatives keep V8's regex scan fast (npm run bench).
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

/**
 * Regex source for one literal form. `spaces` lets a space be a run of spaces (hand-wrapped HTML);
 * `softHyphens` also lets soft hyphens sit inside words (CMS-produced text). Both are slower, so they are
 * only used around the places in a text that need them.
 */
export function variantPattern(form: string, how: 'plain' | 'spaces' | 'softHyphens' = 'plain'): string {
  if (how === 'plain') return escape(form);
  if (how === 'spaces') return escape(form).replace(/ /g, ' +');
  return [...form]
    .map((ch, i, all) => (ch === ' ' ? '[ \\u00AD]+' : escape(ch) + (/[A-Za-z]/.test(ch) && /[A-Za-z]/.test(all[i + 1] ?? '') ? '\\u00AD?' : '')))
    .join('');
}
