// @vitest-environment happy-dom
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { BLOCK_SEPARATOR, createEngine, locate, readPageText, toRange } from '../../engine';
import { readPageTextSteps } from '../../engine/page-text';
import { ENTITIES, LEXICON } from '../support/fixtures';

const body = (html: string) => {
  document.body.innerHTML = html;
  return document.body;
};

// Whole-DOM reads over many generated pages: seconds of CPU, slower when the machine is shared.
describe('readPageText', { timeout: 30_000 }, () => {
  it('reads prose, separates blocks, joins inline elements', () => {
    const idx = readPageText(body('<p>Robert F. <a href="#">Kennedy</a> <b>Jr.</b> spoke.</p><p>Next</p>'));
    expect(idx.text).toBe(`Robert F. Kennedy Jr. spoke.${BLOCK_SEPARATOR}Next${BLOCK_SEPARATOR}`);
  });

  it('skips scripts, styles, form fields, editable and hidden content, and the extension’s own UI', () => {
    const idx = readPageText(
      body(`<p>Seen</p><script>var Medicaid = 1</script><style>.x{}</style><noscript>nojs</noscript>
        <textarea>typed</textarea><input value="v"><select><option>opt</option></select>
        <div contenteditable="true">draft</div><div contenteditable="false">fixed</div><p hidden>gone</p>
        <medicaid-data-context>card text</medicaid-data-context>`),
      { isOwnUi: (el) => el.nodeName === 'MEDICAID-DATA-CONTEXT' },
    );
    for (const hidden of ['Medicaid', 'nojs', 'typed', 'opt', 'draft', 'gone', 'card text']) expect(idx.text).not.toContain(hidden);
    expect(idx.text).toContain('Seen');
    expect(idx.text).toContain('fixed');
  });

  it('marks navigation, asides, footers, page mastheads and comment threads as peripheral', () => {
    const idx = readPageText(
      body(`<header>Masthead</header><nav>Menu</nav><main><article><header><h1>Headline</h1></header><p>Story</p></article>
        <aside>Rail</aside><div class="comments-section">Comment</div></main><footer>Foot</footer>`),
    );
    const peripheralText: string[] = [];
    for (let i = 0; i < idx.peripheral.length; i += 2) peripheralText.push(idx.text.slice(idx.peripheral[i], idx.peripheral[i + 1]));
    const joined = peripheralText.join('|');
    for (const p of ['Masthead', 'Menu', 'Rail', 'Comment', 'Foot']) expect(joined).toContain(p);
    for (const s of ['Headline', 'Story']) expect(joined).not.toContain(s);
  });

  it('closes every block, region and peripheral part where its subtree ends, also past skipped subtrees', () => {
    const idx = readPageText(
      body(`<div><div><p>One</p></div></div>Two<aside><div>Rail <script>x</script></div></aside>Three<article><h1>Head</h1><div>Body<button>b</button></div></article><span>Four</span>`),
    );
    const S = BLOCK_SEPARATOR;
    expect(idx.text).toBe(`One${S}Two${S}Rail ${S}Three${S}Head${S}Body${S}Four${S}`);
    const spans = (xs: number[]) => Array.from({ length: xs.length / 2 }, (_, i) => idx.text.slice(xs[2 * i], xs[2 * i + 1]));
    expect(spans(idx.peripheral)).toEqual([`Rail ${S}`]);
    expect(spans(idx.headlines)).toEqual([`Head${S}`]);
    expect(spans(idx.main)).toEqual([`Head${S}Body${S}`]);
    expect(idx.mainElements.map((e) => e.localName)).toEqual(['article']);
  });

  it('reads class names and ids the same wherever a class string repeats, except on the page and story containers', () => {
    const idx = readPageText(
      body(`<div class="x promo">Ad one</div><p>Story</p><article class="promo"><p>Kept</p></article><div class="x promo">Ad two</div><div id="comments">Talk</div><div class="story-body">Main</div>`),
    );
    const peripheralText: string[] = [];
    for (let i = 0; i < idx.peripheral.length; i += 2) peripheralText.push(idx.text.slice(idx.peripheral[i], idx.peripheral[i + 1]));
    const joined = peripheralText.join('|');
    for (const p of ['Ad one', 'Ad two', 'Talk']) expect(joined).toContain(p);
    for (const s of ['Story', 'Kept', 'Main']) expect(joined).not.toContain(s);
    expect(idx.mainElements.map((e) => e.className)).toEqual(['promo', 'story-body']);
  });

  it('reads a class name or id as rail or story exactly where the word stands alone, in any case', () => {
    // The patterns the read used to test names with, kept here as the oracle for its word scan.
    const RAIL = /(^|[\s_-])(comments?|related|recommend(ed|ations)?|most-?(read|popular|viewed)|mostread|trending|newsletter|sidebar|outbrain|taboola|stream|credits?|captions?|promo|teaser)($|[\s_-])/i;
    const STORY = /(^|[\s_-])(article-?body|story-?body|entry-content|post-content|articleBody)($|[\s_-])/i;
    const words = ['comment', 'Comments', 'related', 'RECOMMENDED', 'recommendations', 'recommend', 'most-read', 'mostPopular', 'most-viewed', 'most_read', 'most read', 'trending', 'newsletter', 'sidebar', 'outbrain', 'taboola', 'stream', 'credit', 'credits', 'Caption', 'promo', 'teaser', 'article-body', 'articleBody', 'storybody', 'story-body', 'entry-content', 'post-content', 'entry_content', 'article body'];
    const around = ['', ' ', '_', '-', '\t', '\n', '\u00a0', '\u2003', '\u3000', 'x', '1', '.', ':', '/', '\u0301', 'é'];
    const names = new Set<string>(['', 'x', 'streams', 'upstream', 'promotion', 'promo-', '-promo', 'bbccom_outbrain_ar_5', 'commentary', 'rail most-readable', 'sto ry-body', 'ARTICLEBODY']);
    for (const w of words) for (const a of around) for (const b of around) names.add(`${a}${w}${b}`).add(`lead ${a}${w}${b} tail`);
    const html = [...names].map((n, i) => `<div class="${n.replace(/"/g, '&quot;')}">c${i}.</div><div id="${n.replace(/"/g, '&quot;')}">i${i}.</div>`).join('');
    const idx = readPageText(body(html));
    const covered = (spans: number[]) => {
      const words = new Set<string>();
      for (let i = 0; i < spans.length; i += 2) for (const w of idx.text.slice(spans[i], spans[i + 1]).match(/[ci]\d+/g) ?? []) words.add(w);
      return words;
    };
    const rail = covered(idx.peripheral);
    const story = covered(idx.main);
    let checked = 0;
    [...names].forEach((n, i) => {
      for (const key of [`c${i}`, `i${i}`]) {
        // An empty id is no id; an empty class string says nothing either way.
        expect([key, rail.has(key)]).toEqual([key, n !== '' && RAIL.test(n)]);
        expect([key, story.has(key)]).toEqual([key, n !== '' && STORY.test(n)]);
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(10_000);
    expect(rail.size).toBeGreaterThan(1000);
    expect(story.size).toBeGreaterThan(100);
  });

  it('reads the same in the command line’s DOM (linkedom), whose walker cannot skip a subtree by itself', () => {
    const html = `<header>Masthead</header><main><article><h1>Head</h1><p>One <script>var Medicaid = 1</script>two</p>
      <div hidden><p>gone</p></div><svg><text>drawn</text></svg><!-- note --><p class="x promo">Ad</p><p>Three</p></article></main><footer>Foot</footer>`;
    const inBrowser = readPageText(body(html));
    const { document: doc } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    const inCli = readPageText(doc.body as unknown as Element);
    expect(inCli.text).toBe(inBrowser.text);
    expect(inCli.text).not.toMatch(/Medicaid|gone|drawn|note/);
    expect([inCli.peripheral, inCli.main, inCli.headlines, inCli.starts]).toEqual([inBrowser.peripheral, inBrowser.main, inBrowser.headlines, inBrowser.starts]);
  });

  it('does not change the DOM', () => {
    const root = body('<article><p>Centers for <i>Medicare</i> &amp; Medicaid Services</p></article>');
    const before = root.innerHTML;
    readPageText(root);
    expect(root.innerHTML).toBe(before);
  });
});

describe('anchor', () => {
  it('maps a match spanning elements back to the right text nodes', () => {
    const root = body('<p>Officials at the Centers for <a href="#">Medicare &amp; Medicaid</a> Services said ICE got Medicaid data for deportation.</p><p>Medicaid enrollees data was handed over to ICE.</p>');
    const idx = readPageText(root);
    const engine = createEngine(ENTITIES, LEXICON);
    const { mentions } = engine.annotate(idx);
    const cms = mentions.find((m) => m.id === 'cms')!;
    expect(cms.text).toBe('Centers for Medicare & Medicaid Services');
    const loc = locate(idx, cms.start, cms.end)!;
    expect(loc.start.node.data).toBe('Officials at the Centers for ');
    expect(loc.end.node.data).toBe(' Services said ICE got Medicaid data for deportation.');
    const range = toRange(document, idx, cms.start, cms.end)!;
    expect(range.toString()).toBe('Centers for Medicare & Medicaid Services');
  });
});

describe('reading a page of few, very long paragraphs', () => {
  it('yields every 256 k characters or so, whatever the number of nodes, and keeps the text in those pieces', () => {
    const sentence = 'CMS gave Medicaid data on enrollees to ICE, the states said. ';
    document.body.innerHTML = Array.from({ length: 40 }, () => `<p>${sentence.repeat(400)}</p>`).join('');
    const steps = readPageTextSteps(document.body);
    let yields = 0;
    let next = steps.next();
    while (!next.done) {
      yields++;
      next = steps.next();
    }
    const index = next.value;
    const total = 40 * sentence.length * 400;
    expect(yields).toBeGreaterThanOrEqual(Math.floor(total / 260_000));
    expect(index.pieces!.length).toBe(yields + 1);
    expect(Math.max(...index.pieces!.map((p) => p.length))).toBeLessThan(256_000 + sentence.length * 400 + 2);
    expect(index.text.replace(/\u2029/g, '')).toBe(sentence.repeat(400 * 40));
  });
});
