/**
 * What the extension's own pages (first-run page, options page, popup) do with the browser when the reader
 * changes where the extension reads pages. Permission requests come first in each action, while the click
 * still counts as the reader's gesture (Firefox refuses a request made after an await). The background follows
 * every change (storage and permission events) and registers or unregisters the content scripts.
 */
import { ALL_SITES } from './all-sites';
import { isListedHost } from './news-sites';
import { originOf, type Reach } from './setting-values';
import { readAlwaysSites, readReach, setAlwaysSite, setReach } from './settings';

/** Choose where pages are read. Every site needs the browser's permission; the others give it back. */
export async function chooseReach(reach: Reach): Promise<Reach> {
  if (reach === 'all') {
    const granted = await browser.permissions.request({ origins: ALL_SITES }).catch(() => false);
    if (!granted) return readReach();
    await setReach('all');
    return 'all';
  }
  await setReach(reach);
  // Given back, so the browser's settings say what the extension can read — only when held: Chrome's removal of
  // every site's pattern withdraws any host it covers that was granted at run time, a granted site included.
  if (await browser.permissions.contains({ origins: ALL_SITES }).catch(() => false)) await browser.permissions.remove({ origins: ALL_SITES }).catch(() => false);
  return reach;
}

/** Whether every site is the choice in force (and the browser still grants it). */
export async function everySiteOn(): Promise<boolean> {
  return (await readReach()) === 'all' && (await browser.permissions.contains({ origins: ALL_SITES }).catch(() => false));
}

/** Always annotate one site: the browser is asked for that site alone. Resolves to whether it is granted. */
export async function addAlwaysSite(host: string): Promise<boolean> {
  if (isListedHost(host)) return true;
  const granted = await browser.permissions.request({ origins: [originOf(host)] }).catch(() => false);
  if (granted) await setAlwaysSite(host, true);
  return granted;
}

/** Stop annotating a site by itself: off the list, and its permission given back. */
export async function removeAlwaysSite(host: string): Promise<void> {
  await setAlwaysSite(host, false);
  await browser.permissions.remove({ origins: [originOf(host)] }).catch(() => false);
}

/** The sites always annotated, each with whether the browser still grants it. */
export async function alwaysSitesWithGrants(): Promise<{ host: string; granted: boolean }[]> {
  const hosts = await readAlwaysSites();
  return Promise.all(hosts.map(async (host) => ({ host, granted: await browser.permissions.contains({ origins: [originOf(host)] }).catch(() => false) })));
}

/** Whether this one site is always annotated (on the reader's list and granted). */
export async function alwaysHere(host: string): Promise<boolean> {
  return (await readAlwaysSites()).includes(host) && (await browser.permissions.contains({ origins: [originOf(host)] }).catch(() => false));
}

export const openSettings = () => browser.runtime.openOptionsPage().catch(() => undefined);
export const openFirstRun = () => browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).then(() => undefined, () => undefined);
