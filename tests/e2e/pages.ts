/** Pages the browser tests serve under news hosts. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlainText } from '../../engine/plain-text';
import { plainTextPage, type Routes } from '../../scripts/lib/serve';
import { SEED_PATH } from '../support/expected';

export const SAMPLE_HTML = readFileSync(join(import.meta.dirname, '../../sample/article.html'), 'utf8');

const article = SAMPLE_HTML.match(/<article[\s\S]*<\/article>/)?.[0] ?? '';

export const routes: Routes = {
  '/article/sample': () => SAMPLE_HTML,
  '/article/seed': () => {
    const { title, paragraphs } = parsePlainText(readFileSync(SEED_PATH, 'utf8'));
    return plainTextPage(title, paragraphs);
  },
  '/article/unrelated': () =>
    plainTextPage('Ice storm closes schools across the region', [
      'WASHINGTON — An ice storm shut schools on Tuesday, and officials in Washington said roads would stay closed.',
      'Robert Kennedy, a plow driver, said crews worked through the night. The CMS plugin on the county website crashed.',
    ]),
  // A single-page app: the article arrives after load, as on client-rendered news sites.
  '/article/spa': () => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Loading…</title></head>
<body><div id="root"><p>Loading…</p></div>
<script>setTimeout(() => { document.title = 'Medicaid data and immigration enforcement';
document.getElementById('root').innerHTML = ${JSON.stringify(article)}; }, 700);</script></body></html>`,
};

export const hasSeed = existsSync(SEED_PATH);
