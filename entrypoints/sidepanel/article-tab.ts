/**
 * The workbench's link to the article: the active tab of the panel's window, followed as the reader
 * switches tabs or a page finishes loading — or one tab pinned with `?tab=<id>` (the panel opened as a page
 * of its own, as the end-to-end tests do). Without the `tabs` permission the panel sees tab ids, never
 * URLs: everything about the page comes from its content script's answers.
 */
import type { ArticleLink } from '@/components/SidePanelApp';
import type { AnnotationsResponse, ContentRequest, PageSnapshot } from '@/utils/messages';

/** A page that just finished loading may not have its content script listening yet. */
const TRIES = 4;
const RETRY_MS = 250;

export function pinnedTab(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  const id = raw === null ? NaN : Number(raw);
  return Number.isInteger(id) && id >= 0 ? id : null;
}

export function followArticleTab(pinned: number | null): ArticleLink {
  const windowId = browser.windows.getCurrent().then((w) => w.id);

  async function tabId(): Promise<number | null> {
    if (pinned !== null) return pinned;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id ?? null;
  }

  async function send<T>(message: ContentRequest, tries = 1): Promise<T | null> {
    for (let i = 0; i < tries; i++) {
      const id = await tabId();
      if (id === null) return null;
      try {
        const answer = (await browser.tabs.sendMessage(id, message)) as T | undefined;
        if (answer !== undefined) return answer;
      } catch {
        // No content script in that tab (yet).
      }
      if (i + 1 < tries) await new Promise((r) => setTimeout(r, RETRY_MS));
    }
    return null;
  }

  const ok = (answer: { ok?: boolean } | null) => answer?.ok === true;

  return {
    annotations: () => send<AnnotationsResponse>({ type: 'annotations:get' }, TRIES),
    snapshot: () => send<PageSnapshot>({ type: 'annotations:export' }),
    show: async (target) => ok(await send<{ ok: boolean }>({ type: 'annotations:show', ...target })),
    present: async (names) => ok(await send<{ ok: boolean }>({ type: 'present:start', ...(names ? { names } : {}) })),
    onChange(listener) {
      const activated = async (info: { tabId: number; windowId: number }) => {
        if (pinned === null && info.windowId === (await windowId)) listener('switched');
      };
      const updated = async (id: number, change: { status?: string }) => {
        if (change.status === 'complete' && id === (await tabId())) listener('loaded');
      };
      const removed = (id: number) => {
        if (pinned !== null && id === pinned) listener('closed');
      };
      // The article's content script says when its annotations changed (the page changed under it). Not an
      // async listener: a listener that returns a Promise answers every message sent to the extension, and
      // the panel's empty answer could reach a content script before the background's.
      const changed = (message: unknown, sender: { tab?: { id?: number } }) => {
        if ((message as { type?: unknown })?.type !== 'annotations:changed') return undefined;
        void tabId().then((id) => sender.tab?.id === id && listener('changed'));
        return undefined;
      };
      browser.tabs.onActivated.addListener(activated);
      browser.tabs.onUpdated.addListener(updated);
      browser.tabs.onRemoved.addListener(removed);
      browser.runtime.onMessage.addListener(changed);
      return () => {
        browser.runtime.onMessage.removeListener(changed);
        browser.tabs.onActivated.removeListener(activated);
        browser.tabs.onUpdated.removeListener(updated);
        browser.tabs.onRemoved.removeListener(removed);
      };
    },
  };
}
