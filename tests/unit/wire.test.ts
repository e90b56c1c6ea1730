// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../data';
import { createEngine, packMentions, readPageText, splitText, unpackMentions, type Mention } from '../../engine';
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
