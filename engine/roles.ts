/**
 * A person's titles are terms with dates. A card states the title held when the article was written and,
 * when it differs, the one held now ("Secretary of Homeland Security until March 2026"). A term with no end
 * is only known to hold until it was last confirmed (`asOf`): past that, the card says "last confirmed"
 * rather than presenting the title as current — a departure the dataset could not source is not a reason to
 * show someone in an office they may have left.
 */
import type { Person } from '../data/schema';

type Role = Person['roles'][number];

/** Compare ISO dates of day or month precision; a month counts as its first day for `from`, last for `to`. */
const start = (d: string) => (d.length === 7 ? `${d}-01` : d);
const end = (d: string) => (d.length === 7 ? `${d}-31` : d);

/** How long after its last confirmation an open-ended term still reads as current. */
export const CONFIRMED_FOR_MONTHS = 6;

const monthsAfter = (from: string, to: string) => {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm);
};

/** The roles held on `date`, in the record's order (the one relevant to the story first). */
export function rolesOn(person: Person, date: string): Role[] {
  return person.roles.filter((r) => (!r.from || start(r.from) <= date) && (!r.to || date <= end(r.to)));
}

/** Is the role known to be held on `date` (ended later, or confirmed recently enough before it)? */
export function confirmedOn(role: Role, date: string): boolean {
  if (role.to) return date <= end(role.to);
  return date <= end(role.asOf) || monthsAfter(role.asOf, date) <= CONFIRMED_FOR_MONTHS;
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
