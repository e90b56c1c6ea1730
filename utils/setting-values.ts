/** What a stored setting may hold, checked entry by entry (shared by the popup's settings and the content script's). */

/** A hostname as the browser reports it (lower case, no scheme, no path). */
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9-]+(\.[a-z0-9-]+)*$/;

/** Underline every mention, or only the first mention of each entity. */
export type UnderlineMode = 'all' | 'first';

/** The valid hostnames in a stored value; anything else in it is skipped, one entry at a time. */
export function validHostnames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return [...new Set(value.filter((v): v is string => typeof v === 'string' && HOSTNAME.test(v)))];
}

export const underlineModeOf = (value: unknown): UnderlineMode => (value === 'first' ? 'first' : 'all');
