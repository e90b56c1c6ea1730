import { mkdtempSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../data';
import { auditEntity, byVerified, checkReport, currentFailures, isStale, lastConfirmed, roleConflicts } from '../../data/audit';
import type { Claim } from '../../data/claim-schema';
import { publishDataset, publishedSchema, PublishedDataset } from '../../data/publish';
import { REJECTED_HOSTS, Source, type Entity } from '../../data/schema';
import { DATA_DIR, DatasetError, loadDataset, missingSpanish } from '../../data/validate';
import { foldKey } from '../../engine';
import { loadMessages } from '../support/i18n';

const validated = loadDataset();

/** A scratch copy of data/ to break on purpose. */
const copy = () => {
  const dir = mkdtempSync(join(tmpdir(), 'mdc-data-'));
  cpSync(DATA_DIR, dir, { recursive: true });
  return dir;
};
const problemsOf = (dir: string) => {
  try {
    loadDataset(dir);
    return [];
  } catch (e) {
    if (e instanceof DatasetError) return e.problems;
    throw e;
  }
};

/** Every entity the foundation issue says any coverage of the story must get. */
export const REQUIRED = {
  law: ['privacy-act-1974', 'ssa-medicaid-confidentiality', 'eo-14218'],
  agency: ['cms', 'hhs', 'dhs', 'ice', 'irs'],
  person: ['donald-trump', 'robert-f-kennedy-jr', 'gavin-newsom', 'laura-friedman', 'andrew-nixon', 'tricia-mclaughlin', 'kim-brandt', 'jeffrey-grant'],
  state: ['california', 'illinois', 'washington', 'district-of-columbia', 'new-york', 'oregon', 'minnesota', 'colorado'],
};

describe('the bundled dataset', () => {
  it('is valid and is what the extension bundles', () => {
    expect(validated.meta.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(dataset.entities.map((e) => e.id).sort()).toEqual(validated.entities.map((e) => e.id).sort());
  });

  it('is a complete record: at least 10 laws and rules, 12 agencies, 15 people, 8 jurisdictions, 6 events', () => {
    const count = (kind: string) => validated.entities.filter((e) => e.kind === kind).length;
    expect(count('law')).toBeGreaterThanOrEqual(10);
    expect(count('agency')).toBeGreaterThanOrEqual(12);
    expect(count('person')).toBeGreaterThanOrEqual(15);
    expect(count('state')).toBeGreaterThanOrEqual(8);
    expect(count('event')).toBeGreaterThanOrEqual(6);
  });

  it('has every entity the story needs, of the right kind', () => {
    const byId = new Map(validated.entities.map((e) => [e.id, e]));
    for (const [kind, ids] of Object.entries(REQUIRED))
      for (const id of ids) expect(byId.get(id)?.kind, `${id} should be a ${kind}`).toBe(kind);
  });

  it('cites only https sources, never a rejected mirror', () => {
    const all = validated.entities.flatMap((e) => [
      ...e.sources,
      ...('roles' in e ? e.roles.flatMap((r) => r.sources) : []),
      ...('timeline' in e && e.timeline ? e.timeline.flatMap((t) => t.sources) : []),
    ]);
    expect(all.length).toBeGreaterThan(validated.entities.length);
    for (const s of all) {
      // An original report cited by headline alone: no address to check (see the schema's `unlinked`).
      if (!s.url) continue;
      const url = new URL(s.url);
      const host = url.hostname;
      // Canonical addresses: no tracking parameters, no AMP copies.
      expect([...url.searchParams.keys()].filter((k) => /^(utm_|fbclid|gclid|media_link|amp)/.test(k)), s.url).toEqual([]);
      expect(/\/amp(\/|$)/.test(url.pathname), s.url).toBe(false);
      expect(s.url.startsWith('https://'), s.url).toBe(true);
      expect(REJECTED_HOSTS.some((h) => host === h || host.endsWith('.' + h)), s.url).toBe(false);
    }
  });

  it('never lets one alias stand for two entities without a rule that tells them apart', () => {
    const owners = new Map<string, { id: string; rule?: string }[]>();
    for (const e of validated.entities)
      for (const a of [e.name, ...e.aliases]) {
        const text = typeof a === 'string' ? a : a.text;
        const rule = typeof a === 'string' ? undefined : a.rule;
        const key = rule === 'case' ? `C:${text.replace(/[^\p{L}\p{N}]/gu, '')}` : foldKey(text);
        const list = owners.get(key) ?? [];
        if (!list.some((o) => o.id === e.id)) list.push({ id: e.id, rule });
        owners.set(key, list);
      }
    const clashes = [...owners].filter(([, list]) => list.length > 1 && new Set(list.map((o) => o.rule ?? 'none')).size < list.length);
    expect(clashes).toEqual([]);
  });

  it('gives every person a dated title and every jurisdiction a dated timeline when it has a program', () => {
    for (const e of validated.entities) {
      if (e.kind === 'person') expect(e.roles[0].asOf).toMatch(/^\d{4}-\d{2}/);
      if (e.kind === 'state' && e.program) expect(e.timeline.length, e.id).toBeGreaterThan(0);
    }
  });

  it('publishes the whole dataset with a JSON Schema that describes it', () => {
    const published = JSON.parse(publishDataset(validated));
    expect(PublishedDataset.safeParse(published).success).toBe(true);
    expect(published.entities).toHaveLength(validated.entities.length);
    const schema = JSON.parse(publishedSchema());
    expect(schema.properties.entities.type).toBe('array');
    expect(schema.required).toEqual(expect.arrayContaining(['version', 'updated', 'entities']));
  });
});

describe('validation errors', () => {

  it('names the file, the record and the field of a malformed record', () => {
    const dir = copy();
    const file = join(dir, 'entities/people.json');
    const people = JSON.parse(readFileSync(file, 'utf8'));
    people[0].sources[0].url = 'http://example.com/not-https';
    delete people[1].asOf;
    writeFileSync(file, JSON.stringify(people));
    const problems = problemsOf(dir);
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^entities/people\\.json: record '${people[0].id}': field sources\\[0\\]\\.url: `)));
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^entities/people\\.json: record '${people[1].id}': field asOf: `)));
  });

  it('rejects mirrors, duplicate ids, unknown parents and broken JSON', () => {
    const dir = copy();
    const agencies = JSON.parse(readFileSync(join(dir, 'entities/agencies.json'), 'utf8'));
    agencies[0].sources[0].url = 'https://hillaryclinton.io/amp/news/1';
    agencies.push({ ...agencies[1] });
    agencies[2].parent = 'no-such-agency';
    writeFileSync(join(dir, 'entities/agencies.json'), JSON.stringify(agencies));
    writeFileSync(join(dir, 'entities/events.json'), '[{"id": ');
    const problems = problemsOf(dir).join('\n');
    expect(problems).toContain('cites a mirror or aggregator');
    expect(problems).toContain(`record '${agencies[1].id}': field id: duplicate`);
    expect(problems).toContain(`record '${agencies[2].id}': field parent: no record has id 'no-such-agency'`);
    expect(problems).toContain('entities/events.json: cannot be read as JSON');
  });
});

describe('audit', () => {
  const agency = validated.entities.find((x) => x.kind === 'agency')!;
  const person = validated.entities.find((x): x is Extract<Entity, { kind: 'person' }> => x.id === 'kristi-noem')!;

  it('judges staleness by the verified date against the day passed in, not the dataset date', () => {
    const e: Entity = { ...agency, asOf: '2026-05-01', verified: '2026-05-30' };
    // Exactly six months later is not yet stale; one day more is.
    expect(isStale(e, '2026-11-30')).toBe(false);
    expect(auditEntity(e, '2026-11-30').join('\n')).not.toContain('months before');
    expect(isStale(e, '2026-12-01')).toBe(true);
    expect(auditEntity(e, '2026-12-01').join('\n')).toContain('verified 2026-05-30 is more than 6 months before 2026-12-01');
    // A recent check does not hide an old situation for records that describe the present.
    const old: Entity = { ...agency, asOf: '2024-01-01', verified: '2026-11-30' };
    expect(isStale(old, '2026-11-30')).toBe(false);
    expect(auditEntity(old, '2026-11-30').join('\n')).toContain('situation as of 2024-01-01');
  });

  it('flags dates that cannot be right and thinly sourced records', () => {
    const e: Entity = { ...agency, asOf: '2026-12-15', verified: '2026-12-01', sources: agency.sources.map((s) => ({ ...s, kind: 'news' as const, date: undefined })) };
    const findings = auditEntity(e, '2026-11-30').join('\n');
    expect(findings).toContain('verified 2026-12-01 is after today (2026-11-30)');
    expect(findings).toContain('asOf 2026-12-15 is after verified 2026-12-01');
    expect(findings).toContain('only news');
    expect(findings).toContain('no source carries a date');
  });

  it('asks whether an open-ended title last confirmed long ago is still held', () => {
    const open = { ...person, roles: [{ ...person.roles[0], to: undefined, asOf: '2025-03-01' }] };
    expect(auditEntity(open, '2026-11-30').join('\n')).toContain('has no end date but was last confirmed held on 2025-03-01');
    expect(auditEntity(open, '2025-06-01').join('\n')).not.toContain('has no end date');
  });

  it('fails, not notes, every title held today that was not checked within six months', () => {
    const open = { ...person, roles: [{ ...person.roles[1], to: undefined, checked: '2026-05-01' }] };
    expect(currentFailures([open], [], '2026-11-30')).toEqual([expect.stringContaining('kristi-noem: title "Special Envoy')]);
    expect(currentFailures([{ ...open, roles: [{ ...open.roles[0], checked: '2026-11-01' }] }], [], '2026-11-30')).toEqual([]);
    expect(currentFailures([{ ...open, roles: [{ ...open.roles[0], checked: undefined }] }], [], '2026-11-30')).toEqual([expect.stringContaining('carries no checked date')]);
    // A term that ended is history: no check needed.
    expect(currentFailures([person], [], '2026-11-30').filter((f) => f.includes('Secretary of Homeland Security'))).toEqual([]);
    const report = checkReport({ version: '9.9.9', updated: '2026-11-30' }, [open], '2026-11-30');
    expect(report).toContainEqual(expect.stringMatching(/^ {2}- FAIL kristi-noem/));
  });

  it('fails a status not checked within six months, or that says nothing of when it was last confirmed; lists one only last confirmed', () => {
    const claim = structuredClone(validated.claims.find((c) => c.id === 'court-block-status')!) as Claim;
    const last = claim.values[claim.values.length - 1];
    claim.unsure = [];
    claim.verified = '2026-11-30';
    delete last.asOf;
    expect(currentFailures([], [claim], '2026-11-30')).toEqual([expect.stringContaining('claim court-block-status: its current value "partly" (from 2026-01-06) says no asOf')]);
    last.asOf = '2026-03-13';
    expect(currentFailures([], [claim], '2026-11-30')).toEqual([]);
    expect(lastConfirmed([], [claim], '2026-11-30')).toEqual([expect.stringContaining('claim court-block-status: "partly" last confirmed 2026-03-13')]);
    claim.verified = '2026-01-01';
    expect(currentFailures([], [claim], '2026-11-30')).toEqual([expect.stringContaining('claim court-block-status: verified 2026-01-01')]);
  });

  it('lists every record oldest-verified first, with asOf, verified and the stale ones marked', () => {
    const a: Entity = { ...agency, id: 'a-new', verified: '2026-11-01', asOf: '2026-01-01' };
    const b: Entity = { ...agency, id: 'b-old', verified: '2025-01-15', asOf: '2024-12-01' };
    const c: Entity = { ...agency, id: 'c-mid', verified: '2026-11-01', asOf: '2025-06-01' };
    expect(byVerified([a, b, c]).map((e) => e.id)).toEqual(['b-old', 'c-mid', 'a-new']);
    const report = checkReport({ version: '9.9.9', updated: '2026-11-30' }, [a, b, c], '2026-11-30');
    const rows = report.filter((l) => /^ {2}\d{4}-\d\d/.test(l));
    expect(rows).toEqual([
      expect.stringMatching(/^ {2}2025-01-15 {2}2024-12-01 {2}agency {2}b-old {2}STALE$/),
      expect.stringMatching(/^ {2}2026-11-01 {2}2025-06-01 {2}agency {2}c-mid$/),
      expect.stringMatching(/^ {2}2026-11-01 {2}2026-01-01 {2}agency {2}a-new$/),
    ]);
    expect(report).toContain('1 record(s) verified more than 6 months ago.');
  });
});

describe('release 2.0.0 invariants', () => {
  const people = () => validated.entities.filter((e): e is Extract<Entity, { kind: 'person' }> => e.kind === 'person');

  it('every record has Spanish for every reader-facing text and a verified date no later than the release', () => {
    for (const e of validated.entities) {
      expect(missingSpanish(e), e.id).toEqual([]);
      expect(e.verified, e.id).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
      expect(e.verified <= validated.meta.updated, `${e.id} verified ${e.verified} after the release`).toBe(true);
      expect(e.asOf <= e.verified, `${e.id} describes ${e.asOf}, after it was verified`).toBe(true);
    }
  });

  it('refuses a record that loses its Spanish or its verified date', () => {
    const dir = copy();
    const file = join(dir, 'entities/people.json');
    const list = JSON.parse(readFileSync(file, 'utf8'));
    delete list[0].summary.es;
    delete list[1].roles[0].title.es;
    delete list[2].verified;
    writeFileSync(file, JSON.stringify(list));
    const problems = problemsOf(dir);
    expect(problems).toContainEqual(`entities/people.json: record '${list[0].id}': field summary.es: missing the Spanish text`);
    expect(problems).toContainEqual(`entities/people.json: record '${list[1].id}': field roles[0].title.es: missing the Spanish text`);
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^entities/people\\.json: record '${list[2].id}': field verified: `)));
  });

  it('has no terms that cannot all be true: one holder per one-holder title at a time, no seat in Congress beside another office', () => {
    expect(roleConflicts(validated.entities)).toEqual([]);
  });

  it('would catch a predecessor left without an end date, or a senator who never left the Senate', () => {
    const mutate = (id: string, change: (p: Extract<Entity, { kind: 'person' }>) => void) => {
      const all = structuredClone(validated.entities);
      change(all.find((e) => e.id === id) as Extract<Entity, { kind: 'person' }>);
      return roleConflicts(all);
    };
    expect(mutate('kristi-noem', (p) => delete p.roles[0].to)).toEqual([expect.stringContaining('kristi-noem and markwayne-mullin hold it at the same time')]);
    expect(mutate('markwayne-mullin', (p) => delete p.roles[0].to)).toEqual([expect.stringContaining('markwayne-mullin: "U.S. Senator')]);
    expect(mutate('kristi-noem', (p) => (p.roles[0].from = '2026-04-01'))).toEqual([expect.stringContaining('ends (2026-03) before it starts (2026-04-01)')]);
  });

  it('does not call several holders of a shared title a conflict, nor a handover within one month', () => {
    const senators = people().filter((p) => p.roles.some((r) => r.title.en === 'U.S. Senator (D-Calif.)'));
    expect(senators.length).toBeGreaterThanOrEqual(2);
    const noem = people().find((p) => p.id === 'kristi-noem')!;
    const mullin = people().find((p) => p.id === 'markwayne-mullin')!;
    expect(noem.roles[0].to).toBe('2026-03');
    expect(mullin.roles.find((r) => r.title.en === 'Secretary of Homeland Security')?.from).toBe('2026-03');
    expect(roleConflicts([noem, mullin, ...senators])).toEqual([]);
  });

  it('never lets a bare homepage stand for a statement', () => {
    const all = validated.entities.flatMap((e) => [
      ...e.sources,
      ...('roles' in e ? e.roles.flatMap((r) => r.sources) : []),
      ...('timeline' in e && e.timeline ? e.timeline.flatMap((t) => t.sources) : []),
      ...(e.disagreements ?? []).flatMap((d) => d.sources),
    ]);
    for (const s of all) {
      if (!s.url) continue;
      const u = new URL(s.url);
      expect(u.pathname.replace(/\/+$/, '') !== '' || u.search !== '', s.url).toBe(true);
    }
  });
});

describe('the extension’s version', () => {
  it('follows the dataset’s: a data release bumps both (and the manifest, which WXT takes from package.json)', () => {
    const pkg = JSON.parse(readFileSync(join(DATA_DIR, '../package.json'), 'utf8')) as { version: string };
    expect(pkg.version).toBe(validated.meta.version);
  });

  it('has a changelog entry for the release', () => {
    const changelog = readFileSync(join(DATA_DIR, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toContain(`## ${validated.meta.version} — ${validated.meta.updated}`);
  });

  it('presents no title or status as current that was not checked within six months of the release', () => {
    expect(currentFailures(validated.entities, validated.claims, validated.meta.updated)).toEqual([]);
  });
});

describe('locales', () => {
  it('uses only message names browsers accept', () => {
    for (const key of loadMessages('en').keys()) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
  });
});

describe('translations', () => {
  it('Spanish has exactly the English messages, with the same placeholders', () => {
    const en = loadMessages('en');
    const es = loadMessages('es');
    expect([...es.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, text] of en) expect((es.get(key)!.match(/\$\d/g) ?? []).sort(), key).toEqual((text.match(/\$\d/g) ?? []).sort());
  });
});

describe('the engine’s cheap gate', () => {
  it('lets through every enforcement and DHS form the dataset knows', async () => {
    const { ENFORCEMENT_GATE } = await import('../../engine/gate');
    const forms = [
      ...validated.lexicon.enforcement,
      ...validated.lexicon.homeland,
      ...validated.entities.filter((e) => e.id === 'ice' || e.id === 'dhs').flatMap((e) => [e.name, ...e.aliases.map((a) => (typeof a === 'string' ? a : a.text))]),
    ];
    expect(forms.filter((f) => !ENFORCEMENT_GATE.test(f))).toEqual([]);
  });
});

describe('a source without an address', () => {
  const report = { title: 'ICE acting director Todd Lyons will resign at end of May, DHS says', publisher: 'The Associated Press', kind: 'news' as const, date: '2026-04-16' };
  const why = 'the original’s address could not be verified; headline, outlet and date read alike in three copies';

  it('is allowed only for an original news report cited by headline, with its day of publication and the reason', () => {
    expect(Source.safeParse({ ...report, unlinked: why }).success).toBe(true);
    expect(Source.safeParse({ ...report, date: '2026-04', unlinked: why }).success).toBe(false);
    expect(Source.safeParse({ ...report, kind: 'agency', unlinked: why }).success).toBe(false);
    expect(Source.safeParse(report).success).toBe(false);
  });

  it('has either an address or the reason it has none, never both', () => {
    expect(Source.safeParse({ ...report, url: 'https://apnews.com/article/x' }).success).toBe(true);
    expect(Source.safeParse({ ...report, url: 'https://apnews.com/article/x', unlinked: why }).success).toBe(false);
  });

  it('ends Todd Lyons’s acting directorship on May 31, 2026, on AP’s report cited by headline', () => {
    const lyons = validated.entities.find((e): e is Extract<Entity, { kind: 'person' }> => e.id === 'todd-lyons' && e.kind === 'person')!;
    const role = lyons.roles.find((r) => r.title.en === 'Acting Director')!;
    expect(role.to).toBe('2026-05-31');
    expect(role.sources).toContainEqual(expect.objectContaining({ ...report, unlinked: expect.stringContaining('could not be verified') }));
    expect(role.sources.every((s) => s.url !== undefined || s.unlinked !== undefined)).toBe(true);
  });
});
