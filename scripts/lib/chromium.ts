/**
 * Launch the system Chromium with the built extension (playwright-core; nothing is downloaded).
 * Used by the end-to-end tests, the demo and the benchmark.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { findBrowser } from './find-browser';
import type { AnnotationsResponse, CardState } from '../../utils/messages';

export const CHROME_BUILD = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export const findChromium = () =>
  findBrowser(
    'Chromium',
    'CHROMIUM',
    ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'],
    'Debian/Ubuntu: `sudo apt-get install chromium`',
  );

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/**
 * What the reader's screen is like. Sizes are CSS pixels of the layout viewport a desktop page gets.
 * - `desktop`: an ordinary window; `laptop`: a 1280×800 one.
 * - `zoom200`: the same window at 200 % zoom (or a 2× display scaled 200 %): half the CSS pixels, each
 *   drawn twice as large.
 * - `phone`: a 375×667 phone with touch. Pages without a meta viewport lay out at ~980 px and are shown
 *   scaled down (≈0.38), as mobile browsers do.
 */
export interface Screen {
  width: number;
  height: number;
  deviceScaleFactor?: number;
  mobile?: boolean;
}
export const SCREENS = {
  desktop: { width: 1200, height: 900 },
  /** A common laptop window: cards must fit there without scrolling inside. */
  laptop: { width: 1280, height: 800 },
  zoom200: { width: 600, height: 450, deviceScaleFactor: 2 },
  phone: { width: 375, height: 667, deviceScaleFactor: 2, mobile: true },
} satisfies Record<string, Screen>;

export interface LaunchOptions {
  /** Loopback port that news hosts (apnews.com, …) resolve to. */
  port: number;
  headless?: boolean;
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
  /** Default: SCREENS.desktop. */
  screen?: Screen;
  /** Load the extension (false gives the same browser without it, for comparisons). */
  withExtension?: boolean;
  /** Where the built extension is (default: CHROME_BUILD; the benchmark loads stand-ins from elsewhere). */
  extensionDir?: string;
  /** A profile to keep (a browser restarted on it finds what the extension stored and registered). Default: a fresh one, removed on close. */
  profileDir?: string;
  /** Leave open the first-run page the extension opens on install (default: it is closed, for the other suites). */
  keepFirstRun?: boolean;
  /**
   * Let the DevTools protocol press the extension's toolbar button (`Extensions.triggerAction`, behind
   * `--enable-unsafe-extension-debugging`): the tests open the popup the way a person does (./action-popup.ts).
   * The screen is then a 1920×1080 one: headless Chromium's default screen is 800×600, and a popup is never
   * taller than the screen's room below the toolbar (510 px there), where a real screen allows 600.
   */
  actionDebugging?: boolean;
}

/**
 * Hosts the test server answers for: listed news sites, and `local.example.org`, a news site that is not on
 * the list (the tests of per-site grants and of every site).
 */
export const NEWS_HOSTS_FOR_TESTS = ['apnews.com', 'www.apnews.com', 'npr.org', 'local.example.org'];
export const UNLISTED_HOST_FOR_TESTS = 'local.example.org';

/** The page the extension opens when it is installed (entrypoints/welcome). */
export const FIRST_RUN_PAGE = 'welcome.html';

export async function launchWithExtension(opts: LaunchOptions): Promise<ExtensionBrowser> {
  const { port, headless = true, colorScheme = 'light', reducedMotion, screen = SCREENS.desktop as Screen, withExtension = true, extensionDir = CHROME_BUILD, actionDebugging = false } = opts;
  if (withExtension && !existsSync(join(extensionDir, 'manifest.json')))
    throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first.`);
  const fresh = !opts.profileDir || readdirSync(opts.profileDir).length === 0;
  const profile = opts.profileDir ?? mkdtempSync(join(tmpdir(), 'mdc-profile-'));
  const rules = [...NEWS_HOSTS_FOR_TESTS.map((h) => `MAP ${h} 127.0.0.1:${port}`), 'MAP localhost 127.0.0.1', 'MAP * ~NOTFOUND'];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless,
    colorScheme,
    reducedMotion,
    viewport: { width: screen.width, height: screen.height },
    deviceScaleFactor: screen.deviceScaleFactor ?? 1,
    isMobile: screen.mobile ?? false,
    hasTouch: screen.mobile ?? false,
    args: [
      ...(withExtension ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
      ...(withExtension && actionDebugging ? ['--enable-unsafe-extension-debugging', '--screen-info={0,0 1920x1080}'] : []),
      `--host-resolver-rules=${rules.join(', ')}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  let worker: Worker | undefined;
  if (withExtension) {
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    // Installed into a fresh profile, the extension opens its first-run page: the tests that do not look at it
    // close it, so the tab they drive stays the active one.
    if (fresh && existsSync(join(extensionDir, FIRST_RUN_PAGE)) && !opts.keepFirstRun) {
      const isFirstRun = (p: { url(): string }) => p.url().endsWith(`/${FIRST_RUN_PAGE}`);
      const page = context.pages().find(isFirstRun) ?? (await context.waitForEvent('page', { predicate: isFirstRun, timeout: 15_000 }).catch(() => null));
      await page?.close();
    }
  }
  return {
    context,
    worker: worker!,
    extensionId: worker ? new URL(worker.url()).host : '',
    async close() {
      await context.close();
      if (!opts.profileDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Ask the content script what it found, through the public message contract, from the extension's own
 * service worker. Without the "tabs" permission (least privilege) tab URLs are hidden, so callers keep one
 * page open per browser and this asks the active tab.
 */
export async function annotationsFor(b: ExtensionBrowser): Promise<AnnotationsResponse> {
  return b.worker.evaluate(async () => {
    const api = (globalThis as any).chrome;
    for (let i = 0; i < 50; i++) {
      const [tab] = await api.tabs.query({ active: true });
      try {
        if (tab?.id !== undefined) return await api.tabs.sendMessage(tab.id, { type: 'annotations:get' });
      } catch {
        // not injected yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('no answer from the content script in the active tab');
  });
}

/** Send any content-script request to the active tab. */
export async function sendToActiveTab(b: ExtensionBrowser, message: unknown): Promise<unknown> {
  return b.worker.evaluate(async (msg) => {
    const api = (globalThis as any).chrome;
    const [tab] = await api.tabs.query({ active: true });
    return api.tabs.sendMessage(tab.id, msg);
  }, message);
}

/** What the reader sees of the card, asked of the content script (the card's shadow root is closed). */
export const cardStateFor = (b: ExtensionBrowser) => sendToActiveTab(b, { type: 'card:state' }) as Promise<CardState>;

/** The browser's version, e.g. "150.0.7871.100" (the user agent says only "150.0.0.0"). */
export function chromiumVersion(): string {
  const out = execFileSync(findChromium(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return /([\d]+\.[\d.]+)/.exec(out)?.[1] ?? 'unknown';
}
