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
 */
import { existsSync, statSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { resolve, join } from 'node:path';
import { findBrowser } from './find-browser';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { AnnotationsResponse } from '../../utils/messages';
import { GECKO_ID } from '../../wxt.config';
import { NEWS_HOSTS_FOR_TESTS } from './chromium';

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
  /** Ask the content script in the article tab what it found (the public message contract). */
  annotations(): Promise<AnnotationsResponse>;
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

export async function launchFirefoxWithExtension(opts: FirefoxLaunchOptions): Promise<FirefoxExtensionBrowser> {
  const { port, headless = true } = opts;
  if (!existsSync(join(FIREFOX_BUILD, 'manifest.json')))
    throw new Error(`No built Firefox extension at ${FIREFOX_BUILD}: run \`npm run build\` (or \`npx wxt build -b firefox\`) first.`);
  warnIfStale();
  const executablePath = findFirefox();
  const proxy = await startProxy(port);
  const proxyPort = (proxy.address() as AddressInfo).port;
  const uuid = randomUUID();
  const origin = `moz-extension://${uuid}`;
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless,
      // Lets WebDriver BiDi open and script moz-extension pages.
      args: ['--remote-allow-system-access', '--width=1200', '--height=900'],
      acceptInsecureCerts: true,
      defaultViewport: null,
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxyPort,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxyPort,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        'network.proxy.share_proxy_settings': false,
        // A light page, as in the Chromium tests.
        'ui.systemUsesDarkTheme': 0,
      },
    });
  } catch (e) {
    proxy.close();
    throw e;
  }

  const closeAll = async () => {
    await browser.close().catch(() => {});
    proxy.closeAllConnections();
    await new Promise<void>((done) => proxy.close(() => done()));
  };

  let page: Page;
  try {
    const id = await browser.installExtension(FIREFOX_BUILD);
    if (id !== GECKO_ID) throw new Error(`Installed add-on id ${id}, expected ${GECKO_ID}`);
    page = (await browser.pages())[0] ?? (await browser.newPage());
  } catch (e) {
    await closeAll();
    throw e;
  }

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
    annotations: () => send({ type: 'annotations:get' }, 50) as Promise<AnnotationsResponse>,
    send: (message) => send(message, 0),
    inExtension,
    extensionPage,
    close: closeAll,
  };
}
