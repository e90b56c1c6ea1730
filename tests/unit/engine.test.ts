import { describe, expect, it } from 'vitest';
import { firstNotBefore, forwardCursor } from '../../engine/collections';
import { BLOCK_SEPARATOR, createEngine, parsePlainText, plainPageText, type PageText } from '../../engine';
import { ENTITIES, LEXICON, STORY } from '../support/fixtures';

const engine = createEngine(ENTITIES, LEXICON);
const page = (...blocks: string[]): PageText => ({ text: blocks.join(BLOCK_SEPARATOR), peripheral: [] });
/** Annotate a story-like page with extra paragraphs, and return the mentions as "id:text". */
const mentionsIn = (...extra: string[]) =>
  engine.annotate(page(...STORY, ...extra)).mentions.map((m) => `${m.id}:${m.text}`);

describe('detect', () => {
  it('recognises coverage and explains why', () => {
    const { detection } = engine.annotate(page(...STORY));
    expect(detection.detected).toBe(true);
    expect(detection.score).toBeGreaterThanOrEqual(0.6);
    const codes = detection.reasons.map((r) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['medicaid', 'enforcement', 'data-sharing', 'linked-paragraphs']));
  });

  it('does not recognise a page that never mentions Medicaid, and annotates nothing there', () => {
    const r = engine.annotate(page('ICE storm closes roads', 'The Department of Homeland Security and ICE issued guidance. Robert F. Kennedy Jr. spoke in California.'));
    expect(r.detection).toEqual({ detected: false, score: 0, reasons: [] });
    expect(r.mentions).toEqual([]);
  });

  it('does not recognise a Medicaid story with no enforcement angle', () => {
    const r = engine.annotate(page('Medicaid work requirements', 'States must verify Medicaid enrollees work 80 hours a month.', 'California and Illinois data show enrollees losing coverage.'));
    expect(r.detection.detected).toBe(false);
    expect(r.mentions).toEqual([]);
  });

  it('ignores peripheral text (navigation, rails) when scoring', () => {
    const rail = 'Related: Medicaid data handed to ICE for deportation. Medicaid enrollees personal data shared with Homeland Security.';
    const text = ['Local council approves new bus routes', 'The council voted on Tuesday.', rail].join(BLOCK_SEPARATOR);
    const start = text.indexOf(rail);
    expect(engine.annotate({ text, peripheral: [] }).detection.detected).toBe(true);
    expect(engine.annotate({ text, peripheral: [start, start + rail.length] }).detection.detected).toBe(false);
  });

  it('uses the title as a signal', () => {
    const body = page('Officials said Medicaid data was shared with ICE.', 'Medicaid enrollees worry about deportation.');
    const withTitle = engine.annotate(body, 'Medicaid data handed to ICE');
    const without = engine.annotate(body);
    expect(withTitle.detection.score).toBeGreaterThan(without.detection.score);
    expect(withTitle.detection.reasons.map((r) => r.code)).toContain('title');
  });
});

describe('match and rules', () => {
  it('matches acronyms only in capitals', () => {
    const m = mentionsIn('An ice storm and Ice cream; then ICE agents arrived. A Cms plugin is not CMS.');
    expect(m.filter((x) => x.startsWith('ice:'))).toEqual(['ice:ICE', 'ice:ICE']);
    expect(m.filter((x) => x.startsWith('cms:'))).toEqual(['cms:Centers for Medicare & Medicaid Services', 'cms:CMS']);
  });

  it('reads a dateline Washington as the capital and a listed Washington as the state', () => {
    const m = mentionsIn();
    expect(m.filter((x) => x.startsWith('washington:'))).toEqual(['washington:Washington']);
    expect(m).toContain('dc:Washington, D.C.');
    expect(m.join()).not.toContain('washington:WASHINGTON');
  });

  it('does not read a bare Washington outside a list as the state', () => {
    expect(mentionsIn('Lawmakers in Washington debated the budget for weeks.').filter((x) => x.startsWith('washington:'))).toEqual(['washington:Washington']);
  });

  it('matches surnames only after a full mention of the same person', () => {
    const before = engine.annotate(page('Kennedy spoke first.', ...STORY)).mentions.map((m) => `${m.id}:${m.text}`);
    expect(before.filter((x) => x.startsWith('rfk:'))).toEqual(['rfk:Robert F. Kennedy Jr.', 'rfk:Kennedy']);
    expect(before[0]).not.toBe('rfk:Kennedy');
  });

  it('prefers the longest form and still finds a shorter one when a longer one is rejected', () => {
    // "the District" is only an alias after a full mention; here it comes first, so "District of Columbia" wins.
    const m = engine.annotate(page(...STORY.slice(0, 2), 'Enrollees in the District of Columbia were included, and the district did not comment.'));
    const dc = m.mentions.filter((x) => x.id === 'dc').map((x) => x.text);
    expect(dc).toEqual(['District of Columbia', 'the district']);
  });

  it('tolerates curly apostrophes, possessives, non-breaking spaces, line breaks, diacritics and soft hyphens', () => {
    const m = mentionsIn(
      'Gavin\u00A0Newsom’s office replied.',
      'The Privacy\nAct of 1974 applies.',
      'El Departamento de Seguridad Nacíonal y la Ley de Privacidad de 1974.',
      'Cali\u00ADfornia officials agreed.',
    );
    expect(m).toContain('newsom:Gavin\u00A0Newsom');
    expect(m).toContain('privacy-act:Privacy\nAct of 1974');
    expect(m).toContain('dhs:Departamento de Seguridad Nacíonal');
    expect(m).toContain('privacy-act:Ley de Privacidad de 1974');
    expect(m).toContain('california:Cali\u00ADfornia');
  });

  it('never matches a name across a paragraph break', () => {
    const ids = (...extra: string[]) => engine.annotate(page(...STORY.slice(0, 3), ...extra)).mentions.map((m) => m.id);
    expect(ids('He met Robert F. Kennedy Jr. later.')).toContain('rfk');
    expect(ids('He met Robert F.', 'Kennedy Jr. later.')).not.toContain('rfk');
  });

  it('matches the garbled forms the dataset lists', () => {
    expect(mentionsIn('A copy called him Gavin Newo.')).toContain('newsom:Gavin Newo');
  });

  it('never matches inside a longer word', () => {
    expect(mentionsIn('The CMSX vendor and NICE agency and Californian wines.').filter((x) => /CMSX|NICE|Californian/.test(x))).toEqual([]);
  });

  it('returns offsets that point at the matched text', () => {
    const p = page(...STORY);
    for (const m of engine.annotate(p).mentions) expect(p.text.slice(m.start, m.end)).toBe(m.text);
  });
});

describe('plain text articles', () => {
  it('reads a title line and blank-line paragraphs', () => {
    const a = parsePlainText('\uFEFFTitle here\r\n\r\nFirst para\ncontinues.\n\n\nSecond para.\n');
    expect(a).toEqual({ title: 'Title here', paragraphs: ['First para\ncontinues.', 'Second para.'] });
    expect(plainPageText(a).text.split(BLOCK_SEPARATOR)).toHaveLength(3);
  });
});

describe('probable matches (misspelt multi-word names)', () => {
  it('finds a misspelt full name as a probable mention, and the surname after it', () => {
    const r = engine.annotate(page(...STORY.slice(0, 3), 'Later, Gavin Newsome repeated his objection. Newsom said he would sue.'));
    const probable = r.mentions.filter((m) => m.confidence === 'probable');
    expect(probable.map((m) => `${m.id}:${m.text}`)).toEqual(['newsom:Gavin Newsome']);
  });

  it('accepts only small distances anchored on an exact word', () => {
    const texts = mentionsIn('Gavin Smith and Gabin Newsam spoke, as did Robert F. Kennedy Sr. and Robbert F. Kenedy Jr.');
    expect(texts).not.toContain('newsom:Gavin Smith');
    expect(texts).not.toContain('newsom:Gabin Newsam');
    expect(texts.filter((t) => t.startsWith('rfk:Robert F. Kennedy Sr'))).toEqual([]);
    expect(texts).toContain('rfk:Robbert F. Kenedy Jr');
  });

  it('never runs on a page that is not coverage', () => {
    const r = engine.annotate(page('Gavin Newsome visits a winery', 'The governor toured vineyards.'));
    expect(r.mentions).toEqual([]);
  });
});

describe('editDistance', () => {
  it('counts edits, transpositions as one, and stops early past the bound', async () => {
    const { editDistance } = await import('../../engine/fuzzy');
    expect(editDistance('newsom', 'newsom', 1)).toBe(0);
    expect(editDistance('newsome', 'newsom', 1)).toBe(1);
    expect(editDistance('nwesom', 'newsom', 1)).toBe(1);
    expect(editDistance('kennedy', 'smith', 2)).toBe(3);
  });
});

describe('DHS in its eligibility-checking role', () => {
  const matching = [
    'CMS renews matching program with Homeland Security',
    'The Centers for Medicare & Medicaid Services will share Medicaid applicant data with the Department of Homeland Security.',
    'DHS, through USCIS and its SAVE program, checks the data and returns a result. Medicaid enrollees data is shared for eligibility.',
  ];

  it('is not this story when DHS only verifies eligibility', () => {
    expect(engine.annotate(page(...matching)).detection.detected).toBe(false);
  });

  it('is this story again once immigration enforcement enters', () => {
    expect(engine.annotate(page(...matching, 'ICE will also use the Medicaid data for deportation cases.')).detection.detected).toBe(true);
  });
});

describe('a matcher prepared at build time', () => {
  it('finds exactly what a matcher built on the page finds, after a trip through JSON', async () => {
    const { prepareEngine } = await import('../../engine');
    const spec = JSON.parse(JSON.stringify(prepareEngine(ENTITIES, LEXICON)));
    const shipped = createEngine(ENTITIES, LEXICON, spec);
    const p = page(...STORY, 'Gavin Newsome and the district; ICE, not ice. Washington, D.C. and Washington state.');
    expect(shipped.annotate(p)).toEqual(engine.annotate(p));
    expect(spec.variants.length).toBeGreaterThan(ENTITIES.length);
  });
});

describe('forwardCursor', () => {
  it('answers as the binary search does, for ascending questions and after one that goes back', () => {
    const starts = [0, 3, 3, 8, 20, 21, 40];
    const search = (at: number) => firstNotBefore(starts.length, (i) => starts[i] <= at);
    const cursor = forwardCursor(starts.length, (i, at) => starts[i] <= at);
    const asked = [0, 1, 3, 3, 7, 8, 19, 20, 39, 40, 99, 5, 6, 21, 0, 100];
    expect(asked.map(cursor)).toEqual(asked.map(search));
  });
});
