/**
 * Open the extension's toolbar popup the way a person does, and look at it: the browser's own action, not
 * popup.html loaded in a tab (a tab gives the page the tab's viewport; a real popup is sized from its content,
 * which is what a reader gets, and what a tab cannot show).
 *
 * - Chromium: the DevTools protocol's `Extensions.triggerAction` on the article's tab (Chromium launched with
 *   `--enable-unsafe-extension-debugging`, over Playwright's pipe), the same as a click on the toolbar button:
 *   the popup opens in its own top-level target, with the activeTab grant a click gives. The popup's target
 *   is driven over the browser session (Target.sendMessageToTarget), since Playwright does not list it as a
 *   page: its size, a script, a screenshot, real clicks.
 * - Firefox: `browserAction.openPopup({ windowId })` from an extension page, which the pref
 *   `extensions.openPopupWithoutUserGesture.enabled` allows without a click (WebDriver BiDi cannot click the
 *   toolbar). The popup is the real panel anchored to the toolbar button, in the article's window; it is
 *   measured through `extension.getViews({ type: 'popup' })` from the extension page. WebDriver BiDi cannot
 *   capture browser chrome, so there is no screenshot, and without the toolbar click there is no activeTab grant.
 */
import type { BrowserContext, CDPSession } from 'playwright-core';
import { PNG } from 'pngjs';

export interface PopupSize {
  /** The popup's viewport (CSS px): the window the browser gave it. */
  width: number;
  height: number;
  /** The document's own size: more than the viewport means the popup scrolls. */
  scrollWidth: number;
  scrollHeight: number;
}

export interface ActionPopup {
  size(): Promise<PopupSize>;
  /** Run a self-contained function with the popup's window (awaited; the value must be JSON). */
  run<T>(fn: (popup: Window) => T | Promise<T>): Promise<T>;
  /** A screenshot of the popup as drawn (Chromium only: null in Firefox). */
  screenshot(): Promise<PNG | null>;
  /** A real click at a point of the popup (Chromium: input events; Firefox: none, so null). */
  click?(x: number, y: number): Promise<void>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The size and readiness of the popup, as expressions of its window `w`. */
const SIZE_OF = (w: string) =>
  `({ width: ${w}.innerWidth, height: ${w}.innerHeight, scrollWidth: ${w}.document.documentElement.scrollWidth, scrollHeight: ${w}.document.documentElement.scrollHeight })`;
const READY_IN = (w: string) => `!!${w}?.document.querySelector('main.popup:not([aria-busy])')`;
const POPUP_SIZE = SIZE_OF('window');
const POPUP_READY = READY_IN('window');

/** Wait until the popup's size has settled (it takes its size from its content once it has rendered). */
async function settle(read: () => Promise<PopupSize>): Promise<void> {
  let last = '';
  for (let i = 0; i < 20; i++) {
    const now = JSON.stringify(await read());
    if (now === last) return;
    last = now;
    await sleep(150);
  }
}

/** Chromium: press the toolbar button for the tab showing `tabUrl`, and attach to the popup it opens. */
export async function openChromiumActionPopup(context: BrowserContext, extensionId: string, tabUrl: string): Promise<ActionPopup> {
  const browser = context.browser();
  if (!browser) throw new Error('no browser-level session to press the toolbar button with');
  const session: CDPSession = await browser.newBrowserCDPSession();
  const send = (method: string, params: object = {}) => session.send(method as never, params as never) as Promise<any>;
  const { targetInfos: tabs } = await send('Target.getTargets', { filter: [{ type: 'tab' }] });
  const tab = tabs.find((t: { url: string }) => t.url === tabUrl) ?? tabs.find((t: { embedderData?: { tabActive?: boolean } }) => t.embedderData?.tabActive);
  if (!tab) throw new Error(`no tab shows ${tabUrl}`);
  await send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
  let target: { targetId: string } | undefined;
  for (let i = 0; i < 100 && !target; i++) {
    const { targetInfos } = await send('Target.getTargets');
    target = targetInfos.find((t: { type: string; url: string }) => t.type === 'page' && t.url === `chrome-extension://${extensionId}/popup.html`);
    if (!target) await sleep(100);
  }
  if (!target) throw new Error('the toolbar button opened no popup');
  const { sessionId } = await send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let next = 0;
  const waiting = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  const onMessage = (e: { sessionId: string; message: string }) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
    const w = m.id !== undefined ? waiting.get(m.id) : undefined;
    if (!w) return;
    waiting.delete(m.id!);
    if (m.error) w.reject(new Error(m.error.message));
    else w.resolve(m.result);
  };
  session.on('Target.receivedMessageFromTarget' as never, onMessage as never);
  const call = (method: string, params: object = {}) =>
    new Promise<any>((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { resolve, reject });
      send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
  const evaluate = async <T>(expression: string): Promise<T> => {
    const r = await call('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (r.exceptionDetails) throw new Error(`in the popup: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    return r.result.value as T;
  };
  for (let i = 0; i < 100 && !(await evaluate<boolean>(POPUP_READY).catch(() => false)); i++) await sleep(100);
  await settle(() => evaluate<PopupSize>(POPUP_SIZE));
  return {
    size: () => evaluate<PopupSize>(POPUP_SIZE),
    run: <T>(fn: (popup: Window) => T | Promise<T>) => evaluate<T>(`(${fn.toString()})(window)`),
    async screenshot() {
      const { data } = await call('Page.captureScreenshot', { format: 'png' });
      return PNG.sync.read(Buffer.from(data as string, 'base64'));
    },
    async click(x, y) {
      for (const type of ['mousePressed', 'mouseReleased'])
        await call('Input.dispatchMouseEvent', { type, x, y, button: 'left', clickCount: 1 });
    },
    async close() {
      await send('Target.closeTarget', { targetId: target!.targetId }).catch(() => {});
      session.off('Target.receivedMessageFromTarget' as never, onMessage as never);
      await session.detach().catch(() => {});
    },
  };
}

/** What the Firefox launcher gives: an extension page to run scripts in (scripts/lib/firefox.ts). */
interface ExtensionPageLike {
  evaluate(expression: string): Promise<unknown>;
}

/**
 * Firefox: open the toolbar popup in the article's window with `browserAction.openPopup` (allowed without a
 * click by the pref `extensions.openPopupWithoutUserGesture.enabled`), and reach it from an extension page.
 */
export async function openFirefoxActionPopup(ext: ExtensionPageLike): Promise<ActionPopup> {
  const POPUP = `browser.extension.getViews({ type: 'popup' })[0]`;
  const evaluate = async <T>(expression: string) => (await ext.evaluate(expression)) as T;
  await evaluate(`(async () => {
    const self = await browser.tabs.getCurrent();
    const [article] = (await browser.tabs.query({ active: true })).filter((t) => t.windowId !== self?.windowId);
    // Firefox shows a popup only in the focused window: the article's window comes to the front, as it is
    // when a person clicks its toolbar button.
    await browser.windows.update(article.windowId, { focused: true });
    await browser.browserAction.openPopup({ windowId: article.windowId });
  })()`);
  let ready = false;
  for (let i = 0; i < 100 && !ready; i++) {
    ready = await evaluate<boolean>(READY_IN(POPUP)).catch(() => false);
    if (!ready) await sleep(100);
  }
  if (!ready) throw new Error('browserAction.openPopup opened no popup that rendered');
  await settle(() => evaluate<PopupSize>(SIZE_OF(POPUP)));
  return {
    size: () => evaluate<PopupSize>(SIZE_OF(POPUP)),
    run: <T>(fn: (popup: Window) => T | Promise<T>) => evaluate<T>(`(${fn.toString()})(${POPUP})`),
    screenshot: async () => null,
    async close() {
      await evaluate(`${POPUP}?.close()`).catch(() => {});
    },
  };
}
