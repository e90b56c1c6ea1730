/**
 * medicaid-context: the extension's engine on saved pages and plain-text articles, for batch work.
 * Same dataset, same engine calls as the content script, so a file reads here as it would in the browser.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import type { Claim } from '../data/claim-schema';
import type { Lang } from '../data/schema';
import { loadDataset } from '../data/validate';
import {
  compileClaims, createEngine, eventsSince, parsePlainText, parsePublishedOption, plainPageText, prepareClaims, sanePublished,
  type Annotated, type ClaimCheck, type EventSince, type Reason,
} from '../engine';
import { EXPORT_FORMATS, buildSnapshot, exportSnapshot, isExportFormat, type ExportFormat } from './export';
import { readHtml, type ReadPage } from './html';
import { DEFAULT_MAX_BYTES, formatSize, InputError, parseSize, readInput } from './read-input';

const SHORT_USAGE = `Usage: medicaid-context annotate [--format json|text] [--published YYYY-MM-DD] [--today YYYY-MM-DD] [--max-size SIZE] FILE...
       medicaid-context annotate --format html|w3c|csv|claimreview [--lang en|es] [--published YYYY-MM-DD] [--today YYYY-MM-DD] [--max-size SIZE] FILE
       medicaid-context --help | --version`;

const USAGE = `${SHORT_USAGE}

Reads .html pages and .txt articles (a title line, then paragraphs separated by blank lines) and
reports whether each reads as coverage of Medicaid data shared with immigration enforcement, and
which people, agencies, laws, places and events of the story it names.

On a page recognised as coverage it also checks the statements the article makes (counts, dates,
court rulings, program status, officials' titles) against the dataset, at the article's publication
date and today, and lists the story's events since the article was published.

Options:
  --format text   a readable summary per file (default)
  --format json   one JSON object per file, one per line:
                  {file, detected, score, reasons, annotations: [{id, kind, text, start, end}],
                   published, claims: [{id, text, start, end, part, verdict, since?}], since: [{id, date}]}
                  (start and end are offsets into the text the engine read)
                  published: the page's publication date (YYYY-MM-DD), or null when unknown
                  claims: statements with a verdict, each the clause that states it, with \`part\`:
                    what was compared in it ({kind: day|month|count|status|holder, text, start,
                    end}); verdict agrees (right then and now), outdated (right then, changed
                    since: \`since\` is when), differs (wrong when published).
                    Statements the engine recognised but cannot judge with confidence are left out.
                    With no publication date, claims are judged against today only.
                  since: the story's events dated after the publication date, oldest first

Exports, for one FILE at a time, written to standard output (redirect it to a file):
  --format html   a printable handout (one self-contained HTML file, no external resources):
                  the article's title, address and date; one note per name it mentions, quoted
                  where it first appears, with the record's summary, dates and sources; the
                  statements checked, with their verdicts in words and sources; the story's
                  timeline with the publication date marked
  --format w3c    W3C Web Annotation JSON-LD: an AnnotationCollection whose first page holds one
                  Annotation per mention (motivation "identifying"). The target is the page's
                  canonical address (or the file's); for an .html page the selectors address
                  document.body.textContent, positions in Unicode code points; for a .txt article,
                  the text the engine read
  --format csv    one file, a row per statement checked (row_type claim, first) and per mention
                  (row_type mention); columns in the README (\`CSV columns\`): the record id, the
                  words on the page, the key fact (no summaries), the verdict and the part compared,
                  ISO dates at the dataset's precision (YYYY-MM-DD, or YYYY-MM), and the article's
                  title, address and date on every row. UTF-8 with a byte-order mark, CRLF line
                  ends, RFC 4180 quoting; a cell starting with = + - @ gets a leading ' so a
                  spreadsheet shows it instead of running it
  --format claimreview
                  schema.org ClaimReview drafts (a JSON array), one per claim with a verdict
                  (a claim stated again with the same value and verdict is the same review):
                  claimReviewed is the clause that was checked; rating 3 "Accurate" (agrees),
                  2 "Outdated", 1 "Inaccurate" (differs), its explanation saying which part was
                  compared. author and publisher are placeholders the fact-checker fills in;
                  url is the article's address, to replace with the fact check's own page
  --lang L        the export's language, en or es (default: the page's <html lang>, else English)

  --published D   judge every file as if published on D (YYYY-MM-DD), whatever the page says
  --today D       judge "now" as of D (YYYY-MM-DD) instead of today's date; exports are dated D
  --max-size SIZE read files up to SIZE (bytes, or with k, M or G: 64M), default ${formatSize(DEFAULT_MAX_BYTES)};
                  a larger file is skipped with a message, before it is read
  -h, --help      show this help
  --version       show the CLI and dataset versions

Files must be text: UTF-8 (or UTF-16 with a byte-order mark, or the character set an HTML page declares).
A binary file, or one that is not valid text in its encoding, is skipped with a message.

Exit status: 0 when every file was read, 1 when a file could not be read (the others are still
processed), 2 on bad usage (including an export format given several files).`;

const readJson = <T>(relative: string): T => JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as T;

class UsageError extends Error {}

function parse(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        published: { type: 'string' },
        today: { type: 'string' },
        lang: { type: 'string' },
        'max-size': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (e) {
    // parseArgs explains unknown flags and missing values well enough; only the prefix is ours.
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help || values.version)
    return { help: !!values.help, version: !!values.version, format: 'text' as Format, files: [], published: undefined, today: localToday(), todayGiven: false, lang: undefined, maxBytes: DEFAULT_MAX_BYTES };
  const [command, ...files] = positionals;
  if (command === undefined) throw new UsageError('missing command');
  if (command !== 'annotate') throw new UsageError(`unknown command '${command}'`);
  const format = values.format ?? 'text';
  if (format !== 'json' && format !== 'text' && !isExportFormat(format))
    throw new UsageError(`--format must be json, text, ${EXPORT_FORMATS.join(', ')}, not '${format}'`);
  const lang = values.lang;
  if (lang !== undefined && lang !== 'en' && lang !== 'es') throw new UsageError(`--lang must be en or es, not '${lang}'`);
  const day = (flag: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const iso = parsePublishedOption(value);
    if (!iso) throw new UsageError(`--${flag} must be a date as YYYY-MM-DD, not '${value}'`);
    return iso;
  };
  const maxBytes = values['max-size'] === undefined ? DEFAULT_MAX_BYTES : parseSize(values['max-size']);
  if (maxBytes === null) throw new UsageError(`--max-size must be a size such as 64M, 500k or 1000000, not '${values['max-size']}'`);
  const published = day('published', values.published);
  const today = day('today', values.today) ?? localToday();
  if (files.length === 0) throw new UsageError('no files given');
  if (isExportFormat(format) && files.length > 1)
    throw new UsageError(`--format ${format} exports one file at a time (got ${files.length}); run it once per file`);
  return { help: false, version: false, format: format as Format, files, published, today, todayGiven: values.today !== undefined, lang: lang as Lang | undefined, maxBytes };
}

type Format = 'json' | 'text' | ExportFormat;

/** Today in the user's time zone, as an ISO day: the date a reader would say. */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function readPage(file: string, maxBytes: number): ReadPage | ReturnType<typeof readHtml> {
  const ext = extname(file).toLowerCase();
  if (ext !== '.html' && ext !== '.htm' && ext !== '.txt') throw new InputError('not an .html or .txt file');
  const source = readInput(file, { maxBytes, html: ext !== '.txt' });
  if (ext === '.txt') {
    const article = parsePlainText(source);
    return { page: plainPageText(article), title: article.title, published: null };
  }
  return readHtml(source);
}

/** Node's own messages repeat the path ("ENOENT: no such file or directory, open 'x'"); say it once. */
function readError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const known: Record<string, string> = { ENOENT: 'no such file', EISDIR: 'is a directory', EACCES: 'permission denied' };
  if (code && known[code]) return known[code];
  if (e instanceof InputError) return e.message;
  return (e as Error).message;
}

/** What the CLI adds to the entity pass: the date it judged against, the verdicts, and what happened since. */
interface Checked {
  published: string | null;
  /** The page's own date, when it made no sense for this story (before June 2025 or after today) and was ignored. */
  ignored: string | null;
  claims: ClaimCheck[];
  since: EventSince[];
}

function toJson(file: string, { detection, mentions }: Annotated, checked: Checked): string {
  const annotations = mentions.map(({ id, kind, text, start, end }) => ({ id, kind, text, start, end }));
  const claims = checked.claims.map(({ id, text, start, end, verdict, since, part }) => ({ id, text, start, end, ...(part ? { part } : {}), verdict, ...(since ? { since } : {}) }));
  return JSON.stringify({
    file, detected: detection.detected, score: detection.score, reasons: detection.reasons, annotations,
    published: checked.published, claims, since: checked.since,
  });
}

// The popup's wording, so the CLI and the extension explain a page the same way.
const REASONS = readJson<{ reason: Record<string, string> }>('../locales/en.json').reason;
// A code the messages do not know yet (added to the engine first) still prints, untranslated.
const reasonText = (r: Reason) => (REASONS[r.code.replace(/-/g, '_')] ?? `${r.code}: $1`).replace(/\$1/g, String(r.count));

/** Which part of a claim a verdict compared, as the text format says it. */
const PART_WORDS: Record<NonNullable<ClaimCheck['part']>['kind'], string> = { day: 'the day', month: 'the month', count: 'the count', status: 'the status', holder: 'who holds the title', fields: 'what was listed' };

/** One claim check in words: the verdict, and what the sources say when it is not plain agreement. */
function claimText(c: ClaimCheck, record: Claim | undefined, published: string | null): string {
  const said = (i: number | undefined) => (record && i !== undefined ? record.values[i]?.statement.en : undefined);
  const head = `    - "${c.text}" (${c.id})${c.part ? `\n        compared ${PART_WORDS[c.part.kind]}: "${c.part.text}"` : ''}`;
  if (c.verdict === 'agrees')
    return `${head}\n        agrees: ${published && c.then ? `right on ${published} and still right` : 'right as of today'}`;
  if (c.verdict === 'outdated')
    return `${head}\n        outdated: right on ${published}, changed ${c.since}: ${said(c.now.index) ?? c.now.value}`;
  return `${head}\n        differs: ${c.then ? `on ${published} the sources said` : 'the sources say'}: ${said((c.then ?? c.now).index) ?? (c.then ?? c.now).value}`;
}

function toText(
  file: string,
  { detection, mentions }: Annotated,
  names: ReadonlyMap<string, string>,
  checked: Checked,
  info: { given: boolean; today: string; claims: ReadonlyMap<string, Claim> },
): string {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.id, (counts.get(m.id) ?? 0) + 1);

  const lines = [file, `  Recognised: ${detection.detected ? 'yes' : 'no'} (score ${detection.score.toFixed(2)})`];
  if (detection.reasons.length) lines.push('  Why:', ...detection.reasons.map((r) => `    - ${reasonText(r)}`));
  if (counts.size === 0) lines.push('  Found: nothing');
  else {
    lines.push('  Found:');
    for (const [id, n] of counts) lines.push(`    ${names.get(id) ?? id} (${id}): ${n} mention${n === 1 ? '' : 's'}`);
  }
  if (!detection.detected) return lines.join('\n');
  lines.push(
    checked.published
      ? `  Published: ${checked.published}${info.given ? ' (given with --published)' : ''}`
      : checked.ignored
        ? `  Published: unknown — the page says ${checked.ignored}, before the story began (June 2025) or after today; claims judged against today, ${info.today}, only`
        : `  Published: unknown (claims judged against today, ${info.today}, only)`,
  );
  if (checked.claims.length === 0) lines.push('  Claims checked: none with a verdict');
  else lines.push('  Claims checked:', ...checked.claims.map((c) => claimText(c, info.claims.get(c.id), checked.published)));
  if (checked.published) {
    if (checked.since.length === 0) lines.push('  Since this article: no new events in the dataset');
    else lines.push('  Since this article:', ...checked.since.map((e) => `    ${e.date}  ${names.get(e.id) ?? e.id} (${e.id})`));
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
  const finder = compileClaims(prepareClaims(dataset.claims));
  const claimsById = new Map(dataset.claims.map((c) => [c.id, c]));
  const names = new Map(dataset.entities.map((e) => [e.id, e.name]));
  const { today } = options;
  let status = 0;
  let printed = 0;
  for (const file of options.files) {
    let read: ReturnType<typeof readPage>;
    try {
      read = readPage(file, options.maxBytes);
    } catch (e) {
      process.stderr.write(`medicaid-context: cannot read ${file}: ${readError(e)}\n`);
      status = 1;
      continue;
    }
    const result = engine.annotate(read.page, read.title);
    // A date given with --published is the user's; one read from the page is believed only if it could be this story's.
    const reading = options.published !== undefined ? { published: options.published, ignored: null } : sanePublished(read.published, today);
    const published = reading.published;
    // Claims and events are context for coverage: an unrelated page gets neither.
    const found = result.detection.detected
      ? finder.find(read.page.text, { published, today, spans: result.story?.spans, peripheral: read.page.peripheral })
      : [];
    const checked: Checked = {
      published,
      ignored: reading.ignored,
      claims: found.filter((c) => c.verdict !== null),
      since: result.detection.detected && published ? eventsSince(dataset.entities, published, today) : [],
    };
    if (isExportFormat(options.format)) {
      // Every statement the engine recognised goes into the snapshot, as in the extension; the exports
      // themselves leave out those without a verdict.
      const snapshot = buildSnapshot({ file, read, result, published, claims: found, today, version: dataset.meta.version });
      process.stdout.write(
        exportSnapshot(snapshot, {
          format: options.format,
          lang: options.lang,
          // A pinned --today dates the export too, so the same command gives the same file.
          generated: options.todayGiven ? today : new Date().toISOString(),
          entities: dataset.entities,
          claims: dataset.claims,
        }),
      );
    } else if (options.format === 'json') process.stdout.write(`${toJson(file, result, checked)}\n`);
    else
      process.stdout.write(
        `${printed > 0 ? '\n' : ''}${toText(file, result, names, checked, { given: options.published !== undefined, today, claims: claimsById })}\n`,
      );
    printed++;
  }
  return status;
}

// `medicaid-context ... | head` closes the pipe early; that is the reader being done, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
/** Anything unforeseen is still one line, not a stack trace (set MEDICAID_CONTEXT_DEBUG=1 to see the trace). */
try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (process.env.MEDICAID_CONTEXT_DEBUG) throw e;
  process.stderr.write(`medicaid-context: ${(e as Error)?.message ?? String(e)}\n`);
  process.exitCode = 1;
}
