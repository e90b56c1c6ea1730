/**
 * Opt-in: annotate recognised coverage on every site, not only the curated news sites. Off by default; the
 * reader turns it on in the popup, which asks the browser for the optional host permission. The background
 * then registers the content script for all pages (Chrome: scripting.registerContentScripts; Firefox MV2:
 * contentScripts.register, which does not persist, so it is redone at each background start).
 */
import { storage } from '#imports';
import { GATE_SCRIPT, INPUT_SCRIPT } from './annotator-files';

export const ALL_SITES = ['*://*/*'];
const SCRIPT_ID = 'all-sites';
const INPUT_ID = 'all-sites-input';
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

type FirefoxRegistration = { unregister(): Promise<void> };
let firefoxRegistration: FirefoxRegistration | null = null;

/** The real browser, in the background. */
export function browserRegistration(): RegistrationApi {
  const scripting = browser.scripting as typeof browser.scripting | undefined;
  const contentScripts = (browser as unknown as { contentScripts?: { register(o: unknown): Promise<FirefoxRegistration> } }).contentScripts;
  const files = { js: [GATE_SCRIPT] };
  const input = { js: [INPUT_SCRIPT] };
  return {
    hasPermission: () => browser.permissions.contains({ origins: ALL_SITES }),
    async isRegistered() {
      if (scripting?.getRegisteredContentScripts) return (await scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] })).length > 0;
      return firefoxRegistration !== null;
    },
    async register() {
      if (scripting?.registerContentScripts)
        await scripting.registerContentScripts([
          { id: INPUT_ID, matches: ALL_SITES, ...input, runAt: 'document_start', persistAcrossSessions: true },
          { id: SCRIPT_ID, matches: ALL_SITES, ...files, runAt: 'document_idle', persistAcrossSessions: true },
        ]);
      else if (contentScripts) {
        const inputRegistration = await contentScripts.register({ matches: ALL_SITES, js: input.js.map((file) => ({ file })), runAt: 'document_start' });
        const gateRegistration = await contentScripts.register({ matches: ALL_SITES, js: files.js.map((file) => ({ file })), runAt: 'document_idle' });
        firefoxRegistration = { unregister: () => Promise.all([inputRegistration.unregister(), gateRegistration.unregister()]).then(() => undefined) };
      }
    },
    async unregister() {
      if (scripting?.unregisterContentScripts) await scripting.unregisterContentScripts({ ids: [SCRIPT_ID, INPUT_ID] });
      else {
        await firefoxRegistration?.unregister();
        firefoxRegistration = null;
      }
    },
  };
}
