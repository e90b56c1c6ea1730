/**
 * Exports of an annotated page (engine/export): the handout, W3C Web Annotation, CSV, ClaimReview and
 * citations, on the sample article as the CLI reads it and on hand-made hostile pages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../cli/export';
import { readHtml } from '../../cli/html';
import { translator } from '../../components/translate';
import type { Event, Lang } from '../../data/schema';
import { loadDataset, type ValidatedDataset } from '../../data/validate';
import { compileClaims, createEngine, parsePlainText, plainPageText, prepareClaims, type PageSnapshot } from '../../engine';
import {
  ANNO_CONTEXT, BEST_RATING, CSV_COLUMNS, WORST_RATING, citation, recordUrn, toClaimReview, toCsv, toHandoutHtml, toJsonLdText, toWebAnnotation,
  type ExportContext,
} from '../../engine/export';
import { partWords } from '../../engine/claim-part';
import { formatDate } from '../../engine/export/text';

const ROOT = join(import.meta.dirname, '../..');
const SAMPLE = readFileSync(join(ROOT, 'sample/article.html'), 'utf8');
const TODAY = '2026-11-30';
const GENERATED = '2026-11-30T15:04:05.000Z';
const messages = (lang: Lang) => JSON.parse(readFileSync(join(ROOT, `locales/${lang}.json`), 'utf8'));

let data: ValidatedDataset;
let engine: ReturnType<typeof createEngine>;
let finder: ReturnType<typeof compileClaims>;

beforeAll(() => {
  data = loadDataset();
  engine = createEngine(data.entities, data.lexicon);
  finder = compileClaims(prepareClaims(data.claims));
});

/** A page read and annotated the way the CLI does it, with the root whose textContent DOM offsets count from. */
function readPage(html: string, file = '/tmp/page.html', published?: string | null) {
  const read = readHtml(html);
  const result = engine.annotate(read.page, read.title);
  const date = published === undefined ? read.published : published;
  const claims = result.detection.detected
    ? finder.find(read.page.text, { published: date, today: TODAY, spans: result.story?.spans, peripheral: read.page.peripheral })
    : [];
  const snapshot = buildSnapshot({ file, read, result, published: date, claims, today: TODAY, version: data.meta.version });
  return { snapshot, domText: read.root.textContent ?? '' };
}

function contextFor(snapshot: PageSnapshot, lang: Lang = 'en'): ExportContext {
  return {
    snapshot,
    entities: new Map(data.entities.map((e) => [e.id, e])),
    claims: new Map(data.claims.map((c) => [c.id, c])),
    events: data.entities.filter((e): e is Event => e.kind === 'event'),
    lang,
    t: translator(messages(lang), messages('en')),
    generated: GENERATED,
  };
}

const HOSTILE_TITLE = `</title><script>alert(1)</script><img src=x onerror="alert(2)"> & "quotes" 'too'`;

/** A page whose title, URL and text carry markup, a script and a javascript: link. */
function hostileSnapshot(base: PageSnapshot): PageSnapshot {
  const text = `Officials at <img src=x onerror="alert(4)"> the Department of Homeland Security said "<script>alert(5)</script>" & more.`;
  const start = text.indexOf('Department of Homeland Security');
  const end = start + 'Department of Homeland Security'.length;
  return {
    ...base,
    url: 'javascript:alert(3)',
    title: HOSTILE_TITLE,
    text,
    mentions: [{ id: 'dhs', kind: 'agency', start, end, text: text.slice(start, end), dom: null }],
    claims: [],
  };
}

let sample: { snapshot: PageSnapshot; domText: string };
let ctx: ExportContext;
beforeAll(() => {
  sample = readPage(SAMPLE, join(ROOT, 'sample/article.html'));
  ctx = contextFor(sample.snapshot);
});

const judged = () => sample.snapshot.claims.filter((c) => c.check.verdict !== null);
const byVerdict = (v: string) => judged().find((c) => c.check.verdict === v)!;
/** The sample's claim about the DHS secretary: outdated since March 31, 2026. */
const noemClaim = () => judged().find((c) => c.check.id === 'dhs-secretary')!;

describe('the sample snapshot (as the CLI builds it)', () => {
  it('has mentions located in the DOM and claims of every verdict', () => {
    expect(sample.snapshot.published).toBe('2026-01-09');
    expect(sample.snapshot.mentions.length).toBeGreaterThan(40);
    expect(sample.snapshot.mentions.every((m) => m.dom !== null)).toBe(true);
    expect(new Set(judged().map((c) => c.check.verdict))).toEqual(new Set(['agrees', 'outdated', 'differs']));
  });

  it('locates each span in document.body.textContent, with the words around it', () => {
    for (const m of [...sample.snapshot.mentions, ...sample.snapshot.claims]) {
      const dom = m.dom!;
      expect(sample.domText.slice(dom.start, dom.end)).toBe(dom.exact ?? m.text);
      expect(sample.domText.slice(dom.start - dom.prefix.length, dom.start)).toBe(dom.prefix);
      expect(sample.domText.slice(dom.end, dom.end + dom.suffix.length)).toBe(dom.suffix);
    }
  });
});

describe('which part of a claim was compared (engine/claim-part.ts)', () => {
  const t = translator(messages('en'));
  const es = translator(messages('es'), messages('en'));
  const checkOf = (id: string) => judged().find((c) => c.check.id === id)!.check;

  it('names the part and gives its value with what the clause leaves implicit: the year of a month, the number of a count', () => {
    expect(partWords(checkOf('cms-ice-agreement-date'), 'en', t)).toBe('the month: July 2025');
    expect(partWords(checkOf('eo-14218-date'), 'en', t)).toBe('the day: February 19, 2025');
    expect(partWords(checkOf('june-transfer-jurisdictions'), 'en', t)).toBe('the count: 4');
    expect(partWords(checkOf('dhs-secretary'), 'en', t)).toBe('who held the title: Kristi Noem');
    expect(partWords(checkOf('illinois-hbia-status'), 'en', t)).toMatch(/^the status: .*still covers immigrant adults/);
    expect(partWords(checkOf('cms-ice-agreement-date'), 'es', es)).toBe('el mes: julio de 2025');
    expect(partWords(checkOf('june-transfer-jurisdictions'), 'es', es)).toBe('la cifra: 4');
    expect(partWords({ asserted: '~79000000', part: { kind: 'count', text: 'some 79 million' } }, 'en', t)).toBe('the count: about 79,000,000');
    expect(partWords({ asserted: '>20', part: { kind: 'count', text: 'more than 20' } }, 'es', es)).toBe('la cifra: más de 20');
    expect(partWords({ asserted: '2025-07' }, 'en', t)).toBeNull();
  });

  it('never shows a bare month as what was checked: the claim is the clause, and every month carries its year', () => {
    for (const { check } of judged()) {
      expect(check.part, check.id).toBeDefined();
      // The statement is the clause around the part, never the part alone.
      expect(check.text.length, check.id).toBeGreaterThan(check.part!.text.length);
      expect(check.text, check.id).toContain(check.part!.text);
      if (check.part!.kind === 'month' || check.part!.kind === 'day') expect(partWords(check, 'en', t), check.id).toMatch(/\b20\d\d$/);
    }
  });

  it('is in every export where a verdict appears: citations and the handout, with the last confirmation when there is one', () => {
    const index = sample.snapshot.claims.findIndex((c) => c.check.id === 'dhs-secretary');
    expect(citation(ctx, { claim: index }, 'text')).toContain('— Outdated (who held the title: Kristi Noem): Right when the article was published');
    expect(citation(ctx, { claim: index }, 'markdown')).toContain('— **Outdated** (who held the title: Kristi Noem): ');
    const doc = parseHTML(toHandoutHtml(ctx)).document as unknown as Document;
    const items = [...doc.querySelectorAll('li.claim')];
    expect(items.map((li) => li.querySelector('.part')?.textContent)).toEqual(judged().map((c) => `Checked ${partWords(c.check, 'en', t)}`));
    const confirmed = judged().findIndex((c) => c.check.lastConfirmed);
    expect(confirmed).toBeGreaterThanOrEqual(0);
    const on = formatDate(judged()[confirmed].check.lastConfirmed!, 'en');
    expect(items[confirmed].textContent).toContain(`A source last confirmed this value on ${on}.`);
    const claimIndex = sample.snapshot.claims.indexOf(judged()[confirmed]);
    expect(citation(ctx, { claim: claimIndex }, 'text')).toContain(`A source last confirmed this value on ${judged()[confirmed].check.lastConfirmed}.`);
  });
});

describe('toHandoutHtml', () => {
  let html: string;
  let doc: Document;
  beforeAll(() => {
    html = toHandoutHtml(ctx);
    doc = parseHTML(html).document as unknown as Document;
  });

  it('refers to nothing outside itself: no stylesheet, script, image, frame, font or import', () => {
    expect(doc.querySelectorAll('link, script, img, picture, source, iframe, frame, object, embed, video, audio, track, svg, base, form, input').length).toBe(0);
    for (const el of doc.querySelectorAll('*')) {
      for (const attr of ['src', 'srcset', 'poster', 'data', 'background', 'action', 'formaction', 'style', 'xlink:href'])
        expect(el.hasAttribute(attr), `${el.tagName} ${attr}`).toBe(false);
      if (el.hasAttribute('href')) {
        expect(el.tagName).toBe('A');
        expect(el.getAttribute('href')).toMatch(/^https:\/\//);
      }
    }
    const css = [...doc.querySelectorAll('style')].map((s) => s.textContent).join('\n');
    expect(css).not.toMatch(/@import|url\s*\(|@font-face/i);
    expect(html).not.toMatch(/<meta[^>]+http-equiv/i);
  });

  it('is a page of its own: language, title, headings in order', () => {
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
    expect(doc.querySelector('title')?.textContent).toContain('Medicaid records, immigration agents and a court fight');
    const levels = [...doc.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1]));
    expect(levels[0]).toBe(1);
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i] - levels[i - 1]).toBeLessThanOrEqual(1);
    expect(doc.querySelector('main')).not.toBeNull();
  });

  it('prints on A4 and Letter in two columns, a note free to run on to the next page (its quotation kept whole)', () => {
    const css = doc.querySelector('style')!.textContent!;
    expect(css).toMatch(/@page\s*{\s*size:\s*auto;\s*margin:/);
    const print = css.slice(css.indexOf('@media print'));
    expect(print).toMatch(/ol\.notes, ol\.claims\s*{[^}]*columns: 2/);
    // Nothing keeps a whole note or claim on one page (a third of a page went blank that way), only its quotation.
    for (const rule of print.match(/[^{}]+{[^}]*break-inside: avoid[^}]*}/g) ?? []) expect(rule, rule).not.toMatch(/\.note\b|\.claim\b/);
    expect(print).toMatch(/blockquote\s*{[^}]*break-inside: avoid/);
    expect(print).toMatch(/h2, h3\s*{[^}]*break-after: avoid/);
  });

  it('heads with the article: title, address, publication date, dataset version and the day it was made', () => {
    const header = doc.querySelector('header')!.textContent!;
    expect(header).toContain(sample.snapshot.title);
    expect(header).toContain(sample.snapshot.url);
    expect(header).toContain('Published Jan 9, 2026');
    expect(header).toContain(`dataset v${data.meta.version}`);
    expect(header).toContain('Made on Nov 30, 2026');
  });

  it('names the article’s address with the browser’s own i18n, which drops a substitution holding a control character', () => {
    // chrome.i18n.getMessage('export_article', ['\u0000']) gives "Article: " (seen in Chromium 156): the side panel's
    // handout had an empty "Article:" line.
    const base = translator(messages('en'));
    const browserLike: ExportContext['t'] = (key, subs) => base(key, subs?.map((s) => (/[\u0000-\u001f]/.test(String(s)) ? '' : s)));
    const url = 'https://apnews.com/article/medicaid-data-ice-2026';
    const out = parseHTML(toHandoutHtml({ ...contextFor({ ...sample.snapshot, url }), t: browserLike })).document;
    const line = out.querySelector('header p.article')!;
    expect(line.textContent).toBe(`Article: ${url}`);
    expect(line.querySelector('a')!.getAttribute('href')).toBe(url);
    expect(out.querySelector('h1')!.textContent).toBe(sample.snapshot.title);
    // No title: the address stands in for it.
    const untitled = parseHTML(toHandoutHtml({ ...contextFor({ ...sample.snapshot, url, title: '  ' }), t: browserLike })).document;
    expect(untitled.querySelector('h1')!.textContent).toBe(url);
  });

  it('puts the claims checked first, then the notes, then the timeline', () => {
    const sections = [...doc.querySelectorAll('main > section')].map((s) => s.getAttribute('aria-labelledby'));
    expect(sections).toEqual(['claims-heading', 'notes-heading', 'timeline-heading']);
  });

  it('says "date unknown" when the page gives no date, and marks no publication in the timeline', () => {
    const undated = toHandoutHtml(contextFor(readPage(SAMPLE, '/tmp/a.html', null).snapshot));
    expect(undated).toContain('Publication date unknown');
    expect(undated).not.toContain('class="published"');
  });

  it('has one note per entity, in order of first mention, quoting the passage around it with its number', () => {
    const ids: string[] = [];
    for (const m of [...sample.snapshot.mentions].sort((a, b) => a.start - b.start)) if (!ids.includes(m.id)) ids.push(m.id);
    const notes = [...doc.querySelectorAll('li.note')];
    expect(notes).toHaveLength(ids.length);
    notes.forEach((note, i) => {
      const e = ctx.entities.get(ids[i])!;
      const first = sample.snapshot.mentions.filter((m) => m.id === e.id).sort((a, b) => a.start - b.start)[0];
      const count = sample.snapshot.mentions.filter((m) => m.id === e.id).length;
      expect(note.id).toBe(`note-${i + 1}`);
      expect(note.querySelector('h3')!.textContent).toContain(e.name);
      expect(note.querySelector('h3 .num')!.textContent).toBe(String(i + 1));
      const quote = note.querySelector('blockquote')!;
      expect(quote.querySelector('mark')!.textContent).toBe(first.text);
      expect(quote.querySelector('sup.ref')!.textContent).toBe(String(i + 1));
      // A window, not the article: the sentence, or 120 characters either side.
      expect(quote.textContent!.length).toBeLessThanOrEqual(first.text.length + 2 * 120 + 8);
      expect(note.querySelector('h3')!.textContent).toContain(count === 1 ? 'mentioned once' : `mentioned ${count} times`);
      expect(note.textContent).toContain(e.summary.en);
      expect(note.textContent).toContain(`Dataset record “${e.id}”`);
      expect(note.querySelector('a')!.getAttribute('href')).toBe(e.sources[0].url);
    });
  });

  it('gives people their title at the article’s date and now', () => {
    const kimBrandt = [...doc.querySelectorAll('li.note')].find((n) => n.querySelector('h3')!.textContent!.includes('Kim Brandt'))!;
    expect(kimBrandt.querySelector('.keyfact')!.textContent).toMatch(/when the article was written|last confirmed|until|since/);
  });

  it('lists the claims with their verdicts in words, what changed and when, and the sources', () => {
    const items = [...doc.querySelectorAll('li.claim')];
    expect(items).toHaveLength(judged().length);
    const o = noemClaim();
    const outdated = items.find((li) => li.getAttribute('class')!.includes('verdict-outdated') && li.textContent!.includes(o.text))!;
    expect(outdated.querySelector('.badge')!.textContent).toBe('Outdated');
    expect(outdated.querySelector('h3')!.textContent).toContain(ctx.claims.get('dhs-secretary')!.about.en);
    expect(outdated.querySelector('blockquote mark')!.textContent).toBe(o.text);
    expect(outdated.textContent).toContain('Right when the article was published (Jan 9, 2026); changed on Mar 31, 2026.');
    expect(outdated.textContent).toContain('The dataset says: President Trump announced on March 5, 2026 that Sen. Markwayne Mullin would become Secretary of Homeland Security');
    const differs = items.find((li) => li.getAttribute('class')!.includes('verdict-differs'))!;
    expect(differs.querySelector('.badge')!.textContent).toBe('Differs');
    expect(differs.textContent).toContain('Not what the sources said when the article was published (Jan 9, 2026).');
    expect(differs.querySelectorAll('p.sources a').length).toBeGreaterThan(0);
    const agrees = items.filter((li) => li.getAttribute('class')!.includes('verdict-agrees'));
    expect(agrees.length).toBeGreaterThan(0);
    for (const li of agrees) expect(li.querySelector('.badge')!.textContent).toBe('Agrees');
  });

  it('draws the story’s timeline with the publication date marked where it falls, and each event’s source', () => {
    const items = [...doc.querySelectorAll('ol.timeline > li')];
    const marker = items.findIndex((li) => li.getAttribute('class') === 'published');
    expect(items[marker].getAttribute('data-published')).toBe('2026-01-09');
    expect(items[marker].textContent).toContain('This article was published');
    const dates = items.map((li) => li.querySelector('time')!.getAttribute('datetime')!);
    expect(dates.slice(0, marker).every((d) => d <= '2026-01-09')).toBe(true);
    expect(dates.slice(marker + 1).every((d) => d > '2026-01-09')).toBe(true);
    const events = items.filter((li) => li.hasAttribute('data-event'));
    expect(events.map((li) => li.getAttribute('data-event'))).toEqual(expect.arrayContaining(['june-2025-transfer', 'irs-ice-address-rulings-2026']));
    for (const li of events) expect(li.querySelector('a')!.getAttribute('href')).toMatch(/^https:\/\//);
    const after = events.filter((li) => li.textContent!.includes('After this article')).map((li) => li.getAttribute('data-event'));
    expect(after).toContain('irs-ice-address-rulings-2026');
    expect(after).not.toContain('june-2025-transfer');
  });

  it('escapes a hostile title, URL and page text', () => {
    const out = toHandoutHtml(contextFor(hostileSnapshot(sample.snapshot)));
    const hostile = parseHTML(out).document;
    expect(hostile.querySelectorAll('script, img').length).toBe(0);
    expect(hostile.querySelector('h1')!.textContent).toBe(HOSTILE_TITLE);
    expect(hostile.querySelector('title')!.textContent).toContain(HOSTILE_TITLE);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).not.toContain('href="javascript:');
    expect(hostile.querySelector('header')!.textContent).toContain('javascript:alert(3)');
    const quote = hostile.querySelector('li.note blockquote')!;
    expect(quote.textContent).toBe(`Officials at <img src=x onerror="alert(4)"> the Department of Homeland Security1 said "<script>alert(5)</script>" & more.`);
    expect(quote.querySelector('mark')!.textContent).toBe('Department of Homeland Security');
  });

  it('speaks Spanish: UI words, dataset texts and dates', () => {
    const es = toHandoutHtml(contextFor(sample.snapshot, 'es'));
    const d = parseHTML(es).document;
    expect(d.documentElement.getAttribute('lang')).toBe('es');
    expect(d.querySelector('#notes-heading')!.textContent).toBe('Notas');
    expect(es).toContain('Publicado el 9 ene 2026');
    expect(es).toContain(ctx.entities.get('cms')!.summary.es!);
    expect(d.querySelector('li.verdict-outdated .badge')!.textContent).toBe('Desactualizado');
    // The quotes stay in the article's language.
    expect(d.querySelector('blockquote')!.getAttribute('lang')).toBe('en');
  });

  it('says so when the page names nothing and checks nothing', () => {
    const empty = toHandoutHtml(contextFor({ ...sample.snapshot, mentions: [], claims: [] }));
    expect(empty).toContain('The article names none of the people');
    expect(empty).toContain('No statement in the article could be checked');
  });
});

/** The motivations (and so purposes) the Web Annotation vocabulary defines. */
const MOTIVATIONS = ['assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting', 'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging'];
const IRI = /^(urn:[a-z0-9][a-z0-9-]*:\S+|https?:\/\/\S+|file:\/\/\S+)$/i;

type Anno = {
  '@context': string; id: string; type: string; motivation: string; created: string;
  generator: { id: string; type: string; name: string };
  body: { type: string; purpose: string; value?: string; format?: string; language?: string; source?: string | { id: string; type: string } }[];
  target: { type: string; source: string; selector: { type: string; exact?: string; prefix?: string; suffix?: string; start?: number; end?: number }[] };
};
type Collection = { '@context': string; id: string; type: string; label: string; total: number; first?: { id: string; type: string; startIndex: number; items: Anno[] } };

/** Annotation-level requirements of the Web Annotation Data Model (§3.1–3.3, 4.2.4, 4.2.5). */
function expectValidAnnotation(a: Anno, url: string) {
  expect(a['@context']).toBe(ANNO_CONTEXT);
  expect(a.id).toMatch(IRI);
  expect(a.type).toBe('Annotation');
  expect(MOTIVATIONS).toContain(a.motivation);
  expect(a.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  expect(a.generator).toMatchObject({ id: expect.stringMatching(IRI), type: 'Software', name: expect.any(String) });
  expect(a).not.toHaveProperty('bodyValue');
  expect(a.body.length).toBeGreaterThan(0);
  for (const b of a.body) {
    expect(MOTIVATIONS).toContain(b.purpose);
    if (b.type === 'TextualBody') {
      expect(typeof b.value).toBe('string');
      expect(b.value!.length).toBeGreaterThan(0);
      expect(b.format).toBe('text/plain');
    } else {
      expect(b.type).toBe('SpecificResource');
      const source = typeof b.source === 'string' ? b.source : b.source!.id;
      expect(source).toMatch(IRI);
    }
  }
  expect(a.target.type).toBe('SpecificResource');
  expect(a.target.source).toBe(url);
  const quote = a.target.selector.find((s) => s.type === 'TextQuoteSelector')!;
  expect(typeof quote.exact).toBe('string');
  expect(quote.exact!.length).toBeGreaterThan(0);
  expect(typeof quote.prefix).toBe('string');
  expect(typeof quote.suffix).toBe('string');
  for (const s of a.target.selector.filter((x) => x.type === 'TextPositionSelector')) {
    expect(Number.isInteger(s.start) && s.start! >= 0).toBe(true);
    expect(Number.isInteger(s.end) && s.end! > s.start!).toBe(true);
  }
}

/** Code points, as TextPositionSelector counts them. */
const codePoints = (text: string, start: number, end: number) => [...text].slice(start, end).join('');

describe('toWebAnnotation', () => {
  let coll: Collection;
  beforeAll(() => {
    coll = toWebAnnotation(ctx) as Collection;
  });

  it('is an AnnotationCollection whose first page holds one Annotation per mention, in page order', () => {
    expect(coll['@context']).toBe(ANNO_CONTEXT);
    expect(coll.id).toMatch(IRI);
    expect(coll.type).toBe('AnnotationCollection');
    expect(coll.label).toContain('Medicaid records, immigration agents');
    expect(coll.total).toBe(sample.snapshot.mentions.length);
    expect(coll.first).toMatchObject({ type: 'AnnotationPage', startIndex: 0, id: expect.stringMatching(IRI) });
    expect(coll.first!.items).toHaveLength(sample.snapshot.mentions.length);
    expect(new Set(coll.first!.items.map((a) => a.id)).size).toBe(coll.total);
  });

  it('gives every annotation the model’s required fields, bodies and selectors', () => {
    for (const a of coll.first!.items) expectValidAnnotation(a, sample.snapshot.url);
  });

  it('identifies the record and describes it, and links every source the record cites', () => {
    const sorted = [...sample.snapshot.mentions].sort((a, b) => a.start - b.start);
    coll.first!.items.forEach((a, i) => {
      const e = ctx.entities.get(sorted[i].id)!;
      expect(a.motivation).toBe('identifying');
      expect(a.body[0]).toEqual({ type: 'SpecificResource', purpose: 'identifying', source: { id: recordUrn(data.meta.version, e.id), type: 'Dataset' } });
      expect(a.body.find((b) => b.type === 'TextualBody')).toMatchObject({ purpose: 'describing', language: 'en', value: expect.stringContaining(e.summary.en) });
      // A source cited by headline without an address (`unlinked`) has nothing to link.
      expect(a.body.filter((b) => b.purpose === 'linking').map((b) => b.source)).toEqual(e.sources.flatMap((s) => (s.url ? [s.url] : [])));
    });
  });

  it('anchors in document.body.textContent: exact is the text at the positions (code points), between prefix and suffix', () => {
    for (const a of coll.first!.items) {
      const [quote, position] = a.target.selector;
      expect(position.type).toBe('TextPositionSelector');
      expect(codePoints(sample.domText, position.start!, position.end!)).toBe(quote.exact);
      const at = sample.domText.indexOf(`${quote.prefix}${quote.exact}${quote.suffix}`);
      expect(at).toBeGreaterThanOrEqual(0);
    }
  });

  it('counts code points, not UTF-16 units, after an emoji; keeps the soft hyphens the page has', () => {
    const html = `<!doctype html><html lang="en"><head><title>Medicaid data and ICE 🚨</title></head><body><article>
<h1>Medicaid data 📊 went to ICE 🚨</h1>
<p>🚨 The Centers for Medicare &amp; Medicaid Services gave Medicaid data to the Depart\u00ADment of Home\u00ADland Security 🏛️, and ICE can use it to find immigrants for deportation.</p>
<p>States say Medicaid enrollees' data on immigrants should not go to ICE for enforcement; DHS and ICE disagree about the data sharing with Medicaid.</p>
</article></body></html>`;
    const page = readPage(html);
    const anno = toWebAnnotation(contextFor(page.snapshot)) as Collection;
    const dhs = anno.first!.items.find((a) => a.body[0].source && (a.body[0].source as { id: string }).id.endsWith(':dhs'))!;
    expect(dhs).toBeDefined();
    const [quote, position] = dhs.target.selector;
    expect(quote.exact).toBe('Depart\u00ADment of Home\u00ADland Security');
    expect(codePoints(page.domText, position.start!, position.end!)).toBe(quote.exact);
    expect(page.domText.slice(position.start!, position.end!)).not.toBe(quote.exact);
    for (const a of anno.first!.items) expect(codePoints(page.domText, a.target.selector[1].start!, a.target.selector[1].end!)).toBe(a.target.selector[0].exact);
  });

  it('falls back to the engine’s text for a plain-text article, and says so only in the positions it uses', () => {
    const txt = `Medicaid data went to ICE, states say\n\nThe Centers for Medicare & Medicaid Services gave Medicaid data to the Department of Homeland Security.\n\nImmigration and Customs Enforcement (ICE) may use the data to find immigrants for deportation, California officials said.\n`;
    const article = parsePlainText(txt);
    const page = plainPageText(article);
    const result = engine.annotate(page, article.title);
    const snapshot = buildSnapshot({ file: '/tmp/story.txt', read: { page, title: article.title, published: null }, result, published: null, claims: [], today: TODAY, version: data.meta.version });
    expect(snapshot.url).toBe('file:///tmp/story.txt');
    expect(snapshot.mentions.every((m) => m.dom === null)).toBe(true);
    const anno = toWebAnnotation(contextFor(snapshot)) as Collection;
    expect(anno.total).toBeGreaterThan(3);
    for (const a of anno.first!.items) {
      expectValidAnnotation(a, 'file:///tmp/story.txt');
      const [quote, position] = a.target.selector;
      expect(codePoints(snapshot.text, position.start!, position.end!)).toBe(quote.exact);
      expect(`${quote.prefix}${quote.suffix}`).not.toContain('\u2029');
    }
  });

  it('leaves out the position selector of a DOM span that has no code-point offsets (an older snapshot)', () => {
    const old = { ...sample.snapshot, mentions: sample.snapshot.mentions.map((m) => ({ ...m, dom: m.dom && { ...m.dom, codePoints: undefined } })) };
    const anno = toWebAnnotation(contextFor(old)) as Collection;
    for (const a of anno.first!.items) expect(a.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector']);
  });

  it('keeps its ids when the same page is exported again, and has no page when there is nothing to list', () => {
    const again = toWebAnnotation({ ...ctx, generated: '2027-01-01' }) as Collection;
    expect(again.id).toBe(coll.id);
    expect(again.first!.items.map((a) => a.id)).toEqual(coll.first!.items.map((a) => a.id));
    const none = toWebAnnotation(contextFor({ ...sample.snapshot, mentions: [] })) as Collection;
    expect(none.total).toBe(0);
    expect(none).not.toHaveProperty('first');
  });
});

/** A small RFC 4180 parser: quoted fields, doubled quotes, CRLF records. Throws on anything malformed. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < csv.length) {
    let field = '';
    if (csv[i] === '"') {
      i++;
      for (;;) {
        if (i >= csv.length) throw new Error('unterminated quote');
        if (csv[i] === '"') {
          if (csv[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += csv[i++];
      }
    } else {
      while (i < csv.length && csv[i] !== ',' && csv[i] !== '\r') {
        if (csv[i] === '"' || csv[i] === '\n') throw new Error(`bare ${JSON.stringify(csv[i])} at ${i}`);
        field += csv[i++];
      }
    }
    row.push(field);
    if (csv[i] === ',') i++;
    else if (csv.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`expected , or CRLF at ${i}`);
  }
  if (row.length) throw new Error('last record has no CRLF');
  return rows;
}

describe('toCsv', () => {
  /** The file's records as objects keyed by column (the BOM and header checked apart). */
  const records = (csv: string) => {
    const [header, ...rows] = parseCsv(csv.slice(1));
    return rows.map((r) => Object.fromEntries(header.map((c, j) => [c, r[j]])));
  };
  const ISO = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;

  it('is UTF-8 with a byte-order mark, CRLF after every record, a header, then a row per claim checked and per mention', () => {
    const csv = toCsv(ctx);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/(?<!")\n(?!")/);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows[0].slice(0, 2)).toEqual(['row_type', 'id']);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
    const types = rows.slice(1).map((r) => r[0]);
    // Claims first (as the handout and the side panel list them), then the mentions in page order.
    expect(types).toEqual([...Array(judged().length).fill('claim'), ...Array(sample.snapshot.mentions.length).fill('mention')]);
  });

  it('gives each claim its verdict, the clause that states it and exactly what was compared in it', () => {
    const claims = records(toCsv(ctx)).filter((r) => r.row_type === 'claim');
    const expected = [...judged()].sort((a, b) => a.start - b.start);
    expect(claims.map((c) => [c.id, c.verdict, c.text])).toEqual(expected.map((c) => [c.check.id, c.check.verdict, c.text]));
    for (const [i, c] of claims.entries()) {
      const check = expected[i].check;
      expect(['day', 'month', 'count', 'status', 'holder', 'fields']).toContain(c.compared);
      expect(c.compared).toBe(check.part!.kind);
      expect(c.text).toContain(c.compared_text);
      expect(c.compared_text).toBe(check.part!.text);
      expect(c.kind).toBe(ctx.claims.get(check.id)!.kind);
      expect(c.name).toBe(ctx.claims.get(check.id)!.about.en);
      expect(sample.domText.slice(Number(c.start), Number(c.end))).toBe(expected[i].dom!.exact ?? c.text);
    }
    const noem = claims.find((c) => c.id === 'dhs-secretary' && c.compared_text === 'Kristi Noem')!;
    expect(noem).toMatchObject({ verdict: 'outdated', compared: 'holder', value_then: 'kristi-noem', value_now: 'markwayne-mullin', changed_on: '2026-03-31' });
    const illinois = claims.find((c) => c.id === 'illinois-hbia-status')!;
    expect(illinois).toMatchObject({ verdict: 'differs', compared: 'status', changed_on: '' });
    expect(illinois.source_url).toMatch(/^https:\/\//);
  });

  it('names the article on every row: its title, address and publication date', () => {
    const rows = records(toCsv(ctx));
    expect(rows.length).toBeGreaterThan(40);
    for (const r of rows) {
      expect(r.article_title).toBe(sample.snapshot.title);
      expect(r.article_url).toBe(pathToFileURL(join(ROOT, 'sample/article.html')).href);
      expect(r.article_published).toBe('2026-01-09');
    }
    const web = records(toCsv(contextFor({ ...sample.snapshot, url: 'https://apnews.com/article/medicaid-ice?x="y"' })));
    expect(web[0].article_url).toBe('https://apnews.com/article/medicaid-ice?x=%22y%22');
    const undated = records(toCsv(contextFor({ ...sample.snapshot, published: null, url: 'javascript:alert(1)' })));
    expect(undated[0]).toMatchObject({ article_published: '', article_url: '' });
  });

  it('writes every date as ISO 8601, at the precision the dataset has it (a month stays YYYY-MM)', () => {
    const rows = records(toCsv(ctx));
    for (const r of rows)
      for (const c of ['as_of', 'checked', 'changed_on', 'article_published'] as const) if (r[c]) expect(r[c], `${r.id} ${c}`).toMatch(ISO);
    for (const r of rows.filter((r) => r.row_type === 'mention')) {
      const e = ctx.entities.get(r.id)!;
      expect(r.as_of).toBe(e.asOf);
      expect(r.checked).toBe(e.verified);
    }
    // Month precision is kept, not padded to a day: the CMS–ICE agreement is dated July 2025.
    const agreement = rows.find((r) => r.id === 'cms-ice-agreement' && r.row_type === 'mention')!;
    expect(agreement.key_fact).toBe('2025-07');
    expect(rows.some((r) => /^\d{4}-\d{2}$/.test(r.as_of))).toBe(true);
    // No date of ours written in words ("Jan 9, 2026", "Mar 2026"); a law's citation is quoted as it is written.
    const months = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.? (\d{1,2}, )?\d{4}\b/;
    for (const r of rows)
      for (const c of ['key_fact', 'as_of', 'checked', 'changed_on', 'value_then', 'value_now'] as const)
        if (!(c === 'key_fact' && r.kind === 'law')) expect(r[c], `${r.id} ${c}`).not.toMatch(months);
    expect(rows.find((r) => r.id === 'donald-trump')!.key_fact).toContain('(term to 2029-01)');
  });

  it('carries a record id and its key fact, never the long summary', () => {
    const csv = toCsv(ctx);
    expect(CSV_COLUMNS).not.toContain('summary' as never);
    for (const e of ctx.entities.values()) expect(csv).not.toContain(e.summary.en);
    const mentions = records(csv).filter((r) => r.row_type === 'mention');
    const byId = (id: string) => mentions.find((r) => r.id === id)!;
    expect(byId('privacy-act-1974').key_fact).toBe(ctx.entities.get('privacy-act-1974')!.kind === 'law' ? (ctx.entities.get('privacy-act-1974') as { citation: string }).citation : '');
    expect(byId('kristi-noem').key_fact).toContain('Secretary of Homeland Security');
    expect(byId('california').key_fact.length).toBeGreaterThan(10);
    for (const r of mentions) {
      expect(r.key_fact, r.id).not.toBe('');
      expect(r.key_fact.length, r.id).toBeLessThanOrEqual(160);
    }
  });

  it('locates each row in document.body.textContent (start, end); empty where there is no DOM', () => {
    const rows = records(toCsv(ctx)).filter((r) => r.row_type === 'mention');
    const sorted = [...sample.snapshot.mentions].sort((a, b) => a.start - b.start);
    rows.forEach((r, i) => {
      const m = sorted[i];
      expect(r).toMatchObject({ id: m.id, kind: m.kind, text: m.text, start: String(m.dom!.start), end: String(m.dom!.end), name: ctx.entities.get(m.id)!.name });
      expect(sample.domText.slice(m.dom!.start, m.dom!.end)).toBe(m.dom!.exact ?? m.text);
    });
    expect(CSV_COLUMNS).not.toContain('dom_start' as never);
  });

  it('quotes commas, quotes and line breaks, and neutralises formulas (= + - @) with an apostrophe', () => {
    const texts = [`=HYPERLINK("http://evil.example","click")`, '+1+2', '-2+3', '@SUM(A1:A9)', 'a "quoted", value\r\nnext line', 'plain'];
    const snapshot = {
      ...sample.snapshot,
      title: '=cmd|"/c calc"!A1',
      mentions: texts.map((text, i) => ({ id: 'dhs', kind: 'agency' as const, start: i * 10, end: i * 10 + 5, text, dom: null })),
      claims: [],
    };
    const csv = toCsv(contextFor(snapshot));
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    const rows = records(csv);
    expect(rows.map((r) => r.text)).toEqual([`'=HYPERLINK("http://evil.example","click")`, "'+1+2", "'-2+3", "'@SUM(A1:A9)", 'a "quoted", value\r\nnext line', 'plain']);
    for (const r of rows) {
      expect(r.start).toBe('');
      expect(r.article_title).toBe(`'=cmd|"/c calc"!A1`);
      for (const cell of Object.values(r)) expect(cell).not.toMatch(/^[=+\-@]/);
    }
  });
});

describe('toClaimReview', () => {
  const WORDS = { agrees: 'Accurate', outdated: 'Outdated', differs: 'Inaccurate' } as const;
  type Review = Record<string, any>;
  let reviews: Review[];
  beforeAll(() => {
    reviews = toClaimReview(ctx) as Review[];
  });

  it('drafts one ClaimReview per claim with a verdict, with the fields schema.org and Google ask for', () => {
    const claims = [...judged()].sort((a, b) => a.start - b.start);
    // The sample states each of its claims once.
    expect(new Set(claims.map((c) => `${c.check.id} ${c.check.asserted} ${c.check.verdict}`)).size).toBe(claims.length);
    expect(reviews).toHaveLength(claims.length);
    reviews.forEach((r, i) => {
      const c = claims[i];
      expect(r['@context']).toBe('https://schema.org');
      expect(r['@type']).toBe('ClaimReview');
      // What was reviewed is the statement that was checked: the clause, not the sentence around it.
      expect(r.claimReviewed).toBe(c.check.text);
      // The article's address, for the fact-checker to replace with their own page when publishing.
      expect(r.url).toBe(sample.snapshot.url);
      expect(r.reviewRating).toMatchObject({ '@type': 'Rating', bestRating: BEST_RATING, worstRating: WORST_RATING, alternateName: WORDS[c.check.verdict!] });
      expect(r.reviewRating.ratingValue).toBeGreaterThanOrEqual(WORST_RATING);
      expect(r.reviewRating.ratingValue).toBeLessThanOrEqual(BEST_RATING);
      expect(r.itemReviewed).toEqual({
        '@type': 'Claim',
        datePublished: '2026-01-09',
        appearance: { '@type': 'CreativeWork', url: sample.snapshot.url, headline: sample.snapshot.title, datePublished: '2026-01-09', inLanguage: 'en' },
      });
      expect(r.datePublished).toBe('2026-11-30');
      // A draft: the fact-checker names themselves.
      expect(r.author).toEqual({ '@type': 'Organization', name: expect.stringContaining('TO FILL IN') });
      expect(r.publisher).toEqual(r.author);
      // The explanation says which part of the clause was compared.
      expect(r.reviewRating.ratingExplanation).toContain(`Checked ${partWords(c.check, 'en', translator(messages('en')))}.`);
      const record = ctx.claims.get(c.check.id)!;
      const value = c.check.verdict === 'outdated' ? c.check.now : (c.check.then ?? c.check.now);
      expect(r.citation.map((s: Review) => s.url)).toEqual(record.values[value.index].sources.map((s) => s.url));
      record.values[value.index].sources.forEach((src, k) => {
        expect(r.citation[k]).toMatchObject({ '@type': 'CreativeWork', name: src.title });
        // An original cited by headline (`unlinked`) is named, never given a mirror's address.
        if (src.url) expect(r.citation[k].url).toMatch(/^https:\/\//);
        else expect(r.citation[k]).not.toHaveProperty('url');
      });
    });
  });

  it('rates on a documented three-point scale: 3 accurate, 2 outdated, 1 inaccurate', () => {
    const byWord = Object.fromEntries(reviews.map((r) => [r.reviewRating.alternateName, r.reviewRating.ratingValue]));
    expect(byWord).toEqual({ Accurate: 3, Outdated: 2, Inaccurate: 1 });
    const outdated = reviews.find((r) => r.reviewRating.alternateName === 'Outdated' && r.claimReviewed.includes('Kristi Noem'))!;
    expect(outdated.reviewRating.ratingExplanation).toContain('changed on Mar 31, 2026');
  });

  it('reviews the clause, never the sentence around it: the July claim is not the whole sentence, and the month carries its year', () => {
    const july = reviews.find((r) => r.claimReviewed.startsWith('In July, ICE gained access'))!;
    const sentence = sample.snapshot.text.slice(0, 1e6).split(/(?<=[.!?])\s+/).find((x) => x.startsWith('In July, ICE gained access'))!;
    expect(july.claimReviewed.length).toBeLessThan(sentence.length);
    expect(july.reviewRating.ratingExplanation).toMatch(/^Checked the month: July 2025\. Right when/);
  });

  it('merges a claim the article states twice with the same value and verdict into one review listing both, and keeps a different value apart', () => {
    const noem = noemClaim();
    const again = { ...noem, start: noem.start + 10_000, end: noem.end + 10_000, text: 'Noem, the Homeland Security Secretary', check: { ...noem.check, start: noem.start + 10_000, end: noem.end + 10_000, text: 'Noem, the Homeland Security Secretary' } };
    const other = { ...again, check: { ...again.check, asserted: 'markwayne-mullin', verdict: 'agrees' as const } };
    const merged = toClaimReview(contextFor({ ...sample.snapshot, claims: [...sample.snapshot.claims, again, other] })) as Review[];
    expect(merged).toHaveLength(reviews.length + 1);
    const noemReviews = merged.filter((r) => r.reviewRating.alternateName === 'Outdated' && r.reviewRating.ratingExplanation.includes('Kristi Noem'));
    expect(noemReviews).toHaveLength(1);
    expect(noemReviews[0].claimReviewed).toBe(noem.check.text);
    expect(noemReviews[0].reviewRating.ratingExplanation).toContain(`The article states this 2 times: “${noem.check.text}”; “Noem, the Homeland Security Secretary”.`);
    expect(merged.filter((r) => r.claimReviewed === 'Noem, the Homeland Security Secretary')).toHaveLength(1);
  });

  it('gives no url when the page’s address is not a web or file URL', () => {
    const none = toClaimReview(contextFor({ ...sample.snapshot, url: 'javascript:alert(1)' })) as Review[];
    expect(none.every((r) => !('url' in r))).toBe(true);
  });

  it('says its words in Spanish for a Spanish export', () => {
    const es = toClaimReview(contextFor(sample.snapshot, 'es')) as Review[];
    expect(new Set(es.map((r) => r.reviewRating.alternateName))).toEqual(new Set(['Exacto', 'Desactualizado', 'Inexacto']));
    expect(es[0].author.name).toContain('POR COMPLETAR');
  });
});

describe('citation', () => {
  it('cites an entity in plain text: what the dataset says, dates, version and record, each source', () => {
    const e = ctx.entities.get('andrew-nixon')!;
    const text = citation(ctx, { entity: 'andrew-nixon' }, 'text');
    const lines = text.split('\n');
    expect(lines[0]).toBe(`${e.name} — ${e.summary.en}`);
    expect(text).toContain(`As of ${e.asOf}. Checked ${e.verified}. Medicaid Data Context dataset v${data.meta.version}, record “andrew-nixon”.`);
    for (const s of e.sources) expect(lines).toContain(`Source: ${s.title}. ${s.publisher}${s.date ? `, ${s.date}` : ''}. ${s.url}`);
    expect(text).toMatch(/spokesman|Spokesman|spokesperson/);
  });

  it('cites an entity in Markdown, with the sources as links', () => {
    const e = ctx.entities.get('privacy-act-1974')!;
    const md = citation(ctx, { entity: e.id }, 'markdown');
    expect(md.split('\n')[0]).toMatch(/^\*\*Privacy Act of 1974\*\* — /);
    // One paragraph with hard breaks (a backslash ends each line), then the list of sources.
    const lines = md.split('\n');
    const list = lines.findIndex((l) => l.startsWith('- '));
    for (const l of lines.slice(0, list - 1)) expect(l.endsWith('\\')).toBe(true);
    expect(lines[list - 1].endsWith('\\')).toBe(false);
    for (const s of e.sources) expect(md).toContain(`](${s.url})`);
    expect(md).toContain(`record “${e.id}”`);
  });

  it('cites a claim by its index: the verdict in words, what the sources say, the record and its sources', () => {
    const index = sample.snapshot.claims.findIndex((c) => c.check.id === 'dhs-secretary');
    const text = citation(ctx, { claim: index }, 'text');
    expect(text).toContain(`“${sample.snapshot.claims[index].text}” — Outdated (who held the title: Kristi Noem): Right when the article was published (2026-01-09); changed on 2026-03-31.`);
    expect(text).toContain('The dataset says: President Trump announced on March 5, 2026 that Sen. Markwayne Mullin would become Secretary of Homeland Security');
    expect(text).toContain(`Medicaid Data Context dataset v${data.meta.version}, claim record “dhs-secretary”.`);
    expect(text).toMatch(/\nSource: .+https:\/\//);
    const md = citation(ctx, { claim: index }, 'markdown');
    expect(md).toContain('**Outdated**');
    expect(md).toMatch(/- Source: \[.+\]\(https:\/\/.+\)/);
  });

  it('cites the whole page: a heading, every note in page order, then every checked claim', () => {
    const text = citation(ctx, 'page', 'text');
    const blocks = text.split('\n\n');
    expect(blocks[0]).toBe(`Notes on “${sample.snapshot.title}” (${sample.snapshot.url}), published 2026-01-09. Medicaid Data Context dataset v${data.meta.version}, made 2026-11-30.`);
    const ids = [...new Set([...sample.snapshot.mentions].sort((a, b) => a.start - b.start).map((m) => m.id))];
    expect(blocks).toHaveLength(1 + ids.length + judged().length);
    ids.forEach((id, i) => expect(blocks[1 + i]).toContain(`record “${id}”`));
  });

  it('escapes Markdown from the page, and cites nothing for an unknown target', () => {
    const md = citation(contextFor({ ...sample.snapshot, title: '[click](https://evil.example) *now*', url: 'https://news.example/a_(b)' }), 'page', 'markdown');
    const heading = md.split('\n\n')[0];
    expect(heading).toContain('\\[click\\](https://evil.example) \\*now\\*');
    expect(heading).toContain('<https://news.example/a_%28b%29>');
    // With the browser's i18n, which drops a substitution holding a control character, the address stays.
    const base = translator(messages('en'));
    const browserLike: ExportContext['t'] = (key, subs) => base(key, subs?.map((x) => (/[\u0000-\u001f]/.test(String(x)) ? '' : x)));
    const cited = citation({ ...contextFor({ ...sample.snapshot, url: 'https://news.example/a_(b)' }), t: browserLike }, 'page', 'markdown');
    expect(cited.split('\n\n')[0]).toContain('(<https://news.example/a_%28b%29>)');
    expect(citation(ctx, { entity: 'no-such-record' }, 'text')).toBe('');
    expect(citation(ctx, { claim: 999 }, 'markdown')).toBe('');
  });
});

describe('JSON-LD exports are safe wherever they are pasted', () => {
  const SCRIPT_TITLE = `Medicaid data</script><script>alert(1)</script><!-- & more -->`;
  const QUOTED_URL = `https://apnews.com/x"><script>alert(2)</script>`;
  const hostile = (url: string) => contextFor({ ...sample.snapshot, title: SCRIPT_TITLE, url });

  /** The usual way to publish JSON-LD: inside a <script type="application/ld+json"> of an HTML page. */
  function embedded(jsonLd: string) {
    const { document } = parseHTML(`<!doctype html><html><head><script type="application/ld+json">${jsonLd}</script></head><body></body></html>`);
    return { scripts: [...document.querySelectorAll('script')], document };
  }

  for (const [name, make] of [
    ['W3C Web Annotation', (c: ExportContext) => toWebAnnotation(c)],
    ['ClaimReview', (c: ExportContext) => toClaimReview(c)],
  ] as const) {
    it(`${name}: a title holding </script><script> stays one JSON-LD script, read back unchanged`, () => {
      const value = make(hostile(QUOTED_URL));
      const text = toJsonLdText(value);
      expect(text).not.toMatch(/[<>&]/);
      expect(JSON.parse(text)).toEqual(value);
      const { scripts } = embedded(text);
      expect(scripts).toHaveLength(1);
      expect(scripts[0].getAttribute('type')).toBe('application/ld+json');
      expect(JSON.parse(scripts[0].textContent ?? '')).toEqual(value);
      expect(JSON.stringify(value)).toContain(SCRIPT_TITLE.slice(0, 20));
    });
  }

  it('writes a page address only as the URL parser writes it back: quotes and brackets encoded, javascript: dropped', () => {
    const reviews = toClaimReview(hostile(QUOTED_URL)) as Record<string, any>[];
    expect(reviews.length).toBeGreaterThan(0);
    const url = reviews[0].itemReviewed.appearance.url as string;
    expect(url).toBe(new URL(QUOTED_URL).href);
    expect(url).not.toMatch(/["<>\s]/);
    const w3c = toWebAnnotation(hostile(QUOTED_URL)) as Record<string, any>;
    expect(w3c.first.items[0].target.source).toBe(new URL(QUOTED_URL).href);

    const scripted = toClaimReview(hostile('javascript:alert(3)')) as Record<string, any>[];
    expect(scripted[0].itemReviewed.appearance).not.toHaveProperty('url');
    const w3cScripted = toWebAnnotation(hostile('javascript:alert(3)')) as Record<string, any>;
    expect(w3cScripted.first.items[0].target.source).toMatch(/^urn:medicaid-data-context:page:/);
    expect(toHandoutHtml(hostile(QUOTED_URL))).not.toContain('"><script>');
  });

  it('reads a saved page’s canonical address only when it parses as an http(s) URL', () => {
    const page = (href: string) => readHtml(`<html><head><link rel="canonical" href='${href}'></head><body><p>x</p></body></html>`).canonical;
    expect(page(QUOTED_URL)).toBe(new URL(QUOTED_URL).href);
    expect(page('javascript:alert(1)')).toBeNull();
    expect(page('/relative/path')).toBeNull();
    expect(page('https://apnews.com/article/x')).toBe('https://apnews.com/article/x');
  });
});
