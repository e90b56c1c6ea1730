import { beforeEach, describe, expect, it } from 'vitest';
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
    expect(await readPageSettings()).toEqual({ disabledSites: ['apnews.com', 'npr.org'], underlineMode: 'section' });
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
