import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isSiteEnabled, readDisabledSites, readUnderlineMode, setSiteEnabled } from '../../utils/settings';
import { validHostnames } from '../../utils/setting-values';
import { MAX_REQUESTED_IDS, recordsFor } from '../../utils/records';
import { dataset } from '../../data';

beforeEach(() => fakeBrowser.reset());

describe('the reader’s site list', () => {
  it('keeps every valid entry when one is bad', async () => {
    await fakeBrowser.storage.local.set({ disabledSites: ['apnews.com', 42, { bad: 1 }, 'npr.org', 'not a host!'] });
    expect(await readDisabledSites()).toEqual(['apnews.com', 'npr.org']);
    expect(await isSiteEnabled('apnews.com')).toBe(false);
    expect(await isSiteEnabled('nytimes.com')).toBe(true);
  });

  it('changes only the toggled entry, never writing a fallback over the rest', async () => {
    await fakeBrowser.storage.local.set({ disabledSites: ['apnews.com', 42, 'npr.org'] });
    await setSiteEnabled('nytimes.com', false);
    expect((await fakeBrowser.storage.local.get('disabledSites')).disabledSites).toEqual(['apnews.com', 42, 'npr.org', 'nytimes.com']);
    await setSiteEnabled('apnews.com', true);
    expect((await fakeBrowser.storage.local.get('disabledSites')).disabledSites).toEqual([42, 'npr.org', 'nytimes.com']);
  });

  it('treats a corrupt list as empty without losing the reader’s next choice', async () => {
    await fakeBrowser.storage.local.set({ disabledSites: 'garbage' });
    expect(await readDisabledSites()).toEqual([]);
    await setSiteEnabled('apnews.com', false);
    expect(await readDisabledSites()).toEqual(['apnews.com']);
  });

  it('validates hostnames one by one', () => {
    expect(validHostnames(['a.example', 'A B', '', 'x'.repeat(300), 'b.example', 'a.example'])).toEqual(['a.example', 'b.example']);
    expect(validHostnames(null)).toEqual([]);
  });

  it('reads the underline mode, defaulting to a readable few (each name once per section) on anything unknown', async () => {
    expect(await readUnderlineMode()).toBe('section');
    for (const mode of ['first', 'all', 'section'] as const) {
      await fakeBrowser.storage.local.set({ underlineMode: mode });
      expect(await readUnderlineMode()).toBe(mode);
    }
    for (const corrupt of [{ evil: true }, 'every', 7, null, ['all']]) {
      await fakeBrowser.storage.local.set({ underlineMode: corrupt });
      expect(await readUnderlineMode()).toBe('section');
    }
  });
});

describe('records for a page', () => {
  it('collapses repeated ids and caps how many a page can ask for', () => {
    const ids = dataset.entities.map((e) => e.id);
    const many = Array.from({ length: 50_000 }, (_, i) => ids[i % ids.length]);
    const got = recordsFor(many);
    expect(got.map((e) => e.id)).toEqual(ids.slice(0, Math.min(ids.length, MAX_REQUESTED_IDS)));
    expect(recordsFor(Array.from({ length: 10_000 }, (_, i) => `nope-${i}`))).toEqual([]);
  });
});

describe('the content script’s view of the settings', () => {
  it('reads what the popup writes, entry by entry, and hears changes', async () => {
    const { readPageSettings, watchPageSettings } = await import('../../utils/page-settings');
    const { setUnderlineMode } = await import('../../utils/settings');
    await fakeBrowser.storage.local.set({ disabledSites: ['apnews.com', 7, 'npr.org'], underlineMode: 'nonsense' });
    expect(await readPageSettings()).toEqual({ disabledSites: ['apnews.com', 'npr.org'], underlineMode: 'section', reach: 'listed', alwaysSites: [], cardLang: 'auto' });
    const heard: string[] = [];
    const stop = watchPageSettings((key) => heard.push(key));
    await setUnderlineMode('first');
    await setSiteEnabled('cnn.com', false);
    stop();
    await setSiteEnabled('cnn.com', true);
    expect(heard).toEqual(['underlineMode', 'disabledSites']);
    expect((await readPageSettings()).underlineMode).toBe('first');
  });
});

describe('where pages are read, sites always annotated, the language of cards', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the first-run choice, with the older every-site switch as "every site", and anything else as the list', async () => {
    const { readReach, reachChosen, setReach } = await import('../../utils/settings');
    expect(await readReach()).toBe('listed');
    expect(await reachChosen()).toBe(false);
    await fakeBrowser.storage.local.set({ allSites: true });
    expect(await readReach()).toBe('all');
    await setReach('click');
    expect(await readReach()).toBe('click');
    expect(await reachChosen()).toBe(true);
    expect((await fakeBrowser.storage.local.get('allSites')).allSites).toBeUndefined();
    await fakeBrowser.storage.local.set({ reach: 'everywhere!' });
    expect(await readReach()).toBe('listed');
  });

  it('keeps the sites always annotated entry by entry, and the content script sees them', async () => {
    const { readAlwaysSites, setAlwaysSite, readCardLang, setCardLang } = await import('../../utils/settings');
    const { readPageSettings } = await import('../../utils/page-settings');
    await fakeBrowser.storage.local.set({ alwaysSites: ['news.example.org', 5, 'BAD HOST'] });
    expect(await readAlwaysSites()).toEqual(['news.example.org']);
    await setAlwaysSite('local.example.com', true);
    await setAlwaysSite('news.example.org', false);
    expect((await fakeBrowser.storage.local.get('alwaysSites')).alwaysSites).toEqual([5, 'BAD HOST', 'local.example.com']);
    expect(await readCardLang()).toBe('auto');
    await setCardLang('es');
    expect(await readPageSettings()).toMatchObject({ alwaysSites: ['local.example.com'], cardLang: 'es', reach: 'listed' });
  });

  it('turns what a reader types into a site, and a grant pattern back into its site', async () => {
    const { hostFromInput, hostOfOrigin, originOf } = await import('../../utils/setting-values');
    expect(hostFromInput('https://News.Example.org/a/b?c')).toBe('news.example.org');
    expect(hostFromInput(' local.example.com ')).toBe('local.example.com');
    expect(hostFromInput('javascript:alert(1)')).toBeNull();
    expect(hostFromInput('not a site')).toBeNull();
    expect(hostFromInput('localhost')).toBeNull();
    expect(originOf('local.example.com')).toBe('*://local.example.com/*');
    expect(hostOfOrigin('*://local.example.com/*')).toBe('local.example.com');
    expect(hostOfOrigin('https://local.example.com/*')).toBe('local.example.com');
    expect(hostOfOrigin('*://*.apnews.com/*')).toBeNull();
    expect(hostOfOrigin('*://*/*')).toBeNull();
  });
});

describe('registering the content scripts per site', () => {
  const fakeSites = (permitted: string[], registered: string[]) => {
    const state = { registered: [...registered] };
    const api = {
      permitted: async (h: string) => permitted.includes(h),
      registered: async () => [...state.registered],
      register: vi.fn(async (h: string) => void state.registered.push(h)),
      unregister: vi.fn(async (h: string) => void (state.registered = state.registered.filter((x) => x !== h))),
    };
    return { api, state };
  };

  it('registers each wanted site the browser grants, and unregisters the rest', async () => {
    const { syncSites } = await import('../../utils/all-sites');
    const t = fakeSites(['a.example.org', 'b.example.org'], ['c.example.org']);
    expect(await syncSites(['a.example.org', 'b.example.org', 'd.example.org'], false, t.api)).toEqual(['a.example.org', 'b.example.org']);
    expect(t.state.registered.sort()).toEqual(['a.example.org', 'b.example.org']);
    // Again: nothing to do.
    await syncSites(['a.example.org', 'b.example.org'], false, t.api);
    expect(t.api.register).toHaveBeenCalledTimes(2);
    // Revoked in the browser: unregistered, though still on the reader's list.
    const revoked = fakeSites(['a.example.org'], ['a.example.org', 'b.example.org']);
    expect(await syncSites(['a.example.org', 'b.example.org'], false, revoked.api)).toEqual(['a.example.org']);
    expect(revoked.state.registered).toEqual(['a.example.org']);
  });

  it('registers no single site while the scripts run on every site (a page would get them twice)', async () => {
    const { syncSites } = await import('../../utils/all-sites');
    const t = fakeSites(['a.example.org'], ['a.example.org']);
    expect(await syncSites(['a.example.org'], true, t.api)).toEqual([]);
    expect(t.state.registered).toEqual([]);
  });

  it('reads a permission change as the sites it names and whether it names every site', async () => {
    const { sitesIn } = await import('../../utils/all-sites');
    expect(sitesIn(['*://local.example.com/*'])).toEqual({ hosts: ['local.example.com'], everySite: false });
    expect(sitesIn(['*://*/*'])).toEqual({ hosts: [], everySite: true });
    expect(sitesIn(undefined)).toEqual({ hosts: [], everySite: false });
  });
});
