/**
 * "Still right" needs a present confirmation: a claim's open value last confirmed more than six months before
 * today gets no "agrees" (its card says when it was last confirmed), as a title does on a person's card.
 * What the article got wrong, or what changed since, rests on the record's history and is still judged.
 */
import { describe, expect, it } from 'vitest';
import { judge, type JudgedClaim } from '../../engine/verdict';

const title = (asOf: string): JudgedClaim => ({
  kind: 'title',
  unsure: [],
  values: [
    { index: 0, from: '2025-01-25', to: '2026-03-30', start: '2025-01-25', end: '2026-03-30', value: 'noem', accept: ['noem'], reject: '*', asOf: '2026-03-05' },
    { index: 1, from: '2026-03-31', start: '2026-03-31', value: 'mullin', accept: ['mullin'], reject: '*', asOf },
  ],
});
const mullin = { kind: 'token' as const, token: 'mullin' };
const noem = { kind: 'token' as const, token: 'noem' };

describe('a claim’s value today, as recent as its last confirmation', () => {
  it('agrees, and says when the value was last confirmed once that is more than six months ago', () => {
    expect(judge(title('2026-11-01'), mullin, '2026-06-01', '2026-12-07')).toMatchObject({ verdict: 'agrees' });
    expect(judge(title('2026-11-01'), mullin, '2026-06-01', '2026-12-07')).not.toHaveProperty('lastConfirmed');
    expect(judge(title('2026-03-06'), mullin, '2026-06-01', '2026-12-07')).toMatchObject({ verdict: 'agrees', lastConfirmed: '2026-03-06' });
    // Exactly six months on is still confirmed; a day later it is last confirmed.
    expect(judge(title('2026-06-07'), mullin, null, '2026-12-07')).not.toHaveProperty('lastConfirmed');
    expect(judge(title('2026-06-06'), mullin, null, '2026-12-07')).toMatchObject({ verdict: 'agrees', lastConfirmed: '2026-06-06' });
  });

  it('still says what changed since the article, and what the article got wrong', () => {
    expect(judge(title('2026-03-06'), noem, '2026-01-09', '2026-12-07')).toMatchObject({ verdict: 'outdated', since: '2026-03-31' });
    expect(judge(title('2026-03-06'), mullin, '2026-01-09', '2026-12-07')?.verdict).toBe('differs');
  });

  it('never ages a fact that cannot change (a date, a count at filing)', () => {
    const timeless: JudgedClaim = { ...title('2025-01-01'), timeless: true };
    expect(judge(timeless, mullin, '2026-06-01', '2026-12-07')?.verdict).toBe('agrees');
  });
});
