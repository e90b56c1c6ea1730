import { describe, expect, it } from 'vitest';
import { ContentRequest } from '../../utils/messages';

describe('ContentRequest (checked by hand in the content script)', () => {
  it('accepts each request, keeping only its own fields', () => {
    expect(ContentRequest.safeParse({ type: 'annotations:get', extra: 1 })).toEqual({ success: true, data: { type: 'annotations:get' } });
    expect(ContentRequest.safeParse({ type: 'annotations:refresh' })).toEqual({ success: true, data: { type: 'annotations:refresh' } });
    expect(ContentRequest.safeParse({ type: 'card:state' })).toEqual({ success: true, data: { type: 'card:state' } });
    expect(ContentRequest.safeParse({ type: 'annotations:reveal', id: 'cms', x: true })).toEqual({ success: true, data: { type: 'annotations:reveal', id: 'cms' } });
  });

  it('rejects anything else a page or another extension could send', () => {
    for (const raw of [null, undefined, 'annotations:get', 42, [], {}, { type: 'annotations:reveal' }, { type: 'annotations:reveal', id: 7 }, { type: 'entities:get', ids: [] }, { type: 'ANNOTATIONS:GET' }])
      expect(ContentRequest.safeParse(raw).success).toBe(false);
  });
});
