/**
 * Hostile pages: the sample article with a script (and styles) at the very top of <head>, so the page's code
 * runs before anything else the page loads, as an attacker's page would. One attack per page, each taken from
 * an outside audit of the extension (issue 21). The in-page functions below run in the page's own world too:
 * what a page script can do once the extension has shown its card.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Routes } from '../../scripts/lib/serve';

const SAMPLE_HTML = readFileSync(join(import.meta.dirname, '../../sample/article.html'), 'utf8');

/** Things a page script notes for the tests (read back with `run`). */
interface Loot {
  internals: ElementInternals[];
  added: Element[];
  log: string[];
}

/** The sample article with `script` first in <head>, and `css` after the page's own styles. */
function hostile(script: string, css = ''): string {
  return SAMPLE_HTML.replace('<head>', `<head><script>window.__loot = { internals: [], added: [], log: [] };\n${script}</script>`).replace(
    '</head>',
    `<style>${css}</style></head>`,
  );
}

/** Elements the page did not make itself, added straight under <html> or <body>: where an extension's UI goes. */
const WATCH_NEW = `
const pageOwn = new WeakSet();
let parsed = false;
const isForeign = (n) => parsed && n.nodeType === 1 && !pageOwn.has(n) && (n.parentNode === document.documentElement || n.parentNode === document.body);
document.addEventListener('DOMContentLoaded', () => { for (const el of document.querySelectorAll('*')) pageOwn.add(el); parsed = true; }, true);
`;

export const hostileRoutes: Routes = {
  /**
   * It defines the old host tag name (and every other name of the extension's it can guess) as custom elements
   * of its own that keep their ElementInternals, whose shadowRoot would be the card's closed root.
   */
  '/hostile/internals': () =>
    hostile(`
for (const name of ['medicaid-data-context', 'mdc-card', 'mdc-host']) {
  customElements.define(name, class extends HTMLElement { constructor() { super(); try { window.__loot.internals.push(this.attachInternals()); } catch {} } });
}
new MutationObserver((records) => { for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) {
  window.__loot.added.push(n);
  try { const i = n.attachInternals && n.attachInternals(); if (i) window.__loot.internals.push(i); } catch {}
} }).observe(document.documentElement, { childList: true, subtree: true });`),

  /** It swallows the reader's input before anyone else can hear it: nothing reaches the extension's listeners. */
  '/hostile/swallow': () =>
    hostile(`
for (const t of ['pointermove', 'pointerdown', 'pointerup', 'mousemove', 'mousedown', 'mouseup', 'click', 'keydown', 'keyup', 'focusin']) {
  window.addEventListener(t, (e) => e.stopImmediatePropagation(), true);
  document.addEventListener(t, (e) => e.stopImmediatePropagation(), true);
}`),

  /** It hides whatever the extension adds, with styles that win over anything but the extension's own. */
  '/hostile/hide': () =>
    hostile(
      `${WATCH_NEW}
new MutationObserver((records) => { for (const r of records) for (const n of r.addedNodes) if (isForeign(n)) {
  n.setAttribute('style', 'display:none !important; opacity:0 !important; visibility:hidden !important; transform:scale(0) !important');
  n.hidden = true;
} }).observe(document.documentElement, { childList: true, subtree: true });`,
      `html > div, [popover], :popover-open { display: none !important; opacity: 0 !important; visibility: hidden !important;
        transform: scale(0) !important; clip-path: inset(50%) !important; filter: opacity(0) !important; }
       @layer page { html > div { display: none !important; } }`,
    ),

  /**
   * It cancels any popover's opening it did not make (beforetoggle), removes one that opens anyway (toggle), and
   * shows its own opaque popover over the page.
   */
  '/hostile/toggle': () =>
    hostile(`
const mine = (t) => t && t.id === 'page-cover';
const cover = () => {
  let c = document.getElementById('page-cover');
  if (!c) { c = document.createElement('div'); c.id = 'page-cover'; c.popover = 'manual';
    c.style.cssText = 'inset:0;width:100vw;height:100vh;margin:0;border:0;background:#fff;'; document.body.append(c); }
  try { c.showPopover(); } catch {}
};
for (const target of [window, document]) {
  target.addEventListener('beforetoggle', (e) => { if (!mine(e.target)) { window.__loot.log.push('beforetoggle'); e.preventDefault(); cover(); } }, true);
  target.addEventListener('toggle', (e) => { if (!mine(e.target) && e.newState === 'open') { window.__loot.log.push('toggle'); e.target.remove(); cover(); } }, true);
}`),

  /** It removes anything the extension adds, every time, at once: the card can never be seen here. */
  '/hostile/relentless': () =>
    hostile(`${WATCH_NEW}
new MutationObserver((records) => { for (const r of records) for (const n of r.addedNodes) if (isForeign(n)) { n.remove(); window.__loot.log.push('removed'); }
}).observe(document.documentElement, { childList: true, subtree: true });`),
};

// ——— what the page does once a card is open (run in the page's world) ———

/**
 * Every shadow root the page can get hold of (through ElementInternals it kept, or elements it saw added), and
 * what it does with one: write into its heading and click its buttons. Returns what it reached.
 */
export const stealCard = () => {
  const loot = (window as unknown as { __loot: Loot }).__loot;
  const roots = new Set<ShadowRoot>();
  for (const i of loot.internals) if (i.shadowRoot) roots.add(i.shadowRoot);
  for (const el of [...loot.added, ...document.querySelectorAll('*')]) if (el.shadowRoot) roots.add(el.shadowRoot);
  let written = 0;
  let clicked = 0;
  for (const root of roots) {
    for (const h of root.querySelectorAll('h2')) {
      h.textContent = 'FORGED BY PAGE';
      written++;
    }
    for (const b of root.querySelectorAll('button')) {
      b.click();
      clicked++;
    }
  }
  return { roots: roots.size, internals: loot.internals.length, written, clicked };
};

export const pageLog = () => (window as unknown as { __loot: Loot }).__loot.log;

/** The page covers the screen with an opaque popover of its own, shown after the card (so above it, at first). */
export const coverScreen = () => {
  const c = document.createElement('div');
  c.id = 'page-cover';
  c.popover = 'manual';
  c.style.cssText = 'inset:0;width:100vw;height:100vh;margin:0;border:0;background:#fff;';
  document.body.append(c);
  c.showPopover();
};

/** The page clears the highlight registry (every highlight of everyone). */
export const clearRegistry = () => {
  const before = CSS.highlights.size;
  CSS.highlights.clear();
  return before;
};

/**
 * The page writes a sentence of its own at the top of the article and paints it with the extension's "agrees"
 * tint: it finds that highlight by its computed style (green behind the text), and adds a range over its
 * sentence. Returns the name it used, or null.
 */
export const forgeAgreesTint = () => {
  const p = document.createElement('p');
  p.id = 'page-forged';
  p.textContent = 'This sentence was written by the page, which wants it to look checked and right.';
  document.querySelector('article')!.prepend(p);
  const registry = CSS.highlights as unknown as Map<string, Set<AbstractRange>>;
  let chosen: string | null = null;
  for (const name of registry.keys()) {
    const bg = getComputedStyle(p, `::highlight(${name})`).backgroundColor;
    const m = bg.match(/rgba?\((\d+),\s*(\d+),\s*(\d+)/);
    if (m && Number(m[2]) > Number(m[1]) + 40 && Number(m[2]) > Number(m[3]) + 20) chosen = name;
  }
  if (!chosen) return null;
  const range = document.createRange();
  range.selectNodeContents(p);
  registry.get(chosen)!.add(range);
  return chosen;
};

/** How many of the registry's ranges lie in the page's forged sentence (the page's own highlights excepted). */
export const forgedRangesLeft = () => {
  const p = document.getElementById('page-forged');
  let n = 0;
  for (const [name, h] of CSS.highlights as unknown as Map<string, Set<AbstractRange>>) {
    if (name.startsWith('page-')) continue;
    try {
      for (const r of h) if (p && p.contains(r.startContainer)) n++;
    } catch {
      return -1; // Firefox may refuse a highlight being changed at that instant: the caller polls again
    }
  }
  return n;
};

/** What a page can probe of the extension's styles: fixed highlight names' computed styles and the style sheets. */
export const probeExtensionStyles = () => {
  const names = ['mdc-person', 'mdc-agency', 'mdc-law', 'mdc-state', 'mdc-event', 'mdc-claim-agrees', 'mdc-current', 'mdc-person-band'];
  const styled = names.filter((n) => {
    const s = getComputedStyle(document.body, `::highlight(${n})`);
    return s.textDecorationLine !== 'none' || !/rgba\(0, 0, 0, 0\)|transparent/.test(s.backgroundColor);
  });
  let rules = 0;
  for (const sheet of [...document.styleSheets, ...document.adoptedStyleSheets]) {
    try {
      for (const rule of sheet.cssRules) if (rule.cssText.includes('::highlight')) rules++;
    } catch {
      // a cross-origin sheet: not the extension's
    }
  }
  return { styled, registry: CSS.highlights.size, rules, adopted: document.adoptedStyleSheets.length };
};
