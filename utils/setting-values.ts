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
/**
 * Where the extension reads pages by itself (the first-run choice): the news sites on its list (the default),
 * every site (with the browser's permission), or only when the reader clicks the toolbar button. Sites the
 * reader asked to be always annotated are annotated in every mode.
 */
export type Reach = 'listed' | 'all' | 'click';
export const REACHES: readonly Reach[] = ['listed', 'all', 'click'];

/** The stored choice; before there was one, the all-sites switch (`allSites: true`) meant "every site". */
export const reachOf = (value: unknown, legacyAllSites?: unknown): Reach =>
  value === 'listed' || value === 'all' || value === 'click' ? value : legacyAllSites === true ? 'all' : 'listed';

/** The language of the cards: the page's (auto), or always English or Spanish. */
export type CardLang = 'auto' | 'en' | 'es';
export const cardLangOf = (value: unknown): CardLang => (value === 'en' || value === 'es' ? value : 'auto');

/** The match pattern that grants one site: the host itself, over http and https (not its subdomains). */
export const originOf = (hostname: string): string => `*://${hostname}/*`;

/** The hostname a per-site match pattern (`*://host/*`) grants, or null for any other pattern. */
export function hostOfOrigin(pattern: string): string | null {
  const m = /^(?:\*|https?):\/\/([a-z0-9.-]+)\/\*$/.exec(pattern);
  return m && HOSTNAME.test(m[1]!) && !m[1]!.startsWith('*') ? m[1]! : null;
}

/** A hostname typed by the reader (a site's name or an address) as the browser would report it, or null. */
export function hostFromInput(input: string): string | null {
  const s = input.trim().toLowerCase();
  if (!s) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(s) ? s : `https://${s}`);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    const host = url.hostname.replace(/\.$/, '');
    return HOSTNAME.test(host) && host.includes('.') ? host : null;
  } catch {
    return null;
  }
}
