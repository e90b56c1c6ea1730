import { describe, expect, it } from 'vitest';
import { roleStory, rolesOn } from '../../components/roles';
import type { Person } from '../../data/schema';

const src = [{ url: 'https://example.gov/a', title: 'A source', publisher: 'Example', kind: 'official' as const }];
const person: Person = {
  id: 'p', kind: 'person', name: 'Pat Example', aliases: ['Pat Example'], summary: { en: 'A person for the test, with two terms.' },
  asOf: '2026-06-01', verified: '2026-06-01', sources: src,
  roles: [
    { title: { en: 'Secretary' }, from: '2025-01-25', to: '2026-03-31', asOf: '2026-03-31', sources: src },
    { title: { en: 'Special Envoy' }, from: '2026-03-31', asOf: '2026-06-01', sources: src },
  ],
};

describe('roles as terms', () => {
  it('finds the title held on a date', () => {
    expect(rolesOn(person, '2025-06-13').map((r) => r.title.en)).toEqual(['Secretary']);
    expect(rolesOn(person, '2026-11-30').map((r) => r.title.en)).toEqual(['Special Envoy']);
    expect(rolesOn(person, '2024-01-01')).toEqual([]);
  });

  it('states the title then and, when it changed, the title now', () => {
    const s = roleStory(person, '2025-06-13', '2026-11-30');
    expect(s.then?.title.en).toBe('Secretary');
    expect(s.now?.title.en).toBe('Special Envoy');
    const same = roleStory(person, '2026-05-01', '2026-11-30');
    expect(same.then).toBe(same.now);
  });

  it('knows only the title now when the article date is unknown', () => {
    const s = roleStory(person, null, '2026-11-30');
    expect(s.then).toBeUndefined();
    expect(s.now?.title.en).toBe('Special Envoy');
  });
});

describe('an open-ended term last confirmed long ago', () => {
  const lyons: Person = {
    ...person,
    roles: [{ title: { en: 'Acting Director' }, from: '2025-03', asOf: '2025-07-18', sources: src }],
  };
  it('is not presented as current a year later', () => {
    const s = roleStory(lyons, '2025-08-01', '2026-11-30');
    expect(s.then?.title.en).toBe('Acting Director');
    expect(s.thenConfirmed).toBe(true);
    expect(s.nowConfirmed).toBe(false);
  });
  it('is "last confirmed" at an article date long after its confirmation', () => {
    expect(roleStory(lyons, '2026-09-01', '2026-11-30').thenConfirmed).toBe(false);
  });
  it('reads as current shortly after its confirmation', () => {
    expect(roleStory(lyons, '2025-08-01', '2025-10-01').nowConfirmed).toBe(true);
  });
});
