/**
 * Folding used to compare what a page says with what the dataset says: diacritics, curly quotes,
 * dashes and spacing never decide whether two forms are the same name.
 */

/** ASCII text folds without Unicode normalisation or Unicode classes (which cost a fresh page a compile). */
const ASCII = /^[\x00-\x7f]*$/;

/** Lowercase, strip diacritics, drop everything but letters and digits. */
export function foldKey(s: string): string {
  if (ASCII.test(s)) return s.replace(/&/g, 'and').toLowerCase().replace(/[^a-z0-9]+/g, '');
  return s
    .replace(/&/g, 'and')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Same as foldKey, but keeps case: for aliases that only match with their exact casing (ICE, not "ice"). */
export function foldKeyCased(s: string): string {
  if (ASCII.test(s)) return s.replace(/&/g, 'and').replace(/[^A-Za-z0-9]+/g, '');
  return s
    .replace(/&/g, 'and')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * One character of page text → the character the matcher compares, keeping length so offsets still point
 * into the original: diacritics folded to their base letter, every kind of inline space to " ", curly
 * apostrophes to "'", typographic hyphens to "-". (The matcher compares plain characters; a normalised copy
 * keeps it simple.)
 */
const NORMAL: Record<string, string> = { '\t': ' ', '\n': ' ', '\r': ' ', '\u00A0': ' ', '\u202F': ' ', '\u2009': ' ', '\u2018': "'", '\u2019': "'", '\u2010': '-', '\u2011': '-' };
for (let c = 0xc0; c <= 0x24f; c++) {
  const ch = String.fromCharCode(c);
  const base = ch.normalize('NFD')[0];
  if (base !== ch && /^[A-Za-z]$/.test(base)) NORMAL[ch] = base;
}
/** NORMAL as a table up to the last code unit it maps, for a loop instead of a callback per character. */
const TABLE_END = Math.max(...Object.keys(NORMAL).map((ch) => ch.charCodeAt(0))) + 1;
let table: Uint16Array | undefined;
function normalTable(): Uint16Array {
  const t = new Uint16Array(TABLE_END);
  for (let c = 0; c < TABLE_END; c++) t[c] = c;
  for (const ch in NORMAL) t[ch.charCodeAt(0)] = NORMAL[ch].charCodeAt(0);
  return t;
}

export function normalizeForMatch(text: string): string {
  const t = (table ??= normalTable());
  const n = text.length;
  let i = 0;
  // Most text needs nothing, or only from some point on: copy only from the first change.
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < TABLE_END && t[c] !== c) break;
  }
  if (i === n) return text;
  const out = new Uint16Array(n);
  for (let k = 0; k < i; k++) out[k] = text.charCodeAt(k);
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    out[i] = c < TABLE_END ? t[c] : c;
  }
  // TextDecoder is the fast way back to a string, but it would turn lone surrogates into U+FFFD: text that has
  // any goes the slow, exact way.
  if ((text as { isWellFormed?: () => boolean }).isWellFormed?.() === true) return decoder.decode(out);
  const parts: string[] = [];
  for (let k = 0; k < n; k += 8192) parts.push(String.fromCharCode.apply(null, out.subarray(k, k + 8192) as unknown as number[]));
  return parts.join('');
}
// ignoreBOM keeps a leading U+FEFF in the output (by default the decoder would drop it).
const decoder = new TextDecoder('utf-16le', { ignoreBOM: true });

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
