/**
 * `npm start`: the extension on the bundled sample article, as if served from apnews.com.
 * With a display, a Chromium window opens and stays until you close it. Without one (or with --headless),
 * it runs headless and writes screenshots of a card on a light and a dark page and a text summary.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { entityById } from '../data';
import type { AnnotationsResponse } from '../utils/messages';
import { annotationsFor, launchWithExtension, sendToActiveTab, type ExtensionBrowser } from './lib/chromium';
import { centreOfText } from './lib/in-page';
import { serve } from './lib/serve';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = resolve(process.env.DEMO_OUTPUT ?? join(ROOT, 'demo-output'));
const URL_PATH = '/2026/01/09/medicaid-records-immigration-agents';
const sample = readFileSync(join(ROOT, 'sample/article.html'), 'utf8');
const headless = process.argv.includes('--headless') || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

const messages = JSON.parse(readFileSync(join(ROOT, 'locales/en.json'), 'utf8'));
const reasonText = (code: string, count: number) => String(messages.reason[code.replace(/-/g, '_')]).replace('$1', String(count));

/** Hover a mention until its card is open (the card lives in a closed shadow root: ask the extension). */
async function showCard(b: ExtensionBrowser, page: Page, text: string) {
  const point = await page.evaluate(centreOfText, text);
  await page.mouse.move(point.x - 4, point.y);
  await page.mouse.move(point.x, point.y);
  for (let i = 0; i < 50; i++) {
    const state = (await sendToActiveTab(b, { type: 'card:state' })) as { open: boolean };
    if (state.open) break;
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(250); // let the entrance animation finish
}

function summarize(res: AnnotationsResponse, url: string, shots: string[]): string {
  const byKind = new Map<string, Map<string, number>>();
  for (const a of res.annotations) {
    const m = byKind.get(a.kind) ?? new Map<string, number>();
    m.set(a.id, (m.get(a.id) ?? 0) + 1);
    byKind.set(a.kind, m);
  }
  const lines = [
    `Medicaid Data Context — demo on the bundled sample article`,
    `Page: ${url} (served from this machine; nothing was fetched from the network)`,
    `Recognised as coverage of the story: ${res.detected ? 'yes' : 'no'} (score ${res.score.toFixed(2)}), dataset v${res.version}`,
    `Why:`,
    ...res.reasons.map((r) => `  - ${reasonText(r.code, r.count)}`),
    `Published: ${res.published ?? 'unknown'}; claims checked: ${res.claims.length}; events since the article: ${res.since.length}`,
    ...res.claims.map((c) => `  ${c.verdict.padEnd(8)} “${c.text}”${c.since ? ` (changed ${c.since})` : ''}`),
    `Mentions: ${res.annotations.length}`,
  ];
  for (const [kind, ids] of byKind) {
    lines.push(`  ${kind} (${[...ids.values()].reduce((a, b) => a + b, 0)}):`);
    for (const [id, n] of ids) lines.push(`    ${entityById.get(id)?.name ?? id} ×${n}`);
  }
  lines.push('Screenshots:', ...shots.map((s) => `  ${s}`));
  return lines.join('\n') + '\n';
}

/** Wait until the card (or presentation note) is open. */
async function cardOpen(b: ExtensionBrowser, page: Page) {
  for (let i = 0; i < 50; i++) {
    if (((await sendToActiveTab(b, { type: 'card:state' })) as { open: boolean }).open) return;
    await page.waitForTimeout(100);
  }
}

/** A claim card, "since this article" in a card, the side panel, presentation mode and a handout page. */
async function workbenchShots(b: ExtensionBrowser, page: Page): Promise<string[]> {
  const out: string[] = [];
  const res = await annotationsFor(b);
  const outdated = res.claims.findIndex((c) => c.verdict === 'outdated');
  if (outdated !== -1) {
    await sendToActiveTab(b, { type: 'annotations:show', claim: outdated });
    await cardOpen(b, page);
    await page.waitForTimeout(300);
    out.push(join(OUT, 'claim-card.png'));
    await page.screenshot({ path: out.at(-1) });
    await page.keyboard.press('Escape');
  }
  // A card opened from the keyboard has focus: Tab reaches its "developments since this article" list.
  await sendToActiveTab(b, { type: 'annotations:reveal', id: 'district-of-columbia' });
  await cardOpen(b, page);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  out.push(join(OUT, 'card-since.png'));
  await page.screenshot({ path: out.at(-1) });
  await page.keyboard.press('Escape');

  const tabId = await b.worker.evaluate(async () => (await (globalThis as any).chrome.tabs.query({ active: true }))[0].id as number);
  const panel = await b.context.newPage();
  await panel.setViewportSize({ width: 420, height: 1100 });
  await panel.goto(`chrome-extension://${b.extensionId}/sidepanel.html?tab=${tabId}`);
  await panel.waitForTimeout(2000);
  out.push(join(OUT, 'sidepanel.png'));
  await panel.screenshot({ path: out.at(-1) });
  await panel.close();
  await page.bringToFront();

  await page.setViewportSize({ width: 1280, height: 720 });
  await sendToActiveTab(b, { type: 'present:start', step: 3 });
  await cardOpen(b, page);
  await page.waitForTimeout(400);
  out.push(join(OUT, 'presentation.png'));
  await page.screenshot({ path: out.at(-1) });
  await sendToActiveTab(b, { type: 'present:stop' });

  // The handout, as the CLI writes it for the sample article (the side panel saves the same file).
  const handout = join(OUT, 'handout.html');
  writeFileSync(handout, execFileSync(process.execPath, [join(ROOT, 'bin/medicaid-context.mjs'), 'annotate', '--format', 'html', join(ROOT, 'sample/article.html')], { encoding: 'utf8' }));
  const sheet = await b.context.newPage();
  await sheet.setViewportSize({ width: 900, height: 1200 });
  await sheet.goto(`file://${handout}`);
  out.push(join(OUT, 'handout.png'));
  await sheet.screenshot({ path: out.at(-1) });
  await sheet.close();
  return out;
}

const server = await serve({ [URL_PATH]: () => sample });
const url = `http://apnews.com${URL_PATH}`;

if (!headless) {
  const b = await launchWithExtension({ port: server.port, headless: false });
  const page = b.context.pages()[0] ?? (await b.context.newPage());
  await page.goto(url);
  console.log(`Chromium is showing the sample article at ${url} with the extension loaded.`);
  console.log('Hover an underlined name, or press Alt+Shift+N. Close the browser window to finish.');
  await new Promise<void>((done) => b.context.on('close', () => done()));
  await server.close();
} else {
  mkdirSync(OUT, { recursive: true });
  const shots: string[] = [];
  let found: AnnotationsResponse | undefined;
  for (const scheme of ['light', 'dark'] as const) {
    const b = await launchWithExtension({ port: server.port, colorScheme: scheme });
    try {
      const page = b.context.pages()[0] ?? (await b.context.newPage());
      await page.goto(url);
      found ??= await annotationsFor(b);
      await showCard(b, page, scheme === 'light' ? 'Andrew Nixon' : 'Privacy Act of 1974');
      shots.push(join(OUT, `card-${scheme}.png`));
      await page.screenshot({ path: shots.at(-1) });
      if (scheme === 'light') {
        await page.mouse.move(5, 5);
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.waitForTimeout(400);
        shots.push(join(OUT, 'page-underlines.png'));
        await page.screenshot({ path: shots.at(-1) });
        shots.push(...(await workbenchShots(b, page)));
      }
    } finally {
      await b.close();
    }
  }
  const summary = summarize(found!, url, shots);
  writeFileSync(join(OUT, 'summary.txt'), summary);
  await server.close();
  process.stdout.write(summary);
  console.log(`\nNo display found, so the demo ran headless. Output folder: ${OUT}`);
}
