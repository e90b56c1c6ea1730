import { describe, expect, it } from 'vitest';
import { parseContentRequest } from '../../utils/messages';
import { BackgroundRequest } from '../../utils/background-request';

describe('requests to the content script', () => {
  it('accepts the contract', () => {
    expect(parseContentRequest({ type: 'annotations:get' })).toEqual({ type: 'annotations:get' });
    expect(parseContentRequest({ type: 'annotations:reveal', id: 'cms' })).toEqual({ type: 'annotations:reveal', id: 'cms' });
    expect(parseContentRequest({ type: 'annotations:show', claim: 2 })).toEqual({ type: 'annotations:show', claim: 2, mention: undefined });
    expect(parseContentRequest({ type: 'present:start' })).toEqual({ type: 'present:start', step: undefined });
    expect(parseContentRequest({ type: 'present:start', names: 'all' })).toEqual({ type: 'present:start', step: undefined, names: 'all' });
  });

  it('refuses anything else, field by field', () => {
    for (const bad of [null, 'annotations:get', 42, {}, { type: 'nope' }, { type: 'annotations:reveal' }, { type: 'annotations:reveal', id: 7 },
      { type: 'annotations:show', mention: -1 }, { type: 'annotations:show', claim: 1.5 }, { type: 'present:start', step: '2' }, { type: 'present:start', names: 'some' }, { type: 'annotations:reveal', id: 'x'.repeat(500) }])
      expect(parseContentRequest(bad), JSON.stringify(bad)).toBeNull();
  });

  it('keeps only the fields of the request (nothing else reaches the annotator)', () => {
    expect(parseContentRequest({ type: 'annotations:get', extra: { evil: true } })).toEqual({ type: 'annotations:get' });
  });
});

describe('requests to the background', () => {
  it('checks a page to annotate, and fragments', () => {
    const page = { type: 'page:annotate', text: 'x', peripheral: [], title: 't', published: null, today: '2026-11-30' };
    expect(BackgroundRequest.safeParse(page).success).toBe(true);
    expect(BackgroundRequest.safeParse({ ...page, main: [0, 1], headlines: [] }).success).toBe(true);
    expect(BackgroundRequest.safeParse({ ...page, text: 5 }).success).toBe(false);
    expect(BackgroundRequest.safeParse({ ...page, peripheral: ['0'] }).success).toBe(false);
    expect(BackgroundRequest.safeParse({ ...page, title: undefined }).success).toBe(false);
    expect(BackgroundRequest.safeParse({ type: 'fragments:annotate', fragments: [{ text: 'a', peripheral: [] }], seen: ['cms'] }).success).toBe(true);
    expect(BackgroundRequest.safeParse({ type: 'fragments:annotate', fragments: [{ text: 'a' }], seen: [] }).success).toBe(false);
    expect(BackgroundRequest.safeParse({ ...page, id: 'abc', parts: 3 }).success).toBe(true);
    expect(BackgroundRequest.safeParse({ ...page, id: 'abc', parts: 0 }).success).toBe(false);
    expect(BackgroundRequest.safeParse({ ...page, id: 'x'.repeat(65), parts: 1 }).success).toBe(false);
    expect(BackgroundRequest.safeParse({ type: 'page:part', id: 'abc', index: 0, text: 'x' }).success).toBe(true);
    expect(BackgroundRequest.safeParse({ type: 'page:part', id: 'abc', index: 1.5, text: 'x' }).success).toBe(false);
    expect(BackgroundRequest.safeParse({ type: 'page:part', id: 'abc', index: 256, text: 'x' }).success).toBe(false);
    expect(BackgroundRequest.safeParse({ type: 'claims:check', text: 'x', published: null, today: '2026-11-30' }).success).toBe(false);
    expect(BackgroundRequest.safeParse({ type: 'entities:get', ids: 'cms' }).success).toBe(false);
  });
});
