/**
 * The publication-date reader, on small pages marked up the ways real news sites mark dates (modelled on
 * AP, The New York Times, Reuters, NPR, Univision and El País; written here, not copied), parsed both by
 * linkedom (what the CLI uses) and by happy-dom (a browser-like DOM).
 */
import { Window } from 'happy-dom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { claims, dataset } from '../../data';
import { compileClaims, eventsSince, parseDateValue, parsePublishedOption, prepareClaims, readPublished, sanePublished, STORY_BEGAN } from '../../engine';

const page = (head: string, body = '<article><p>Text.</p></article>') =>
  `<!doctype html><html><head><meta charset="utf-8"><title>t</title>${head}</head><body>${body}</body></html>`;
const ld = (json: string) => `<script type="application/ld+json">${json}</script>`;

const FIXTURES: [string, string, string | null][] = [
  [
    'AP: JSON-LD NewsArticle in an array, the modified time in a meta tag',
    page(
      `<meta property="article:modified_time" content="2025-06-14T02:10:00Z">` +
        ld(`[{"@context":"https://schema.org","@type":"NewsArticle","headline":"x","datePublished":"2025-06-13T18:07:25Z","dateModified":"2025-06-14T02:10:00Z","author":[{"@type":"Person","name":"A"}]}]`),
      `<bsp-timestamp data-timestamp="1749838045000"><span>Updated 10:10 PM EDT, June 13, 2025</span></bsp-timestamp><article><p>Text.</p></article>`,
    ),
    '2025-06-13',
  ],
  [
    'NYT: article:published with itemprop datePublished, pdate, and a later modified date',
    page(
      `<meta data-rh="true" name="pdate" content="20250717">` +
        `<meta data-rh="true" property="article:published" itemprop="datePublished" content="2025-07-17T21:03:11.000Z">` +
        `<meta data-rh="true" property="article:modified" itemprop="dateModified" content="2025-07-18T11:20:00.000Z">`,
    ),
    '2025-07-17',
  ],
  [
    'NYT (older pages): only the compact pdate',
    page(`<meta name="pdate" content="20250717">`),
    '2025-07-17',
  ],
  [
    'Reuters: article:published_time given as name=, JSON-LD in @graph',
    page(
      `<meta name="article:published_time" content="2025-07-01T22:14:05Z"><meta name="article:modified_time" content="2025-07-02T01:00:00Z">` +
        ld(`{"@context":"http://schema.org","@graph":[{"@type":"WebSite","name":"R"},{"@type":"NewsArticle","datePublished":"2025-07-01T22:14:05Z"}]}`),
    ),
    '2025-07-01',
  ],
  [
    'NPR: meta name=date, a <time> in the story header, and broken JSON-LD',
    page(
      `<meta name="date" content="2025-08-13">` + ld(`{"@type":"NewsArticle","datePublished":"2025-08-13T05:00:00-04:00",}`),
      `<article class="story"><header><time datetime="2025-08-13T05:00:00-04:00"><span class="date">August 13, 2025</span></time></header><p>Text.</p></article>`,
    ),
    '2025-08-13',
  ],
  [
    'Univision: JSON-LD @graph (WebPage, then NewsArticle) and a Spanish dateline, no meta tags',
    page(
      ld(`{"@context":"https://schema.org","@graph":[{"@type":"WebPage","datePublished":"2025-12-31T09:00:00-05:00"},{"@type":["NewsArticle"],"headline":"x","datePublished":"2025-12-30T14:00:00-05:00"}]}`),
      `<article><div class="fecha">30 de diciembre de 2025, 2:00 PM EST</div><p>Texto.</p></article>`,
    ),
    '2025-12-30',
  ],
  [
    'El País: Open Graph times with offsets, JSON-LD array, a visible date',
    page(
      `<meta property="article:published_time" content="2026-01-07T05:40:12+01:00"><meta property="article:modified_time" content="2026-01-08T10:00:00+01:00">` +
        ld(`[{"@type":"NewsArticle","datePublished":"2026-01-07T05:40:12+01:00"},{"@type":"BreadcrumbList","itemListElement":[]}]`),
      `<article><header><div class="a_md_f"><time data-date="2026-01-07T05:40:12+01:00">07 ene 2026 - 05:40 CET</time></div></header><p>Texto.</p></article>`,
    ),
    '2026-01-07',
  ],
  [
    'Parse.ly: the JSON object in parsely-page',
    page(`<meta name="parsely-page" content='{"title":"x","pub_date":"2025-11-25T15:00:00Z","section":"Health"}'>`),
    '2025-11-25',
  ],
  ['Sailthru: an RFC 2822 date', page(`<meta name="sailthru.date" content="Fri, 13 Jun 2025 14:00:00 -0400">`), '2025-06-13'],
  ['Dublin Core: DC.date.issued', page(`<meta name="DC.date.issued" content="2025-08-12">`), '2025-08-12'],
  [
    'an English dateline, after an "Updated" date',
    page('', `<article><p class="byline">By A. Writer · Updated June 14, 2025 · Published June 13, 2025</p><p>Text.</p></article>`),
    '2025-06-13',
  ],
  [
    'a Spanish dateline',
    page('', `<article><span class="fecha-publicacion">Publicado el 13 de junio de 2025</span><p>Texto.</p></article>`),
    '2025-06-13',
  ],
  [
    'a US-style date only when unambiguous',
    page(`<meta name="publishdate" content="05/29/2025 09:49:00">`),
    '2025-05-29',
  ],
  ['an ambiguous day/month order is not guessed', page(`<meta name="publishdate" content="05/06/2025">`), null],
  [
    'a <time> in a rail of related stories is not the article\'s date',
    page('', `<article><p>Text.</p></article><aside><ol><li><time datetime="2025-02-01">Feb 1</time></li></ol></aside>`),
    null,
  ],
  [
    'JSON-LD on an image only says when the image was published',
    page(ld(`{"@type":"ImageObject","datePublished":"2019-01-01"}`)),
    null,
  ],
  ['broken JSON-LD and nothing else', page(ld(`{"@type":"NewsArticle","datePublished":`)), null],
  ['a date meta tag that is not a date', page(`<meta name="date" content="yesterday"><meta name="article:published_time" content="">`), null],
  ['an empty page', '<html></html>', null],
];

function withLinkedom(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

function withHappyDom(html: string): Document {
  const window = new Window();
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

describe.each([
  ['linkedom', withLinkedom],
  ['happy-dom', withHappyDom],
])('readPublished (%s)', (_, parse) => {
  it.each(FIXTURES)('%s', (_name, html, expected) => {
    expect(readPublished(parse(html))).toBe(expected);
  });
});

describe('readPublished on odd pages', () => {
  it('never throws: a document whose queries throw gives null', () => {
    const broken = { querySelectorAll: () => { throw new Error('boom'); } } as unknown as Document;
    expect(readPublished(broken)).toBeNull();
  });

  it('prefers the publication meta over JSON-LD and the dateline', () => {
    const html = page(`<meta property="article:published_time" content="2025-06-13T10:00:00Z">` + ld(`{"@type":"NewsArticle","datePublished":"2025-06-20"}`), `<article><p class="dateline">June 21, 2025</p></article>`);
    expect(readPublished(withLinkedom(html))).toBe('2025-06-13');
  });
});

describe('date values', () => {
  it.each([
    ['2025-06-13T18:07:25Z', '2025-06-13'],
    ['2025-06-13 14:00:00', '2025-06-13'],
    ['20250613', '2025-06-13'],
    ['2025/06/13', '2025-06-13'],
    ['1749838045000', '2025-06-13'],
    ['June 13, 2025', '2025-06-13'],
    ['13 de junio de 2025', '2025-06-13'],
    ['Fri Mar 13 21:30:09 EST 2015', '2015-03-13'],
    ['2025-02-30', null],
    ['June 2025', null],
    ['1890-01-01', null],
  ])('%s → %s', (value, expected) => {
    expect(parseDateValue(value)).toBe(expected);
  });

  it('the CLI option takes a real YYYY-MM-DD day only', () => {
    expect(parsePublishedOption('2026-01-09')).toBe('2026-01-09');
    expect(parsePublishedOption('2026-02-30')).toBeNull();
    expect(parsePublishedOption('2026-1-9')).toBeNull();
    expect(parsePublishedOption('January 9, 2026')).toBeNull();
  });
});

describe('a date that makes sense for this story', () => {
  const TODAY = '2026-12-07';

  it('is believed from the day the story began (June 2025) to today, and ignored outside', () => {
    expect(STORY_BEGAN).toBe('2025-06-01');
    expect(sanePublished('2025-06-01', TODAY)).toEqual({ published: '2025-06-01', ignored: null });
    expect(sanePublished('2025-06-13', TODAY)).toEqual({ published: '2025-06-13', ignored: null });
    expect(sanePublished(TODAY, TODAY)).toEqual({ published: TODAY, ignored: null });
    expect(sanePublished('2025-05-31', TODAY)).toEqual({ published: null, ignored: '2025-05-31' });
    expect(sanePublished('2019-03-02', TODAY)).toEqual({ published: null, ignored: '2019-03-02' });
    expect(sanePublished('2026-12-08', TODAY)).toEqual({ published: null, ignored: '2026-12-08' });
    expect(sanePublished(null, TODAY)).toEqual({ published: null, ignored: null });
  });

  it('"today" is the caller\'s: the same date is believed on a later day', () => {
    expect(sanePublished('2027-01-15', TODAY).published).toBeNull();
    expect(sanePublished('2027-01-15', '2027-02-01').published).toBe('2027-01-15');
  });

  it('a 2025 report stamped 2019 by its CMS is treated as undated: no "since" list of the whole story, no verdict where the date would decide', () => {
    const html = page(`<meta property="article:published_time" content="2019-03-02T10:00:00Z">`);
    const read = readPublished(withLinkedom(html));
    expect(read).toBe('2019-03-02');
    const { published, ignored } = sanePublished(read, TODAY);
    expect([published, ignored]).toEqual([null, '2019-03-02']);
    const finder = compileClaims(prepareClaims(claims));
    const noem = 'Homeland Security Secretary Kristi Noem defended the agreement.';
    const verdictAt = (date: string | null) => finder.find(noem, { published: date, today: TODAY }).find((c) => c.id === 'dhs-secretary')?.verdict ?? null;
    // At 2019, every event of the story would be listed as "since this article"; undated, none is.
    const events = dataset.entities.filter((e) => e.kind === 'event');
    expect(eventsSince(dataset.entities, '2019-03-02', TODAY)).toHaveLength(events.length);
    expect(published === null).toBe(true);
    // Undated, a title that changed is not judged: "no verdict when unsure" (dated in 2025 it is "outdated").
    expect(verdictAt('2025-10-01')).toBe('outdated');
    expect(verdictAt(published)).toBeNull();
  });
});
