/**
 * Where the story is read, in the built extension, in both engines (extension.test.ts, firefox.test.ts): the
 * first-run page and its choices, "Always annotate on this site" for a news site not on the list (granted,
 * found annotated after a restart, revoked in the options page), and "Check text" in the side panel on a page
 * the extension does not read. One browser per engine, on `local.example.org` (not listed) and apnews.com.
 *
 * Browser permission prompts cannot be answered by automation, so each engine gets the grant the way it allows:
 * - Firefox: the pref `extensions.webextOptionalPermissionPrompts = false` (Mozilla's own test switch) grants
 *   a `permissions.request()` made from a real click without showing the doorhanger: the extension's whole path
 *   runs (the request from the reader's gesture, permissions.onAdded, registration, injection).
 * - Chromium: no switch answers its prompt (`--apps-gallery-install-auto-confirm-for-tests` does not, and
 *   chrome://extensions' site access cannot grant a host the extension only lists as optional). So a copy of the
 *   build lists `*://local.example.org/*` in `host_permissions`, standing in for the reader accepting the prompt:
 *   the popup's real `permissions.request()` then resolves granted without a prompt, as Chrome does for a granted
 *   origin; registration, persistence across a restart of the same profile, injection and revocation are the
 *   extension's own code. (Chrome will not remove a permission the manifest requires, so revoking tests that the
 *   scripts are unregistered and the site dropped, which is what stops the annotation.) Choosing "every site"
 *   needs an answered prompt and is tested in Firefox only.
 * - A Firefox temporary add-on does not survive a browser restart: there the restart is the add-on's own reload
 *   (its background starts again and registers from storage, what Firefox does at startup).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { CHROME_BUILD, FIRST_RUN_PAGE, launchWithExtension, UNLISTED_HOST_FOR_TESTS, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { firstRunPage, launchFirefoxWithExtension, type FirefoxExtensionBrowser } from '../../scripts/lib/firefox';
import { serve, type LocalServer } from '../../scripts/lib/serve';
import { liveHighlightCount } from '../support/in-page';
import { AXE_SOURCE, axeViolations } from '../support/card-fixture';
import type { Engine } from '../support/reader';
import { routes } from './pages';

const UNLISTED = `http://${UNLISTED_HOST_FOR_TESTS}/article/sample`;
const LISTED = 'http://apnews.com/article/sample';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An extension page, as a reader uses it: real clicks and typing. */
interface ExtPage {
  click(selector: string): Promise<void>;
  type(selector: string, text: string): Promise<void>;
  /** Wait until `fn` (run in the page) is true. */
  until(fn: string, what: string): Promise<void>;
  text(): Promise<string>;
  run<T>(fn: string): Promise<T>;
  /** axe-core's violations in the page's <main>. */
  axe(): Promise<string[]>;
  close(): Promise<void>;
}

interface Driver {
  /** The first-run page the extension opened on install. */
  firstRun(): Promise<ExtPage>;
  open(path: string): Promise<ExtPage>;
  goto(url: string): Promise<void>;
  /** Live highlighted ranges in the article tab (what the reader sees underlined). */
  underlines(): Promise<number>;
  /** Grant "always annotate" for the unlisted site the way this engine allows (see above). */
  alwaysAnnotateUnlisted(): Promise<void>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

async function poll(fn: () => Promise<boolean>, what: string, tries = 100): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await fn().catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`timed out: ${what}`);
}

function extPage(p: PwPage | PpPage): ExtPage {
  const page = p as PpPage & PwPage;
  const run = <T>(fn: string) => (page.evaluate as (s: string) => Promise<T>)(fn);
  return {
    async click(selector) {
      await poll(async () => run<boolean>(`!!document.querySelector(${JSON.stringify(selector)})`), `${selector} to appear`);
      await page.click(selector);
    },
    async type(selector, text) {
      await page.click(selector);
      await page.keyboard.type(text);
    },
    until: (fn, what) => poll(() => run<boolean>(`!!(${fn})`), what),
    text: () => run<string>('document.body.innerText'),
    run,
    async axe() {
      await run(AXE_SOURCE);
      return run<string[]>(`(${axeViolations.toString()})('main')`);
    },
    close: () => page.close(),
  };
}

// ————————————————————————————————————————— Chromium —————————————————————————————————————————

async function chromiumDriver(port: number): Promise<Driver> {
  // The build, with the unlisted site granted in the manifest: the stand-in for the reader accepting the prompt.
  const dir = mkdtempSync(join(tmpdir(), 'mdc-reach-'));
  const extensionDir = join(dir, 'extension');
  const profileDir = join(dir, 'profile');
  cpSync(CHROME_BUILD, extensionDir, { recursive: true });
  const manifestPath = join(extensionDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions = [...(manifest.host_permissions ?? []), `*://${UNLISTED_HOST_FOR_TESTS}/*`];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  mkdirSync(profileDir);

  let b: ExtensionBrowser;
  let article: PwPage;
  const launch = async () => {
    b = await launchWithExtension({ port, extensionDir, profileDir, keepFirstRun: true });
    article = b.context.pages().find((p) => !p.url().startsWith('chrome-extension:')) ?? (await b.context.newPage());
  };
  await launch();
  const url = (path: string) => `chrome-extension://${b.extensionId}/${path}`;
  const open = async (path: string) => {
    const p = await b.context.newPage();
    await p.goto(url(path));
    return extPage(p);
  };
  const articleTabId = () =>
    b.worker.evaluate(async (host) => {
      const tabs = await (globalThis as any).chrome.tabs.query({});
      return tabs.find((t: any) => t.url?.includes(host))?.id as number;
    }, UNLISTED_HOST_FOR_TESTS);
  return {
    async firstRun() {
      const isFirst = (p: PwPage) => p.url().endsWith(`/${FIRST_RUN_PAGE}`);
      const page = b.context.pages().find(isFirst) ?? (await b.context.waitForEvent('page', { predicate: isFirst, timeout: 15_000 }));
      await page.waitForLoadState();
      return extPage(page);
    },
    open,
    async goto(u) {
      await article.bringToFront();
      await article.goto(u);
    },
    underlines: () => article.evaluate(liveHighlightCount),
    async alwaysAnnotateUnlisted() {
      // The real popup, pinned to the article's tab (opened from the toolbar it follows the active tab).
      const tabId = await articleTabId();
      const popup = await open(`popup.html?tab=${tabId}`);
      await popup.click('input[data-action="always-here"]');
      await popup.until(`document.querySelector('input[data-action="always-here"]')?.checked`, 'the switch to stay on');
      await popup.close();
      await article.bringToFront();
    },
    async restart() {
      await b.close();
      await launch();
    },
    async close() {
      await b?.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ————————————————————————————————————————— Firefox —————————————————————————————————————————

async function firefoxDriver(port: number): Promise<Driver> {
  const b: FirefoxExtensionBrowser = await launchFirefoxWithExtension({
    port,
    keepFirstRun: true,
    // Mozilla's test switch: permissions.request() from a real click is granted without the doorhanger.
    prefs: { 'extensions.webextOptionalPermissionPrompts': false },
  });
  const article = b.page;
  const open = async (path: string) => {
    // A window of its own: the article stays the active tab of its window.
    const p = await b.browser.newPage({ type: 'window' });
    // goto on a moz-extension page loads but never resolves: start it and poll.
    void p.goto(`${b.origin}/${path}`).catch(() => {});
    await poll(() => p.evaluate(() => document.readyState === 'complete' && !!document.querySelector('main')), `${path} to load`);
    return extPage(p);
  };
  return {
    async firstRun() {
      const page = await firstRunPage(b.browser);
      if (!page) throw new Error('the first-run page did not open');
      await poll(() => page.evaluate(() => !!document.querySelector('main')), 'the first-run page to render');
      return extPage(page);
    },
    open,
    async goto(u) {
      await article.bringToFront();
      await article.goto(u);
    },
    underlines: () => article.evaluate(liveHighlightCount),
    async alwaysAnnotateUnlisted() {
      // The options page's "Add a site": in Firefox tests the popup cannot learn the tab's address (README).
      const options = await open('options.html');
      await options.type('#add-site', UNLISTED_HOST_FOR_TESTS);
      await options.click('form.add-site button[type="submit"]');
      await options.until(`document.querySelector('[data-list="always"]')?.textContent.includes(${JSON.stringify(UNLISTED_HOST_FOR_TESTS)})`, 'the site listed');
      await options.close();
    },
    async restart() {
      const page = await open('options.html');
      await page.run('void browser.runtime.reload()').catch(() => {});
      await sleep(1500);
      await poll(async () => {
        const probe = await open('options.html').catch(() => null);
        await probe?.close();
        return probe !== null;
      }, 'the add-on back after its reload');
    },
    close: () => b.close(),
  };
}

// ————————————————————————————————————————— the suite —————————————————————————————————————————

export function reachSuite(engine: Engine) {
  const E = engine === 'chromium' ? 'Chromium' : 'Firefox';
  describe(`${E}: where the story is read`, () => {
    let server: LocalServer;
    let d: Driver;
    beforeAll(async () => {
      server = await serve(routes);
      d = await (engine === 'chromium' ? chromiumDriver : firefoxDriver)(server.port);
    });
    afterAll(async () => {
      await d?.close();
      await server?.close();
    });

    const annotated = (what: string) => poll(async () => (await d.underlines()) > 20, `${what}: underlines`, 150);
    /** Nothing is underlined, looked at several times over two seconds after the page loaded. */
    const leftAlone = async (what: string) => {
      for (let i = 0; i < 8; i++) {
        expect(await d.underlines(), what).toBe(0);
        await sleep(250);
      }
    };

    it('opens the first-run page on install, with the three choices; "only when I click" leaves even a listed site alone, the list brings it back', async () => {
      const first = await d.firstRun();
      // The choices appear once the stored choice is read: the page's text is taken after that.
      await first.until(`document.querySelectorAll('input[name="reach"]').length === 3`, 'the three choices');
      const text = await first.text();
      expect(text).toContain('Welcome to Medicaid Data Context');
      expect(text).toContain('Nothing leaves your browser');
      for (const label of ['News sites on its list', 'Every site', 'Only when I click']) expect(text).toContain(label);
      expect(await first.axe(), 'axe-core on the first-run page').toEqual([]);
      await first.until(`document.querySelector('input[name="reach"][value="listed"]').checked`, 'the list chosen by default');
      await first.click('input[name="reach"][value="click"]');
      await first.until(`document.querySelector('[role="status"]').textContent.includes('Only when I click')`, 'the choice saved');
      await d.goto(LISTED);
      await leftAlone('a listed site, with "only when I click"');
      await first.click('input[name="reach"][value="listed"]');
      await first.until(`document.querySelector('[role="status"]').textContent.includes('News sites on its list')`, 'the list chosen again');
      await d.goto(LISTED);
      await annotated('a listed site, with the list');
    });

    if (engine === 'firefox')
      it('"every site" asks the browser and then annotates a news site not on the list; back to the list, it does not', async () => {
        const options = await d.open('options.html');
        await options.click('input[name="reach"][value="all"]');
        await options.until(`document.querySelector('input[name="reach"][value="all"]').checked`, 'every site granted and chosen');
        await d.goto(UNLISTED);
        await annotated('an unlisted site with every site chosen');
        await options.click('input[name="reach"][value="listed"]');
        await options.until(`document.querySelector('input[name="reach"][value="listed"]').checked`, 'the list chosen again');
        await options.close();
        await d.goto(UNLISTED);
        await leftAlone('an unlisted site with the list chosen');
      });

    it('annotates a site not on the list once it is granted — the open page at once, every later visit, after a restart too — and stops when revoked in the options page', async () => {
      await d.goto(UNLISTED);
      await leftAlone('an unlisted site before the grant');
      await d.alwaysAnnotateUnlisted();
      await annotated('the open page, right after the grant');
      await d.restart();
      await d.goto(UNLISTED);
      await annotated('the next visit after a restart');
      const options = await d.open('options.html');
      await options.until(`document.querySelector('[data-list="always"]')?.textContent.includes(${JSON.stringify(UNLISTED_HOST_FOR_TESTS)})`, 'the grant listed in the options');
      expect(await options.axe(), 'axe-core on the options page').toEqual([]);
      await options.click('[data-list="always"] button');
      await options.until(`document.querySelector('[role="status"]').textContent.includes('no longer annotated')`, 'the grant revoked');
      await options.close();
      await d.goto(UNLISTED);
      await leftAlone('an unlisted site after revoking it');
    });

    it('checks text from anywhere in the side panel: names and claims, on a page the extension does not read', async () => {
      await d.goto(UNLISTED);
      const panel = await d.open('sidepanel.html');
      await panel.type('#check-text', 'Homeland Security Secretary Kristi Noem defended the agreement. Andrew Nixon of HHS called the Medicaid data sharing with ICE lawful.');
      await panel.click('[data-action="check-text"]');
      await panel.until(`document.querySelector('#check [data-entity="kristi-noem"]') && document.querySelector('#check [data-entity="andrew-nixon"]')`, 'the names found');
      expect(await panel.text()).toContain('No date given');
      await panel.close();
      await leftAlone('the page itself');
    });
  });
}
