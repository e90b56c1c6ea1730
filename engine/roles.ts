/**
 * A person's titles are terms with dates, and some terms end by rule. A card states the title held when the
 * article was written and, when it differs, the one held now ("Secretary of Homeland Security until March 2026").
 *
 * Whether a title still holds on a day depends on how it is held (`tenure`):
 * - a fixed term (an elected office or a fixed appointment with a scheduled end, `ends`; a judgeship, held for
 *   life) holds until it ends by rule or a recorded end (`to`), so a sitting president, governor, senator or
 *   judge reads as current ("term to Jan 2029");
 * - any other title (an appointment at someone's pleasure, an acting role, a staff job) is only known to hold
 *   until a source last confirmed it (`asOf`): it reads as current for six months after that and as "last
 *   confirmed" later — a departure the dataset could not source is no reason to show someone in an office they
 *   may have left.
 * Every line about a title held today also says when the dataset last checked it (`checked`, else the record's
 * `verified` date).
 */
import type { Lang, Person } from '../data/schema';

type Role = Person['roles'][number];

/** Compare ISO dates of day or month precision; a month counts as its first day for a start, its last for an end. */
const start = (d: string) => (d.length === 7 ? `${d}-01` : d);
const end = (d: string) => (d.length === 7 ? `${d}-31` : d);

/** How long after its last confirmation a title held at someone's pleasure still reads as current. */
export const CONFIRMED_FOR_MONTHS = 6;

/** `d` plus `n` calendar months (YYYY-MM-DD; a month-precision date counts as its first day; the day clamped). */
export function addMonths(d: string, n: number): string {
  const [y, m, dd] = start(d).split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(dd, last)).padStart(2, '0')}`;
}

/** A term fixed by law: a judgeship, or an elected office or appointment with a scheduled end. */
export function fixedTerm(role: Role): boolean {
  return role.tenure === 'judicial' || (role.ends !== undefined && (role.tenure === 'elected' || role.tenure === 'appointed'));
}

/** The last day the term runs, as far as the record knows: its recorded end, else its end by rule (none: open). */
export function termEnd(role: Role): string | undefined {
  if (role.to) return role.to;
  return fixedTerm(role) ? role.ends : undefined;
}

/** The roles held on `date`, in the record's order (the one relevant to the story first). */
export function rolesOn(person: Person, date: string): Role[] {
  return person.roles.filter((r) => {
    const last = termEnd(r);
    return (!r.from || start(r.from) <= date) && (!last || date <= end(last));
  });
}

/** Is the role known to be held on `date`: ended later, fixed by law until later, or confirmed recently enough before it? */
export function confirmedOn(role: Role, date: string): boolean {
  const last = termEnd(role);
  if (last) return date <= end(last);
  if (fixedTerm(role)) return true;
  return date <= end(role.asOf) || date <= addMonths(role.asOf, CONFIRMED_FOR_MONTHS);
}

export interface RoleStory {
  /** The title held at the article's date (undefined when the date is unknown or no role held then). */
  then?: Role;
  /** The title held today, as far as the dataset knows (undefined: none of its roles is current). */
  now?: Role;
  /** False when the term has no end and was last confirmed long before that date: "last confirmed". */
  thenConfirmed: boolean;
  nowConfirmed: boolean;
}

export function roleStory(person: Person, published: string | null, today: string): RoleStory {
  const then = published ? rolesOn(person, published)[0] : undefined;
  const current = rolesOn(person, today);
  // Still holding the article-time title today: that is the title now, whatever else they hold.
  const now = then && current.includes(then) ? then : current[0];
  return {
    then,
    now,
    thenConfirmed: then !== undefined && published !== null && confirmedOn(then, published),
    nowConfirmed: now !== undefined && confirmedOn(now, today),
  };
}

/** What the title lines need from their surroundings: words (locales' `card.*` messages) and date formats. */
export interface TitleWords {
  lang: Lang;
  t: (key: string, subs?: (string | number)[]) => string;
  /** A day ("Jun 13, 2025"); given a month ("2025-07") it gives the month ("Jul 2025"). */
  date: (iso: string) => string;
}

const text = (l: { en: string; es?: string }, lang: Lang) => (lang === 'es' && l.es) || l.en;
const label = (r: Role, lang: Lang) => (r.organization ? `${text(r.title, lang)}, ${text(r.organization, lang)}` : text(r.title, lang));

/** " (term to Jan 2029) · checked Dec 2026": a title held today, with its term or its last confirmation, and the check. */
function suffix(person: Person, r: Role, w: TitleWords): string {
  const month = (d: string) => w.date(d.slice(0, 7));
  const term =
    r.tenure === 'judicial' && !r.ends ? w.t('card.lifeTenure') : fixedTerm(r) && r.ends ? w.t('card.termTo', [month(r.ends)]) : w.t('card.confirmedIn', [month(r.asOf)]);
  return ` (${term}) · ${checked(person, r, w)}`;
}
const checked = (person: Person, r: Role, w: TitleWords) => w.t('card.roleChecked', [w.date((r.checked ?? person.verified).slice(0, 7))]);
/** A title held today, qualified: "President of the United States, The White House (term to Jan 2029) · checked Dec 2026". */
const current = (person: Person, r: Role, w: TitleWords) => `${label(r, w.lang)}${suffix(person, r, w)}`;
/** A title not confirmed for six months: what was last known, and when the dataset looked again. */
const unconfirmed = (person: Person, r: Role, w: TitleWords) => `${w.t('card.lastConfirmed', [label(r, w.lang), w.date(r.asOf)])} · ${checked(person, r, w)}`;

/** "Succeeded by …" for a term that ended, when the record knows who held the office next. */
const successorLine = (r: Role, w: TitleWords): string[] =>
  !r.successor ? [] : r.successor.announced ? [w.t('card.successorAnnounced', [r.successor.name, w.date(r.successor.announced)])] : [w.t('card.successor', [r.successor.name])];

/**
 * The lines a card shows for a person: the title when the article was written and, when it differs, now;
 * "last confirmed" where a title held at someone's pleasure has not been confirmed for six months; the term of
 * a title fixed by law; the successor of a term that ended; and when the dataset checked a title held today.
 * Cards, the side panel and every export write a person's titles with this one function.
 */
export function titleLines(person: Person, published: string | null, today: string, w: TitleWords): string[] {
  const { then, now, thenConfirmed, nowConfirmed } = roleStory(person, published, today);
  const lines: string[] = [];
  if (then && now === then) {
    if (thenConfirmed && nowConfirmed) lines.push(current(person, now, w), w.t('card.heldThenAndNow'));
    else if (thenConfirmed) lines.push(w.t('card.titleThen', [label(then, w.lang)]), unconfirmed(person, now, w));
    else lines.push(unconfirmed(person, now, w));
  } else if (then) {
    lines.push(thenConfirmed ? w.t('card.titleThen', [label(then, w.lang)]) : w.t('card.lastConfirmed', [label(then, w.lang), w.date(then.asOf)]));
    const ended = termEnd(then);
    if (ended && end(ended) < today) lines.push(w.t('card.titleUntil', [label(then, w.lang), w.date(ended)]), ...successorLine(then, w));
    if (now) lines.push(nowConfirmed ? w.t('card.titleNow', [current(person, now, w)]) : unconfirmed(person, now, w));
  } else if (now) {
    if (!nowConfirmed) lines.push(unconfirmed(person, now, w));
    else if (now.from) lines.push(w.t('card.titleSince', [label(now, w.lang), w.date(now.from)]) + suffix(person, now, w));
    else lines.push(current(person, now, w));
  } else {
    const last = person.roles[person.roles.length - 1];
    const ended = termEnd(last);
    if (ended) lines.push(w.t('card.titleUntil', [label(last, w.lang), w.date(ended)]), ...successorLine(last, w));
    else lines.push(w.t('card.lastConfirmed', [label(last, w.lang), w.date(last.asOf)]));
  }
  return lines;
}
