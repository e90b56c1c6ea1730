// @vitest-environment happy-dom
/**
 * Where the story is read: the first-run choice, "Always annotate on this site" in the popup, the options page,
 * the side panel's "Check text", and the text check itself (the background's, run here on the shipped data).
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { OptionsApp, type OptionsApi } from '../../components/OptionsApp';
import { PopupApp, type ActiveTab } from '../../components/PopupApp';
import { WelcomeApp } from '../../components/WelcomeApp';
import { SidePanelApp } from '../../components/SidePanelApp';
import type { TextChecker } from '../../components/panel/TextCheck';
import { claims, dataset } from '../../data';
import { compileClaims, createEngine, prepareClaims } from '../../engine';
import type { Reach } from '../../utils/setting-values';
import { checkText, MAX_CHECK_CHARS } from '../../utils/text-check';
import { NEWS_SITES } from '../../utils/news-sites';
import { flush, renderRootPerTest } from '../support/render-root';

let root: HTMLElement;
renderRootPerTest((el) => (root = el));
const mount = async (node: preact.ComponentChild) => {
  await act(async () => render(node, root));
  await flush();
  await flush();
};
const click = (el: Element) => act(async () => void (el as HTMLElement).click());
const radio = (value: string, name = 'reach') => root.querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`)!;

function reachApi(granted: boolean) {
  let reach: Reach = 'listed';
  return {
    reach: async () => reach,
    setReach: vi.fn(async (r: Reach) => {
      if (r === 'all' && !granted) return reach;
      return (reach = r);
    }),
  };
}

describe('the first-run page', () => {
  it('says what the extension does and that nothing leaves the browser, and offers the three choices, the list by default', async () => {
    const api = reachApi(true);
    await mount(<WelcomeApp api={api} openSettings={() => {}} />);
    const text = root.textContent!;
    expect(text).toContain('Welcome to Medicaid Data Context');
    expect(text).toContain('Nothing leaves your browser');
    expect(text).toContain(`${NEWS_SITES.length} news sites`);
    expect(text).toContain('Check this text');
    expect(radio('listed').checked).toBe(true);
    // Each choice is a labelled radio with its explanation tied to it for screen readers.
    for (const r of ['listed', 'all', 'click']) {
      const hint = root.querySelector(`#${radio(r).getAttribute('aria-describedby')}`);
      expect(hint?.textContent?.length).toBeGreaterThan(40);
      expect(radio(r).closest('label')).not.toBeNull();
    }
    await click(radio('click'));
    await flush();
    expect(api.setReach).toHaveBeenLastCalledWith('click');
    expect(radio('click').checked).toBe(true);
    expect(root.querySelector('[role="status"]')!.textContent).toContain('Only when I click');
  });

  it('stays on the list when the browser refuses every site, and says so', async () => {
    const api = reachApi(false);
    await mount(<WelcomeApp api={api} openSettings={() => {}} />);
    await click(radio('all'));
    await flush();
    expect(api.setReach).toHaveBeenLastCalledWith('all');
    expect(radio('all').checked).toBe(false);
    expect(radio('listed').checked).toBe(true);
    expect(root.querySelector('[role="status"]')!.textContent).toContain('did not grant');
  });
});

function popupTab(overrides: Partial<ActiveTab> = {}): ActiveTab {
  return {
    hostname: async () => 'news.example.org',
    annotations: async () => null,
    reveal: vi.fn(async () => {}),
    showClaim: vi.fn(async () => {}),
    annotateHere: vi.fn(async () => true),
    isSiteEnabled: async () => true,
    setSiteEnabled: vi.fn(async () => {}),
    allSites: async () => false,
    setAllSites: vi.fn(async (on: boolean) => on),
    underlineMode: async () => 'all',
    setUnderlineMode: vi.fn(async () => {}),
    toggleUnderlines: vi.fn(async () => true),
    alwaysHere: async () => false,
    setAlwaysHere: vi.fn(async (_h: string, on: boolean) => on),
    openSettings: vi.fn(),
    openFirstRun: vi.fn(),
    ...overrides,
  };
}

describe('"Always annotate on this site" in the popup', () => {
  const box = () => root.querySelector<HTMLInputElement>('input[data-action="always-here"]');

  it('is offered on a site not on the list; one click asks the browser for that site alone', async () => {
    const tab = popupTab();
    await mount(<PopupApp tab={tab} onNavigate={() => {}} />);
    expect(root.textContent).toContain('Annotate this page');
    expect(root.textContent).toContain('Always annotate on news.example.org');
    expect(box()!.checked).toBe(false);
    await click(box()!);
    await flush();
    expect(tab.setAlwaysHere).toHaveBeenCalledWith('news.example.org', true);
    expect(box()!.checked).toBe(true);
  });

  it('stays off, and says so, when the browser refuses', async () => {
    const tab = popupTab({ setAlwaysHere: vi.fn(async () => false) });
    await mount(<PopupApp tab={tab} onNavigate={() => {}} />);
    await click(box()!);
    await flush();
    expect(box()!.checked).toBe(false);
    expect(root.textContent).toContain('did not grant access to news.example.org');
  });

  it('is not offered on a listed news site, and links to the settings and the first-run page', async () => {
    const tab = popupTab({ hostname: async () => 'www.lanacion.com.ar' });
    await mount(<PopupApp tab={tab} onNavigate={() => {}} />);
    expect(box()).toBeNull();
    await click(root.querySelector('[data-action="settings"]')!);
    await click(root.querySelector('[data-action="first-run"]')!);
    expect(tab.openSettings).toHaveBeenCalledOnce();
    expect(tab.openFirstRun).toHaveBeenCalledOnce();
  });
});

function optionsApi(): OptionsApi & { state: { always: string[]; off: string[] } } {
  const state = { always: ['news.example.org'], off: ['cnn.com'] };
  const reach = reachApi(true);
  return {
    state,
    ...reach,
    alwaysSites: async () => state.always.map((host) => ({ host, granted: true })),
    addAlwaysSite: vi.fn(async (host: string) => (state.always.push(host), true)),
    removeAlwaysSite: vi.fn(async (host: string) => void (state.always = state.always.filter((h) => h !== host))),
    disabledSites: async () => state.off,
    enableSite: vi.fn(async (host: string) => void (state.off = state.off.filter((h) => h !== host))),
    underlineMode: async () => 'all',
    setUnderlineMode: vi.fn(async () => {}),
    cardLang: async () => 'auto',
    setCardLang: vi.fn(async () => {}),
    openFirstRun: vi.fn(),
  };
}

describe('the options page', () => {
  it('holds every setting: the choice, the sites always annotated (revocable), the sites switched off, underlines, language of cards', async () => {
    const api = optionsApi();
    await mount(<OptionsApp api={api} />);
    expect(radio('listed').checked).toBe(true);
    expect(root.querySelector('[data-list="always"]')!.textContent).toContain('news.example.org');
    expect(root.querySelector('[data-list="off"]')!.textContent).toContain('cnn.com');
    expect(radio('all', 'underline-mode').checked).toBe(true);
    expect(radio('auto', 'card-lang').checked).toBe(true);

    await click([...root.querySelectorAll('button')].find((b) => b.textContent === 'Stop annotating news.example.org')!);
    await flush();
    expect(api.removeAlwaysSite).toHaveBeenCalledWith('news.example.org');
    expect(root.querySelector('[data-list="always"]')).toBeNull();
    expect(root.textContent).toContain('news.example.org is no longer annotated by itself.');

    await click([...root.querySelectorAll('button')].find((b) => b.textContent === 'Switch cnn.com on again')!);
    await flush();
    expect(api.enableSite).toHaveBeenCalledWith('cnn.com');

    await click(radio('es', 'card-lang'));
    expect(api.setCardLang).toHaveBeenCalledWith('es');
    await click(radio('first', 'underline-mode'));
    expect(api.setUnderlineMode).toHaveBeenCalledWith('first');
  });

  it('adds a site typed as an address, and refuses what is not a site or is on the list already', async () => {
    const api = optionsApi();
    await mount(<OptionsApp api={api} />);
    const input = root.querySelector<HTMLInputElement>('#add-site')!;
    const submit = async (value: string) => {
      await act(async () => {
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await act(async () => void root.querySelector('form.add-site')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
      await flush();
    };
    await submit('https://Local.Example.com/story?id=1');
    expect(api.addAlwaysSite).toHaveBeenCalledWith('local.example.com');
    expect(root.querySelector('[data-list="always"]')!.textContent).toContain('local.example.com');
    await submit('not a site');
    expect(root.textContent).toContain('“not a site” is not a site’s name or address.');
    await submit('www.apnews.com');
    expect(root.textContent).toContain('www.apnews.com is on the list already');
    expect(api.addAlwaysSite).toHaveBeenCalledTimes(1);
  });
});

describe('checking text from anywhere', () => {
  const engine = createEngine(dataset.entities, dataset.lexicon);
  const finder = compileClaims(prepareClaims(claims));
  const POST = [
    'Thread: In June 2025 CMS gave DHS the Medicaid data of enrollees in California, Illinois, Washington state and D.C.',
    'Homeland Security Secretary Kristi Noem defended the agreement with ICE, and Andrew Nixon of HHS called it lawful.',
  ].join('\n\n');

  it('finds the names and the claims in a pasted post, and judges an undated text only where the date cannot matter', () => {
    const answer = checkText(engine, finder, POST, { today: '2026-12-07' });
    const ids = new Set(answer.mentions.map((m) => m.id));
    expect(ids.has('kristi-noem')).toBe(true);
    expect(ids.has('andrew-nixon')).toBe(true);
    expect(answer.published).toBeNull();
    // A changed title in an undated text: no verdict, so not shown.
    expect(answer.claims.find((c) => c.id === 'dhs-secretary')).toBeUndefined();
    // Dated by the reader, it is judged.
    const dated = checkText(engine, finder, POST, { today: '2026-12-07', published: '2025-10-01' });
    expect(dated.claims.find((c) => c.id === 'dhs-secretary')?.verdict).toBe('outdated');
    // A date that makes no sense for the story is ignored and said so.
    const odd = checkText(engine, finder, POST, { today: '2026-12-07', published: '2019-01-01' });
    expect([odd.published, odd.ignored]).toEqual([null, '2019-01-01']);
  });

  it('names what a short post mentions even when it does not read as coverage, and reads no more than its cap', () => {
    const short = checkText(engine, finder, 'Kristi Noem spoke today.', { today: '2026-12-07' });
    expect(short.detection.detected).toBe(false);
    expect(short.mentions.map((m) => m.id)).toContain('kristi-noem');
    const long = checkText(engine, finder, 'x'.repeat(MAX_CHECK_CHARS + 10), { today: '2026-12-07' });
    expect(long.truncated).toBe(true);
  });

  it('the side panel shows what the menu sent, checked, without any page', async () => {
    let send: (text: string) => void = () => {};
    const checker: TextChecker = {
      check: vi.fn(async (text: string, published: string | null) => checkText(engine, finder, text, { today: '2026-12-07', published })),
      onMenuText: (listener) => ((send = listener), () => {}),
    };
    const link = { annotations: async () => null, snapshot: async () => null, show: async () => false, present: async () => false, onChange: () => () => {} };
    await mount(<SidePanelApp link={link} lang="en" today="2026-12-07" checker={checker} />);
    expect(root.textContent).toContain('Nothing to show for this tab');
    await act(async () => send(POST));
    await flush();
    await flush();
    expect(checker.check).toHaveBeenCalledWith(POST, null);
    const section = root.querySelector('#check')!;
    expect(section.textContent).toContain('Text you selected with “Check this text”.');
    expect(root.querySelector<HTMLTextAreaElement>('#check-text')!.value).toBe(POST);
    expect(section.querySelector('[data-entity="kristi-noem"]')).not.toBeNull();
    expect(section.textContent).toContain('No date given');
    // The reader gives a date and checks again: the title claim is judged.
    const date = root.querySelector<HTMLInputElement>('#check-date')!;
    await act(async () => {
      date.value = '2025-10-01';
      date.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click(root.querySelector('[data-action="check-text"]')!);
    await flush();
    expect(checker.check).toHaveBeenLastCalledWith(POST, '2025-10-01');
    expect(section.querySelector('[data-verdict="outdated"]')?.textContent).toContain('Right when written, changed since');
  });
});
