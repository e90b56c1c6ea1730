import { describe, expect, it } from 'vitest';
import { figures, runEval } from '../../eval/evaluate';
import { claimFigures, runClaimEval } from '../../eval/claims';

/** Raised as recognition improves; the goal is 0.85 (README, How claims are judged). */
const CLAIM_RECALL_FLOOR = 0.85;

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

describe('claim checks on the development set (eval/claims/dev.json)', () => {
  const claimResults = runClaimEval();
  const f = claimFigures(claimResults);

  it('is at least 150 labelled claims in English and Spanish, with negatives and history', () => {
    expect(f.labelled).toBeGreaterThanOrEqual(150);
    for (const lang of ['en', 'es']) expect(claimResults.filter((r) => r.item.lang === lang).length).toBeGreaterThan(50);
    expect(claimResults.filter((r) => r.item.expect.length === 0).length).toBeGreaterThan(30);
    expect(claimResults.filter((r) => r.item.history).length).toBeGreaterThan(10);
  });

  it('gives no wrong verdict, none on a history sentence, and never judges a bare date', () => {
    expect(claimResults.flatMap((r) => r.wrong.map((w) => `${r.item.id} ${w.claim}: ${w.got} (labelled ${w.want})`))).toEqual([]);
    expect(f.onHistory).toBe(0);
    expect(f.bareDates).toBe(0);
  });

  it('gives the right verdict to at least the share it reached when last measured', () => {
    expect(f.recall).toBeGreaterThanOrEqual(CLAIM_RECALL_FLOOR);
  });
});
