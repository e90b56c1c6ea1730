/**
 * The reader's settings as the content script reads them: the same keys the popup and the options page write
 * through WXT storage (`local:disabledSites` is storage.local's "disabledSites"), read with the browser's own
 * API. WXT's storage layer cost about a quarter of the content script's start-up on every page, for two reads
 * and a watch.
 */
import { cardLangOf, DEFAULT_UNDERLINE_MODE, reachOf, underlineModeOf, validHostnames, type CardLang, type Reach, type UnderlineMode } from './setting-values';

const KEYS = ['disabledSites', 'underlineMode', 'reach', 'allSites', 'alwaysSites', 'cardLang'] as const;

export interface PageSettings {
  disabledSites: string[];
  underlineMode: UnderlineMode;
  /** The first-run choice: with "only when I click", a page is read only when the reader asks (or always-on site). */
  reach: Reach;
  alwaysSites: string[];
  cardLang: CardLang;
}

export const DEFAULT_PAGE_SETTINGS: PageSettings = { disabledSites: [], underlineMode: DEFAULT_UNDERLINE_MODE, reach: 'listed', alwaysSites: [], cardLang: 'auto' };

export async function readPageSettings(): Promise<PageSettings> {
  try {
    const stored = await browser.storage.local.get([...KEYS]);
    return {
      disabledSites: validHostnames(stored.disabledSites),
      underlineMode: underlineModeOf(stored.underlineMode),
      reach: reachOf(stored.reach, stored.allSites),
      alwaysSites: validHostnames(stored.alwaysSites),
      cardLang: cardLangOf(stored.cardLang),
    };
  } catch {
    return DEFAULT_PAGE_SETTINGS;
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
