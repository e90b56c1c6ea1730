/**
 * Helpers for the workbench's end-to-end tests: messages to one tab by id (the side panel and the article
 * are two tabs, so "the active tab" is ambiguous), axe-core in any page, box geometry, and the fixture page
 * that shows the presentation note in an open shadow root.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { bundleFixture } from '../support/card-fixture';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../scripts/lib/chromium';

const ROOT = join(import.meta.dirname, '../..');

/** The id of the window's active tab (ids are visible without the "tabs" permission; URLs are not). */
export async function activeTabId(b: ExtensionBrowser): Promise<number> {
  return b.worker.evaluate(async () => {
    const api = (globalThis as any).chrome;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    return tab.id as number;
  });
}

/** Send a content-script request to one tab, waiting for its content script to listen. */
export async function sendToTab<T>(b: ExtensionBrowser, tabId: number, message: unknown): Promise<T> {
  return b.worker.evaluate(
    async ({ tabId, message }) => {
      const api = (globalThis as any).chrome;
      for (let i = 0; ; i++) {
        try {
          return await api.tabs.sendMessage(tabId, message);
        } catch (e) {
          if (i >= 50) throw e;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    },
    { tabId, message },
  ) as Promise<T>;
}

// Loaded through evaluate, not a <script> tag: extension pages' CSP forbids inline scripts.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core violations inside `selector` (open shadow roots included), as "rule: target" lines. */
export async function axeViolations(p: Page, selector: string): Promise<string[]> {
  await p.evaluate(AXE);
  return p.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const res = await axe.run({ include: [[sel]] }, { resultTypes: ['violations'] });
    return res.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
  }, selector);
}

/** The presentation-note fixture page: PresentationNote and the card's CSS in an open shadow root. */
export async function presentationNotePage(): Promise<string> {
  const out = await bundleFixture(join(import.meta.dirname, 'fixtures/presentation-note.tsx'));
  const script = out.replace(/<\/script/gi, '<\\/script');
  const css = readFileSync(join(ROOT, 'entrypoints/annotator/card.css'), 'utf8');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Presentation note</title></head>
<body><main><h1>Presentation note fixture</h1></main>
<script>window.__CARD_CSS = ${JSON.stringify(css)};</script>
<script>${script}</script></body></html>`;
}
