import { describe, expect, it } from 'vitest';
import { confirmedOn, roleStory, rolesOn, titleLines } from '../../components/roles';
import { formatDate } from '../../components/format';
import { translator } from '../../components/translate';
import en from '../../locales/en.json';
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

describe('terms that end by rule', () => {
  const elected: Person = {
    ...person,
    roles: [
      {
        title: { en: 'Governor of Example' },
        tenure: 'elected',
        from: '2023-01-02',
        ends: '2027-01-04',
        asOf: '2025-02-01',
        checked: '2026-12-07',
        sources: src,
      },
    ],
  };
  const judge: Person = { ...person, roles: [{ title: { en: 'U.S. District Judge' }, tenure: 'judicial', from: '2014-05-16', asOf: '2025-12-29', checked: '2026-12-07', sources: src }] };

  it('holds an elected term until its scheduled end, however long ago it was last reported', () => {
    expect(confirmedOn(elected.roles[0], '2026-12-07')).toBe(true);
    expect(rolesOn(elected, '2027-01-04')).toHaveLength(1);
    // The term ends by rule: no one need report it.
    expect(rolesOn(elected, '2027-01-05')).toEqual([]);
    expect(roleStory(elected, '2026-01-09', '2027-02-01').now).toBeUndefined();
  });

  it('holds a judgeship for life', () => {
    expect(confirmedOn(judge.roles[0], '2030-01-01')).toBe(true);
  });

  it('still holds a title at someone’s pleasure only for six months after its last confirmation', () => {
    const appointed = { ...person.roles[1], tenure: 'appointed' as const, asOf: '2026-06-07' };
    expect(confirmedOn(appointed, '2026-12-07')).toBe(true);
    expect(confirmedOn(appointed, '2026-12-08')).toBe(false);
  });
});

describe('the title lines every card and export shows', () => {
  const words = { lang: 'en' as const, t: translator(en), date: (d: string) => formatDate(d, 'en') };
  const president: Person = {
    ...person,
    verified: '2026-12-07',
    roles: [
      {
        title: { en: 'President of the United States' },
        tenure: 'elected',
        from: '2025-01-20',
        ends: '2029-01-20',
        asOf: '2026-03-05',
        checked: '2026-12-07',
        sources: src,
      },
    ],
  };

  it('reads a sitting official with a fixed term as current: its term and when it was checked, never a doubt', () => {
    const lines = titleLines(president, '2026-01-09', '2026-12-07', words);
    expect(lines[0]).toBe('President of the United States (term to Jan 2029) · checked Dec 2026');
    expect(lines.join(' ')).toContain('when the article was written and now');
    expect(lines.join(' ')).not.toMatch(/not confirmed|last confirmed/i);
  });

  it('says what was last known, and when it was checked, of a title not confirmed for six months', () => {
    const lyons: Person = { ...person, roles: [{ title: { en: 'Acting Director' }, tenure: 'acting', from: '2025-03', asOf: '2026-02-10', checked: '2026-12-07', sources: src }] };
    const lines = titleLines(lyons, '2026-01-09', '2026-12-07', words);
    expect(lines).toEqual(['Acting Director when the article was written', 'Acting Director (last confirmed Feb 10, 2026) · checked Dec 2026']);
  });

  it('names the successor of a term that ended', () => {
    const ended: Person = {
      ...person,
      roles: [{ title: { en: 'Acting Director' }, tenure: 'acting', from: '2025-03', to: '2026-05-31', asOf: '2026-04-16', successor: { name: 'Pat Next', sources: src }, sources: src }],
    };
    expect(titleLines(ended, null, '2026-12-07', words)).toEqual(['Acting Director until May 31, 2026', 'Succeeded by Pat Next']);
  });
});
