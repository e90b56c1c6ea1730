/**
 * `npm run corpus:check` (run by .ci/run, not by npm test): the engine must recognise none of the real
 * pages in ../shared/corpus/pages (Mozilla Readability's test pages; none is about this story), and must
 * read every one of them without throwing.
 */
import './lib/quiet-pipe';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { dataset } from '../data';
import { createEngine, readPageText } from '../engine';

const dir = resolve(import.meta.dirname, '../../shared/corpus/pages');
if (!existsSync(dir)) {
  console.log(`No corpus at ${dir}; nothing to check.`);
  process.exit(0);
}
const engine = createEngine(dataset.entities, dataset.lexicon);
const files = readdirSync(dir).filter((f) => f.endsWith('.html')).sort();
const detected: string[] = [];
const failed: string[] = [];
let chars = 0;
for (const f of files) {
  try {
    const { document } = parseHTML(readFileSync(join(dir, f), 'utf8'));
    const body = document.body ?? document.documentElement;
    const page = readPageText(body);
    chars += page.text.length;
    const { detection } = engine.annotate(page, document.title ?? '');
    if (detection.detected) detected.push(`${f} (score ${detection.score})`);
  } catch (e) {
    failed.push(`${f}: ${(e as Error).message}`);
  }
}
console.log(`${files.length} real pages (${(chars / 1e6).toFixed(1)} M characters): ${detected.length} recognised, ${failed.length} unreadable.`);
for (const d of detected) console.log(`  false alarm: ${d}`);
for (const d of failed) console.log(`  could not read: ${d}`);
console.log(`${files.length - detected.length - failed.length} passed, ${detected.length + failed.length} failed`);
process.exit(detected.length || failed.length ? 1 : 0);
