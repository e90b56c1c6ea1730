// @vitest-environment happy-dom
/**
 * What keeps a hostile page from the extension's input and its highlights, without a browser: the input hub
 * (heard first, the card's input stopped at window), the highlight registry's repair, the page's random
 * highlight names and the stylesheet made for them. The real pages and engines: tests/e2e/hostile.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputHub } from '../../entrypoints/annotator/input-hub';
import { GuardedHighlights, HighlightNames } from '../../entrypoints/annotator/registry';
import { HIGHLIGHT_NAME, HIGHLIGHT_STYLES, highlightCss } from '../../utils/highlight-styles';
import { BackgroundRequest, MAX_PAGE_CHARS, MAX_PARTS, PART_CHARS } from '../../utils/background-request';
import { PendingParts } from '../../utils/page-parts';

describe('the input hub', () => {
  let hub: InputHub;
  let pageSaw: string[];
  const stopAll = (e: Event) => (pageSaw.push(e.type), e.stopImmediatePropagation());

  beforeEach(() => {
    document.body.innerHTML = '<p id="text">Medicaid</p>';
    pageSaw = [];
    hub = new InputHub(window);
    // The page's own listener, added after the hub (as a page script runs after the document_start gate).
    window.addEventListener('click', stopAll, true);
  });
  afterEach(() => {
    window.removeEventListener('click', stopAll, true);
    hub.destroy();
  });

  it('hears an event before a page listener that swallows it', () => {
    const heard: string[] = [];
    hub.on('click', (e) => heard.push((e.target as Element).id));
    document.getElementById('text')!.click();
    expect(heard).toEqual(['text']);
    expect(pageSaw).toEqual(['click']);
  });

  it('stops input to an element of its own at window, so no page listener sees it, and relays clicks inside', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const relayed: Event[] = [];
    hub.claim({ element: host, relay: (e) => relayed.push(e) });
    const onHost: string[] = [];
    host.addEventListener('click', () => onHost.push('click'));
    // A click the browser made (trusted) is relayed; the page's own listeners never run for it.
    const trusted = new MouseEvent('click', { bubbles: true });
    Object.defineProperty(trusted, 'isTrusted', { value: true });
    host.dispatchEvent(trusted);
    expect(pageSaw).toEqual([]);
    expect(onHost).toEqual([]);
    expect(relayed).toEqual([trusted]);
    // One a page script dispatches at the host is dropped, not relayed.
    host.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(relayed).toHaveLength(1);
    expect(pageSaw).toEqual([]);
  });

  it('lets a handler that took an event keep it from the rest of the extension', () => {
    const order: string[] = [];
    hub.on('keydown', (e) => (order.push('first'), hub.take(e)));
    hub.on('keydown', () => order.push('second'));
    const page: string[] = [];
    const pageListener = () => page.push('page');
    window.addEventListener('keydown', pageListener, true);
    const key = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, key: 'n' });
    document.body.dispatchEvent(key);
    window.removeEventListener('keydown', pageListener, true);
    expect(order).toEqual(['first']);
    expect(page).toEqual([]);
    expect(key.defaultPrevented).toBe(true);
  });
});

/** A stand-in for the browser's highlight registry and Highlight (happy-dom has neither). */
class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

describe('the highlight registry, guarded', () => {
  let registry: Map<string, FakeHighlight>;
  let ranges: Range[];
  const saved = { CSS: (globalThis as any).CSS, Highlight: (globalThis as any).Highlight };

  beforeEach(() => {
    registry = new Map();
    (globalThis as any).CSS = { highlights: registry };
    (globalThis as any).Highlight = FakeHighlight;
    document.body.innerHTML = '<p>Centers for Medicare & Medicaid Services and the Department of Homeland Security</p>';
    const text = document.body.firstChild!.firstChild!;
    ranges = [0, 50].map((start) => {
      const r = document.createRange();
      r.setStart(text, start);
      r.setEnd(text, start + 8);
      return r;
    });
  });
  afterEach(() => Object.assign(globalThis, saved));

  function painted() {
    const names = new HighlightNames();
    const guarded = new GuardedHighlights(names);
    guarded.add('claim-agrees', ranges, -1);
    return { guarded, name: names.of('claim-agrees') };
  }

  it('registers copies of the ranges under an unpredictable name, never the ranges the annotator keeps', () => {
    const { name } = painted();
    expect(name).toMatch(HIGHLIGHT_NAME);
    expect(name).not.toMatch(/claim|agree/);
    const h = registry.get(name)!;
    expect(h.size).toBe(2);
    for (const r of ranges) expect(h.has(r)).toBe(false);
    expect(h.priority).toBe(-1);
  });

  it('puts everything back after the page clears the registry', () => {
    const { guarded, name } = painted();
    registry.clear();
    expect(guarded.repair()).toBe(1);
    expect(registry.get(name)?.size).toBe(2);
    expect(guarded.repair()).toBe(0);
  });

  it('drops a range the page added to its highlight, and puts back one it deleted or moved', () => {
    const { guarded, name } = painted();
    const h = registry.get(name)!;
    const forged = document.createRange();
    forged.selectNodeContents(document.body);
    h.add(forged);
    expect(guarded.repair()).toBe(1);
    expect(h.has(forged)).toBe(false);
    expect(h.size).toBe(2);

    const [first] = [...h] as Range[];
    first.setStart(first.startContainer, 20); // the page moves a copy it found in the registry
    expect(guarded.repair()).toBe(1);
    expect([...h].map((r) => (r as Range).startOffset).sort((a, b) => a - b)).toEqual([0, 50]);
    expect(ranges[0].startOffset).toBe(0); // the annotator's own range was never the page's to move

    h.clear();
    guarded.repair();
    expect(h.size).toBe(2);
  });

  it('takes its entry back from a highlight the page registered under its name, and changes nothing that is intact', () => {
    const { guarded, name } = painted();
    const ours = registry.get(name)!;
    registry.set(name, new FakeHighlight());
    guarded.repair();
    expect(registry.get(name)).toBe(ours);
    expect(guarded.repair()).toBe(0);
  });

  it('on a page with thousands of marks, finds a moved copy within a few repairs, comparing a bounded number each time', () => {
    const text = document.body.firstChild!.firstChild!;
    const many = Array.from({ length: 5000 }, () => {
      const r = document.createRange();
      r.setStart(text, 0);
      r.setEnd(text, 8);
      return r;
    });
    const names = new HighlightNames();
    const guarded = new GuardedHighlights(names);
    guarded.add('person', many);
    const h = registry.get(names.of('person'))!;
    const copies = [...h] as Range[];
    copies[4500].setStart(text, 3);
    let calls = 0;
    while (copies[4500].startOffset === 3 && h.has(copies[4500]) && calls < 10) {
      guarded.repair();
      calls++;
    }
    expect(h.has(copies[4500])).toBe(false);
    expect(calls).toBe(3);
    expect(h.size).toBe(5000);
  });

  it('gives every page its own names', () => {
    const a = new HighlightNames();
    const b = new HighlightNames();
    expect(a.of('person')).toBe(a.of('person'));
    expect(a.of('person')).not.toBe(b.of('person'));
    expect(a.of('person')).not.toBe(a.of('agency'));
  });
});

describe('the highlight stylesheet', () => {
  it('styles only the names it is given, of the shape the annotator makes', () => {
    const names = new HighlightNames().map(Object.keys(HIGHLIGHT_STYLES));
    const css = highlightCss(names);
    for (const name of Object.values(names)) expect(css).toContain(`::highlight(${name})`);
    expect(css).not.toMatch(/mdc-|person|claim-agrees/);
    expect(css).toContain('forced-colors');
  });

  it('leaves out a name a message could smuggle CSS in with, and a key it has no style for', () => {
    const css = highlightCss({ person: 'h1234567) { } body { display: none } ::highlight(x', agency: 'habcdefgh1', nope: 'hzzzzzzzz1' });
    expect(css).not.toContain('display: none');
    expect(css).toContain('::highlight(habcdefgh1)');
    expect(css).not.toContain('hzzzzzzzz1');
  });
});

describe('what one message can make the background do', () => {
  const page = (text: string) => ({ type: 'page:annotate', text, peripheral: [], title: 't', published: null, today: '2026-12-07' });

  it('refuses a page text over the cap, and more parts than the cap allows', () => {
    expect(BackgroundRequest.safeParse(page('x'.repeat(MAX_PAGE_CHARS))).success).toBe(true);
    expect(BackgroundRequest.safeParse(page('x'.repeat(MAX_PAGE_CHARS + 1))).success).toBe(false);
    expect(BackgroundRequest.safeParse({ ...page('x'), id: 'a', parts: MAX_PARTS }).success).toBe(false);
    expect(BackgroundRequest.safeParse({ type: 'page:part', id: 'a', index: 0, text: 'x'.repeat(PART_CHARS + 1) }).success).toBe(false);
    const fragments = Array.from({ length: 5 }, () => ({ text: 'x'.repeat(MAX_PAGE_CHARS / 4), peripheral: [] }));
    expect(BackgroundRequest.safeParse({ type: 'fragments:annotate', fragments, seen: [] }).success).toBe(false);
  });

  it('reads at most the cap of a page sent in parts', () => {
    const parts = new PendingParts();
    for (let i = 0; i < 3; i++) parts.add('p', i, 'abcd');
    expect(parts.take('p', 3, 'efgh', 10)).toBe('abcdabcdab');
  });
});
