/**
 * Reader settings, kept with WXT storage. Anything stored is untrusted input: a value that does not parse
 * falls back to the default instead of breaking the page.
 */
import * as z from 'zod/mini';
import { storage } from '#imports';

const Hostnames = z.array(z.string());

/** Sites where the reader switched annotations off (hostnames). */
export const disabledSites = storage.defineItem<string[]>('local:disabledSites', { fallback: [] });

export async function readDisabledSites(): Promise<string[]> {
  try {
    const parsed = Hostnames.safeParse(await disabledSites.getValue());
    return parsed.success ? parsed.data : [];
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
