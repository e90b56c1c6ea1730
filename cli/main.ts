/**
 * medicaid-context: the extension's engine on saved pages and plain-text articles, for batch work.
 * Same dataset, same engine calls as the content script, so a file reads here as it would in the browser.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { loadDataset } from '../data/validate';
import { createEngine, parsePlainText, plainPageText, type Annotated, type Reason } from '../engine';
import { readHtml, type ReadPage } from './html';

const SHORT_USAGE = `Usage: medicaid-context annotate [--format json|text] FILE...
       medicaid-context --help | --version`;

const USAGE = `${SHORT_USAGE}

Reads .html pages and .txt articles (a title line, then paragraphs separated by blank lines) and
reports whether each reads as coverage of Medicaid data shared with immigration enforcement, and
which people, agencies, laws, places and events of the story it names.

Options:
  --format text   a readable summary per file (default)
  --format json   one JSON object per file, one per line:
                  {file, detected, score, reasons, annotations: [{id, kind, text, start, end}]}
                  (start and end are offsets into the text the engine read)
  -h, --help      show this help
  --version       show the CLI and dataset versions

Exit status: 0 when every file was read, 1 when a file could not be read (the others are still
processed), 2 on bad usage.`;

const readJson = <T>(relative: string): T => JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as T;

class UsageError extends Error {}

function parse(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { format: { type: 'string' }, help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' } },
    });
  } catch (e) {
    // parseArgs explains unknown flags and missing values well enough; only the prefix is ours.
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help || values.version) return { help: !!values.help, version: !!values.version, format: 'text', files: [] };
  const [command, ...files] = positionals;
  if (command === undefined) throw new UsageError('missing command');
  if (command !== 'annotate') throw new UsageError(`unknown command '${command}'`);
  const format = values.format ?? 'text';
  if (format !== 'json' && format !== 'text') throw new UsageError(`--format must be json or text, not '${format}'`);
  if (files.length === 0) throw new UsageError('no files given');
  return { help: false, version: false, format, files };
}

function readPage(file: string): ReadPage {
  const ext = extname(file).toLowerCase();
  if (ext !== '.html' && ext !== '.htm' && ext !== '.txt') throw new Error('not an .html or .txt file');
  const source = readFileSync(file, 'utf8');
  if (ext === '.txt') {
    const article = parsePlainText(source);
    return { page: plainPageText(article), title: article.title };
  }
  return readHtml(source);
}

/** Node's own messages repeat the path ("ENOENT: no such file or directory, open 'x'"); say it once. */
function readError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const known: Record<string, string> = { ENOENT: 'no such file', EISDIR: 'is a directory', EACCES: 'permission denied' };
  return (code && known[code]) ?? (e as Error).message;
}

function toJson(file: string, { detection, mentions }: Annotated): string {
  const annotations = mentions.map(({ id, kind, text, start, end }) => ({ id, kind, text, start, end }));
  return JSON.stringify({ file, detected: detection.detected, score: detection.score, reasons: detection.reasons, annotations });
}

// The popup's wording, so the CLI and the extension explain a page the same way.
const REASONS = readJson<{ reason: Record<string, string> }>('../locales/en.json').reason;
// A code the messages do not know yet (added to the engine first) still prints, untranslated.
const reasonText = (r: Reason) => (REASONS[r.code.replace(/-/g, '_')] ?? `${r.code}: $1`).replace(/\$1/g, String(r.count));

function toText(file: string, { detection, mentions }: Annotated, names: ReadonlyMap<string, string>): string {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.id, (counts.get(m.id) ?? 0) + 1);

  const lines = [file, `  Recognised: ${detection.detected ? 'yes' : 'no'} (score ${detection.score.toFixed(2)})`];
  if (detection.reasons.length) lines.push('  Why:', ...detection.reasons.map((r) => `    - ${reasonText(r)}`));
  if (counts.size === 0) lines.push('  Found: nothing');
  else {
    lines.push('  Found:');
    for (const [id, n] of counts) lines.push(`    ${names.get(id) ?? id} (${id}): ${n} mention${n === 1 ? '' : 's'}`);
  }
  return lines.join('\n');
}

function main(argv: string[]): number {
  let options;
  try {
    options = parse(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`medicaid-context: ${e.message}\n${SHORT_USAGE}\nTry 'medicaid-context --help'.\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const dataset = loadDataset();
  if (options.version) {
    process.stdout.write(`medicaid-context ${readJson<{ version: string }>('../package.json').version} (dataset v${dataset.meta.version})\n`);
    return 0;
  }

  const engine = createEngine(dataset.entities, dataset.lexicon);
  const names = new Map(dataset.entities.map((e) => [e.id, e.name]));
  let status = 0;
  let printed = 0;
  for (const file of options.files) {
    let read: ReadPage;
    try {
      read = readPage(file);
    } catch (e) {
      process.stderr.write(`medicaid-context: cannot read ${file}: ${readError(e)}\n`);
      status = 1;
      continue;
    }
    const result = engine.annotate(read.page, read.title);
    if (options.format === 'json') process.stdout.write(`${toJson(file, result)}\n`);
    else process.stdout.write(`${printed > 0 ? '\n' : ''}${toText(file, result, names)}\n`);
    printed++;
  }
  return status;
}

// `medicaid-context ... | head` closes the pipe early; that is the reader being done, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
process.exitCode = main(process.argv.slice(2));
