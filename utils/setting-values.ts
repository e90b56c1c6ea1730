/** What a stored setting may hold, checked entry by entry (shared by the popup's settings and the content script's). */

/** A hostname as the browser reports it (lower case, no scheme, no path). */
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9-]+(\.[a-z0-9-]+)*$/;

/**
 * How many mentions are underlined: each name's first mention in each section of the page (the default,
 * which keeps a page readable), every mention, or each name's first on the page. Every mention stays
 * reachable by keyboard stepping, the popup and the side panel whatever the choice.
 */
export type UnderlineMode = 'section' | 'all' | 'first';
export const UNDERLINE_MODES: readonly UnderlineMode[] = ['section', 'all', 'first'];
export const DEFAULT_UNDERLINE_MODE: UnderlineMode = 'section';

/** The valid hostnames in a stored value; anything else in it is skipped, one entry at a time. */
export function validHostnames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return [...new Set(value.filter((v): v is string => typeof v === 'string' && HOSTNAME.test(v)))];
}

/** A stored underline mode, or the default for anything else (a corrupt or unknown value). */
export const underlineModeOf = (value: unknown): UnderlineMode =>
  UNDERLINE_MODES.includes(value as UnderlineMode) ? (value as UnderlineMode) : DEFAULT_UNDERLINE_MODE;
