/**
 * The workbench (side panel) of the built extension in real Chromium, beside the sample article served as
 * if from apnews.com. The panel is opened as an extension page in a second tab, pinned to the article's tab
 * with ?tab=<id>; what the article shows is read back through `card:state` (the card's shadow root is
 * closed). The article's window is a projector's 1280×720.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { formatDate } from '../../components/format';
import { entityById } from '../../data';
import type { PageSnapshot } from '../../engine/types';
import { annotationsFor, launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { serve, type LocalServer } from '../../scripts/lib/serve';
import type { AnnotationsResponse, CardState } from '../../utils/messages';
import { REQUIRED_IDS } from '../support/expected';
import { routes } from './pages';
import { activeTabId, axeViolations, presentationNotePage, sendToTab } from './workbench-support';
import { inside, overlaps } from '../support/geometry';
import { liveHighlightCount } from '../support/in-page';

const NEWS = 'http://apnews.com';
const VIEW = { width: 1280, height: 720 };

let server: LocalServer;
let b: ExtensionBrowser;
let article: Page;
let panel: Page;
let tabId: number;
let answers: AnnotationsResponse;
let snapshot: PageSnapshot;
const problems: string[] = [];

const cardState = () => sendToTab<CardState>(b, tabId, { type: 'card:state' });
const panelUrl = (query = '') => `chrome-extension://${b.extensionId}/sidepanel.html${query}`;
/** Distinct entity ids the article names, in the order it first names them. */
const firstNamed = () => [...new Set(answers.annotations.map((a) => a.id))].filter((id) => entityById.has(id));

function watch(p: Page, name: string) {
  p.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${name} console: ${m.text()}`);
  });
  p.on('pageerror', (e) => problems.push(`${name} pageerror: ${e.message}`));
}

async function closeCard() {
  await article.bringToFront();
  await article.keyboard.press('Escape');
  await expect.poll(async () => (await cardState()).open).toBe(false);
}

beforeAll(async () => {
  const note = await presentationNotePage();
  server = await serve({ ...routes, '/fixture/presentation-note': () => note });
  b = await launchWithExtension({ port: server.port });
  article = b.context.pages()[0] ?? (await b.context.newPage());
  watch(article, 'article');
  await article.setViewportSize(VIEW);
  await article.goto(`${NEWS}/article/sample`);
  answers = await annotationsFor(b);
  tabId = await activeTabId(b);
  snapshot = await sendToTab<PageSnapshot>(b, tabId, { type: 'annotations:export' });
  panel = await b.context.newPage();
  watch(panel, 'panel');
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.goto(panelUrl(`?tab=${tabId}`));
  await panel.locator('#entities article.record').first().waitFor();
});

afterAll(async () => {
  await b?.close();
  await server?.close();
});

describe('the workbench beside the sample article', () => {
  it('lists the article’s entities by kind and its claims with their verdicts', async () => {
    expect(answers.detected).toBe(true);
    const listed = await panel.locator('#entities article.record').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.entity!));
    expect(new Set(listed)).toEqual(new Set(firstNamed()));
    expect(REQUIRED_IDS.filter((id) => !listed.includes(id))).toEqual([]);
    const kinds = await panel.locator('#entities .kind-group').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.kind));
    expect(kinds).toEqual(['person', 'agency', 'law', 'state', 'event'].filter((k) => answers.annotations.some((a) => a.kind === k)));
    const nixon = answers.annotations.filter((a) => a.id === 'andrew-nixon').length;
    expect(await panel.locator('#entities article[data-entity="andrew-nixon"] .count').textContent()).toContain(`${nixon} mentions`);

    // The sample's claims, judged at its publication date: the claims come first.
    expect(snapshot.published).toBe('2026-01-09');
    expect(snapshot.claims.length).toBeGreaterThan(0);
    const claims = await panel.locator('#claims article.claim').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.verdict));
    expect(claims).toEqual(snapshot.claims.map((c) => c.check.verdict ?? 'none'));
    const noem = snapshot.claims.findIndex((c) => c.check.id === 'dhs-secretary');
    expect(noem).toBeGreaterThanOrEqual(0);
    const item = panel.locator(`#claims article.claim[data-claim="${noem}"]`);
    expect(await item.locator('.verdict').textContent()).toContain('Right when written, changed since');
    expect(await item.textContent()).toContain(`Changed on ${formatDate(snapshot.claims[noem].check.since!, 'en')}`);
    expect(await panel.locator('header').textContent()).toContain('This page was recognised as coverage of the story.');
    expect(await panel.locator('header').textContent()).toContain('Published Jan 9, 2026');
    const order = await panel.evaluate(() => {
      const c = document.querySelector('#claims')!;
      return !!(c.compareDocumentPosition(document.querySelector('#entities')!) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(order).toBe(true);
  });

  it('filters by kind and by verdict', async () => {
    const laws = new Set(answers.annotations.filter((a) => a.kind === 'law').map((a) => a.id));
    await panel.selectOption('select[name="kind"]', 'law');
    const shown = await panel.locator('#entities article.record').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.entity!));
    expect(new Set(shown)).toEqual(laws);
    await panel.selectOption('select[name="kind"]', 'all');
    expect(await panel.locator('#entities article.record').count()).toBe(firstNamed().length);

    const outdated = snapshot.claims.filter((c) => c.check.verdict === 'outdated').length;
    expect(outdated).toBeGreaterThan(0);
    await panel.selectOption('select[name="verdict"]', 'outdated');
    const verdicts = await panel.locator('#claims article.claim').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.verdict));
    expect(verdicts).toEqual(Array(outdated).fill('outdated'));
    await panel.selectOption('select[name="verdict"]', 'all');
    expect(await panel.locator('#claims article.claim').count()).toBe(snapshot.claims.length);
  });

  it('scrolls the article to an entity and opens its card when the entity is clicked', async () => {
    await article.evaluate(() => window.scrollTo(0, 0));
    // The entity the article names last: its first mention is far below the top of the page.
    const id = firstNamed().at(-1)!;
    await panel.bringToFront();
    await panel.click(`#entities button[data-goto="${id}"]`);
    await article.bringToFront();
    await expect.poll(async () => (await cardState()).id, { timeout: 10_000 }).toBe(id);
    const state = await cardState();
    expect(state).toMatchObject({ open: true, kind: 'mention', variant: 'card' });
    expect(await article.evaluate(() => scrollY)).toBeGreaterThan(0);
    for (const box of state.mention!) expect(inside(box, state.viewport)).toBe(true);
    await closeCard();
  });

  it('opens a claim’s card when the claim is clicked', async () => {
    const first = snapshot.claims[0].check;
    await panel.bringToFront();
    await panel.click('#claims article.claim[data-claim="0"] button.claim-goto');
    await article.bringToFront();
    await expect.poll(async () => (await cardState()).id, { timeout: 10_000 }).toBe(first.id);
    expect(await cardState()).toMatchObject({ open: true, kind: 'claim' });
    await closeCard();
  });

  it('shows the story’s timeline with the article’s publication date marked', async () => {
    const items = panel.locator('#timeline .mdc-story > li');
    const marks = await items.evaluateAll((els) =>
      els.map((e) => ({ published: e.classList.contains('mdc-published'), after: e.classList.contains('mdc-after'), date: e.querySelector('time')!.getAttribute('datetime')! })),
    );
    const at = marks.findIndex((m) => m.published);
    expect(at).toBeGreaterThan(0);
    expect(marks[at].date).toBe('2026-01-09');
    expect(marks.slice(at + 1).length).toBe(answers.since.length);
    expect(marks.slice(at + 1).every((m) => m.after)).toBe(true);
    expect(marks.slice(0, at).some((m) => m.after)).toBe(false);
    expect(await panel.locator('#timeline .mdc-published').textContent()).toContain('This article was published');
    // Every event links to its source.
    const links = await panel.locator('#timeline li[data-event]').evaluateAll((els) =>
      els.map((e) => [(e as HTMLElement).dataset.event!, e.querySelector('a')?.getAttribute('href')] as const),
    );
    for (const [id, href] of links) expect(href).toBe(entityById.get(id)!.sources[0].url);
  });

  it('presents the article’s key names one by one, each once in reading order, the note clear of its mention and inside the window', async () => {
    await panel.bringToFront();
    expect(await panel.locator('select[name="present-names"]').inputValue()).toBe('key');
    await panel.click('button[data-action="present"]');
    await article.bringToFront();
    await expect.poll(async () => (await cardState()).variant, { timeout: 10_000 }).toBe('present');
    const seen: string[] = [];
    let state = await cardState();
    expect(state.step).toBe(1);
    const steps = state.steps!;
    // At most twelve key names of the sample's 27, then the timeline.
    expect(steps - 1).toBeLessThanOrEqual(12);
    expect(steps - 1).toBeLessThan(firstNamed().length);
    for (let step = 1; step < steps; step++) {
      expect(state).toMatchObject({ open: true, variant: 'present', step });
      seen.push(state.id!);
      expect(state.mention!.length).toBeGreaterThan(0);
      for (const box of state.mention!) expect(overlaps(state.card!, box), `step ${step} (${state.id}): the note covers its mention`).toBe(false);
      expect(inside(state.card!, state.viewport), `step ${step} (${state.id}): the note leaves the window`).toBe(true);
      expect(state.viewport).toMatchObject({ width: VIEW.width, height: VIEW.height });
      await article.keyboard.press('ArrowRight');
      await expect.poll(async () => (await cardState()).step, { timeout: 10_000 }).toBe(step + 1);
      state = await cardState();
    }
    // Each once, in the order the article first names them; then the timeline, whole on the projector's screen.
    expect(seen).toEqual(firstNamed().filter((id) => seen.includes(id)));
    expect(new Set(seen).size).toBe(seen.length);
    expect(state).toMatchObject({ variant: 'panel', step: steps, scrolls: false });
    expect(inside(state.card!, state.viewport)).toBe(true);
    expect(inside(state.published!, state.viewport)).toBe(true);
    await article.keyboard.press('Escape');
    await expect.poll(async () => (await cardState()).open).toBe(false);

    // Every name, when the educator asks for it.
    await panel.bringToFront();
    await panel.selectOption('select[name="present-names"]', 'all');
    await panel.click('button[data-action="present"]');
    await expect.poll(async () => (await cardState()).steps, { timeout: 10_000 }).toBe(firstNamed().length + 1);
    await sendToTab(b, tabId, { type: 'present:stop' });
    await expect.poll(async () => (await cardState()).open).toBe(false);
    await panel.selectOption('select[name="present-names"]', 'key');
  });
});

describe('exports from the workbench', () => {
  async function exported(kind: string): Promise<{ name: string; text: string }> {
    await panel.bringToFront();
    const [download] = await Promise.all([panel.waitForEvent('download') as Promise<Download>, panel.click(`button[data-export="${kind}"]`)]);
    const path = await download.path();
    return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
  }

  it('saves a handout that references nothing outside itself and passes axe-core', async () => {
    const { name, text } = await exported('handout');
    expect(name).toMatch(/-handout\.html$/);
    expect(text).toMatch(/<html/i);
    expect(text).not.toMatch(/<script|<link\b|<img|<iframe|<object|<embed|@import|url\(/i);
    expect(text).not.toMatch(/\bsrc\s*=/i);
    expect(text).toContain(entityById.get('andrew-nixon')!.name);
    const page = await b.context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.setContent(text);
    expect(requests).toEqual([]);
    expect(await axeViolations(page, 'html')).toEqual([]);

    // The article's title and address head it, on screen and on paper (the "Article:" line was empty).
    const url = `${NEWS}/article/sample`;
    expect(await page.locator('header h1').textContent()).toBe(snapshot.title);
    expect(await page.locator('header p.article').textContent()).toBe(`Article: ${url}`);
    expect(await page.locator('header p.article a').getAttribute('href')).toBe(url);
    // Claims first.
    expect(await page.locator('main > section').evaluateAll((els) => els.map((e) => e.getAttribute('aria-labelledby')))).toEqual([
      'claims-heading',
      'notes-heading',
      'timeline-heading',
    ]);
    // Printed on Letter paper by Chromium: at most 8 pages (it was 20), with the article's address on page 1.
    const pdf = (await page.pdf({ format: 'Letter', printBackground: true })).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page\b/g)?.length ?? 0;
    console.info(`[e2e] the sample's handout prints to ${pages} Letter pages`);
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThanOrEqual(8);
    expect(pdf).toContain(`/URI (${url})`);
    await page.close();
  });

  it('saves W3C Web Annotations with the model’s required fields', async () => {
    const { name, text } = await exported('w3c');
    expect(name).toMatch(/\.jsonld$/);
    const doc = JSON.parse(text);
    const contexts = [doc['@context']].flat();
    expect(contexts).toContain('http://www.w3.org/ns/anno.jsonld');
    const items: Record<string, unknown>[] = Array.isArray(doc) ? doc : (doc.first?.items ?? doc.items ?? [doc]);
    expect(items.length).toBeGreaterThanOrEqual(firstNamed().length);
    for (const a of items) {
      expect(a.id, JSON.stringify(a).slice(0, 200)).toEqual(expect.any(String));
      expect([a.type].flat()).toContain('Annotation');
      expect(a.target).toBeTruthy();
      expect(a.body).toBeTruthy();
    }
  });

  it('saves a CSV that opens in a spreadsheet as UTF-8 (byte-order mark)', async () => {
    const { name, text } = await exported('csv');
    expect(name).toMatch(/\.csv$/);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split(/\r?\n/).filter(Boolean).length).toBeGreaterThan(firstNamed().length);
    // One file: the claims with their verdicts, then the mentions, each row naming the article.
    const rows = text.slice(1).split('\r\n').filter(Boolean);
    expect(rows[0].startsWith('row_type,id,')).toBe(true);
    const claims = rows.filter((r) => r.startsWith('claim,'));
    expect(claims).toHaveLength(snapshot.claims.filter((c) => c.check.verdict).length);
    expect(claims.some((r) => r.includes(',outdated,holder,Kristi Noem,'))).toBe(true);
    expect(rows.filter((r) => r.startsWith('mention,'))).toHaveLength(snapshot.mentions.length);
    for (const r of rows.slice(1)) expect(r.endsWith(`,${NEWS}/article/sample,2026-01-09`), r).toBe(true);
  });

  it('saves ClaimReview drafts that parse', async () => {
    const { name, text } = await exported('claimreview');
    expect(name).toMatch(/claimreview\.jsonld$/);
    const doc = JSON.parse(text);
    expect(JSON.stringify(doc)).toContain('ClaimReview');
  });
});

describe('accessibility', () => {
  it('works by keyboard alone: every control in tab order, with a visible focus ring, and Enter acts', async () => {
    await panel.bringToFront();
    await panel.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    const reached = new Set<string>();
    const invisible: string[] = [];
    for (let i = 0; i < 600 && !reached.has('export:csv'); i++) {
      await panel.keyboard.press('Tab');
      const focus = await panel.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        const name = el.dataset.action
          ? `action:${el.dataset.action}`
          : el.dataset.export
            ? `export:${el.dataset.export}`
            : el.dataset.goto
              ? 'goto-entity'
              : el.dataset.gotoClaim
                ? 'goto-claim'
                : el.id || (el as HTMLSelectElement).name || el.tagName.toLowerCase();
        return { name, ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1 };
      });
      reached.add(focus.name);
      // Focus on <body>: nothing in the page has it (between the browser's own stops).
      if (!focus.ring && focus.name !== 'body') invisible.push(focus.name);
    }
    for (const name of ['action:present', 'verdict', 'kind', 'goto-claim', 'goto-entity', 'summary', 'dataset-search', 'export:handout', 'export:csv'])
      expect(reached, name).toContain(name);
    expect(invisible).toEqual([]);

    // Enter on a focused entity shows it in the article.
    const id = firstNamed()[0];
    await panel.focus(`#entities button[data-goto="${id}"]`);
    await panel.keyboard.press('Enter');
    await expect.poll(async () => (await cardState()).id, { timeout: 10_000 }).toBe(id);
    await closeCard();
  });

  it('the side panel passes axe-core, light and dark, with every section open', async () => {
    await panel.fill('#dataset-search', 'Medicaid');
    await panel.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    for (const scheme of ['light', 'dark'] as const) {
      await panel.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      expect(await axeViolations(panel, 'main.panel'), scheme).toEqual([]);
    }
    await panel.emulateMedia({ colorScheme: 'light' });
  });

  it('the presentation note passes axe-core, for every kind, light and dark, English and Spanish', async () => {
    const page = await b.context.newPage();
    // The projector's window, as presentation mode is used; not a news host: no content script, only the fixture.
    await page.setViewportSize(VIEW);
    // No fade-in: contrast is measured on the note as it settles, not mid-animation.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`http://localhost:${server.port}/fixture/presentation-note`);
    const problemsFound: string[] = [];
    const ids = ['andrew-nixon', 'cms', 'privacy-act-1974', 'illinois', 'june-2025-transfer', 'timeline'];
    for (const id of ids)
      for (const dark of [false, true])
        for (const lang of ['en', 'es'] as const) {
          await page.evaluate(({ id, dark, lang }) => window.showNote(id, dark, lang), { id, dark, lang });
          await page.locator('#note-host .mdc-card').waitFor();
          problemsFound.push(...(await axeViolations(page, '#note-host')).map((v) => `${id} ${dark ? 'dark' : 'light'} ${lang}: ${v}`));
        }
    expect(problemsFound).toEqual([]);
    await page.close();
  });
});

// Before the workbench is opened as a real side panel: that one follows the active tab, and asks about it.
describe('telling the extension of changes', () => {
  it('tells the extension of a page’s changes only once one of its pages has asked about that tab', async () => {
    const reader = await b.context.newPage();
    watch(reader, 'reader');
    await reader.setViewportSize(VIEW);
    await reader.goto(`${NEWS}/article/sample`);
    const readerTab = await activeTabId(b);
    // Underlines counted from the page's own world (the highlight registry is the document's): asking the
    // content script would be the very question this test is about.
    const underlined = () => reader.evaluate(liveHighlightCount);
    await expect.poll(underlined, { timeout: 10_000 }).toBeGreaterThan(0);
    await b.worker.evaluate((tab) => {
      const g = globalThis as any;
      g.__changedFrom = [];
      g.chrome.runtime.onMessage.addListener((m: { type?: string }, sender: { tab?: { id?: number } }) => {
        if (m?.type === 'annotations:changed' && sender.tab?.id === tab) g.__changedFrom.push(Date.now());
        return undefined;
      });
    }, readerTab);
    const notices = () => b.worker.evaluate(() => ((globalThis as any).__changedFrom as number[]).length);
    const append = (text: string) =>
      reader.evaluate((t) => {
        const p = document.createElement('p');
        p.textContent = t;
        document.querySelector('article')!.append(p);
      }, text);

    // Nobody asked: the new paragraph is underlined, and the background is not woken to hear of it.
    const before = await underlined();
    await append('The states argue that the transfer violated the Administrative Procedure Act.');
    await expect.poll(underlined, { timeout: 10_000 }).toBeGreaterThan(before);
    await reader.waitForTimeout(1500); // past the once-a-second notice's wait
    expect(await notices()).toBe(0);

    // Once an extension page has asked about the tab, it hears of the next change.
    await sendToTab<AnnotationsResponse>(b, readerTab, { type: 'annotations:get' });
    await append('Immigration and Customs Enforcement declined to comment.');
    await expect.poll(notices, { timeout: 10_000 }).toBeGreaterThan(0);
    await reader.close();
  });
});

describe('opening the workbench', () => {
  it('opens the side panel from the popup’s button', async () => {
    const popup = await b.context.newPage();
    watch(popup, 'popup');
    await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
    const button = popup.locator('button[data-action="workbench"]');
    expect(await button.textContent()).toBe('Open the workbench');
    const sidePanels = () =>
      b.worker.evaluate(async () => ((await (globalThis as any).chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })) as unknown[]).length);
    expect(await sidePanels()).toBe(0);
    await button.click();
    await expect.poll(sidePanels, { timeout: 10_000 }).toBe(1);
    if (!popup.isClosed()) await popup.close();
  });
});

describe('following the active tab', () => {
  it('without ?tab, follows the tab the reader switches to', async () => {
    const follower = await b.context.newPage();
    watch(follower, 'follower');
    await follower.goto(panelUrl());
    // Its own tab is active: nothing to show.
    await follower.locator('.status.no').waitFor();
    await article.bringToFront();
    await expect.poll(() => follower.locator('#entities article.record').count(), { timeout: 10_000 }).toBe(firstNamed().length);
    await follower.close();
  });

  it('keeps up as the article changes: a paragraph naming one more entity shows it in the panel', async () => {
    const id = 'administrative-procedure-act';
    expect(firstNamed()).not.toContain(id);
    await panel.locator('#entities article.record').first().waitFor();
    expect(await panel.locator(`#entities article.record[data-entity="${id}"]`).count()).toBe(0);
    await article.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'The states argue that the transfer violated the Administrative Procedure Act.';
      document.querySelector('article')!.append(p);
    });
    // The panel (pinned to the article's tab) hears of it only from the article's content script.
    await panel.locator(`#entities article.record[data-entity="${id}"]`).waitFor({ timeout: 10_000 });
  });

  it('logged no errors', () => {
    expect(problems).toEqual([]);
  });
});
