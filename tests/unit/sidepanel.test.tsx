// @vitest-environment happy-dom
/**
 * The workbench (side panel) on the sample article, with a fake link to the article tab: what it lists,
 * in what order, what the filters keep, what the search finds, where the timeline marks the article's
 * date, and what reaches the article, the clipboard and a saved file.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi, type Mock } from 'vitest';
import { SidePanelApp, type ArticleLink } from '../../components/SidePanelApp';
import { PopupApp, type ActiveTab } from '../../components/PopupApp';
import { fold, groupByKind, searchDataset, sentenceAround } from '../../components/panel/model';
import { formatDate } from '../../components/format';
import { dataset, entityById } from '../../data';
import { eventsSince } from '../../engine';
import type { PageSnapshot } from '../../engine/types';
import type { AnnotationsResponse } from '../../utils/messages';
import { installMessages } from '../support/i18n';
import { flush, renderRootPerTest } from '../support/render-root';
import { SAMPLE_TODAY, sampleAnswers } from '../support/panel-fixtures';

const sample = sampleAnswers();

let root: HTMLElement;
renderRootPerTest((el) => (root = el));


interface FakeLink extends ArticleLink {
  show: Mock<ArticleLink['show']>;
  present: Mock<ArticleLink['present']>;
  fire(why: 'switched' | 'loaded' | 'closed'): void;
}

function fakeLink(answers: { annotations: AnnotationsResponse | null; snapshot: PageSnapshot | null } = sample): FakeLink {
  const listeners = new Set<(why: 'switched' | 'loaded' | 'closed') => void>();
  return {
    annotations: async () => answers.annotations,
    snapshot: async () => answers.snapshot,
    show: vi.fn<ArticleLink['show']>(async () => true),
    present: vi.fn<ArticleLink['present']>(async () => true),
    onChange(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    fire: (why) => listeners.forEach((l) => l(why)),
  };
}

async function mount(link: ArticleLink = fakeLink(), extra: { copy?: (t: string) => Promise<boolean>; save?: (n: string, t: string, c: string) => void } = {}) {
  await act(() => render(<SidePanelApp link={link} lang="en" today={SAMPLE_TODAY} {...extra} />, root));
  await flush();
  await flush();
}

const $$ = (sel: string) => [...root.querySelectorAll<HTMLElement>(sel)];
const select = async (name: string, value: string) => {
  const el = root.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;
  await act(async () => {
    el.value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
};
const typeSearch = async (text: string) => {
  const input = root.querySelector<HTMLInputElement>('#dataset-search')!;
  await act(async () => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
};

describe('the workbench on the sample article', () => {
  it('says what the page was recognised as and why', async () => {
    await mount();
    const header = root.querySelector('header')!.textContent!;
    expect(header).toContain('This page was recognised as coverage of the story.');
    for (const r of sample.annotations.reasons.filter((r) => r.code === 'linked-paragraphs'))
      expect(header).toContain(`${r.count} paragraphs connect Medicaid with immigration enforcement and data`);
    expect(header).toContain(sample.snapshot.title);
    expect(header).toContain('Published Jan 9, 2026');
  });

  it('lists the claims first, each with its verdict in words, its sentence, the dataset’s value and sources', async () => {
    await mount();
    const claims = root.querySelector('#claims')!;
    const entities = root.querySelector('#entities')!;
    expect(claims.compareDocumentPosition(entities) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const items = $$('#claims article.claim');
    expect(items.map((i) => Number(i.dataset.claim))).toEqual(sample.snapshot.claims.map((_, i) => i));

    // Noem: right when the article was written, changed since, with the date it changed.
    const noem = sample.snapshot.claims.findIndex((c) => c.check.id === 'dhs-secretary');
    expect(sample.snapshot.claims[noem].check.verdict).toBe('outdated');
    const item = items[noem];
    expect(item.querySelector('.verdict')!.textContent).toContain('Right when written, changed since');
    expect(item.querySelector('mark')!.textContent).toBe(sample.snapshot.claims[noem].check.text);
    // Which part of the clause was compared: said in words, and the words themselves in bold in the clause.
    expect(item.querySelector('.part-checked')!.textContent).toBe('Checked who held the title: Kristi Noem');
    expect(item.querySelector('mark strong.part')!.textContent).toBe('Kristi Noem');
    expect(item.querySelector('q')!.textContent!.length).toBeGreaterThan(item.querySelector('mark')!.textContent!.length);
    expect(item.textContent).toMatch(/When the article was written: .*Noem/);
    expect(item.textContent).toMatch(/Now: .*Mullin/);
    expect(item.textContent).toContain(`Changed on ${formatDate(sample.snapshot.claims[noem].check.since!, 'en')}`);
    expect(item.querySelectorAll('.sources a').length).toBeGreaterThan(0);
    for (const a of item.querySelectorAll<HTMLAnchorElement>('.sources a')) expect(a.getAttribute('href')).toMatch(/^https:\/\//);

    const differs = items.find((i) => i.dataset.verdict === 'differs')!;
    expect(differs.querySelector('.verdict')!.textContent).toContain('Differs from the sources');
    const agrees = items.find((i) => i.dataset.verdict === 'agrees')!;
    expect(agrees.querySelector('.verdict')!.textContent).toContain('Agrees with the sources');
  });

  it('lists the entities by kind, in reading order, with mention counts, summaries, dates and sources', async () => {
    await mount();
    const expected = groupByKind(sample.annotations.annotations, entityById);
    const groups = $$('#entities .kind-group');
    expect(groups.map((g) => g.dataset.kind)).toEqual(expected.map((g) => g.kind));
    expect(groups.map((g) => g.dataset.kind)).toEqual(['person', 'agency', 'law', 'state', 'event'].filter((k) => expected.some((g) => g.kind === k)));
    for (const [i, g] of expected.entries()) {
      expect($$(`#entities .kind-group[data-kind="${g.kind}"] article.record`).map((a) => a.dataset.entity)).toEqual(g.rows.map((r) => r.entity.id));
      expect(groups[i].querySelector('h3')!.textContent).toContain(`${g.mentions} mentions`);
    }
    const nixon = root.querySelector<HTMLElement>('#entities article[data-entity="andrew-nixon"]')!;
    const count = sample.annotations.annotations.filter((a) => a.id === 'andrew-nixon').length;
    expect(nixon.querySelector('.count')!.textContent).toContain(`${count} mentions`);
    const record = entityById.get('andrew-nixon')!;
    expect(nixon.textContent).toContain(record.summary.en);
    expect(nixon.querySelector('.dates')!.textContent).toMatch(/^As of \w{3} \d{1,2}, \d{4} · Checked \w{3} \d{1,2}, \d{4}$/);
    expect([...nixon.querySelectorAll<HTMLAnchorElement>('.sources a')].map((a) => a.getAttribute('href'))).toEqual(record.sources.map((s) => s.url));
  });

  it('filters entities by kind and claims by verdict', async () => {
    await mount();
    const all = $$('#entities article.record').length;
    await select('kind', 'law');
    const laws = $$('#entities article.record');
    expect(laws.length).toBeGreaterThan(0);
    expect(laws.length).toBeLessThan(all);
    expect(laws.every((a) => a.classList.contains('kind-law'))).toBe(true);
    expect($$('#entities .kind-group').map((g) => g.dataset.kind)).toEqual(['law']);
    await select('kind', 'all');
    expect($$('#entities article.record').length).toBe(all);

    await select('verdict', 'outdated');
    const outdated = $$('#claims article.claim');
    expect(outdated.map((c) => c.dataset.verdict)).toEqual(sample.snapshot.claims.filter((c) => c.check.verdict === 'outdated').map(() => 'outdated'));
    expect(outdated.length).toBeGreaterThan(0);
    await select('verdict', 'none');
    if (!sample.snapshot.claims.some((c) => c.check.verdict === null)) expect(root.querySelector('#claims')!.textContent).toContain('No claim with this verdict.');
    await select('verdict', 'all');
    expect($$('#claims article.claim').length).toBe(sample.snapshot.claims.length);
  });

  it('sends the article to an entity’s first mention, or to a claim', async () => {
    const link = fakeLink();
    await mount(link);
    const first = sample.annotations.annotations.findIndex((a) => a.id === 'cms');
    await act(async () => root.querySelector<HTMLButtonElement>('#entities button[data-goto="cms"]')!.click());
    expect(link.show).toHaveBeenLastCalledWith({ mention: first });
    await act(async () => root.querySelector<HTMLButtonElement>('#claims button[data-goto-claim="2"]')!.click());
    expect(link.show).toHaveBeenLastCalledWith({ claim: 2 });
    // Every control is a real button: reachable and usable by keyboard.
    expect($$('#entities .goto').every((b) => b.tagName === 'BUTTON' && b.getAttribute('type') === 'button')).toBe(true);
  });

  it('starts presentation mode in the article', async () => {
    const link = fakeLink();
    await mount(link);
    await act(async () => root.querySelector<HTMLButtonElement>('button[data-action="present"]')!.click());
    await flush();
    expect(link.present).toHaveBeenCalledOnce();
    expect(link.present).toHaveBeenLastCalledWith('key');
    expect(root.querySelector('.message')!.textContent).toContain('The presentation runs in the article tab');
  });

  it('presents the key names by default, and every name when asked', async () => {
    const link = fakeLink();
    await mount(link);
    const select = root.querySelector<HTMLSelectElement>('select[name="present-names"]')!;
    expect(select.closest('label')!.textContent).toContain('Names');
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ['key', 'Key names (up to 12)'],
      ['all', 'Every name'],
    ]);
    expect(select.value).toBe('key');
    await act(async () => {
      select.value = 'all';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(async () => root.querySelector<HTMLButtonElement>('button[data-action="present"]')!.click());
    await flush();
    expect(link.present).toHaveBeenLastCalledWith('all');
  });

  it('reads the article again when the followed tab changes', async () => {
    let answers = { annotations: null as AnnotationsResponse | null, snapshot: null as PageSnapshot | null };
    const link = fakeLink(answers);
    link.annotations = async () => answers.annotations;
    link.snapshot = async () => answers.snapshot;
    await mount(link);
    expect(root.textContent).toContain('the extension is not running on it');
    answers = sample;
    await act(async () => link.fire('switched'));
    await flush();
    await flush();
    expect($$('#entities article.record').length).toBeGreaterThan(0);
    await act(async () => link.fire('closed'));
    expect(root.textContent).toContain('The tab this panel followed was closed.');
  });
});

describe('the dataset search', () => {
  it('finds records by name, alias and summary, in English and Spanish, whether the article names them or not', async () => {
    await mount();
    await typeSearch('noem');
    let results = $$('.search-results article.record');
    expect(results[0].dataset.entity).toBe('kristi-noem');
    expect(results[0].querySelector('.tag')!.textContent).toBe(
      sample.annotations.annotations.some((a) => a.id === 'kristi-noem') ? 'Named in this article' : 'Not named in this article',
    );
    expect(results[0].textContent).toContain(entityById.get('kristi-noem')!.summary.en);

    // A record the sample never names, found by a word of its Spanish summary, accents or not.
    const unnamed = dataset.entities.find((e) => !sample.annotations.annotations.some((a) => a.id === e.id) && e.summary.es && /[áéíóú]/.test(e.summary.es))!;
    const word = e2eWord(unnamed.summary.es!);
    await typeSearch(fold(word));
    results = $$('.search-results article.record');
    const hit = results.find((r) => r.dataset.entity === unnamed.id)!;
    expect(hit).toBeDefined();
    expect(hit.querySelector('.tag')!.textContent).toBe('Not named in this article');
    expect(hit.querySelector('button.goto')).toBeNull();
    expect(root.querySelector('#search-count')!.textContent).toMatch(/^\d+ records/);

    await typeSearch('zzzz qqqq');
    expect($$('.search-results article.record')).toEqual([]);
    expect(root.querySelector('#search-count')!.textContent).toBe('No record matches “zzzz qqqq”.');
  });

  it('ranks a name above an alias above a summary, and matches at word starts only', () => {
    const hits = searchDataset(dataset.entities, 'ICE');
    expect(hits[0].field).not.toBe('summary');
    expect(hits.map((h) => h.field)).toEqual([...hits.map((h) => h.field)].sort((a, b) => ['name', 'alias', 'summary'].indexOf(a) - ['name', 'alias', 'summary'].indexOf(b)));
    expect(searchDataset(dataset.entities, 'x')).toEqual([]);
    expect(searchDataset(dataset.entities, 'oem').some((h) => h.entity.id === 'kristi-noem')).toBe(false);
    expect(searchDataset(dataset.entities, 'Medi-Cal').length).toBeGreaterThan(0);
  });
});

/** A word of 6+ letters with an accent, from a Spanish text. */
function e2eWord(text: string): string {
  return text.split(/[^\p{L}]+/u).find((w) => w.length >= 6 && /[áéíóú]/.test(w)) ?? text.split(' ')[0];
}

describe('the timeline', () => {
  it('marks the article’s publication date between the events before and after it, and sets the later ones apart', async () => {
    await mount();
    const items = $$('#timeline .mdc-story > li');
    const mark = items.findIndex((li) => li.classList.contains('mdc-published'));
    expect(mark).toBeGreaterThan(0);
    expect(items[mark].getAttribute('data-published')).toBe('2026-01-09');
    expect(items[mark].textContent).toContain('This article was published');
    const day = (d: string) => (d.length === 7 ? `${d}-01` : d);
    const dates = items.map((li) => li.querySelector('time')!.getAttribute('datetime')!);
    for (const d of dates.slice(0, mark)) expect(day(d) <= '2026-01-09').toBe(true);
    for (const d of dates.slice(mark + 1)) expect(day(d) > '2026-01-09').toBe(true);
    expect(items.slice(mark + 1).every((li) => li.classList.contains('mdc-after'))).toBe(true);
    expect(items.slice(0, mark).some((li) => li.classList.contains('mdc-after'))).toBe(false);
    const since = eventsSince(dataset.entities, '2026-01-09', SAMPLE_TODAY).length;
    expect(root.querySelector('#timeline')!.textContent).toContain(`${since} events since this article`);
    // Each event links to its source.
    for (const li of items.filter((li) => li.dataset.event)) {
      const e = entityById.get(li.dataset.event!)!;
      expect(li.querySelector('a')!.getAttribute('href')).toBe(e.sources[0].url);
    }
  });

  it('says when the article’s date is unknown, and marks nothing', async () => {
    await mount(fakeLink({ annotations: { ...sample.annotations, published: null, since: [] }, snapshot: { ...sample.snapshot, published: null } }));
    expect(root.querySelector('.mdc-published')).toBeNull();
    expect(root.querySelector('#timeline')!.textContent).toContain('The article\'s date is unknown.');
  });
});

describe('exports and citations', () => {
  it('saves each export as a file and copies citations as text and Markdown', async () => {
    const save = vi.fn();
    const copy = vi.fn(async (_text: string) => true);
    await mount(fakeLink(), { save, copy });
    for (const kind of ['handout', 'w3c', 'csv', 'claimreview']) {
      await act(async () => root.querySelector<HTMLButtonElement>(`button[data-export="${kind}"]`)!.click());
      const [name, , content] = save.mock.calls.at(-1)!;
      expect(name).toMatch(/^medicaid-context-[a-z0-9-]+-(handout\.html|annotations\.jsonld|notes\.csv|claimreview\.jsonld)$/);
      expect(String(content).length).toBeGreaterThan(100);
    }
    expect(save.mock.calls.map((c) => c[1])).toEqual(['text/html;charset=utf-8', 'application/ld+json', 'text/csv;charset=utf-8', 'application/ld+json']);
    expect(root.querySelector('.message')!.textContent).toMatch(/^Saved medicaid-context-/);

    const nixon = root.querySelector('#entities article[data-entity="andrew-nixon"]')!;
    await act(async () => nixon.querySelector<HTMLButtonElement>('button[data-copy="text"]')!.click());
    expect(copy.mock.calls.at(-1)![0]).toContain(entityById.get('andrew-nixon')!.name);
    await act(async () => nixon.querySelector<HTMLButtonElement>('button[data-copy="markdown"]')!.click());
    expect(copy.mock.calls.at(-1)![0]).toContain(entityById.get('andrew-nixon')!.sources[0].url);
    expect(nixon.querySelector('button[data-copy="markdown"]')!.textContent).toBe('Copied');
    const page = root.querySelector('#export')!;
    await act(async () => page.querySelector<HTMLButtonElement>('button[data-copy="text"]')!.click());
    expect(copy.mock.calls.at(-1)![0]).toContain(sample.snapshot.url);
  });

  it('offers no exports and a plain citation when the tab has no article', async () => {
    const copy = vi.fn(async (_text: string) => true);
    await mount(fakeLink({ annotations: null, snapshot: null }), { copy });
    expect(root.querySelector('#export')).toBeNull();
    expect(root.querySelector('#timeline .mdc-story')).not.toBeNull();
    await typeSearch('Privacy Act');
    const record = root.querySelector('.search-results article[data-entity="privacy-act-1974"]')!;
    expect(record.querySelector('button[data-copy="markdown"]')).toBeNull();
    await act(async () => record.querySelector<HTMLButtonElement>('button[data-copy="text"]')!.click());
    expect(copy.mock.calls[0][0]).toContain('record “privacy-act-1974”');
  });
});

describe('the workbench in Spanish', () => {
  it('uses the Spanish words and the dataset’s Spanish text', async () => {
    installMessages('es');
    await act(() => render(<SidePanelApp link={fakeLink()} lang="es" today={SAMPLE_TODAY} />, root));
    await flush();
    await flush();
    expect(root.querySelector('#claims h2')!.textContent).toContain('Afirmaciones del artículo');
    expect(root.querySelector('.verdict')!.textContent).toMatch(/Coincide|No coincide|Correcta|Sin veredicto/);
    const nixon = root.querySelector('#entities article[data-entity="andrew-nixon"]')!;
    expect(nixon.textContent).toContain(entityById.get('andrew-nixon')!.summary.es!);
  });
});

describe('claims the page could not underline', () => {
  it('are listed without a way to the article, and the others still reach the right underline', async () => {
    // The page underlined every claim but the first (say, one it could not anchor).
    const link = fakeLink({ annotations: { ...sample.annotations, claims: sample.annotations.claims.slice(1) }, snapshot: sample.snapshot });
    await mount(link);
    const items = $$('#claims article.claim');
    expect(items.length).toBe(sample.snapshot.claims.length);
    expect(items[0].querySelector('button.claim-goto')).toBeNull();
    expect(items[0].querySelector('mark')!.textContent).toBe(sample.snapshot.claims[0].check.text);
    await act(async () => items[2].querySelector<HTMLButtonElement>('button.claim-goto')!.click());
    expect(link.show).toHaveBeenLastCalledWith({ claim: 1 });
  });
});

describe('the claim’s sentence', () => {
  it('is the whole sentence around the claim, with the claim’s place in it', () => {
    const text = 'First one here. The agency said 20 states sued on Tuesday. Last.';
    const start = text.indexOf('20 states');
    const s = sentenceAround(text, start, start + 9);
    expect(s.text).toBe('The agency said 20 states sued on Tuesday.');
    expect(s.text.slice(s.start, s.end)).toBe('20 states');
  });
});

describe('the popup’s way to the workbench', () => {
  it('opens the workbench from the click and closes the popup', async () => {
    const openWorkbench = vi.fn(async () => true);
    const onNavigate = vi.fn();
    const tab = {
      hostname: async () => 'apnews.com',
      annotations: async () => sample.annotations,
      reveal: async () => {},
      showClaim: async () => {},
      annotateHere: async () => true,
      isSiteEnabled: async () => true,
      setSiteEnabled: async () => {},
      allSites: async () => false,
      setAllSites: async (on: boolean) => on,
      underlineMode: async () => 'all' as const,
      setUnderlineMode: async () => {},
      toggleUnderlines: async () => false,
      openWorkbench,
    } satisfies ActiveTab;
    await act(() => render(<PopupApp tab={tab} onNavigate={onNavigate} />, root));
    await flush();
    const button = root.querySelector<HTMLButtonElement>('button[data-action="workbench"]')!;
    expect(button.textContent).toBe('Open the workbench');
    await act(async () => button.click());
    await flush();
    expect(openWorkbench).toHaveBeenCalledOnce();
    expect(onNavigate).toHaveBeenCalledOnce();
  });
});
