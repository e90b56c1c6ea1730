// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Card } from '../../components/Card';
import { ClaimCard } from '../../components/ClaimCard';
import { claims as claimRecords } from '../../data';
import { PopupApp, type ActiveTab } from '../../components/PopupApp';
import { dataset, entityById } from '../../data';
import type { AnnotationsResponse } from '../../utils/messages';
import { ENTITY_KINDS, HIGHLIGHT_STYLES, VERDICTS } from '../../utils/highlight-styles';
import { installMessages } from '../support/i18n';
import { flush, renderRootPerTest } from '../support/render-root';
import { translator } from '../../components/translate';
import en from '../../locales/en.json';

/** What every card needs besides its record: English words, today, no article date. */
const cardBase = { lang: 'en' as const, t: translator(en), published: null, today: '2026-11-30' };

let root: HTMLElement;
renderRootPerTest((el) => (root = el));

const mount = async (node: preact.ComponentChild) => {
  await act(() => render(node, root));
};

describe('Card', () => {
  it('shows a person with their dated title, summary, sources, as-of date and dataset version', async () => {
    const e = entityById.get('tricia-mclaughlin')!;
    if (e.kind !== 'person') throw new Error('expected a person');
    const onClose = vi.fn();
    await mount(<Card {...cardBase} entity={e} mentionText="Tricia McLaughlin" confidence="high" version="9.9.9" onClose={onClose} />);
    const card = root.querySelector<HTMLElement>('[role="dialog"]')!;
    expect(card.getAttribute('aria-labelledby')).toBe(root.querySelector('h2')!.id);
    expect(root.querySelector('h2')!.textContent).toBe(e.name);
    expect(card.textContent).toContain(e.summary.en);
    expect(card.textContent).toContain(e.roles[0].title.en);
    expect(card.textContent).toContain('Medicaid Data Context dataset v9.9.9');
    expect(card.textContent).toMatch(/As of \w{3} \d{1,2}, \d{4}/);
    const links = [...root.querySelectorAll<HTMLAnchorElement>('.mdc-sources a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(e.sources.map((s) => s.url));
    for (const a of links) expect(a.target).toBe('_blank');
    root.querySelector<HTMLButtonElement>('.mdc-close')!.click();
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('shows a state’s program, transfer status, lawsuit role and dated timeline', async () => {
    const e = entityById.get('illinois')!;
    if (e.kind !== 'state') throw new Error('expected a state');
    await mount(<Card {...cardBase} entity={e} mentionText="Illinois" confidence="high" version="1.0.0" onClose={() => {}} />);
    const text = root.textContent!;
    if (e.program) expect(text).toContain(e.program.name);
    expect(text).toContain(e.inJune2025Transfer ? 'was in the June 2025 transfer' : 'was not in the June 2025 transfer');
    const items = root.querySelectorAll('.mdc-timeline li');
    expect(items.length).toBe(e.timeline.length);
    const dates = [...root.querySelectorAll('.mdc-timeline time')].map((t) => t.getAttribute('datetime')!);
    expect(dates).toEqual([...dates].sort());
  });

  it('states the title held when the article was written, and what changed since', async () => {
    const noem = entityById.get('kristi-noem')!;
    await mount(<Card {...cardBase} published="2025-06-13" entity={noem} mentionText="Kristi Noem" confidence="high" version="2.0.0" onClose={() => {}} />);
    const fact = root.querySelector('.mdc-keyfact')!.textContent!;
    expect(fact).toContain('Secretary of Homeland Security');
    expect(fact).toContain('when the article was written');
    // Her next title, confirmed in March 2026 only: stated as last confirmed, not as what she is now.
    expect(fact).toMatch(/Special Envoy.*last confirmed Mar 6, 2026/);
    // The compact key fact is the title then and now; when the term ended is in the details, with every title line.
    expect(fact).not.toMatch(/until Mar 2026/);
    const titles = root.querySelector('.mdc-more .mdc-titles')!.textContent!;
    expect(titles).toMatch(/when the article was written.*until Mar 2026.*Special Envoy/);
  });

  it('never presents an open-ended title confirmed long ago as current', async () => {
    const lyons = entityById.get('todd-lyons')!;
    if (lyons.kind !== 'person' || lyons.roles.some((r) => r.to)) return; // the dataset now records his departure
    await mount(<Card {...cardBase} published="2025-08-01" entity={lyons} mentionText="Todd Lyons" confidence="high" version="2.0.0" onClose={() => {}} />);
    const fact = root.querySelector('.mdc-keyfact')!.textContent!;
    expect(fact).not.toContain('Now:');
    // What was last known and when the dataset looked again, never a doubt cast on someone's present office.
    expect(fact).toMatch(/Acting Director.*\(last confirmed [A-Z][a-z]{2} \d{1,2}, \d{4}\) · checked [A-Z][a-z]{2} \d{4}/);
    expect(fact).not.toContain('Not confirmed');
  });

  it('reads a sitting president as current on the sample article: his term and the check, never a doubt', async () => {
    const trump = entityById.get('donald-trump')!;
    await mount(<Card {...cardBase} published="2026-01-09" today="2026-12-07" entity={trump} mentionText="Donald Trump" confidence="high" version="2.1.0" onClose={() => {}} />);
    const fact = root.querySelector('.mdc-keyfact')!.textContent!;
    expect(fact).toContain('President of the United States');
    expect(fact).toContain('(term to Jan 2029) · checked Dec 2026');
    expect(fact).toContain('Held when the article was written and now.');
    expect(fact).not.toMatch(/not confirmed|last confirmed/i);
  });

  it('in Spanish too', async () => {
    const trump = entityById.get('donald-trump')!;
    const es = (await import('../../locales/es.json')).default;
    await mount(<Card {...cardBase} lang="es" t={translator(es, en)} published="2026-01-09" today="2026-12-07" entity={trump} mentionText="Donald Trump" confidence="high" version="2.1.0" onClose={() => {}} />);
    const fact = root.querySelector('.mdc-keyfact')!.textContent!;
    expect(fact).toMatch(/Presidente de Estados Unidos, La Casa Blanca \(mandato hasta ene 2029\) · verificado en dic 2026/);
  });

  it('names a judge appointed for life and the senators’ terms', async () => {
    await mount(<Card {...cardBase} published="2026-01-09" today="2026-12-07" entity={entityById.get('vince-chhabria')!} mentionText="Vince Chhabria" confidence="high" version="2.1.0" onClose={() => {}} />);
    expect(root.querySelector('.mdc-keyfact')!.textContent).toContain('(appointed for life) · checked Dec 2026');
    await mount(<Card {...cardBase} published="2026-01-09" today="2026-12-07" entity={entityById.get('adam-schiff')!} mentionText="Adam Schiff" confidence="high" version="2.1.0" onClose={() => {}} />);
    expect(root.querySelector('.mdc-keyfact')!.textContent).toContain('(term to Jan 2031) · checked Dec 2026');
  });

  it('says a successor was announced when the sources show no more than the announcement', async () => {
    await mount(<Card {...cardBase} published="2025-06-13" today="2026-12-07" entity={entityById.get('kristi-noem')!} mentionText="Kristi Noem" confidence="high" version="2.1.0" onClose={() => {}} />);
    // In the card's details, with the rest of her titles.
    const titles = root.querySelector('.mdc-more .mdc-titles')!.textContent!;
    expect(titles).toContain('Successor announced Mar 5, 2026: Markwayne Mullin');
    expect(titles).not.toContain('Succeeded by');
  });

  it('says when a match is only probable', async () => {
    const e = entityById.get('gavin-newsom')!;
    await mount(<Card {...cardBase} entity={e} mentionText="Gavin Newo" confidence="probable" version="1.0.0" onClose={() => {}} />);
    expect(root.querySelector('.mdc-probable')!.textContent).toContain('“Gavin Newo”');
  });

  it('copies a citation with the record, its date, the dataset version and sources', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const e = entityById.get('eo-14218')!;
    await mount(<Card {...cardBase} entity={e} mentionText="Executive Order 14218" confidence="high" version="2.0.0" onClose={() => {}} />);
    await act(async () => root.querySelector<HTMLButtonElement>('.mdc-copy')!.click());
    const citation = writeText.mock.calls[0][0] as string;
    expect(citation).toContain(e.name);
    expect(citation).toContain(`As of ${e.asOf}`);
    expect(citation).toContain('dataset v2.0.0');
    expect(citation).toContain(e.sources[0].url);
    expect(root.querySelector('.mdc-copy')!.textContent).toBe('Citation copied');
  });
});

describe('ClaimCard', () => {
  const claimOf = (id: string) => claimRecords.find((c) => c.id === id)!;
  const check = {
    id: 'cms-ice-agreement-date',
    start: 0,
    end: 60,
    text: 'In July, ICE gained access to basic Medicaid enrollee information',
    asserted: '2025-07',
    part: { kind: 'month' as const, start: 3, end: 7, text: 'July' },
    verdict: 'agrees' as const,
    then: { index: 0, value: '2025-07', from: '2025-07' },
    now: { index: 0, value: '2025-07', from: '2025-07' },
  };

  it('says which part of the clause was compared, and announces the verdict with it', async () => {
    await mount(<ClaimCard {...cardBase} published="2026-01-09" version="1.0.0" check={check} claim={claimOf(check.id)} onClose={() => {}} />);
    const card = root.querySelector<HTMLElement>('[role="dialog"]')!;
    expect(root.querySelector('h2')!.textContent).toContain('Agrees');
    const part = root.querySelector('.mdc-part')!;
    expect(part.textContent).toBe('Checked the month: July 2025');
    // The dialog's description starts with what was checked: a screen reader says it after the verdict.
    expect(card.getAttribute('aria-describedby')!.split(' ')[0]).toBe(part.id);
    expect(root.querySelector('.mdc-quote')!.textContent).toContain(check.text);
  });

  it('explains a name inside the claim after the verdict, in one dialog labelled by both', async () => {
    const noem = entityById.get('kristi-noem')!;
    const outdated = {
      id: 'dhs-secretary',
      start: 0,
      end: 76,
      text: 'ICE is part of the department led by Homeland Security Secretary Kristi Noem',
      asserted: 'kristi-noem',
      part: { kind: 'holder' as const, start: 65, end: 76, text: 'Kristi Noem' },
      verdict: 'outdated' as const,
      since: '2026-03-31',
      then: { index: 0, value: 'kristi-noem', from: '2025-01-25' },
      now: { index: 1, value: 'markwayne-mullin', from: '2026-03-31' },
    };
    await mount(
      <ClaimCard
        {...cardBase}
        published="2026-01-09"
        version="1.0.0"
        check={outdated}
        claim={claimOf('dhs-secretary')}
        named={{ entity: noem, mentionText: 'Kristi Noem', confidence: 'high', today: '2026-12-07' }}
        onClose={() => {}}
      />,
    );
    const card = root.querySelector<HTMLElement>('[role="dialog"]')!;
    // One dialog: the verdict heading, then the name's heading; the verdict's words come first in the card.
    expect(root.querySelectorAll('[role="dialog"]')).toHaveLength(1);
    const [verdictId, nameId] = card.getAttribute('aria-labelledby')!.split(' ');
    expect(root.querySelector(`#${verdictId}`)!.textContent).toContain('Outdated');
    expect(root.querySelector(`#${nameId}`)!.textContent).toContain('Kristi Noem');
    const text = card.textContent!;
    expect(text.indexOf('Outdated')).toBeLessThan(text.indexOf(noem.summary.en.slice(0, 40)));
    expect(root.querySelector('.mdc-part')!.textContent).toBe('Checked who held the title: Kristi Noem');
    expect(root.querySelector('.mdc-explanation')!.textContent).toBe('Right when the article was written; changed on Mar 31, 2026.');
    // The name as its card opens, shorter: its title then and the opening of its summary; the rest in the details.
    expect(root.querySelector('.mdc-named .mdc-keyfact')!.textContent).toContain('when the article was written');
    const lead = root.querySelector('.mdc-named .mdc-summary')!.textContent!;
    expect(noem.summary.en.startsWith(lead)).toBe(true);
    const details = root.querySelector('.mdc-more')!.textContent!;
    expect(details).toContain(noem.summary.en);
    expect(details).toContain('The article says: ');
    expect(details).toMatch(/Now: .*Mullin/);
    expect(root.querySelector('.mdc-more .mdc-named-actions button')!.textContent).toBe('Copy citation for Kristi Noem');
  });

  it('says when a source last confirmed the value it rests on', async () => {
    const record = claimOf('hhs-secretary');
    const stale = { ...check, id: record.id, asserted: 'robert-f-kennedy-jr', part: { kind: 'holder' as const, start: 0, end: 21, text: 'Robert F. Kennedy Jr.' }, lastConfirmed: '2025-06-18', then: { index: 0, value: 'x', from: '2025-02' }, now: { index: 0, value: 'x', from: '2025-02' } };
    await mount(<ClaimCard {...cardBase} published="2026-01-09" version="1.0.0" check={stale} claim={record} onClose={() => {}} />);
    expect(root.querySelector('.mdc-part')!.textContent).toBe('Checked who held the title: Robert F. Kennedy Jr.');
    expect(root.textContent).toContain('A source last confirmed this value on Jun 18, 2025.');
  });
});

function fakeTab(overrides: Partial<ActiveTab> = {}): ActiveTab & { enabled: Map<string, boolean> } {
  const enabled = new Map<string, boolean>();
  const response: AnnotationsResponse = {
    detected: true,
    score: 0.93,
    version: dataset.meta.version,
    enabled: true,
    reasons: [{ code: 'linked-paragraphs', count: 4, examples: [] }],
    annotations: [
      { id: 'andrew-nixon', kind: 'person', text: 'Andrew Nixon' },
      { id: 'andrew-nixon', kind: 'person', text: 'Nixon' },
      { id: 'cms', kind: 'agency', text: 'CMS' },
    ],
    mode: 'all',
    hidden: false,
    published: '2025-07-20',
    claims: [
      { id: 'lawsuit-states-at-filing', text: '20 states sued', verdict: 'agrees', asserted: '20', part: { kind: 'count', text: '20 states sued' } },
      { id: 'hhs-secretary', text: 'Health Secretary Robert F. Kennedy Jr. said', verdict: 'agrees', asserted: 'robert-f-kennedy-jr', part: { kind: 'holder', text: 'Robert F. Kennedy Jr.' }, lastConfirmed: '2025-06-18' },
    ],
    since: [{ id: 'preliminary-injunction-aug-2025', date: '2025-08-12' }],
    lang: 'en',
  };
  return {
    enabled,
    hostname: async () => 'apnews.com',
    annotations: async () => response,
    reveal: vi.fn(async () => {}),
    showClaim: vi.fn(async () => {}),
    annotateHere: vi.fn(async () => true),
    isSiteEnabled: async (h) => enabled.get(h) ?? true,
    setSiteEnabled: vi.fn(async (h, on) => void enabled.set(h, on)),
    allSites: async () => false,
    setAllSites: vi.fn(async (on: boolean) => on),
    underlineMode: async () => 'all',
    setUnderlineMode: vi.fn(async () => {}),
    toggleUnderlines: vi.fn(async () => true),
    ...overrides,
  };
}

describe('PopupApp', () => {
  it('says whether the page was recognised and why, and lists entities by kind with counts', async () => {
    await mount(<PopupApp tab={fakeTab()} onNavigate={() => {}} />);
    await flush();
    const text = root.textContent!;
    expect(text).toContain('This page was recognised as coverage of the story.');
    expect(text).toContain('4 paragraphs connect Medicaid with immigration enforcement and data');
    expect(text).toContain('3 mentions');
    const people = [...root.querySelectorAll('h3')].find((h) => h.textContent!.startsWith('People'))!;
    expect(people.textContent).toContain('2');
    expect([...root.querySelectorAll('.entities button.link')].map((b) => b.textContent)).toEqual([entityById.get('andrew-nixon')!.name, entityById.get('cms')!.name]);
  });

  it('lists the claims with their verdicts in words, and the story’s events since the article', async () => {
    const tab = fakeTab();
    await mount(<PopupApp tab={tab} onNavigate={() => {}} />);
    await flush();
    const claims = root.querySelector('[aria-labelledby="claims"]')!;
    expect(claims.textContent).toContain('Agrees');
    expect(claims.textContent).toContain('“20 states sued”');
    // What was compared in each clause, and the last confirmation of a value that rests on one.
    const items = [...claims.querySelectorAll('li')];
    expect(items[0].querySelector('.part')!.textContent).toBe(' — the count: 20');
    expect(items[1].querySelector('.part')!.textContent).toBe(' — who held the title: Robert F. Kennedy Jr.');
    expect(items[1].textContent).toContain('A source last confirmed this value on Jun 18, 2025.');
    await act(async () => claims.querySelector<HTMLButtonElement>('button.link')!.click());
    expect(tab.showClaim).toHaveBeenCalledWith(0);
    const since = root.querySelector('[aria-labelledby="since"]')!;
    expect(since.textContent).toContain('Since this article');
    expect(since.textContent).toContain('Aug 12, 2025');
    const event = entityById.get('preliminary-injunction-aug-2025')!;
    expect(since.querySelector('a')!.getAttribute('href')).toBe(event.sources[0].url);
  });

  it('puts its controls before the list of what was found', async () => {
    const tab = fakeTab();
    await mount(<PopupApp tab={tab} onNavigate={() => {}} />);
    await flush();
    await flush();
    const controls = root.querySelector('section.controls')!;
    const list = root.querySelector('[aria-labelledby="found"]')!;
    expect(controls.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(controls.querySelector('input[type="checkbox"]')).not.toBeNull();
    const mode = controls.querySelector<HTMLSelectElement>('select[name="underline-mode"]')!;
    await act(async () => {
      mode.value = 'first';
      mode.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(tab.setUnderlineMode).toHaveBeenCalledWith('first');
    const hide = [...controls.querySelectorAll('button')].find((b) => b.textContent === 'Hide underlines here')!;
    await act(async () => hide.click());
    await flush();
    expect(tab.toggleUnderlines).toHaveBeenCalled();
    expect(hide.getAttribute('aria-pressed')).toBe('true');
    expect(hide.textContent).toBe('Show underlines here');
  });

  it('puts the key right after the controls: every kind and every claim tint, in the page’s own highlight styles', async () => {
    await mount(<PopupApp tab={fakeTab()} onNavigate={() => {}} />);
    await flush();
    await flush();
    const key = root.querySelector('section.key')!;
    expect(root.querySelector('section.controls')!.nextElementSibling).toBe(key);
    for (const kind of ENTITY_KINDS) {
      const sample = key.querySelector<HTMLElement>(`[data-kind="${kind}"] .sample`)!;
      expect(sample.getAttribute('style'), kind).toBe(HIGHLIGHT_STYLES[kind]);
    }
    expect(key.querySelector<HTMLElement>('[data-kind="event"] .sample')!.getAttribute('style')).toContain('wavy');
    for (const verdict of VERDICTS) {
      const tint = key.querySelector<HTMLElement>(`[data-verdict="${verdict}"]`)!;
      expect(tint.getAttribute('style'), verdict).toBe(HIGHLIGHT_STYLES[`claim-${verdict}`]);
      expect(tint.textContent).toContain(en.popup.verdict[verdict]);
    }
  });

  it('keeps its lists closed until asked for, and offers the three underline densities with the readable one chosen', async () => {
    await mount(<PopupApp tab={fakeTab({ underlineMode: async () => 'section' })} onNavigate={() => {}} />);
    await flush();
    await flush();
    const lists = [...root.querySelectorAll<HTMLDetailsElement>('details.list')];
    expect(lists.map((d) => d.dataset.list)).toEqual(['claims', 'since', 'why', 'found']);
    expect(lists.filter((d) => d.open)).toEqual([]);
    const mode = root.querySelector<HTMLSelectElement>('select[name="underline-mode"]')!;
    expect([...mode.options].map((o) => o.value)).toEqual(['section', 'all', 'first']);
    expect(mode.value).toBe('section');
    expect(mode.closest('label')!.textContent).toContain(en.popup.underline);
  });

  it('reveals an entity on the page when clicked', async () => {
    const tab = fakeTab();
    const onNavigate = vi.fn();
    await mount(<PopupApp tab={tab} onNavigate={onNavigate} />);
    await flush();
    await act(async () => root.querySelector<HTMLButtonElement>('button[data-entity="cms"]')!.click());
    expect(tab.reveal).toHaveBeenCalledWith('cms');
    expect(onNavigate).toHaveBeenCalled();
  });

  it('switches the site off', async () => {
    const tab = fakeTab();
    await mount(<PopupApp tab={tab} onNavigate={() => {}} />);
    await flush();
    const box = root.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    expect(box.checked).toBe(true);
    await act(async () => {
      box.checked = false;
      box.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
    expect(tab.setSiteEnabled).toHaveBeenCalledWith('apnews.com', false);
    expect(root.querySelector<HTMLInputElement>('input[type="checkbox"]')!.checked).toBe(false);
    expect(root.querySelector('[role="status"]')!.textContent).toBe('Off on apnews.com: switch it on below to annotate this page.');
    expect(root.textContent).not.toContain('not recognised');
  });

  it('offers to annotate a page where the content script does not run', async () => {
    let injected = false;
    const tab = fakeTab({
      annotations: async () => (injected ? fakeTab().annotations() : null),
      annotateHere: vi.fn(async () => (injected = true)),
    });
    await mount(<PopupApp tab={tab} onNavigate={() => {}} />);
    await flush();
    expect(root.textContent).toContain('does not run on this page automatically');
    await act(async () => root.querySelector<HTMLButtonElement>('button.primary')!.click());
    await flush();
    expect(root.textContent).toContain('This page was recognised');
  });
});

describe('the all-sites opt-in', () => {
  it('is off by default and asks for it when switched on; stays off when the browser refuses', async () => {
    let granted = false;
    const tab = fakeTab({ setAllSites: vi.fn(async (on: boolean) => on && granted) });
    await mount(<PopupApp tab={tab} onNavigate={() => {}} />);
    await flush();
    await flush(); // the switch reads its state after the popup has loaded
    const box = () => [...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].find((b) => b.getAttribute('aria-describedby') === 'all-sites-hint')!;
    expect(box().checked).toBe(false);
    expect(root.textContent).toContain('Annotate coverage on every site');
    const toggle = async (on: boolean) => {
      await act(async () => {
        box().checked = on;
        box().dispatchEvent(new Event('change', { bubbles: true }));
      });
      await flush();
    };
    await toggle(true);
    expect(tab.setAllSites).toHaveBeenLastCalledWith(true);
    expect(box().checked).toBe(false);
    granted = true;
    await toggle(true);
    expect(box().checked).toBe(true);
    await toggle(false);
    expect(tab.setAllSites).toHaveBeenLastCalledWith(false);
    expect(box().checked).toBe(false);
  });

  it('registers only when wanted and permitted, and unregisters otherwise', async () => {
    const { syncAllSites } = await import('../../utils/all-sites');
    const make = (permitted: boolean, registered: boolean) => {
      const state = { registered };
      const api = {
        hasPermission: async () => permitted,
        isRegistered: async () => state.registered,
        register: vi.fn(async () => void (state.registered = true)),
        unregister: vi.fn(async () => void (state.registered = false)),
      };
      return { api, state };
    };
    let t = make(true, false);
    expect(await syncAllSites(true, t.api)).toBe(true);
    expect(t.state.registered).toBe(true);
    expect(await syncAllSites(true, t.api)).toBe(true);
    expect(t.api.register).toHaveBeenCalledOnce();
    t = make(false, true);
    expect(await syncAllSites(true, t.api)).toBe(false);
    expect(t.state.registered).toBe(false);
    t = make(true, true);
    expect(await syncAllSites(false, t.api)).toBe(false);
    expect(t.api.unregister).toHaveBeenCalledOnce();
  });
});

describe('settings', () => {
  it('falls back to no disabled sites when storage holds something corrupt', async () => {
    const { readDisabledSites, setSiteEnabled, isSiteEnabled } = await import('../../utils/settings');
    await fakeBrowser.storage.local.set({ disabledSites: 'not-an-array' });
    expect(await readDisabledSites()).toEqual([]);
    await setSiteEnabled('example.org', false);
    expect(await isSiteEnabled('example.org')).toBe(false);
    expect(await isSiteEnabled('apnews.com')).toBe(true);
  });
});

describe('in Spanish', () => {
  it('renders the popup with Spanish strings', async () => {
    vi.restoreAllMocks();
    installMessages('es');
    await mount(<PopupApp tab={fakeTab()} onNavigate={() => {}} />);
    await flush();
    expect(root.textContent).toContain('Esta página se reconoció como cobertura del tema.');
    expect(root.textContent).toContain('3 menciones');
  });
});
