/**
 * The content scripts the extension registers at run time, beyond the manifest's listed news sites: for every
 * site (the first-run choice "every site", with the optional host permission for every host (ALL_SITES)), or for one site the
 * reader asked to be always annotated (its own optional host permission, `*://host/*`). Each registration is
 * the same two scripts as the manifest's: `input.js` at document_start, then the gate at document_idle.
 *
 * Chrome: scripting.registerContentScripts with persistAcrossSessions, so a registration survives a restart of
 * the browser (and of the service worker). Firefox MV2: contentScripts.register, which lasts as long as the
 * background page, so the background registers again each time it starts (entrypoints/background.ts).
 *
 * Written here rather than with webext-dynamic-content-scripts (see README, Libraries): that module keeps one
 * handle per origin while this extension registers two scripts per origin (so it would leave input.js behind
 * when a site is revoked), keeps its handles in memory only (lost when Chrome stops the service worker), and
 * would also claim every host beside the choice of every site.
 */
import { storage } from '#imports';
import { GATE_SCRIPT, INPUT_SCRIPT } from './annotator-files';
import { hostOfOrigin, originOf } from './setting-values';

export const ALL_SITES = ['*://*/*'];
const ALL_SITES_ID = 'all-sites';
/** Ids of per-site registrations: `site:<hostname>` (the gate) and `site:<hostname>-input`. */
const SITE_PREFIX = 'site:';
const inputId = (id: string) => `${id}-input`;

/** The switch for every site before the first-run choice replaced it (read as "every site" when still set). */
export const allSitesWanted = storage.defineItem<boolean>('local:allSites', { fallback: false });

/** What registration needs from the browser; injectable so the decision can be tested without one. */
export interface RegistrationApi {
  hasPermission(): Promise<boolean>;
  isRegistered(): Promise<boolean>;
  register(): Promise<void>;
  unregister(): Promise<void>;
}

/** Register when wanted and permitted, unregister otherwise. Returns whether it is registered now. */
export async function syncAllSites(wanted: boolean, api: RegistrationApi): Promise<boolean> {
  const want = wanted && (await api.hasPermission());
  const registered = await api.isRegistered();
  if (want && !registered) await api.register();
  if (!want && registered) await api.unregister();
  return want;
}

/** The per-site registrations, as the decision below needs them; injectable for tests. */
export interface SitesApi {
  /** The browser grants this one site (its own permission; or every site's, which covers it). */
  permitted(host: string): Promise<boolean>;
  registered(): Promise<string[]>;
  register(host: string): Promise<void>;
  unregister(host: string): Promise<void>;
}

/**
 * Register the two scripts for each site the reader wants always annotated and the browser permits, and
 * unregister the rest. None while the scripts run on every site anyway (`allSitesOn`): a page would get them
 * twice. Returns the sites registered now.
 */
export async function syncSites(wanted: readonly string[], allSitesOn: boolean, api: SitesApi): Promise<string[]> {
  const want: string[] = [];
  if (!allSitesOn) for (const host of wanted) if (await api.permitted(host)) want.push(host);
  const registered = await api.registered();
  for (const host of registered) if (!want.includes(host)) await api.unregister(host);
  for (const host of want) if (!registered.includes(host)) await api.register(host);
  return want;
}

type Handle = { unregister(): Promise<void> };
type ContentScriptsApi = { register(o: unknown): Promise<Handle> };
/** Firefox MV2's registrations, by id: they last as long as this background page. */
const firefoxHandles = new Map<string, Handle>();

const scripting = () => browser.scripting as typeof browser.scripting | undefined;
const contentScripts = () => (browser as unknown as { contentScripts?: ContentScriptsApi }).contentScripts;

async function registeredIds(): Promise<string[]> {
  const api = scripting();
  if (api?.getRegisteredContentScripts) return (await api.getRegisteredContentScripts()).map((s) => s.id);
  return [...firefoxHandles.keys()];
}

async function registerScripts(id: string, matches: string[]): Promise<void> {
  const api = scripting();
  if (api?.registerContentScripts) {
    await api.registerContentScripts([
      { id: inputId(id), matches, js: [INPUT_SCRIPT], runAt: 'document_start', persistAcrossSessions: true },
      { id, matches, js: [GATE_SCRIPT], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
    return;
  }
  const ff = contentScripts();
  if (!ff) return;
  const input = await ff.register({ matches, js: [{ file: INPUT_SCRIPT }], runAt: 'document_start' });
  const gate = await ff.register({ matches, js: [{ file: GATE_SCRIPT }], runAt: 'document_idle' });
  firefoxHandles.set(id, { unregister: () => Promise.all([input.unregister(), gate.unregister()]).then(() => undefined) });
}

async function unregisterScripts(id: string): Promise<void> {
  const api = scripting();
  if (api?.unregisterContentScripts) {
    const ids = (await registeredIds()).filter((x) => x === id || x === inputId(id));
    if (ids.length) await api.unregisterContentScripts({ ids });
    return;
  }
  await firefoxHandles.get(id)?.unregister();
  firefoxHandles.delete(id);
}

/** Every site's registration, in the real browser (the background). */
export function browserRegistration(): RegistrationApi {
  return {
    hasPermission: () => browser.permissions.contains({ origins: ALL_SITES }),
    isRegistered: async () => (await registeredIds()).includes(ALL_SITES_ID),
    register: () => registerScripts(ALL_SITES_ID, ALL_SITES),
    unregister: () => unregisterScripts(ALL_SITES_ID),
  };
}

/** The per-site registrations, in the real browser (the background). */
export function browserSites(): SitesApi {
  return {
    permitted: (host) => browser.permissions.contains({ origins: [originOf(host)] }),
    registered: async () =>
      (await registeredIds()).filter((id) => id.startsWith(SITE_PREFIX) && !id.endsWith('-input')).map((id) => id.slice(SITE_PREFIX.length)),
    register: (host) => registerScripts(`${SITE_PREFIX}${host}`, [originOf(host)]),
    unregister: (host) => unregisterScripts(`${SITE_PREFIX}${host}`),
  };
}

/** The sites a permission change names (`*://host/*` patterns only), and whether it names every site. */
export function sitesIn(origins: readonly string[] | undefined): { hosts: string[]; everySite: boolean } {
  const list = origins ?? [];
  return {
    hosts: list.map(hostOfOrigin).filter((h): h is string => h !== null),
    everySite: list.some((o) => ALL_SITES.includes(o) || o === '<all_urls>'),
  };
}
