/**
 * Reader settings, kept with WXT storage. Anything stored is untrusted input (another version of the
 * extension, a sync conflict, a hand edit): each value is checked on its own, what is valid is kept, and a
 * value that does not parse falls back to its default — which is never written back over what was stored.
 */
import { storage } from '#imports';
import { DEFAULT_UNDERLINE_MODE, underlineModeOf, validHostnames, type UnderlineMode } from './setting-values';


/** Sites where the reader switched annotations off (hostnames). */
export const disabledSites = storage.defineItem<unknown>('local:disabledSites', { fallback: [] });

export const underlineMode = storage.defineItem<unknown>('local:underlineMode', { fallback: DEFAULT_UNDERLINE_MODE });


export async function readDisabledSites(): Promise<string[]> {
  try {
    return validHostnames(await disabledSites.getValue());
  } catch {
    return [];
  }
}

export async function isSiteEnabled(hostname: string): Promise<boolean> {
  return !(await readDisabledSites()).includes(hostname);
}

/**
 * Switch a site on or off, changing only that entry: entries this version cannot read are kept as they were
 * (a newer version may understand them), and a corrupt value is replaced only by the reader's own change.
 */
export async function setSiteEnabled(hostname: string, enabled: boolean): Promise<void> {
  let stored: unknown;
  try {
    stored = await disabledSites.getValue();
  } catch {
    stored = [];
  }
  const list = Array.isArray(stored) ? [...stored] : [];
  const without = list.filter((v) => v !== hostname);
  await disabledSites.setValue(enabled ? without : [...without, hostname]);
}

export function watchSites(onChange: () => void): () => void {
  return disabledSites.watch(onChange);
}

export async function readUnderlineMode(): Promise<UnderlineMode> {
  try {
    return underlineModeOf(await underlineMode.getValue());
  } catch {
    return DEFAULT_UNDERLINE_MODE;
  }
}

export async function setUnderlineMode(mode: UnderlineMode): Promise<void> {
  await underlineMode.setValue(mode);
}

export function watchUnderlineMode(onChange: () => void): () => void {
  return underlineMode.watch(onChange);
}
