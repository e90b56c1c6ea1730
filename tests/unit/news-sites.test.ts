/**
 * The install list (utils/news-sites.ts) stands on the coverage research (docs/coverage/): every host has a
 * reason and real report rows, none is a copy or a non-news host the research says never to list, and the
 * content scripts' match patterns cover exactly those hosts and their subdomains.
 */
import { describe, expect, it } from 'vitest';
import { checkNewsSites, isListedHost, NEWS_MATCHES, NEWS_SITES, type NewsSite } from '../../utils/news-sites';
import { readCoverageDocs } from '../../scripts/lib/coverage-docs';

const { neverList, reports } = readCoverageDocs();

describe('the news-site list', () => {
  it('is sound against the research: reasons, real report rows, no copies or non-news hosts', () => {
    expect(neverList.length).toBeGreaterThan(80);
    expect(neverList).toContain('archyde.com');
    expect(neverList).toContain('inkl.com');
    expect(checkNewsSites(NEWS_SITES, neverList, reports)).toEqual([]);
  });

  it('carries the research’s recommended hosts, and no portal it did not find', () => {
    for (const host of ['lanacion.com.ar', 'eldiariony.com', 'elnuevodia.com', 'laraza.com', 'lawandcrime.com', 'washingtonexaminer.com', 'sfchronicle.com', 'stateline.org', 'kff.org', 'cibercuba.com', 'abc7chicago.com', 'nprillinois.org', 'wglt.org'])
      expect(NEWS_SITES.map((s) => s.host)).toContain(host);
    expect(NEWS_SITES.filter((s) => /yahoo|msn/.test(s.host))).toEqual([]);
    // Every host added by the research cites the report rows that show it carried the story.
    const added = NEWS_SITES.slice(NEWS_SITES.findIndex((s) => s.host === 'lanacion.com.ar'));
    expect(added.filter((s) => !s.reports?.length)).toEqual([]);
  });

  it('refuses a spun copy, a host listed twice, a subdomain of a listed host and a missing reason', () => {
    const base: NewsSite = { host: 'example.org', outlet: 'Example', lang: 'en', why: 'A reason long enough to read.' };
    expect(checkNewsSites([{ ...base, host: 'archyde.com' }], neverList, reports)).toEqual([expect.stringContaining('never on the list')]);
    expect(checkNewsSites([base, base], neverList, reports)).toEqual([expect.stringContaining('listed twice')]);
    expect(checkNewsSites([base, { ...base, host: 'news.example.org' }], neverList, reports)).toEqual([expect.stringContaining('already covered by example.org')]);
    expect(checkNewsSites([{ ...base, why: '' }], neverList, reports)).toEqual([expect.stringContaining('needs a reason')]);
    expect(checkNewsSites([{ ...base, reports: ['R9999'] }], neverList, reports)).toEqual([expect.stringContaining('R9999')]);
  });

  it('matches each host and its subdomains, over http and https, and nothing else', () => {
    expect(NEWS_MATCHES).toHaveLength(NEWS_SITES.length * 2);
    expect(NEWS_MATCHES).toContain('*://lanacion.com.ar/*');
    expect(NEWS_MATCHES).toContain('*://*.lanacion.com.ar/*');
    expect(isListedHost('www.lanacion.com.ar')).toBe(true);
    expect(isListedHost('noticias.foxnews.com')).toBe(true);
    expect(isListedHost('apnews.com')).toBe(true);
    expect(isListedHost('notapnews.com')).toBe(false);
    expect(isListedHost('archyde.com')).toBe(false);
  });
});
