import { describe, expect, it } from 'vitest';
import { diffDatasets, formatDiff } from '../../data/diff';
import { loadDataset } from '../../data/validate';

const { meta, entities } = loadDataset();
const base = { ...meta, entities };

describe('data:diff', () => {
  it('reports nothing between a dataset and itself', () => {
    const d = diffDatasets(base, base);
    expect([d.added, d.removed, d.changed]).toEqual([[], [], []]);
  });

  it('reports added, removed and changed records with the fields that changed', () => {
    const [first, second, ...rest] = entities;
    const next = {
      ...base,
      version: '9.0.0',
      entities: [{ ...first, summary: { en: 'A corrected summary of this record for the test.' }, asOf: '2026-11-01' }, ...rest, { ...second, id: 'brand-new-record' }],
    };
    const d = diffDatasets(base, next);
    expect(d.removed.map((e) => e.id)).toEqual([second.id]);
    expect(d.added.map((e) => e.id)).toEqual(['brand-new-record']);
    expect(d.changed).toEqual([
      expect.objectContaining({ id: first.id, fields: [expect.objectContaining({ field: 'summary' }), expect.objectContaining({ field: 'asOf', after: '2026-11-01' })] }),
    ]);
    const md = formatDiff(d);
    expect(md).toContain(`Dataset ${meta.version} → 9.0.0: 1 added, 1 removed, 1 changed.`);
    expect(md).toContain(`\`${first.id}\`:`);
    expect(md).toContain('asOf: ');
  });
});
