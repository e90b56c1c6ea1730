/**
 * A person's titles are terms with dates. A card states the title held when the article was written and,
 * when it differs, the one held now ("Secretary of Homeland Security until March 2026").
 */
import type { Person } from '../data/schema';

type Role = Person['roles'][number];

/** Compare ISO dates of day or month precision; a month counts as its first day for `from`, last for `to`. */
const start = (d: string) => (d.length === 7 ? `${d}-01` : d);
const end = (d: string) => (d.length === 7 ? `${d}-31` : d);

/** The roles held on `date`, in the record's order (the one relevant to the story first). */
export function rolesOn(person: Person, date: string): Role[] {
  return person.roles.filter((r) => (!r.from || start(r.from) <= date) && (!r.to || date <= end(r.to)));
}

export interface RoleStory {
  /** The title held at the article's date (undefined when the date is unknown or no role held then). */
  then?: Role;
  /** The title held today, as far as the dataset knows (undefined: none of its roles is current). */
  now?: Role;
}

export function roleStory(person: Person, published: string | null, today: string): RoleStory {
  const then = published ? rolesOn(person, published)[0] : undefined;
  const current = rolesOn(person, today);
  // Still holding the article-time title today: that is the title now, whatever else they hold.
  const now = then && current.includes(then) ? then : current[0];
  return { then, now };
}
