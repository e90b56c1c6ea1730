/**
 * Time-aware knowledge in real Chromium, as a reader meets it: the sample article (dated January 9, 2026)
 * has claims underlined with a verdict, and each claim's card says the verdict in words, what the sources
 * say, where, and when it changed; the popup lists what happened since the article; a Spanish article gets
 * Spanish cards in an English browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatDate, localize } from '../../components/format';
import { translator } from '../../components/translate';
import { partWords } from '../../engine/claim-part';
import en from '../../locales/en.json';
import { claims as claimRecords, entityById } from '../../data';
import type { Claim } from '../../data/claim-schema';
import { annotationsFor, launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { serve, type LocalServer } from '../../scripts/lib/serve';
import type { AnnotationsResponse, CardState } from '../../utils/messages';
import { routes } from './pages';
import { activeTabId, sendToTab } from './workbench-support';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const NEWS = 'http://apnews.com';
const SPANISH = readFileSync(join(import.meta.dirname, '../../sample/articulo.html'), 'utf8');
const claimById = new Map<string, Claim>(claimRecords.map((c) => [c.id, c]));

let server: LocalServer;
let b: ExtensionBrowser;
let page: Page;
let tabId: number;
let answers: AnnotationsResponse;
const problems: string[] = [];

const cardState = () => sendToTab<CardState>(b, tabId, { type: 'card:state' });

/** The text of every range painted under each highlight name (names are random: a page cannot tell them). */
const paintedByName = () =>
  page.evaluate(() => [...(CSS.highlights as unknown as Map<string, Set<AbstractRange>>)].map(([, h]) => [...h].map((r) => (r as Range).toString()).sort()));
const t = translator(en as never);

async function openClaim(index: number): Promise<CardState> {
  await sendToTab(b, tabId, { type: 'annotations:show', claim: index });
  await expect.poll(async () => (await cardState()).kind, { timeout: 5000 }).toBe('claim');
  return cardState();
}

async function closeCard() {
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await cardState()).open, { timeout: 5000 }).toBe(false);
}

beforeAll(async () => {
  server = await serve({ ...routes, '/article/es': () => SPANISH });
  b = await launchWithExtension({ port: server.port });
  page = b.context.pages()[0] ?? (await b.context.newPage());
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(`${NEWS}/article/sample`);
  answers = await annotationsFor(b);
  tabId = await activeTabId(b);
});

afterAll(async () => {
  await b?.close();
  await server?.close();
});

describe('claims on the sample article, judged at its date (Jan. 9, 2026) and today', () => {
  it('reads the publication date from the page and finds a claim that agrees, one outdated and one that differs', () => {
    expect(answers.published).toBe('2026-01-09');
    const verdicts = new Set(answers.claims.map((c) => c.verdict));
    expect(verdicts).toEqual(new Set(['agrees', 'outdated', 'differs']));
  });

  it('tints each claim’s clause, and marks the words it compared, with its verdict’s own highlights', async () => {
    const painted = (await paintedByName()).map((texts) => JSON.stringify(texts));
    const found = new Set<string>();
    for (const verdict of ['agrees', 'outdated', 'differs'] as const) {
      const claims = answers.claims.filter((c) => c.verdict === verdict);
      const clauses = JSON.stringify(claims.map((c) => c.text).sort());
      const parts = JSON.stringify(claims.map((c) => c.part!.text).sort());
      expect(painted, `${verdict}: one highlight holds exactly its clauses`).toContain(clauses);
      expect(painted, `${verdict}: one highlight holds exactly the words it compared`).toContain(parts);
      found.add(clauses).add(parts);
    }
    expect(found.size, 'a highlight of its own for each verdict, clause and marker').toBe(6);
  });

  it.each(['agrees', 'outdated', 'differs'] as const)('opens a card for a claim that %s, with the verdict in words and its source', async (verdict) => {
    const index = answers.claims.findIndex((c) => c.verdict === verdict);
    const summary = answers.claims[index];
    const state = await openClaim(index);
    const record = claimById.get(summary.id)!;
    const words = { agrees: 'Agrees', outdated: 'Outdated', differs: 'Differs' }[verdict];
    expect(state.id).toBe(summary.id);
    expect(state.text).toContain(words);
    // Which part of the clause was compared (the clause itself is marked on the page, and quoted in the details).
    expect(state.text).toContain(`Checked ${partWords({ asserted: summary.asserted!, part: summary.part }, 'en', t)}`);
    // What the sources say, and who says it: the value now (or, when it differed, at the article's date).
    const values = record.values as { statement: { en: string }; sources: { publisher: string }[]; from: string }[];
    expect(values.some((v) => state.text!.includes(localize(v.statement)))).toBe(true);
    expect(values.some((v) => v.sources.some((s) => state.text!.includes(s.publisher)))).toBe(true);
    if (verdict === 'outdated') expect(state.text).toContain(formatDate(summary.since!));
    // Never over the sentence it explains.
    for (const m of state.mention!) {
      const c = state.card!;
      const overlaps = c.left < m.left + m.width && m.left < c.left + c.width && c.top < m.top + m.height && m.top < c.top + c.height;
      expect(overlaps).toBe(false);
    }
    await closeCard();
  });

  it('lists what happened since the article, oldest first, in a card', async () => {
    expect(answers.since.length).toBeGreaterThan(0);
    const dates = answers.since.map((s) => s.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates.every((d) => d > '2026-01-09')).toBe(true);
    await sendToTab(b, tabId, { type: 'annotations:reveal', id: 'district-of-columbia' });
    await expect.poll(async () => (await cardState()).open).toBe(true);
    // The card is focused (keyboard): Tab reaches the close button, then "developments since this article".
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await cardState()).text ?? '').toContain(`${answers.since.length} developments since this article`);
    const text = (await cardState()).text!;
    for (const s of answers.since) expect(text).toContain(entityById.get(s.id)!.name);
    await closeCard();
  });

  it('logged no errors', () => {
    expect(problems).toEqual([]);
  });
});

describe('"since this article" in the popup', () => {
  it('lists the story’s events after the article’s date, with their dates and sources', async () => {
    const popup = await b.context.newPage();
    await popup.goto(`chrome-extension://${b.extensionId}/popup.html?tab=${tabId}`);
    try {
      // The list is closed to one line (the popup's lists are); its items are there all the same.
      const section = popup.locator('[data-list="since"]');
      await section.waitFor({ timeout: 10_000 });
      await section.locator('summary').click();
      const items = await section.locator('li').evaluateAll((els) => els.map((e) => ({ text: e.textContent ?? '', href: e.querySelector('a')?.getAttribute('href') })));
      expect(items).toHaveLength(answers.since.length);
      answers.since.forEach((s, i) => {
        const event = entityById.get(s.id)!;
        expect(items[i].text).toContain(event.name);
        expect(items[i].text).toContain(formatDate(s.date));
        expect(items[i].href).toBe(event.sources[0].url);
      });
      expect(await section.locator('li').first().isVisible()).toBe(true);
    } finally {
      await popup.close();
      await page.bringToFront();
    }
  });
});

describe('a Spanish article in an English browser', () => {
  it('gets Spanish cards: the record’s Spanish text and Spanish words around it', async () => {
    await page.goto(`${NEWS}/article/es`);
    const es = await annotationsFor(b);
    expect(es.detected).toBe(true);
    expect(es.lang).toBe('es');
    await sendToTab(b, tabId, { type: 'annotations:reveal', id: 'kristi-noem' });
    const noem = entityById.get('kristi-noem')!;
    // The card's words arrive with the records, in the page's language.
    await expect.poll(async () => (await cardState()).text ?? '', { timeout: 5000 }).toContain(noem.summary.es!);
    const state = await cardState();
    expect(state.id).toBe('kristi-noem');
    expect(state.text).toContain('cuando se escribió el artículo');
    expect(state.text).toContain('Verificado el');
    await closeCard();
  });

  it('judges its Spanish claims, and says the verdict in Spanish', async () => {
    const es = await annotationsFor(b);
    const index = es.claims.findIndex((c) => c.id === 'dhs-secretary');
    expect(es.claims[index]).toMatchObject({ verdict: 'outdated', since: '2026-03-31' });
    const state = await openClaim(index);
    expect(state.text).toContain('Desactualizada');
    await closeCard();
  });
});
