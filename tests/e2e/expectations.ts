/** What both browsers must show on the sample article: the shared half of the Chromium and Firefox suites. */
import { expect } from 'vitest';
import { dataset, entityById } from '../../data';
import type { AnnotationsResponse } from '../../utils/messages';
import { REQUIRED_IDS } from '../support/expected';

export function expectEveryRequiredEntity(res: AnnotationsResponse): void {
  expect(res.detected).toBe(true);
  expect(res.score).toBeGreaterThanOrEqual(0.6);
  expect(res.version).toBe(dataset.meta.version);
  const ids = new Set(res.annotations.map((a) => a.id));
  expect(REQUIRED_IDS.filter((id) => !ids.has(id))).toEqual([]);
  for (const a of res.annotations) expect(a.kind).toBe(entityById.get(a.id)?.kind);
}
