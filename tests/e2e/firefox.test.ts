/**
 * The built Firefox (MV2) extension in real Firefox ESR, on pages served as if from apnews.com: the same
 * reader-facing behaviour as extension.test.ts checks in Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { dataset, entityById } from '../../data';
import { launchFirefoxWithExtension, type FirefoxExtensionBrowser } from '../../scripts/lib/firefox';
import { serve, type LocalServer } from '../../scripts/lib/serve';
import { REQUIRED_IDS } from '../support/expected';
import { centreOfText } from '../../scripts/lib/in-page';
import { foreignMutations, HOST_ADDED, recordedMutations, recordMutations } from './in-page';
import { expectEveryRequiredEntity, PAINTED, paintedOf } from './expectations';
import { hasSeed, routes } from './pages';

let server: LocalServer;
let b: FirefoxExtensionBrowser;
let page: Page;
const problems: string[] = [];
const NEWS = 'http://apnews.com';


async function open(path: string) {
  await page.goto(NEWS + path);
  return b.annotations();
}

interface CardInfo {
  entity: string | null;
  role: string | null;
  title: string | null;
  text: string;
  source: { href: string | null; target: string | null; rel: string | null } | null;
}

/** The open card as the page sees it: inside the one host element's open shadow root. */
async function card(): Promise<CardInfo | null> {
  return page.evaluate(() => {
    const root = document.querySelector('medicaid-data-context')?.shadowRoot;
    const el = root?.querySelector<HTMLElement>('.mdc-card');
    if (!root || !el || !el.getClientRects().length) return null;
    const labelledBy = el.getAttribute('aria-labelledby');
    const link = el.querySelector('.mdc-sources a');
    return {
      entity: el.getAttribute('data-entity'),
      role: el.getAttribute('role'),
      title: labelledBy ? (root.getElementById(labelledBy)?.textContent ?? null) : null,
      text: el.textContent ?? '',
      source: link && { href: link.getAttribute('href'), target: link.getAttribute('target'), rel: link.getAttribute('rel') },
    };
  });
}

const cardEntity = async () => (await card())?.entity ?? null;
const POLL = { timeout: 5000, interval: 50 };

/** Screen position of the first occurrence of `text` in the page's prose (scrolled into view). */
const positionOf = (text: string) => page.evaluate(centreOfText, text);

async function chord(...keys: Parameters<Page['keyboard']['press']>[0][]) {
  const last = keys.pop()!;
  for (const k of keys) await page.keyboard.down(k);
  await page.keyboard.press(last);
  for (const k of keys.reverse()) await page.keyboard.up(k);
}

beforeAll(async () => {
  server = await serve(routes);
  b = await launchFirefoxWithExtension({ port: server.port });
  page = b.page;
  await page.evaluateOnNewDocument(recordMutations);
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e instanceof Error ? e.message : String(e)}`));
});

afterAll(async () => {
  await b?.close();
  await server?.close();
});

describe('Firefox: on the sample article (apnews.com)', () => {
  it('recognises the article and annotates every expected entity', async () => {
    const res = await open('/article/sample');
    expect(res.enabled).toBe(true);
    expectEveryRequiredEntity(res);
  });

  it('paints underlines with the Custom Highlight API', async () => {
    expect(await page.evaluate(paintedOf, PAINTED)).toEqual(PAINTED);
    // The ranges reach the page: the highlight covers "Andrew Nixon".
    const nixon = await page.evaluate(() =>
      [...(CSS.highlights.get('mdc-person') ?? [])].some((r) => (r as Range).toString() === 'Andrew Nixon'),
    );
    expect(nixon).toBe(true);
  });

  it('opens a card on hover, with name, role, date and sources', async () => {
    const nixon = entityById.get('andrew-nixon')!;
    const { x, y } = await positionOf('Andrew Nixon');
    await page.mouse.move(x - 4, y);
    await page.mouse.move(x, y);
    await expect.poll(cardEntity, POLL).toBe('andrew-nixon');
    const c = (await card())!;
    expect(c.role).toBe('dialog');
    expect(c.title).toBe(nixon.name);
    expect(c.text).toContain(nixon.summary);
    expect(c.text).toContain(`Medicaid Data Context dataset v${dataset.meta.version}`);
    expect(c.source).toEqual({ href: nixon.sources[0].url, target: '_blank', rel: expect.stringContaining('noopener') });
    // Moving away closes a hover card.
    await page.mouse.move(5, 5);
    await expect.poll(card, POLL).toBeNull();
  });

  it('opens a card on click, with a law’s citation and provision', async () => {
    const law = entityById.get('privacy-act-1974');
    if (law?.kind !== 'law') throw new Error('privacy-act-1974 should be a law');
    const { x, y } = await positionOf('Privacy Act of 1974');
    await page.mouse.click(x, y);
    await expect.poll(cardEntity, POLL).toBe('privacy-act-1974');
    const c = (await card())!;
    expect(c.text).toContain(law.citation);
    expect(c.text).toContain(law.provision);
    await page.evaluate(() =>
      document.querySelector('medicaid-data-context')!.shadowRoot!.querySelector<HTMLButtonElement>('.mdc-close')!.click(),
    );
    await expect.poll(card, POLL).toBeNull();
  });

  it('moves between mentions by keyboard, focuses the card, and Esc returns focus', async () => {
    const res = await b.annotations();
    await page.focus('nav a');
    await chord('Alt', 'Shift', 'KeyN');
    await expect.poll(cardEntity, POLL).toBe(res.annotations[0].id);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.className ?? ''), POLL)
      .toContain('mdc-card');
    await chord('Alt', 'Shift', 'KeyN');
    await expect.poll(cardEntity, POLL).toBe(res.annotations[1].id);
    await chord('Alt', 'Shift', 'KeyP');
    await expect.poll(cardEntity, POLL).toBe(res.annotations[0].id);
    await page.keyboard.press('Escape');
    await expect.poll(card, POLL).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.matches('nav a'))).toBe(true);
  });

  it('after hover, click and keyboard, has changed nothing in the page but its one host element', async () => {
    const mutations = await page.evaluate(recordedMutations);
    const foreign = foreignMutations(mutations);
    expect(foreign).toEqual([]);
    expect(mutations).toContain(HOST_ADDED);
    expect(await page.evaluate(() => document.querySelectorAll('medicaid-data-context').length)).toBe(1);
  });

  it('reveals an entity on request (popup list)', async () => {
    expect(await b.send({ type: 'annotations:reveal', id: 'gavin-newsom' })).toEqual({ ok: true });
    await expect.poll(cardEntity, POLL).toBe('gavin-newsom');
    await page.keyboard.press('Escape');
    await expect.poll(card, POLL).toBeNull();
  });

  it('stops and restarts when the reader switches the site off and on (extension storage)', async () => {
    const setDisabled = (sites: string[]) =>
      b.inExtension((s) => (globalThis as any).browser.storage.local.set({ disabledSites: s }), sites);
    await setDisabled(['apnews.com']);
    await expect.poll(async () => (await b.annotations()).enabled, POLL).toBe(false);
    expect((await b.annotations()).annotations).toEqual([]);
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    await setDisabled([]);
    await expect.poll(async () => (await b.annotations()).annotations.length, POLL).toBeGreaterThan(20);
    expect(await page.evaluate(() => CSS.highlights.has('mdc-person'))).toBe(true);
  });

  it('logged no errors', () => {
    expect(problems).toEqual([]);
  });
});

describe.skipIf(!hasSeed)('Firefox: on the seed report served from apnews.com', () => {
  it('recognises it and finds every expected entity', async () => {
    const res = await open('/article/seed');
    expect(res.detected).toBe(true);
    const ids = new Set(res.annotations.map((a) => a.id));
    expect(REQUIRED_IDS.filter((id) => !ids.has(id))).toEqual([]);
  });
});

describe('Firefox: elsewhere', () => {
  it('answers on an unrelated page, annotating nothing', async () => {
    const res = await open('/article/unrelated');
    expect(res).toMatchObject({ detected: false, annotations: [], version: dataset.meta.version, enabled: true });
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('medicaid-data-context').length)).toBe(0);
  });

  it('annotates a single-page app once its article arrives', async () => {
    const first = await open('/article/spa');
    expect(first.detected).toBe(false);
    await expect.poll(async () => (await b.annotations()).detected, { timeout: 10_000 }).toBe(true);
    const ids = new Set((await b.annotations()).annotations.map((a) => a.id));
    expect(REQUIRED_IDS.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('renders the popup page', async () => {
    const popup = await b.extensionPage();
    await expect
      .poll(() => popup.evaluate(() => document.querySelector('main.popup h1')?.textContent ?? null), POLL)
      .toBe('Medicaid Data Context');
  });

  it('logged no errors', () => {
    expect(problems).toEqual([]);
  });
});
