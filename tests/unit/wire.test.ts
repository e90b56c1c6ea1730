// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../data';
import { createEngine, packMentions, readPageText, unpackMentions, type Mention } from '../../engine';

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
