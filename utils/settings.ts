/**
 * Reader settings, kept with WXT storage. Anything stored is untrusted input: a value that does not parse
 * falls back to the default instead of breaking the page.
 */
import { storage } from '#imports';

const isHostnames = (x: unknown): x is string[] => Array.isArray(x) && x.every((h) => typeof h === 'string');

/** Sites where the reader switched annotations off (hostnames). */
export const disabledSites = storage.defineItem<string[]>('local:disabledSites', { fallback: [] });

export async function readDisabledSites(): Promise<string[]> {
  try {
    const value = await disabledSites.getValue();
    return isHostnames(value) ? value : [];
  } catch {
    return [];
  }
}

export async function isSiteEnabled(hostname: string): Promise<boolean> {
  return !(await readDisabledSites()).includes(hostname);
}

export async function setSiteEnabled(hostname: string, enabled: boolean): Promise<void> {
  const current = new Set(await readDisabledSites());
  if (enabled) current.delete(hostname);
  else current.add(hostname);
  await disabledSites.setValue([...current]);
}

export function watchSites(onChange: () => void): () => void {
  return disabledSites.watch(onChange);
}
