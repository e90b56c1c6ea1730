/** The popup's link to the page: ask the content script, or inject it (activeTab) when the reader asks. */
import type { AnnotationsResponse, ContentRequest } from '@/utils/messages';
import { addAlwaysSite, alwaysHere, chooseReach, everySiteOn, openFirstRun, openSettings, removeAlwaysSite } from '@/utils/reach-actions';
import { isSiteEnabled, readUnderlineMode, setSiteEnabled, setUnderlineMode } from '@/utils/settings';
import type { ActiveTab } from '@/components/PopupApp';

import { GATE_SCRIPT } from '@/utils/annotator-files';

const CONTENT_SCRIPT = `/${GATE_SCRIPT}` as const;

/**
 * The tab the popup speaks to: the active tab of its window — or, when the popup page is opened on its own
 * with `?tab=<id>` (as the end-to-end tests and the side panel's tests do), that tab.
 */
const pinned = (() => {
  const id = Number(new URLSearchParams(location.search).get('tab') ?? NaN);
  return Number.isInteger(id) && id >= 0 ? id : null;
})();

async function activeTab() {
  if (pinned !== null) return browser.tabs.get(pinned).catch(() => undefined);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

async function send<T>(message: ContentRequest): Promise<T | null> {
  const tab = await activeTab();
  if (tab?.id === undefined) return null;
  try {
    return (await browser.tabs.sendMessage(tab.id, message)) as T;
  } catch {
    return null; // no content script on this page
  }
}

/**
 * The reader asked for this page: say so in the extension's isolated world first (the gate reads it when the
 * reader chose "only when I click"; entrypoints/gate/index.ts), then inject the gate.
 */
async function inject(tabId: number): Promise<void> {
  if (browser.scripting) {
    await browser.scripting.executeScript({ target: { tabId }, func: () => void ((globalThis as unknown as Record<symbol, boolean>)[Symbol.for('medicaid-data-context:asked')] = true) });
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
  } else {
    // Firefox MV2
    await browser.tabs.executeScript(tabId, { code: "globalThis[Symbol.for('medicaid-data-context:asked')] = true;" });
    await browser.tabs.executeScript(tabId, { file: CONTENT_SCRIPT });
  }
}

/** The side panel and sidebar APIs, which the polyfill's types do not list (Chrome 116+, Firefox). */
interface PanelApis {
  sidePanel?: { open(options: { windowId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

export function connectActiveTab(): ActiveTab {
  // Chrome opens a side panel only within the click's user gesture, which an await would lose: know the window first.
  let windowId: number | undefined;
  void browser.windows.getCurrent().then((w) => (windowId = w.id), () => undefined);
  return {
    async hostname() {
      const tab = await activeTab();
      try {
        return tab?.url ? new URL(tab.url).hostname : null;
      } catch {
        return null;
      }
    },
    annotations: () => send<AnnotationsResponse>({ type: 'annotations:get' }),
    reveal: async (id) => {
      await send({ type: 'annotations:reveal', id });
    },
    showClaim: async (claim) => {
      await send({ type: 'annotations:show', claim });
    },
    async annotateHere() {
      const tab = await activeTab();
      if (tab?.id === undefined) return false;
      try {
        await inject(tab.id);
        return true;
      } catch {
        return false;
      }
    },
    isSiteEnabled,
    underlineMode: readUnderlineMode,
    setUnderlineMode,
    async toggleUnderlines() {
      const answer = await send<{ hidden: boolean }>({ type: 'underlines:toggle' });
      return answer?.hidden ?? false;
    },
    allSites: everySiteOn,
    // The permission prompt comes first in chooseReach, while the click still counts as the reader's gesture.
    setAllSites: async (on) => (await chooseReach(on ? 'all' : 'listed')) === 'all',
    alwaysHere,
    setAlwaysHere: async (hostname, on) => {
      if (on) return addAlwaysSite(hostname);
      await removeAlwaysSite(hostname);
      return false;
    },
    openSettings: () => void openSettings(),
    openFirstRun: () => void openFirstRun(),
    openWorkbench() {
      const api = browser as unknown as PanelApis;
      const opened = api.sidebarAction ? api.sidebarAction.open() : api.sidePanel && windowId !== undefined ? api.sidePanel.open({ windowId }) : null;
      return opened ? opened.then(() => true, () => false) : Promise.resolve(false);
    },
    async setSiteEnabled(hostname, enabled) {
      await setSiteEnabled(hostname, enabled);
      await send({ type: 'annotations:refresh' });
    },
  };
}
