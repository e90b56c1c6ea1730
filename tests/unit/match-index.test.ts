import { describe, expect, it } from 'vitest';
import { toMatchIndex } from '../../data/match-index';
import { loadDataset } from '../../data/validate';
import { matchIndexModule } from '../../modules/dataset';

describe('the match index module the content script imports', () => {
  it('gives the same index, its data read from JSON on first use', async () => {
    const index = toMatchIndex(loadDataset());
    const mod = await import(`data:text/javascript,${encodeURIComponent(matchIndexModule(index))}`);
    const shipped = mod.default;
    expect(Object.getOwnPropertyDescriptor(shipped, 'entities')?.get).toBeTypeOf('function');
    expect(shipped.version).toBe(index.version);
    expect({ version: shipped.version, lexicon: shipped.lexicon, entities: shipped.entities, matcher: shipped.matcher }).toEqual(JSON.parse(JSON.stringify(index)));
    expect(shipped.entities).toBe(shipped.entities);
  });
});
