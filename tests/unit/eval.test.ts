import { describe, expect, it } from 'vitest';
import { figures, runEval } from '../../eval/evaluate';

const results = runEval();

describe('recognition on the project’s labelled articles (npm run eval)', () => {
  it('has both positives and hard negatives in English and Spanish', () => {
    for (const lang of ['en', 'es'])
      for (const label of ['positive', 'negative']) expect(results.filter((r) => r.lang === lang && r.label === label).length).toBeGreaterThanOrEqual(10);
  });

  it.each(['en', 'es', 'all'])('holds precision and recall at 0.98 or better (%s)', (lang) => {
    const f = figures(lang === 'all' ? results : results.filter((r) => r.lang === lang));
    const wrong = results.filter((r) => (lang === 'all' || r.lang === lang) && (r.label === 'positive') !== r.detected).map((r) => r.file);
    expect(wrong).toEqual([]);
    expect(f.precision).toBeGreaterThanOrEqual(0.98);
    expect(f.recall).toBeGreaterThanOrEqual(0.98);
  });

  it('finds the labelled entities in recognised coverage', () => {
    expect(figures(results).entityRecall).toBeGreaterThanOrEqual(0.95);
  });
});
