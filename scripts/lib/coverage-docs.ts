/**
 * What the coverage research (docs/coverage/) says about hosts, read from its Markdown tables: the report rows
 * that exist, and the hosts it says never to put on the install list (section 3: spun, mirrored, machine-
 * translated and AI-rewritten copies; section 4: official pages, archives, aggregators, documents). The build
 * (wxt.config.ts) and the unit tests hold utils/news-sites.ts to it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkNewsSites, NEWS_SITES } from '../../utils/news-sites';

const DOCS = resolve(import.meta.dirname, '../../docs/coverage');

/** First cells of the table rows under the headings whose text starts with one of `sections` ("3.", "4."). */
export function hostsInSections(markdown: string, sections: readonly string[]): string[] {
  const hosts: string[] = [];
  let inside = false;
  for (const line of markdown.split('\n')) {
    const heading = /^##\s+(.*)$/.exec(line);
    if (heading) inside = sections.some((s) => heading[1]!.startsWith(s));
    else if (inside) {
      const cell = /^\|\s*([^|\s]+)\s*\|/.exec(line)?.[1];
      if (cell && cell !== 'Host' && !/^-+$/.test(cell)) hosts.push(cell.toLowerCase());
    }
  }
  return hosts;
}

export function readCoverageDocs(): { neverList: string[]; reports: Set<string> } {
  const hosts = readFileSync(resolve(DOCS, 'hosts.md'), 'utf8');
  const reports = readFileSync(resolve(DOCS, 'reports.md'), 'utf8');
  return {
    neverList: hostsInSections(hosts, ['3.', '4.']),
    reports: new Set([...reports.matchAll(/^\|\s*(R\d+)\s*\|/gm)].map((m) => m[1]!)),
  };
}

/** Throws with every problem of the news-site list, against the research. */
export function assertNewsSites(): void {
  const { neverList, reports } = readCoverageDocs();
  const problems = checkNewsSites(NEWS_SITES, neverList, reports);
  if (problems.length) throw new Error(`utils/news-sites.ts:\n  ${problems.join('\n  ')}`);
}
