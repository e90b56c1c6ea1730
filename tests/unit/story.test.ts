// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { BLOCK_SEPARATOR, createEngine, readPageText, toRange } from '../../engine';
import { ENTITIES, LEXICON, STORY } from '../support/fixtures';

const engine = createEngine(ENTITIES, LEXICON);
const body = (html: string) => {
  document.body.innerHTML = html;
  return document.body;
};
const story = STORY.slice(1).map((p) => `<p>${p}</p>`).join('');

describe('the story, not the page around it', () => {
  it('annotates the article that holds the story, not teaser articles, credits or streams around it', () => {
    const root = body(`
      <article class="story theme-summary"><h2>Teaser</h2><p>Gavin Newsom visits Illinois.</p></article>
      <main><h1>${STORY[0]}</h1><article>
        <figure><img alt=""><figcaption>Photo: Jane Doe for California Illinois Daily</figcaption></figure>
        ${story}
        <div class="js-stream-content"><p>President-elect Robert F. Kennedy Jr. in California</p></div>
      </article></main>
      <article class="story theme-summary"><p>Illinois and California news</p></article>`);
    const index = readPageText(root);
    const { detection, mentions, story: found } = engine.annotate(index, STORY[0]);
    expect(detection.detected).toBe(true);
    const article = root.querySelector('main article')!;
    const stream = root.querySelector('.js-stream-content')!;
    const caption = root.querySelector('figcaption')!;
    for (const m of mentions) {
      const range = toRange(document, index, m.start, m.end)!;
      const el = range.startContainer.parentElement!;
      const inHeadline = el.closest('h1') !== null;
      expect(inHeadline || article.contains(el), `${m.id}:${m.text}`).toBe(true);
      expect(stream.contains(el) || caption.contains(el), `${m.id}:${m.text}`).toBe(false);
    }
    expect(index.mainElements[found!.container]).toBe(article);
    // The headline is part of the story.
    expect(mentions.some((m) => m.id === 'dhs' || m.id === 'ice' || m.start < STORY[0].length)).toBe(true);
  });

  it('keeps every non-peripheral mention on a page without article containers', () => {
    const root = body(`${STORY.map((p) => `<p>${p}</p>`).join('')}<aside><p>California Illinois</p></aside>`);
    const index = readPageText(root);
    const { mentions } = engine.annotate(index);
    const aside = root.querySelector('aside')!;
    expect(mentions.length).toBeGreaterThan(5);
    for (const m of mentions) expect(aside.contains(toRange(document, index, m.start, m.end)!.startContainer)).toBe(false);
  });
});

describe('soft hyphens', () => {
  it('leaves them out of the text and still anchors to the exact characters', () => {
    const root = body(`<p>The Depart\u00ADment of Home\u00ADland Security and ICE took Med\u00ADicaid data.</p>`);
    const index = readPageText(root);
    expect(index.text).not.toContain('\u00AD');
    const start = index.text.indexOf('Department of Homeland Security');
    const range = toRange(document, index, start, start + 'Department of Homeland Security'.length)!;
    expect(range.toString()).toBe('Depart\u00ADment of Home\u00ADland Security');
    const ice = index.text.indexOf('ICE');
    expect(toRange(document, index, ice, ice + 3)!.toString()).toBe('ICE');
  });
});

describe('editable pages', () => {
  it('reads nothing from a document in designMode or under an editable root', () => {
    const root = body(`${STORY.map((p) => `<p>${p}</p>`).join('')}`);
    document.documentElement.setAttribute('contenteditable', 'true');
    expect(readPageText(root).text).toBe('');
    document.documentElement.removeAttribute('contenteditable');
    expect(readPageText(root).text).toContain('Medicaid');
  });
});

describe('steps and fragments', () => {
  it('gives the same result in slices as in one go, on a text longer than a slice', () => {
    const blocks = Array.from({ length: 800 }, (_, i) => STORY[1 + (i % 3)]);
    const page = { text: blocks.join(BLOCK_SEPARATOR), peripheral: [] };
    const whole = engine.annotate(page);
    const run = engine.steps(page);
    let step = run.next();
    let slicesSeen = 0;
    while (!step.done) {
      slicesSeen++;
      step = run.next();
    }
    expect(slicesSeen).toBeGreaterThan(2);
    expect(step.value.mentions).toEqual(whole.mentions);
    expect(whole.mentions.length).toBeGreaterThan(1000);
  });

  it('annotates an added paragraph on its own, surnames included once the full name was seen', () => {
    const fragment = { text: 'Kennedy told ICE that Illinois data was safe.', peripheral: [] };
    expect(engine.annotateFragment(fragment, new Set()).map((m) => m.id)).toEqual(['ice', 'illinois']);
    expect(engine.annotateFragment(fragment, new Set(['rfk'])).map((m) => m.id)).toEqual(['rfk', 'ice', 'illinois']);
  });
});

describe('class names on the page itself', () => {
  it('never make <body> or the article peripheral (BBC names its ad slots on <body>)', () => {
    const root = body(`<main><article class="story teaser-free">${STORY.map((p) => `<p>${p}</p>`).join('')}</article></main>`);
    root.className = 'device--feature bbccom_outbrain_ar_5 bbccom_adsense';
    const index = readPageText(root);
    expect(index.peripheral).toEqual([]);
    expect(engine.annotate(index, STORY[0]).detection.detected).toBe(true);
    root.className = '';
  });
});
