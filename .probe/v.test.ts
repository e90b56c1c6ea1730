import { it } from 'vitest';
import { claims } from '../data';
import { compileClaims, prepareClaims } from '../engine';
it('x', () => {
  const f = compileClaims(prepareClaims(claims));
  for (const s of ['Homeland Security Secretary Kristi Noem defended the agreement.', 'CMS sent the data of enrollees in California, Illinois, Washington state and D.C. to DHS.', 'Acting ICE Director Todd Lyons said so.', 'HHS Secretary Robert F. Kennedy Jr. said so.'])
    for (const d of ['2019-03-02', '2025-10-01', null]) console.log(s.slice(0, 30), d, JSON.stringify(f.find(s, { published: d, today: '2026-12-07' }).map((c) => [c.id, c.verdict])));
});
