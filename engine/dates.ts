/**
 * Dates as articles write them, in English and Spanish ("Aug. 12, 2025", "12 de agosto de 2025", "in July",
 * "a December order", "2025-08-12"), and the ISO day arithmetic the claim checks need. A date keeps the
 * precision it was written with: "in August" asserts a month, not the first of it.
 */

const MONTHS_EN = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const ABBR_EN = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sept', 'oct', 'nov', 'dec'];
const MONTHS_ES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

const MONTH_NUMBER = new Map<string, number>();
MONTHS_EN.forEach((m, i) => MONTH_NUMBER.set(m, i + 1));
ABBR_EN.forEach((m, i) => MONTH_NUMBER.set(m, i + 1));
MONTHS_ES.forEach((m, i) => MONTH_NUMBER.set(m, i + 1));
MONTH_NUMBER.set('sep', 9).set('setiembre', 9);

const byLength = (a: string, b: string) => b.length - a.length;
const FULL_EN = [...MONTHS_EN].sort(byLength).join('|');
const ANY_EN = `(?:${[...MONTHS_EN, ...ABBR_EN, 'sep'].sort(byLength).join('|')})\\.?`;
const ES = [...MONTHS_ES, 'setiembre'].sort(byLength).join('|');
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
const YEAR = '(?:19|20)\\d{2}';

/**
 * Regex source (normalised text, flag `i`, no capture groups) for one date expression, longest forms
 * first. A month on its own is included: callers check its casing (English "May" is also a verb).
 */
export const DATE_PATTERN = [
  `${YEAR}-\\d{2}-\\d{2}`,
  `(?:${ANY_EN})\\s+${DAY}(?:,?\\s+${YEAR})?`,
  `${DAY}\\s+(?:of\\s+)?(?:${ANY_EN})(?:,?\\s+${YEAR})?`,
  `(?:${FULL_EN})(?:\\s+of)?,?\\s+${YEAR}`,
  `\\d{1,2}\\s+de\\s+(?:${ES})(?:\\s+(?:de|del)\\s+${YEAR})?`,
  `(?:${ES})\\s+(?:de|del)\\s+${YEAR}`,
  `(?:${FULL_EN}|${ES})`,
]
  .map((p) => `(?:${p})`)
  .join('|');

/**
 * Days written relative to the article's own date, as news copy writes the last week's events and the next
 * week's ("Tuesday", "on Monday", "Starting Tuesday", "el lunes", "yesterday", "this week", "last month"). They
 * mean something only against a publication date (toIso). A weekday is the latest one on or before the
 * publication date, or, after "starting", "next" or "a partir del", the first one after it.
 */
const WEEKDAYS_EN = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAYS_ES = ['domingo', 'lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado'];
const FORWARD = '(?:starting|beginning|from|as of|effective|next|a partir del?|desde el proximo|el proximo|este proximo)';
export const RELATIVE_DATE_PATTERN = [
  `(?:${FORWARD}\\s+)?(?:(?:on|this|last|past|el|este|el pasado|pasado)\\s+)?(?:${[...WEEKDAYS_EN, ...WEEKDAYS_ES].join('|')})(?:\\s+pasado)?`,
  'yesterday',
  'ayer',
  '(?:earlier\\s+)?this week',
  '(?:a principios de\\s+)?esta semana',
  'last month',
  'el mes pasado',
]
  .map((p) => `(?:${p})`)
  .join('|');

/** A date as written: year may be missing ("June 13"), day may be missing ("in June 2025"). */
export interface DateExpr {
  year?: number;
  month: number;
  day?: number;
  /** A day relative to the publication date (month and day are then placeholders, 0). */
  relative?: { weekday: number; forward: boolean } | { days: number } | { week: true } | { lastMonth: true };
}

/** A relative day as written ("on Tuesday", "a partir del lunes", "yesterday"), or null. */
export function parseRelativeDate(raw: string): DateExpr | null {
  const s = raw
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!new RegExp(`^(?:${RELATIVE_DATE_PATTERN})$`).test(s)) return null;
  if (s === 'yesterday' || s === 'ayer') return { month: 0, relative: { days: -1 } };
  if (/week|semana/.test(s)) return { month: 0, relative: { week: true } };
  if (/month|mes/.test(s)) return { month: 0, relative: { lastMonth: true } };
  const word = s.split(' ').find((w) => WEEKDAYS_EN.includes(w) || WEEKDAYS_ES.includes(w));
  if (!word) return null;
  const weekday = WEEKDAYS_EN.includes(word) ? WEEKDAYS_EN.indexOf(word) : WEEKDAYS_ES.indexOf(word);
  return { month: 0, relative: { weekday, forward: new RegExp(`^${FORWARD}\\s`).test(s) } };
}

const pad = (n: number) => String(n).padStart(2, '0');

export function isValidDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** The date in text DATE_PATTERN matched; `original` is the same span with its casing, to reject "may". */
export function parseDateExpr(raw: string, original = raw): DateExpr | null {
  const relative = parseRelativeDate(raw);
  if (relative) return relative;
  const s = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    return isValidDay(y, m, d) ? { year: y, month: m, day: d } : null;
  }
  const words = s.replace(/[.,]/g, ' ').split(' ').filter((w) => w && w !== 'of' && w !== 'de' && w !== 'del');
  let month: number | undefined;
  let day: number | undefined;
  let year: number | undefined;
  for (const w of words) {
    const n = /^(\d+)(?:st|nd|rd|th)?$/.exec(w);
    if (n) {
      const v = Number(n[1]);
      if (v >= 1000) year = v;
      else day = v;
    } else if (MONTH_NUMBER.has(w)) month = MONTH_NUMBER.get(w);
    else return null;
  }
  if (month === undefined) return null;
  // A bare English month must be capitalised: "may" is a verb, "march" a noun.
  if (day === undefined && year === undefined && /^[a-z]/.test(original.trim()) && MONTHS_EN.includes(s)) return null;
  if (day !== undefined && !isValidDay(year ?? 2024, month, day)) return null;
  return { month, ...(day !== undefined ? { day } : {}), ...(year !== undefined ? { year } : {}) };
}

/**
 * The ISO form of a date expression ("2025-08-12" or "2025-08"). A missing year is the latest one that puts
 * the date on or before `reference` (an article written in January 2026 that says "in August" means
 * August 2025) — or, for a date the sentence looks forward to (`forward`: "starting Jan. 6", "until Sept. 9"),
 * the first on or after it; without a reference there is no year to give, and the result is null.
 */
export function toIso(expr: DateExpr, reference?: string | null, forward = false): string | null {
  if (expr.relative) return reference ? resolveRelative(expr.relative, reference.slice(0, 10)) : null;
  let year = expr.year;
  if (year === undefined) {
    if (!reference) return null;
    const refYear = Number(reference.slice(0, 4));
    const candidate = expr.day !== undefined ? `${refYear}-${pad(expr.month)}-${pad(expr.day)}` : `${refYear}-${pad(expr.month)}`;
    const onOrBefore = candidate.localeCompare(reference.slice(0, candidate.length)) <= 0;
    // "Sharing can restart Jan. 6" in a December article: the next Jan. 6, not the last one.
    year = forward ? (onOrBefore && candidate !== reference.slice(0, candidate.length) ? refYear + 1 : refYear) : onOrBefore ? refYear : refYear - 1;
  }
  return expr.day !== undefined ? `${year}-${pad(expr.month)}-${pad(expr.day)}` : `${year}-${pad(expr.month)}`;
}

function resolveRelative(r: NonNullable<DateExpr['relative']>, day: string): string | null {
  if ('days' in r) return addDays(day, r.days);
  if ('lastMonth' in r) {
    const [y, m] = day.split('-').map(Number);
    return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
  }
  // "This week": the month, when the seven days up to the article's date all fall in it; else unknowable here.
  if ('week' in r) return addDays(day, -6).slice(0, 7) === day.slice(0, 7) ? day.slice(0, 7) : null;
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  const offset = r.forward ? (r.weekday - dow + 7) % 7 : -((dow - r.weekday + 7) % 7);
  return addDays(day, offset);
}

/** First and last day covered by an ISO date of either precision. */
export function dayRange(iso: string): [string, string] {
  if (iso.length === 10) return [iso, iso];
  const [y, m] = iso.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return [`${iso}-01`, `${iso}-${pad(last)}`];
}

/** `days` after an ISO day (negative: before). */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from a to b (ISO days). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** A strict YYYY-MM-DD that is a real calendar day, or null. */
export function parseIsoDay(s: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  return m && isValidDay(Number(m[1]), Number(m[2]), Number(m[3])) ? m[0] : null;
}
