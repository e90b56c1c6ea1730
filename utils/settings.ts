/**
 * Reader settings, kept with WXT storage. Anything stored is untrusted input (another version of the
 * extension, a sync conflict, a hand edit): each value is checked on its own, what is valid is kept, and a
 * value that does not parse falls back to its default — which is never written back over what was stored.
 */
import { storage } from '#imports';
import { cardLangOf, DEFAULT_UNDERLINE_MODE, reachOf, underlineModeOf, validHostnames, type CardLang, type Reach, type UnderlineMode } from './setting-values';

/** Sites where the reader switched annotations off (hostnames). */
export const disabledSites = storage.defineItem<unknown>('local:disabledSites', { fallback: [] });

export const underlineMode = storage.defineItem<unknown>('local:underlineMode', { fallback: DEFAULT_UNDERLINE_MODE });

/** The first-run choice (utils/setting-values.ts, Reach), and whether the reader has made it. */
export const reachSetting = storage.defineItem<unknown>('local:reach', { fallback: null });
const legacyAllSites = storage.defineItem<unknown>('local:allSites', { fallback: false });

/** Sites the reader asked to be always annotated (hostnames); each also needs the browser's permission. */
export const alwaysSites = storage.defineItem<unknown>('local:alwaysSites', { fallback: [] });

/** The language of the cards: auto (the page's), en or es. */
export const cardLang = storage.defineItem<unknown>('local:cardLang', { fallback: 'auto' });

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
  await editList(disabledSites, hostname, !enabled);
}

async function editList(item: typeof disabledSites, hostname: string, present: boolean): Promise<void> {
  let stored: unknown;
  try {
    stored = await item.getValue();
  } catch {
    stored = [];
  }
  const list = Array.isArray(stored) ? [...stored] : [];
  const without = list.filter((v) => v !== hostname);
  await item.setValue(present ? [...without, hostname] : without);
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

export async function readReach(): Promise<Reach> {
  try {
    return reachOf(await reachSetting.getValue(), await legacyAllSites.getValue());
  } catch {
    return 'listed';
  }
}

/** Whether the reader has made the first-run choice (else the first-run page is worth showing). */
export async function reachChosen(): Promise<boolean> {
  try {
    return (await reachSetting.getValue()) !== null;
  } catch {
    return false;
  }
}

export async function setReach(reach: Reach): Promise<void> {
  await reachSetting.setValue(reach);
  // The older switch for every site is folded into the choice.
  await legacyAllSites.removeValue();
}

export async function readAlwaysSites(): Promise<string[]> {
  try {
    return validHostnames(await alwaysSites.getValue());
  } catch {
    return [];
  }
}

export async function setAlwaysSite(hostname: string, always: boolean): Promise<void> {
  await editList(alwaysSites, hostname, always);
}

export async function readCardLang(): Promise<CardLang> {
  try {
    return cardLangOf(await cardLang.getValue());
  } catch {
    return 'auto';
  }
}

export async function setCardLang(lang: CardLang): Promise<void> {
  await cardLang.setValue(lang);
}
