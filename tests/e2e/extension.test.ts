/**
 * The built extension in real Chromium, on pages served as if from apnews.com: what a reader gets.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { dataset, entityById } from '../../data';
import { annotationsFor, launchWithExtension, sendToActiveTab, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { serve, type LocalServer } from '../../scripts/lib/serve';
import { REQUIRED_IDS } from '../support/expected';
import { centreOfText } from '../../scripts/lib/in-page';
import { foreignMutations, HOST_ADDED, recordedMutations, recordMutations } from './in-page';
import { expectEveryRequiredEntity, PAINTED, paintedOf } from './expectations';
import { hasSeed, routes } from './pages';

let server: LocalServer;
let b: ExtensionBrowser;
let page: Page;
const problems: string[] = [];
const NEWS = 'http://apnews.com';
// Loaded through the debugger protocol, not a <script> tag: extension pages' CSP forbids inline scripts.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core violations inside `selector` (shadow roots included), as "rule: target" lines. */
async function axeViolations(p: Page, selector: string): Promise<string[]> {
  await p.evaluate(AXE);
  return p.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const res = await axe.run({ include: [[sel]] }, { resultTypes: ['violations'] });
    return res.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
  }, selector);
}
const CARD = 'medicaid-data-context .mdc-card';


async function open(path: string) {
  await page.goto(NEWS + path);
  return annotationsFor(b);
}

/** Screen position of the first occurrence of `text` in the page's prose (scrolled into view). */
const positionOf = (text: string) => page.evaluate(centreOfText, text);

beforeAll(async () => {
  server = await serve(routes);
  b = await launchWithExtension({ port: server.port });
  page = b.context.pages()[0] ?? (await b.context.newPage());
  await page.addInitScript(recordMutations);
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
});

afterAll(async () => {
  await b?.close();
  await server?.close();
});

describe('on the sample article (apnews.com)', () => {
  it('recognises the article and annotates every expected entity', async () => {
    const res = await open('/article/sample');
    expectEveryRequiredEntity(res);
  });

  it('paints underlines with the Custom Highlight API', async () => {
    expect(await page.evaluate(paintedOf, PAINTED)).toEqual(PAINTED);
  });

  it('opens a card on hover, with name, role, date and sources', async () => {
    const nixon = entityById.get('andrew-nixon')!;
    const { x, y } = await positionOf('Andrew Nixon');
    await page.mouse.move(x, y);
    const card = page.locator(CARD);
    await card.waitFor({ state: 'visible', timeout: 5000 });
    expect(await card.getAttribute('data-entity')).toBe('andrew-nixon');
    expect(await card.getAttribute('role')).toBe('dialog');
    const labelledBy = await card.getAttribute('aria-labelledby');
    expect(await page.locator(`medicaid-data-context #${labelledBy}`).textContent()).toBe(nixon.name);
    const text = await card.textContent();
    expect(text).toContain(nixon.summary);
    expect(text).toContain(`Medicaid Data Context dataset v${dataset.meta.version}`);
    const link = card.locator('.mdc-sources a').first();
    expect(await link.getAttribute('href')).toBe(nixon.sources[0].url);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
    // Moving away closes a hover card.
    await page.mouse.move(5, 5);
    await card.waitFor({ state: 'detached', timeout: 5000 });
  });

  it('opens a card on click or tap, with a law’s citation and provision', async () => {
    const law = entityById.get('privacy-act-1974');
    if (law?.kind !== 'law') throw new Error('privacy-act-1974 should be a law');
    const { x, y } = await positionOf('Privacy Act of 1974');
    await page.mouse.click(x, y);
    const card = page.locator(CARD);
    await card.waitFor({ state: 'visible', timeout: 5000 });
    expect(await card.getAttribute('data-entity')).toBe('privacy-act-1974');
    const text = await card.textContent();
    expect(text).toContain(law.citation);
    expect(text).toContain(law.provision);
    await page.locator('medicaid-data-context .mdc-close').click();
    await card.waitFor({ state: 'detached', timeout: 5000 });
  });

  it('moves between mentions by keyboard, focuses the card, and Esc returns focus', async () => {
    const res = await annotationsFor(b);
    await page.focus('nav a');
    await page.keyboard.press('Alt+Shift+KeyN');
    const card = page.locator(CARD);
    await card.waitFor({ state: 'visible', timeout: 5000 });
    expect(await card.getAttribute('data-entity')).toBe(res.annotations[0].id);
    await expect.poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.className)).toContain('mdc-card');
    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => card.getAttribute('data-entity')).toBe(res.annotations[1].id);
    await page.keyboard.press('Alt+Shift+KeyP');
    await expect.poll(() => card.getAttribute('data-entity')).toBe(res.annotations[0].id);
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached', timeout: 5000 });
    expect(await page.evaluate(() => document.activeElement?.matches('nav a'))).toBe(true);
  });

  it('after hover, click and keyboard, has changed nothing in the page but its one host element', async () => {
    const mutations = await page.evaluate(recordedMutations);
    const foreign = foreignMutations(mutations);
    expect(foreign).toEqual([]);
    expect(mutations).toContain(HOST_ADDED);
    expect(await page.locator('medicaid-data-context').count()).toBe(1);
  });

  it('shows an accessible card (axe-core), on a light and a dark page', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      // Reduced motion: no fade-in, so contrast is measured on the card as it settles, not mid-animation.
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await sendToActiveTab(b, { type: 'annotations:reveal', id: 'illinois' });
      const card = page.locator(CARD);
      await card.waitFor({ state: 'visible', timeout: 5000 });
      expect(await axeViolations(page, 'medicaid-data-context')).toEqual([]);
      await page.keyboard.press('Escape');
      await card.waitFor({ state: 'detached', timeout: 5000 });
    }
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  });

  it('reveals an entity on request (popup list)', async () => {
    await sendToActiveTab(b, { type: 'annotations:reveal', id: 'gavin-newsom' });
    const card = page.locator(CARD);
    await card.waitFor({ state: 'visible', timeout: 5000 });
    expect(await card.getAttribute('data-entity')).toBe('gavin-newsom');
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached', timeout: 5000 });
  });

  it('stops and restarts when the reader switches the site off and on', async () => {
    await b.worker.evaluate(() => (globalThis as any).chrome.storage.local.set({ disabledSites: ['apnews.com'] }));
    await expect.poll(async () => (await annotationsFor(b)).enabled).toBe(false);
    const off = await annotationsFor(b);
    expect(off.annotations).toEqual([]);
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    await b.worker.evaluate(() => (globalThis as any).chrome.storage.local.set({ disabledSites: [] }));
    await expect.poll(async () => (await annotationsFor(b)).annotations.length).toBeGreaterThan(20);
  });

  it('logged no errors', () => {
    expect(problems).toEqual([]);
  });
});

describe.skipIf(!hasSeed)('on the seed report served from apnews.com', () => {
  it('recognises it and finds every expected entity', async () => {
    const res = await open('/article/seed');
    expect(res.detected).toBe(true);
    const ids = new Set(res.annotations.map((a) => a.id));
    expect(REQUIRED_IDS.filter((id) => !ids.has(id))).toEqual([]);
  });
});

describe('elsewhere', () => {
  it('answers on an unrelated page, annotating nothing', async () => {
    const res = await open('/article/unrelated');
    expect(res).toMatchObject({ detected: false, annotations: [], version: dataset.meta.version, enabled: true });
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
  });

  it('annotates a single-page app once its article arrives', async () => {
    const first = await open('/article/spa');
    expect(first.detected).toBe(false);
    await expect.poll(async () => (await annotationsFor(b)).detected, { timeout: 10_000 }).toBe(true);
    const ids = new Set((await annotationsFor(b)).annotations.map((a) => a.id));
    expect(REQUIRED_IDS.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('opens the popup without errors', async () => {
    const popup = await b.context.newPage();
    const errors: string[] = [];
    popup.on('pageerror', (e) => errors.push(e.message));
    await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
    await popup.locator('main.popup h1').waitFor();
    expect(await popup.locator('main.popup h1').textContent()).toBe('Medicaid Data Context');
    expect(await axeViolations(popup, 'main.popup')).toEqual([]);
    await popup.close();
    expect(errors).toEqual([]);
  });

  it('logged no errors', () => {
    expect(problems).toEqual([]);
  });
});
