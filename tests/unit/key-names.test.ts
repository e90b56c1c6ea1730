/**
 * Presentation mode's "key names" (engine/key-names.ts): which names a class steps through by default, derived
 * from what the article does with them (who it quotes, how often it names them) and what the dataset says of
 * them (a state's part in the story), on the sample articles as the engine reads them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHtml } from '../../cli/html';
import { dataset, entityById } from '../../data';
import { createEngine } from '../../engine';
import { isQuoted, KEY_NAMES_MAX, keyNames, type NameUse } from '../../engine/key-names';

const engine = createEngine(dataset.entities, dataset.lexicon);
const ROOT = join(import.meta.dirname, '../..');

/** The names of an article, as the presentation sees them: in the order it first names them, counted, quoted or not. */
function usesOf(file: string): NameUse[] {
  const read = readHtml(readFileSync(join(ROOT, file), 'utf8'));
  const { text } = read.page;
  const uses = new Map<string, NameUse>();
  for (const m of engine.annotate(read.page, read.title).mentions) {
    const use = uses.get(m.id) ?? { id: m.id, kind: m.kind, count: 0, quoted: false, record: entityById.get(m.id) };
    use.count++;
    use.quoted ||= m.kind === 'person' && isQuoted(text, m.start, m.end);
    uses.set(m.id, use);
  }
  return [...uses.values()];
}

describe('key names on the sample article', () => {
  const uses = usesOf('sample/article.html');
  const key = keyNames(uses);
  const kinds = (kind: string) => uses.filter((u) => u.kind === kind && key.has(u.id)).map((u) => u.id);

  it('keeps at most twelve of its 27 names', () => {
    expect(uses.length).toBe(27);
    expect(key.size).toBe(KEY_NAMES_MAX);
  });

  it('keeps people only if the article quotes them: the most quoted first', () => {
    expect(uses.filter((u) => u.quoted).map((u) => u.id)).toEqual(['andrew-nixon', 'tricia-mclaughlin', 'jeffrey-grant', 'gavin-newsom', 'laura-friedman']);
    expect(kinds('person')).toEqual(['andrew-nixon', 'gavin-newsom']);
    for (const id of ['donald-trump', 'kristi-noem', 'robert-f-kennedy-jr', 'vince-chhabria', 'kim-brandt']) expect(key.has(id), id).toBe(false);
  });

  it('keeps the laws, the agencies it names more than once, and the states at the story’s core', () => {
    expect(kinds('law')).toEqual(['privacy-act-1974', 'ssa-medicaid-confidentiality', 'eo-14218']);
    expect(kinds('agency')).toEqual(['cms', 'dhs', 'hhs', 'ice']);
    expect(key.has('irs')).toBe(false);
    expect(kinds('state')).toEqual(['california', 'illinois', 'district-of-columbia']);
    for (const id of ['colorado', 'minnesota', 'new-york', 'oregon']) expect(key.has(id), id).toBe(false);
    expect(kinds('event')).toEqual([]);
  });
});

describe('key names on the Spanish sample', () => {
  it('keeps all of an article that names twelve or fewer', () => {
    const uses = usesOf('sample/articulo.html');
    expect(uses.length).toBeLessThanOrEqual(KEY_NAMES_MAX);
    expect(keyNames(uses).size).toBe(uses.length);
  });
});

describe('keyNames', () => {
  const use = (id: string, kind: NameUse['kind'], count: number, quoted = false): NameUse => ({ id, kind, count, quoted });

  it('keeps every name of an article that names few', () => {
    const few = [use('a', 'person', 1), use('b', 'event', 1), use('c', 'agency', 1)];
    expect(keyNames(few)).toEqual(new Set(['a', 'b', 'c']));
  });

  it('decides by what the article does with a name, whatever the name: the most mentioned win, ties to the first named', () => {
    const many = Array.from({ length: 20 }, (_, i) => use(`agency-${i}`, 'agency', 2 + (i % 3)));
    const key = keyNames(many, 5);
    expect([...key]).toEqual(['agency-2', 'agency-5', 'agency-8', 'agency-11', 'agency-14']);
    // Named once: not central, and people who only appear are not quoted.
    const once = [...many, use('x', 'agency', 1), use('y', 'person', 9)];
    expect(keyNames(once).has('x')).toBe(false);
    expect(keyNames(once).has('y')).toBe(false);
  });

  it('keeps every name when none qualifies', () => {
    const people = Array.from({ length: 14 }, (_, i) => use(`p${i}`, 'person', 1));
    expect(keyNames(people).size).toBe(14);
  });
});

describe('isQuoted', () => {
  const quoted = (sentence: string, name: string) => isQuoted(sentence, sentence.indexOf(name), sentence.indexOf(name) + name.length);

  it('reads speech after the name, across an apposition, or just before it', () => {
    expect(quoted('Andrew Nixon, the HHS spokesman, said at the time that the sharing was lawful.', 'Andrew Nixon')).toBe(true);
    expect(quoted('Jeffrey Grant, a former CMS official who spent years in the agency’s career ranks, told reporters that it was unusual.', 'Jeffrey Grant')).toBe(true);
    expect(quoted('“It is lawful,” said HHS spokesman Andrew Nixon.', 'Andrew Nixon')).toBe(true);
    expect(quoted('The data stays private, according to Gov. Gavin Newsom.', 'Gavin Newsom')).toBe(true);
    expect(quoted('La gobernadora Kathy Hochul afirmó que el estado no compartirá datos.', 'Kathy Hochul')).toBe(true);
    expect(quoted('Según Rob Bonta, la demanda sigue.', 'Rob Bonta')).toBe(true);
  });

  it('is not fooled by a name that only appears, or by a verb in the next sentence', () => {
    expect(quoted('President Donald Trump signed Executive Order 14218 on February 19, 2025.', 'Donald Trump')).toBe(false);
    expect(quoted('The complaint names both departments and their secretaries, Kennedy and Homeland Security Secretary Kristi Noem, as defendants.', 'Kristi Noem')).toBe(false);
    expect(quoted('Their objections, laid out in a memo addressed to Kim Brandt, the CMS deputy administrator, cited the Privacy Act.', 'Kim Brandt')).toBe(false);
    expect(quoted('In August, Judge Vince Chhabria issued an injunction. The states said it was a win.', 'Vince Chhabria')).toBe(false);
    expect(quoted('Officials at the states named Kristi Noem.', 'Kristi Noem')).toBe(false);
  });
});
