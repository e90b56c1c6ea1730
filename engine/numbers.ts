/**
 * Counts as articles write them, in English and Spanish: "20", "twenty", "twenty-two", "veintidós",
 * "treinta y dos", "79 million", "1.6 millones", "79,000,000", with the hedges that change what the
 * number asserts ("nearly 80 million" is not the claim "80 million").
 *
 * The claim patterns run on normalised text (engine/fold.ts: diacritics folded, same length), so the
 * word lists here are unaccented.
 */

const UNITS_EN = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS_EN = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const UNITS_ES = ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez', 'once', 'doce', 'trece', 'catorce', 'quince', 'dieciseis', 'diecisiete', 'dieciocho', 'diecinueve', 'veinte', 'veintiuno', 'veintidos', 'veintitres', 'veinticuatro', 'veinticinco', 'veintiseis', 'veintisiete', 'veintiocho', 'veintinueve'];
const TENS_ES = ['', '', '', 'treinta', 'cuarenta', 'cincuenta', 'sesenta', 'setenta', 'ochenta', 'noventa'];

/** Every number word up to 99 → its value (English and Spanish, with the usual spellings). */
const WORD_VALUE = new Map<string, number>();
UNITS_EN.forEach((w, i) => WORD_VALUE.set(w, i));
UNITS_ES.forEach((w, i) => WORD_VALUE.set(w, i));
WORD_VALUE.set('una', 1).set('un', 1).set('veintiun', 21).set('veintiuna', 21).set('cien', 100).set('hundred', 100).set('a hundred', 100);
for (let t = 2; t <= 9; t++) {
  WORD_VALUE.set(TENS_EN[t], t * 10);
  for (let u = 1; u <= 9; u++) {
    WORD_VALUE.set(`${TENS_EN[t]}-${UNITS_EN[u]}`, t * 10 + u);
    WORD_VALUE.set(`${TENS_EN[t]} ${UNITS_EN[u]}`, t * 10 + u);
  }
}
for (let t = 3; t <= 9; t++) {
  WORD_VALUE.set(TENS_ES[t], t * 10);
  for (let u = 1; u <= 9; u++) WORD_VALUE.set(`${TENS_ES[t]} y ${UNITS_ES[u]}`, t * 10 + u);
}

const MULTIPLIERS: [string, number][] = [
  ['mil millones', 1e9], ['billion', 1e9], ['millions', 1e6], ['million', 1e6], ['millones', 1e6], ['millon', 1e6],
  ['thousand', 1e3], ['mil', 1e3],
];

/** How a hedge changes what the count asserts. */
export type CountQualifier = 'approx' | 'min' | 'max';

const QUALIFIERS: [string, CountQualifier][] = [
  ['an estimated', 'approx'], ['approximately', 'approx'], ['nearly', 'approx'], ['almost', 'approx'], ['about', 'approx'],
  ['around', 'approx'], ['roughly', 'approx'], ['some', 'approx'], ['alrededor de', 'approx'], ['cerca de', 'approx'],
  ['aproximadamente', 'approx'], ['casi', 'approx'], ['unos', 'approx'], ['unas', 'approx'],
  ['more than', 'min'], ['at least', 'min'], ['over', 'min'], ['mas de', 'min'], ['al menos', 'min'],
  ['fewer than', 'max'], ['less than', 'max'], ['under', 'max'], ['up to', 'max'], ['menos de', 'max'], ['hasta', 'max'],
];

const byLength = (a: string, b: string) => b.length - a.length;
const alternation = (words: Iterable<string>) => [...words].sort(byLength).map((w) => w.replace(/ /g, '\\s+')).join('|');

const DIGITS_EN = 'one|two|three|four|five|six|seven|eight|nine';
const DIGITS_ES = 'uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve';
/**
 * Number words as a structure, not a list (a list of every form is many times larger and slower):
 * tens with an optional unit, then the single words. "un"/"una" alone is an article, so it counts only
 * before a multiplier ("un millón").
 */
const WORDS = [
  `(?:${TENS_EN.filter(Boolean).join('|')})(?:[- ](?:${DIGITS_EN}))?`,
  `(?:${TENS_ES.filter(Boolean).join('|')})(?: y (?:${DIGITS_ES}|un))?`,
  `veinti(?:${DIGITS_ES}|un)|dieci(?:seis|siete|ocho|nueve)`,
  [...UNITS_EN.slice(1), ...UNITS_ES.slice(1, 21), 'cien', 'hundred'].sort(byLength).join('|'),
  'una?(?=\\s+(?:millon|millones|mil\\b))',
].join('|');

/**
 * Regex source (for the normalised text, flag `i`) for one count: an optional hedge, digits or words,
 * an optional multiplier. No capture groups: the matched text goes to parseCount.
 */
export const COUNT_PATTERN = `(?:(?:${alternation(QUALIFIERS.map(([q]) => q))})\\s+)?(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:[.,]\\d+)?|(?:${WORDS})(?![a-z]))(?:\\s+(?:${alternation(MULTIPLIERS.map(([m]) => m))})(?![a-z]))?`;

export interface Count {
  value: number;
  qualifier?: CountQualifier;
}

/** The value of a count as COUNT_PATTERN matched it; null when it is not one. */
export function parseCount(raw: string): Count | null {
  let s = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  let qualifier: CountQualifier | undefined;
  for (const [q, kind] of QUALIFIERS)
    if (s.startsWith(q + ' ')) {
      qualifier = kind;
      s = s.slice(q.length + 1);
      break;
    }
  let multiplier = 1;
  for (const [m, factor] of MULTIPLIERS)
    if (s.endsWith(' ' + m)) {
      multiplier = factor;
      s = s.slice(0, -m.length - 1);
      break;
    }
  let base: number;
  if (/^\d/.test(s)) {
    // "1,6 millones" is a decimal comma; "79,000,000" and "1,600" are thousands separators.
    const decimalComma = multiplier > 1 && /^\d+,\d{1,2}$/.test(s);
    base = Number(decimalComma ? s.replace(',', '.') : s.replace(/,(?=\d{3}(\D|$))/g, ''));
  } else {
    base = WORD_VALUE.get(s) ?? NaN;
  }
  if (!Number.isFinite(base)) return null;
  return { value: Math.round(base * multiplier), ...(qualifier ? { qualifier } : {}) };
}
