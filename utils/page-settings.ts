/**
 * The reader's settings as the content script reads them: the same keys the popup writes through WXT storage
 * (`local:disabledSites` is storage.local's "disabledSites"), read with the browser's own API. WXT's storage
 * layer cost about a quarter of the content script's start-up on every page, for two reads and a watch.
 */
import { DEFAULT_UNDERLINE_MODE, underlineModeOf, validHostnames, type UnderlineMode } from './setting-values';

const KEYS = ['disabledSites', 'underlineMode'] as const;

export interface PageSettings {
  disabledSites: string[];
  underlineMode: UnderlineMode;
}

export async function readPageSettings(): Promise<PageSettings> {
  try {
    const stored = await browser.storage.local.get([...KEYS]);
    return { disabledSites: validHostnames(stored.disabledSites), underlineMode: underlineModeOf(stored.underlineMode) };
  } catch {
    return { disabledSites: [], underlineMode: DEFAULT_UNDERLINE_MODE };
  }
}

/** Call `onChange` with the key that changed, when the reader changes a setting (in any tab or the popup). */
export function watchPageSettings(onChange: (key: (typeof KEYS)[number]) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local') return;
    for (const key of KEYS) if (key in changes) onChange(key);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
