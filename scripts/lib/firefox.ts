/**
 * Launch the system Firefox (ESR) with the built Firefox extension (puppeteer-core over WebDriver BiDi;
 * nothing is downloaded). The Firefox counterpart of ./chromium.ts, used by the Firefox end-to-end tests.
 *
 * - The extension is installed as a temporary add-on, with its moz-extension UUID pinned by a pref, so the
 *   test knows its pages' addresses.
 * - Firefox has no host-resolver rules: a small forward proxy started here sends requests for the test news
 *   hosts (apnews.com, …) to the loopback test server and refuses everything else, so no request leaves the
 *   machine.
 * - Firefox gives tests no handle on the background page, so questions for the content script go through an
 *   extension page (popup.html) opened in a window of its own; from there `browser.tabs.sendMessage` asks
 *   the active tab of the article's window.
 * - The window is sized for real, not emulated: puppeteer's `page.setViewport` sends a BiDi command
 *   (emulation.setScreenOrientationOverride) that ESR 140 lacks. Firefox runs in kiosk mode (no toolbars)
 *   on a headless screen of the wanted size (MOZ_HEADLESS_WIDTH/HEIGHT), so the page gets exactly that
 *   viewport; 200 % zoom is the pref a 2× display uses (layout.css.devPixelsPerPx = 2: half the CSS
 *   pixels). The viewport is checked after launch.
 * - A phone: Firefox honours <meta name="viewport"> only with dom.meta-viewport.enabled (what its
 *   responsive design mode uses), and a browser window cannot be narrower than its toolbars allow (450 CSS
 *   px on ESR 140, 500 on ESR 153, kiosk or not); BiDi browsingContext.setViewport crashes the tab when
 *   that pref is on. So the phone is the narrowest window Firefox allows, with meta viewports honoured
 *   and touch input (BiDi touch actions); `screen` in the result says what was obtained.
 */
import { existsSync, statSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { resolve, join } from 'node:path';
import { findBrowser } from './find-browser';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { AnnotationsResponse, CardState } from '../../utils/messages';
import { GECKO_ID } from '../../wxt.config';
import { FIRST_RUN_PAGE, NEWS_HOSTS_FOR_TESTS, SCREENS, type Screen } from './chromium';

export const FIREFOX_BUILD = resolve(import.meta.dirname, '../../.output/firefox-mv2');

export const findFirefox = () =>
  findBrowser('Firefox', 'FIREFOX', ['/usr/bin/firefox-esr', '/usr/bin/firefox'], 'Debian: `sudo apt-get install firefox-esr`');

export interface FirefoxExtensionBrowser {
  browser: Browser;
  /** The tab the tests load articles in. */
  page: Page;
  /** The extension's pinned moz-extension UUID and origin (moz-extension://<uuid>). */
  uuid: string;
  origin: string;
  /** Firefox's version, e.g. "140.12.0esr". */
  version: string;
  /** The viewport the article tab got (CSS px) and its device pixel ratio. */
  screen: { width: number; height: number; deviceScaleFactor: number; mobile: boolean };
  /** Ask the content script in the article tab what it found (the public message contract). */
  annotations(): Promise<AnnotationsResponse>;
  /** What the reader sees of the card (the card's shadow root is closed to the page and to tests). */
  cardState(): Promise<CardState>;
  /** Send any content-script request to the article tab. */
  send(message: unknown): Promise<unknown>;
  /** Run a function in the extension page (it can use `browser.*`, e.g. storage). */
  inExtension<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** The extension page used for messaging (popup.html in its own window). */
  extensionPage(): Promise<Page>;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  /** Loopback port of the test server that news hosts (apnews.com, …) are served from. */
  port: number;
  headless?: boolean;
  /** Default: SCREENS.desktop. deviceScaleFactor 2 is 200 % zoom; `mobile` is the phone described above. */
  screen?: Screen;
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
  /** More prefs (tests of a setting). */
  prefs?: Record<string, unknown>;
  /** Leave open the first-run page the extension opens on install (default: it is closed, for the other suites). */
  keepFirstRun?: boolean;
}


/** A forward proxy: news hosts go to the loopback server, anything else is refused (no network). */
async function startProxy(port: number): Promise<Server> {
  const hosts = new Set(NEWS_HOSTS_FOR_TESTS);
  const proxy = createServer((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (url.protocol !== 'http:' || !hosts.has(url.hostname)) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end('blocked by the test proxy');
      return;
    }
    const upstream = request(
      { host: '127.0.0.1', port, method: req.method, path: url.pathname + url.search, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', (e) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(String(e));
    });
    req.pipe(upstream);
  });
  // https (CONNECT) is not served: Firefox's own background services end up here.
  proxy.on('connect', (_req, socket) => socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'));
  proxy.on('clientError', (_e, socket) => socket.destroy());
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  return proxy;
}

/** `wxt build` alone rebuilds only Chromium: say so when the Firefox build is clearly older. */
function warnIfStale(): void {
  const chrome = resolve(FIREFOX_BUILD, '../chrome-mv3/manifest.json');
  if (!existsSync(chrome)) return;
  const behind = statSync(chrome).mtimeMs - statSync(join(FIREFOX_BUILD, 'manifest.json')).mtimeMs;
  if (behind > 120_000)
    console.warn(
      `[firefox] ${FIREFOX_BUILD} is ${Math.round(behind / 60_000)} min older than the Chromium build: run \`npx wxt build -b firefox\` (or \`npm run build\`).`,
    );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The first-run page the extension opens on install, once it is there (null after 10 s). WebDriver BiDi reports
 * a tab the extension opened as about:blank, so each tab is asked its own address.
 */
export async function firstRunPage(browser: Browser): Promise<Page | null> {
  for (let i = 0; i < 50; i++) {
    for (const p of await browser.pages()) {
      const href = await Promise.race([p.evaluate(() => location.href).catch(() => ''), sleep(2000).then(() => '')]);
      if (href.endsWith(`/${FIRST_RUN_PAGE}`)) return p;
    }
    await sleep(200);
  }
  return null;
}

export async function launchFirefoxWithExtension(opts: FirefoxLaunchOptions): Promise<FirefoxExtensionBrowser> {
  const { port, headless = true, screen = SCREENS.desktop as Screen, colorScheme = 'light', reducedMotion, prefs = {} } = opts;
  if (!existsSync(join(FIREFOX_BUILD, 'manifest.json')))
    throw new Error(`No built Firefox extension at ${FIREFOX_BUILD}: run \`npm run build\` (or \`npx wxt build -b firefox\`) first.`);
  warnIfStale();
  const executablePath = findFirefox();
  const proxy = await startProxy(port);
  const proxyPort = (proxy.address() as AddressInfo).port;
  const uuid = randomUUID();
  const origin = `moz-extension://${uuid}`;
  const scale = screen.deviceScaleFactor ?? 1;
  const mobile = screen.mobile ?? false;
  // The phone keeps its device pixel ratio at 1: a 2× ratio would double the smallest window as well.
  const dpr = mobile ? 1 : scale;
  const launch = (extraWidth: number) =>
    puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless,
      // Lets WebDriver BiDi open and script moz-extension pages. Kiosk: no toolbars, the page gets the screen.
      args: ['--remote-allow-system-access', ...(headless ? ['--kiosk'] : [`--width=${screen.width}`, `--height=${screen.height}`])],
      env: {
        ...process.env,
        // The headless screen, in device pixels.
        MOZ_HEADLESS_WIDTH: String(Math.round((screen.width + extraWidth) * dpr)),
        MOZ_HEADLESS_HEIGHT: String(Math.round(screen.height * dpr)),
      },
      acceptInsecureCerts: true,
      // No emulation: see above.
      defaultViewport: null,
      extraPrefsFirefox: {
        ...(dpr !== 1 ? { 'layout.css.devPixelsPerPx': String(dpr) } : {}),
        // A phone: meta viewports honoured, touch events, and scrollbars that overlay the page as on phones.
        ...(mobile ? { 'dom.meta-viewport.enabled': true, 'dom.w3c_touch_events.enabled': 1, 'ui.useOverlayScrollbars': 1, 'widget.gtk.overlay-scrollbars.enabled': true } : {}),
        ...(reducedMotion ? { 'ui.prefersReducedMotion': reducedMotion === 'reduce' ? 1 : 0 } : {}),
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
        // The tests open the toolbar popup with browserAction.openPopup, which otherwise needs a click.
        'extensions.openPopupWithoutUserGesture.enabled': true,
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxyPort,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxyPort,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        'network.proxy.share_proxy_settings': false,
        // Light or dark pages, as asked (light by default, as in the Chromium tests).
        'ui.systemUsesDarkTheme': colorScheme === 'dark' ? 1 : 0,
        'layout.css.prefers-color-scheme.content-override': colorScheme === 'dark' ? 0 : 1,
        ...prefs,
      },
    });

  /** Launch, install the add-on, and measure what the article tab gets. */
  const start = async (extraWidth: number) => {
    const browser = await launch(extraWidth);
    try {
      const id = await browser.installExtension(FIREFOX_BUILD);
      if (id !== GECKO_ID) throw new Error(`Installed add-on id ${id}, expected ${GECKO_ID}`);
      // The first-run page the extension opens on install: closed, so the tab the tests drive stays active.
      if (!opts.keepFirstRun && existsSync(join(FIREFOX_BUILD, FIRST_RUN_PAGE))) await (await firstRunPage(browser))?.close();
      const page = (await browser.pages())[0] ?? (await browser.newPage());
      // A mobile-layout page: its layout viewport is the window (a page without one lays out at 980 px).
      await page.goto('data:text/html,<meta name="viewport" content="width=device-width">');
      const got = await page.evaluate(() => ({ width: innerWidth, height: innerHeight, dpr: devicePixelRatio, outer: outerWidth }));
      return { browser, page, got };
    } catch (e) {
      await browser.close().catch(() => {});
      throw e;
    }
  };

  let browser!: Browser;
  let page!: Page;
  let obtained!: FirefoxExtensionBrowser['screen'];
  let version = '';
  try {
    let started = await start(0);
    // An extension with a sidebar_action gets its sidebar opened at install (unless the manifest says
    // open_at_install: false), in every window: give the screen that much more width, once.
    const sidebar = started.got.outer - started.got.width;
    if (headless && sidebar > 0 && started.got.width < screen.width) {
      await started.browser.close().catch(() => {});
      started = await start(sidebar);
    }
    ({ browser, page } = started);
    const { got } = started;
    // The phone: the window is as narrow as this version allows (≥ 450) unless a sidebar takes room.
    const widthOk = mobile ? got.width >= screen.width && got.width <= 520 : got.width === screen.width;
    if (headless && (!widthOk || got.height !== screen.height || got.dpr !== dpr))
      throw new Error(`Firefox gave a ${got.width}×${got.height} viewport at ${got.dpr}×, not ${screen.width}×${screen.height} at ${dpr}×`);
    obtained = { width: got.width, height: got.height, deviceScaleFactor: got.dpr, mobile };
    version = (await browser.version()).replace(/^firefox\//i, '');
  } catch (e) {
    proxy.close();
    throw e;
  }

  const closeAll = async () => {
    await browser.close().catch(() => {});
    proxy.closeAllConnections();
    await new Promise<void>((done) => proxy.close(() => done()));
  };

  let extPromise: Promise<Page> | null = null;
  const extensionPage = () =>
    (extPromise ??= (async () => {
      // A window of its own: the article tab stays the active (visible, focused-for-input) tab of its window.
      const ext = await browser.newPage({ type: 'window' });
      // goto on a moz-extension page loads but never resolves: start it and poll.
      void ext.goto(`${origin}/popup.html`).catch(() => {});
      for (let i = 0; i < 100; i++) {
        const ready = await ext
          .evaluate(() => location.protocol === 'moz-extension:' && typeof (globalThis as any).browser?.tabs?.sendMessage === 'function')
          .catch(() => false);
        if (ready) return ext;
        await sleep(100);
      }
      throw new Error(`The extension page ${origin}/popup.html did not load`);
    })());

  const inExtension = async <T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T> =>
    (await extensionPage()).evaluate(fn as any, arg) as Promise<T>;

  /** Send `message` to the active tab of every other window (the article tab); first answer wins. */
  const send = (message: unknown, retries: number) =>
    inExtension(
      async ({ message, retries }) => {
        const api = (globalThis as any).browser;
        const self = await api.tabs.getCurrent();
        let lastError = 'no tab';
        for (let i = 0; i <= retries; i++) {
          // Without the "tabs" permission tab URLs are hidden; ids and active state are not.
          const tabs: { id?: number; windowId: number }[] = await api.tabs.query({ active: true });
          for (const tab of tabs) {
            if (tab.id === undefined || tab.id === self?.id || tab.windowId === self?.windowId) continue;
            try {
              const answer = await api.tabs.sendMessage(tab.id, message);
              if (answer !== undefined) return answer;
              lastError = 'no answer';
            } catch (e) {
              lastError = String(e); // content script not injected yet
            }
          }
          if (i < retries) await new Promise((r) => setTimeout(r, 100));
        }
        throw new Error(`no answer from the content script in the article tab: ${lastError}`);
      },
      { message, retries },
    );

  return {
    browser,
    page,
    uuid,
    origin,
    version,
    screen: obtained,
    annotations: () => send({ type: 'annotations:get' }, 50) as Promise<AnnotationsResponse>,
    cardState: () => send({ type: 'card:state' }, 20) as Promise<CardState>,
    send: (message) => send(message, 0),
    inExtension,
    extensionPage,
    close: closeAll,
  };
}
