// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../data';
import { createEngine, packMentions, piecesMightBeCoverage, readPageText, splitText, textOf, textParts, unpackMentions, type Mention, type PageTextIndex } from '../../engine';
import { PendingParts } from '../../utils/page-parts';

const engine = createEngine(dataset.entities, dataset.lexicon);
const SAMPLE = readFileSync(join(import.meta.dirname, '../../sample/article.html'), 'utf8');
/** What a page gets: the answer goes through JSON, as extension messages do. */
const overTheWire = (text: string, mentions: Mention[]) => unpackMentions(text, JSON.parse(JSON.stringify(packMentions(mentions))));

describe('mentions between the background and a page', () => {
  const doc = new DOMParser().parseFromString(SAMPLE, 'text/html');
  const page = readPageText(doc.body);
  const { mentions } = engine.annotate(page, doc.title);

  it('arrive as the engine found them (ids, kinds, offsets, text, confidence)', () => {
    expect(mentions.length).toBeGreaterThan(30);
    expect(overTheWire(page.text, mentions)).toEqual(mentions);
  });

  it('name each entity once, however often it is mentioned', () => {
    const packed = packMentions(mentions);
    expect(packed.ids.length).toBe(new Set(mentions.map((m) => m.id)).size);
    expect(packed.spans.length).toBe(mentions.length * 4);
  });

  it('keep a probable (misspelt) mention probable', () => {
    const probable: Mention = { id: 'cms', kind: 'agency', start: 0, end: 4, text: 'Cnms', confidence: 'probable' };
    expect(overTheWire('Cnms wrote', [probable])).toEqual([probable]);
  });

  it('drop spans that do not fit the text or name no entity', () => {
    const bad = { ids: ['cms'], kinds: ['agency' as const], spans: [0, 3, 0, 0, 5, 99, 0, 0, 1, 2, 7, 0, -1, 2, 0, 0, 2, 2, 0, 0] };
    expect(unpackMentions('CMS said', bad)).toEqual([{ id: 'cms', kind: 'agency', start: 0, end: 3, text: 'CMS', confidence: 'high' }]);
  });
});

describe('a page too long for one message', () => {
  it('goes in parts that join back to its text, none longer than asked', () => {
    const text = 'Medicaid\u2029data '.repeat(1000);
    const parts = splitText(text, 1000);
    expect(parts.length).toBe(Math.ceil(text.length / 1000));
    expect(parts.every((p) => p.length <= 1000)).toBe(true);
    expect(parts.join('')).toBe(text);
    expect(splitText('short', 1000)).toEqual(['short']);
  });

  it('never cuts between the halves of a surrogate pair', () => {
    const text = `${'a'.repeat(999)}😀${'b'.repeat(10)}`;
    const parts = splitText(text, 1000);
    expect(parts[0]).toBe('a'.repeat(999));
    expect(parts[1].startsWith('😀')).toBe(true);
    expect(parts.join('')).toBe(text);
  });

  it('is put back together by the background, or not at all when a part is missing', () => {
    const store = new PendingParts(2);
    store.add('p1', 1, 'b');
    store.add('p1', 0, 'a');
    expect(store.take('p1', 2, 'c')).toBe('abc');
    expect(store.take('p1', 2, 'c')).toBeNull();
    store.add('p2', 1, 'b');
    expect(store.take('p2', 2, 'c')).toBeNull();
    // Only the newest pages are kept: one whose content script went away is forgotten.
    for (const id of ['p3', 'p4', 'p5']) store.add(id, 0, id);
    expect(store.take('p3', 1, '')).toBeNull();
    expect(store.take('p5', 1, '!')).toBe('p5!');
  });
});

describe('a long page read in pieces', () => {
  // The sample's body many times over: well over a thousand nodes, so the walk keeps its text in pieces.
  const body = SAMPLE.match(/<body[^>]*>([\s\S]*)<\/body>/)![1];
  const doc = new DOMParser().parseFromString(`<!doctype html><title>Long</title><body>${body.repeat(30)}</body>`, 'text/html');
  const page = readPageText(doc.body);
  const pieces = page.pieces!;
  const whole = pieces.join('');

  it('keeps its pieces, which join to the text it reads as a whole', () => {
    expect(pieces.length).toBeGreaterThan(3);
    expect(page.text).toBe(whole);
    expect(textOf(page).length).toBe(whole.length);
  });

  it('cuts any span from its pieces as from the whole, across a seam too', () => {
    const view = textOf(page);
    let at = 0;
    for (const p of pieces.slice(0, -1)) {
      at += p.length;
      for (const [start, end] of [[at - 5, at + 7], [at, at + 3], [at - 3, at], [at - 1, at + 1]]) expect(view.slice(start, end)).toBe(whole.slice(start, end));
    }
    expect(view.slice(0, 10)).toBe(whole.slice(0, 10));
    expect(view.slice(whole.length - 10, whole.length)).toBe(whole.slice(-10));
  });

  it('gives the same mentions from its pieces as from its text', () => {
    const { mentions } = engine.annotate(page, doc.title);
    expect(mentions.length).toBeGreaterThan(30);
    const packed = JSON.parse(JSON.stringify(packMentions(mentions)));
    expect(unpackMentions(textOf(page), packed)).toEqual(unpackMentions(whole, packed));
  });

  it('goes in parts joined from its pieces, one at a time, none longer than asked', () => {
    const parts = textParts(page, 5000);
    const first = parts.next();
    expect(first.done).toBe(false);
    const all = [first.value as string, ...parts];
    expect(all.join('')).toBe(whole);
    expect(all.every((p) => p.length > 0 && p.length <= 5000)).toBe(true);
    expect(all.length).toBeLessThanOrEqual(Math.ceil(whole.length / 5000) + pieces.length);
  });

  const indexOf = (pieces: string[]) => ({ text: pieces.join(''), pieces }) as unknown as PageTextIndex;

  it('cuts a piece longer than a part, and never between the halves of a surrogate pair', () => {
    const split = ['x'.repeat(10), `${'a'.repeat(12)}\ud83d`, `\ude00${'b'.repeat(30)}`];
    const parts = [...textParts(indexOf(split), 16)];
    expect(parts.join('')).toBe(split.join(''));
    expect(parts.every((p) => p.length <= 16)).toBe(true);
    for (const p of parts) expect(p.charCodeAt(p.length - 1)).not.toBe(0xd83d);
    expect([...textParts(indexOf(['short']), 1000)]).toEqual(['short']);
    expect([...textParts({ text: '' } as PageTextIndex, 1000)]).toEqual(['']);
  });

  it('is gated over its pieces, a word split between two included', () => {
    expect(piecesMightBeCoverage(['The Medi', 'caid data went to ', 'ICE.'], '')).toBe(true);
    expect(piecesMightBeCoverage(['Medicaid data', ' stayed home.'], 'Weather')).toBe(false);
    expect(piecesMightBeCoverage(['Medicaid data went to Homeland Secu', 'rity'], '')).toBe(true);
  });
});
