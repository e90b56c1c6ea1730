/**
 * `web-ext lint` on the Firefox build (what addons.mozilla.org runs on a submission). Fails on any error
 * and on any warning about the manifest; other warnings are printed (e.g. innerHTML inside Preact's bundle).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import './lib/quiet-pipe';

const root = resolve(import.meta.dirname, '..');
const source = join(root, '.output/firefox-mv2');
if (!existsSync(join(source, 'manifest.json'))) {
  console.error(`No Firefox build at ${source}: run \`npm run build\` first.`);
  process.exit(2);
}
const bin = join(root, 'node_modules/.bin/web-ext');
const run = spawnSync(bin, ['lint', '--source-dir', source, '--output', 'json', '--no-config-discovery'], { encoding: 'utf8' });
let report: { summary: Record<string, number>; errors: Msg[]; warnings: Msg[]; notices: Msg[] };
interface Msg {
  code: string;
  message: string;
  description?: string;
  file?: string;
  line?: number;
}
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(run.stdout, run.stderr);
  process.exit(2);
}
const line = (m: Msg) => `${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} — ${m.message}${m.description ? `: ${m.description.replace(/\s+/g, ' ')}` : ''}`;
const blocking = [...report.errors, ...report.warnings.filter((w) => w.file === 'manifest.json')];
for (const m of report.errors) console.log(`error   ${line(m)}`);
for (const m of report.warnings) console.log(`warning ${line(m)}`);
for (const m of report.notices) console.log(`notice  ${line(m)}`);
console.log(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
if (blocking.length) {
  console.error(`${blocking.length} of them block a release (errors, or warnings about the manifest).`);
  process.exit(1);
}
