/**
 * One driver for both engines: what a reader does (pointer, touch, keys) and what they see (screenshots,
 * the card's state as the extension reports it), on pages served as if from apnews.com. The end-to-end
 * suites are written once against this and run in Chromium (playwright-core over CDP) and Firefox
 * (puppeteer-core over WebDriver BiDi), on whichever browser binary CHROMIUM / FIREFOX select.
 *
 * Input is real (trusted) input from the automation protocol. Nothing here dispatches DOM events.
 */
import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { PNG } from 'pngjs';
import {
  chromiumVersion,
  launchWithExtension,
  SCREENS,
  type ExtensionBrowser,
  type Screen,
} from '../../scripts/lib/chromium';
import { launchFirefoxWithExtension, type FirefoxExtensionBrowser } from '../../scripts/lib/firefox';
import { openChromiumActionPopup, openFirefoxActionPopup, type ActionPopup } from '../../scripts/lib/action-popup';
import type { AnnotationsResponse, Box, CardState } from '../../utils/messages';
import { GECKO_ID } from '../../wxt.config';

export const NEWS = 'http://apnews.com';
export type Engine = 'chromium' | 'firefox';
export type Image = PNG;

export interface ReaderOptions {
  port: number;
  screen?: Screen;
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
}

/** The extension's popup, opened over the article (see `openPopup`). */
export interface PopupPage {
  run<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** Evaluate a script's source (not subject to the extension page's CSP: it comes from the automation protocol). */
  runScript(source: string): Promise<void>;
  /** A real click on the checkbox of the switch whose label contains `label`. */
  clickSwitch(label: string): Promise<void>;
  errors: string[];
  close(): Promise<void>;
}

export interface Reader {
  engine: Engine;
  /** e.g. "Chromium 150.0.7871.100", "Firefox 140.12.0esr" */
  label: string;
  /** browser.runtime.id: WXT derives its event names from it. */
  runtimeId: string;
  /** What the page got: CSS px of the layout viewport a mobile-layout page gets, device pixel ratio, phone. */
  screen: { width: number; height: number; deviceScaleFactor: number; mobile: boolean };
  /** Console errors and uncaught page errors in the article tab, since the suite last cleared it. */
  problems: string[];
  /** Load a path of the test server as if from apnews.com (or a full http URL on a test news host). */
  goto(pathOrUrl: string): Promise<void>;
  url(): string;
  annotations(): Promise<AnnotationsResponse>;
  cardState(): Promise<CardState>;
  send(message: unknown): Promise<unknown>;
  setStorage(items: Record<string, unknown>): Promise<void>;
  getStorage(key: string): Promise<unknown>;
  /** Run a function in the article page's own world (what a page script can see and do). */
  run<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** Evaluate a script's source in the article page (a library such as axe-core). */
  runScript(source: string): Promise<void>;
  /** Run `fn` in every page the article tab loads from now on, before the page's scripts. */
  onNewDocument<A>(fn: (arg: A) => void, arg: A): Promise<void>;
  /** Pointer input at layout-viewport coordinates (getBoundingClientRect). */
  move(x: number, y: number, steps?: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  tap(x: number, y: number): Promise<void>;
  /** One key (KeyboardEvent.key or .code names: 'Escape', 'Tab', 'KeyN'). */
  key(key: string): Promise<void>;
  /** Modifiers held while `key` is pressed: chord(['Alt', 'Shift'], 'KeyN'). */
  chord(modifiers: string[], key: string): Promise<void>;
  type(text: string): Promise<void>;
  /** A screenshot of a box in layout-viewport CSS px, as the reader's screen shows it. */
  shot(clip: Box): Promise<Image>;
  /** The real popup page, opened in a background tab of the article's window (so the article stays active). */
  openPopup(): Promise<PopupPage>;
  /** The popup learns the article's hostname (see grantActiveTabUrl): Chromium yes, Firefox no. */
  popupKnowsSite: boolean;
  /**
   * The popup opened the way a person opens it, from the browser's own action (scripts/lib/action-popup.ts):
   * Chromium presses the toolbar button over the DevTools protocol; Firefox calls browserAction.openPopup.
   */
  openActionPopup(): Promise<ActionPopup>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const decode = (buf: Uint8Array) => PNG.sync.read(Buffer.from(buf));
const absolute = (pathOrUrl: string) => (/^https?:/.test(pathOrUrl) ? pathOrUrl : NEWS + pathOrUrl);

/**
 * Without the "tabs" permission the popup sees no tab URLs; a real popup gets the article's URL from the
 * activeTab grant that the toolbar click gives, which automation cannot give. This stands in for that
 * grant only: the active tab of the popup's window (the article) gets its URL. Everything else is real.
 * Chromium runs it before the popup's scripts (an init script). Firefox does not run WebDriver BiDi
 * preload scripts in moz-extension documents, so there the popup has no hostname (`popupKnowsSite`).
 */
const grantActiveTabUrl = (articleUrl: string) => {
  const g = globalThis as unknown as { browser?: any; chrome?: any };
  const firefox = !!g.browser?.runtime?.id;
  const api = firefox ? g.browser : g.chrome;
  const tabs = api.tabs;
  const query = tabs.query.bind(tabs);
  const patched = (q: any, cb?: (t: unknown) => void) => {
    const p = Promise.resolve(query(q)).then((list: any[]) =>
      list.map((t) => (t.active && !t.url && q?.currentWindow ? { ...t, url: articleUrl } : t)),
    );
    if (typeof cb === 'function') void p.then(cb);
    else return p;
  };
  tabs.query = patched;
  if (tabs.query === patched) return;
  // Firefox's API objects ignore the assignment: stand a proxy in for the global `browser`.
  const tabsProxy = new Proxy(tabs, {
    get: (t, k) => (k === 'query' ? patched : typeof t[k] === 'function' ? t[k].bind(t) : t[k]),
  });
  const proxy = new Proxy(api, { get: (t, k) => (k === 'tabs' ? tabsProxy : t[k]) });
  Object.defineProperty(globalThis, firefox ? 'browser' : 'chrome', { value: proxy, configurable: true, writable: true });
};

/** What Playwright's and Puppeteer's pages share for scripts and input: the same calls drive both engines. */
interface DrivenPage {
  evaluate(fn: any, arg?: any): Promise<any>;
  mouse: { move(x: number, y: number, o: { steps: number }): Promise<unknown>; click(x: number, y: number): Promise<unknown> };
  touchscreen: { tap(x: number, y: number): Promise<unknown> };
  keyboard: { press(k: any): Promise<unknown>; down(k: any): Promise<unknown>; up(k: any): Promise<unknown>; type(t: string): Promise<unknown> };
}

function inputOn(page: DrivenPage): Pick<Reader, 'run' | 'runScript' | 'move' | 'click' | 'tap' | 'key' | 'chord' | 'type'> {
  return {
    run: (fn, arg) => page.evaluate(fn, arg),
    async runScript(source) {
      await page.evaluate(source);
    },
    async move(x, y, steps = 1) {
      await page.mouse.move(x, y, { steps });
    },
    async click(x, y) {
      await page.mouse.click(x, y);
    },
    async tap(x, y) {
      // A finger lands on the screen, whose origin is the visual viewport's: pinch-zoomed, or on a page whose
      // layout viewport is wider than the screen and panned, the two differ (CDP's touch points are relative to
      // the visual viewport).
      const v = await page.evaluate(visualOf);
      await page.touchscreen.tap(x - v.left, y - v.top);
    },
    async key(k) {
      await page.keyboard.press(k);
    },
    async chord(mods, k) {
      for (const m of mods) await page.keyboard.down(m);
      await page.keyboard.press(k);
      for (const m of [...mods].reverse()) await page.keyboard.up(m);
    },
    async type(text) {
      await page.keyboard.type(text);
    },
  };
}

/** Layout-viewport coordinates to the visual viewport's (what a pinch-zoomed phone screen shows). */
const visualOf = () => {
  const v = window.visualViewport;
  return v ? { scale: v.scale, left: v.offsetLeft, top: v.offsetTop, pageLeft: v.pageLeft, pageTop: v.pageTop } : { scale: 1, left: 0, top: 0, pageLeft: scrollX, pageTop: scrollY };
};

// ————————————————————————————————————————— Chromium —————————————————————————————————————————

export async function chromiumReader(opts: ReaderOptions): Promise<Reader> {
  const screen: Screen = opts.screen ?? SCREENS.desktop;
  const b: ExtensionBrowser = await launchWithExtension({ ...opts, screen, actionDebugging: true });
  const page: PwPage = b.context.pages()[0] ?? (await b.context.newPage());
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  const label = `Chromium ${chromiumVersion()}`;
  await page.goto('data:text/html,<meta name="viewport" content="width=device-width">');
  const got = await page.evaluate(() => ({ width: innerWidth, height: innerHeight, dpr: devicePixelRatio }));
  if (got.width !== screen.width || got.height !== screen.height)
    throw new Error(`${label} gave a ${got.width}×${got.height} viewport, not ${screen.width}×${screen.height}`);

  /** Every active tab's content script, first answer wins (the popup tab has none). */
  const send = (message: unknown, retries: number) =>
    b.worker.evaluate(
      async ({ message, retries }) => {
        const api = (globalThis as any).chrome;
        let last = 'no tab';
        for (let i = 0; i <= retries; i++) {
          for (const tab of await api.tabs.query({ active: true })) {
            try {
              const answer = await api.tabs.sendMessage(tab.id, message);
              if (answer !== undefined) return answer;
              last = 'no answer';
            } catch (e) {
              last = String(e);
            }
          }
          if (i < retries) await new Promise((r) => setTimeout(r, 100));
        }
        throw new Error(`no answer from the content script: ${last}`);
      },
      { message, retries },
    );

  return {
    engine: 'chromium',
    label,
    runtimeId: b.extensionId,
    popupKnowsSite: true,
    screen: { width: screen.width, height: screen.height, deviceScaleFactor: got.dpr, mobile: screen.mobile ?? false },
    problems,
    async goto(p) {
      await page.goto(absolute(p));
    },
    url: () => page.url(),
    annotations: () => send({ type: 'annotations:get' }, 50) as Promise<AnnotationsResponse>,
    cardState: () => send({ type: 'card:state' }, 20) as Promise<CardState>,
    send: (m) => send(m, 0),
    async setStorage(items) {
      await b.worker.evaluate((i) => (globalThis as any).chrome.storage.local.set(i), items);
    },
    getStorage: (key) => b.worker.evaluate(async (k) => (await (globalThis as any).chrome.storage.local.get(k))[k], key),
    ...inputOn(page),
    async onNewDocument(fn, arg) {
      await page.addInitScript(fn as any, arg);
    },
    async shot(clip) {
      // Playwright's clip is in the visual viewport's CSS px (they differ from layout px only on a phone).
      const v = await page.evaluate(visualOf);
      const x = (clip.left - v.left) * v.scale;
      const y = (clip.top - v.top) * v.scale;
      return decode(await page.screenshot({ clip: { x, y, width: clip.width * v.scale, height: clip.height * v.scale }, animations: 'disabled', caret: 'initial' }));
    },
    async openPopup() {
      const url = page.url();
      const created = b.context.waitForEvent('page');
      await b.worker.evaluate(async () => {
        const api = (globalThis as any).chrome;
        const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
        await api.tabs.create({ url: 'about:blank', active: false, windowId: tab?.windowId });
      });
      const popup = await created;
      const errors: string[] = [];
      popup.on('pageerror', (e) => errors.push(e.message));
      popup.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await popup.addInitScript(grantActiveTabUrl, url);
      await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
      await popup.locator('main.popup:not([aria-busy])').waitFor({ timeout: 10_000 });
      return {
        run: (fn, arg) => popup.evaluate(fn as any, arg) as any,
        async runScript(source) {
          await popup.evaluate(source);
        },
        async clickSwitch(label) {
          await popup.locator('label', { hasText: label }).locator('input').first().click();
        },
        errors,
        close: () => popup.close(),
      };
    },
    openActionPopup: () => openChromiumActionPopup(b.context, b.extensionId, page.url()),
    close: () => b.close(),
  };
}

// ————————————————————————————————————————— Firefox —————————————————————————————————————————

/**
 * Firefox 140, now and then, reports a stackless "Permission denied to access property \"length\"" while the
 * test driver reads the page (WebDriver BiDi evaluating page functions over the extension's highlights and
 * ranges, which belong to the add-on's compartment). It has no frame — neither the page's nor the
 * extension's code threw it — and Firefox 153 never reports it. Anything else, or anything with a stack, still
 * fails the test.
 */
function isXrayNoise(e: Error): boolean {
  // Reported as 'Permission denied to access property "length"', sometimes prefixed "Error: ", with no frame.
  const frames = (e.stack ?? '').split('\n').filter((l) => /@|\bat\s/.test(l));
  return /^(Error: )?Permission denied to access property "length"$/.test(e.message) && frames.length === 0;
}

export async function firefoxReader(opts: ReaderOptions): Promise<Reader> {
  const b: FirefoxExtensionBrowser = await launchFirefoxWithExtension({ ...opts, screen: opts.screen ?? SCREENS.desktop });
  const page: PpPage = b.page;
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => {
    if (e instanceof Error && isXrayNoise(e)) return;
    problems.push(`pageerror: ${e instanceof Error ? `${e.message} ${(e.stack ?? '').split('\n').slice(0, 3).join(' | ')}` : String(e)}`);
  });

  return {
    engine: 'firefox',
    label: `Firefox ${b.version}`,
    runtimeId: GECKO_ID,
    popupKnowsSite: false,
    screen: b.screen,
    problems,
    async goto(p) {
      await page.goto(absolute(p));
    },
    url: () => page.url(),
    annotations: () => b.annotations(),
    cardState: () => b.cardState(),
    send: (m) => b.send(m),
    async setStorage(items) {
      await b.inExtension((i) => (globalThis as any).browser.storage.local.set(i), items);
    },
    getStorage: (key) => b.inExtension(async (k) => (await (globalThis as any).browser.storage.local.get(k))[k], key),
    ...inputOn(page),
    async onNewDocument(fn, arg) {
      await page.evaluateOnNewDocument(fn as any, arg);
    },
    async shot(clip) {
      // Puppeteer's clip is in document coordinates; captureBeyondViewport: false takes what is on screen.
      const v = await page.evaluate(visualOf);
      const buf = await page.screenshot({
        clip: { x: clip.left + v.pageLeft - v.left, y: clip.top + v.pageTop - v.top, width: clip.width, height: clip.height },
        captureBeyondViewport: false,
      });
      return decode(buf);
    },
    async openPopup() {
      const url = page.url();
      const before = new Set(await b.browser.pages());
      // A background tab in the article's window: the article stays the active tab the popup asks about.
      await b.inExtension(async () => {
        const api = (globalThis as any).browser;
        const self = await api.tabs.getCurrent();
        const [article] = (await api.tabs.query({ active: true })).filter((t: any) => t.windowId !== self?.windowId);
        await api.tabs.create({ url: 'about:blank', active: false, windowId: article.windowId });
      }, 0);
      let popup: PpPage | undefined;
      for (let i = 0; i < 100 && !popup; i++) {
        popup = (await b.browser.pages()).find((p) => !before.has(p));
        if (!popup) await sleep(100);
      }
      if (!popup) throw new Error('the popup tab did not open');
      const errors: string[] = [];
      popup.on('pageerror', (e) => errors.push(e instanceof Error ? e.message : String(e)));
      await popup.evaluateOnNewDocument(grantActiveTabUrl, url);
      // goto on a moz-extension page loads but never resolves: start it and poll.
      void popup.goto(`${b.origin}/popup.html`).catch(() => {});
      const p = popup;
      for (let i = 0; i < 100; i++) {
        const ready = await p.evaluate(() => !!document.querySelector('main.popup:not([aria-busy])')).catch(() => false);
        if (ready) break;
        if (i === 99) throw new Error('the popup did not render');
        await sleep(100);
      }
      return {
        run: (fn, arg) => p.evaluate(fn as any, arg) as any,
        async runScript(source) {
          await p.evaluate(source);
        },
        async clickSwitch(label) {
          const at = await p.evaluate((text) => {
            const input = [...document.querySelectorAll('label')].find((l) => l.textContent?.includes(text))?.querySelector('input');
            if (!input) return null;
            input.scrollIntoView({ block: 'center' });
            const b = input.getBoundingClientRect();
            return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
          }, label);
          if (!at) throw new Error(`no switch labelled "${label}" in the popup`);
          await p.mouse.click(at.x, at.y);
        },
        errors,
        close: () => p.close(),
      };
    },
    openActionPopup: async () => openFirefoxActionPopup(await b.extensionPage()),
    close: () => b.close(),
  };
}

export const launchReader = (engine: Engine, opts: ReaderOptions) => (engine === 'chromium' ? chromiumReader(opts) : firefoxReader(opts));
