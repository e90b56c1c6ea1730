/**
 * The command-line interface, run as a user runs it: the real bin in a child process, on files written
 * here, from a directory outside the project.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlainText, plainPageText } from '../../engine';
import { CSV_COLUMNS } from '../../engine/export';
import { SEED_PATH } from '../support/expected';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/medicaid-context.mjs');
const readJson = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));

const STORY_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>States say Medicaid data went to ICE</title></head>
<body>
<nav><a href="/">Home</a> <a href="/health">Health</a></nav>
<article>
<h1>States say Medicaid data went to ICE</h1>
<p>The Centers for Medicare &amp; Medicaid Services handed personal data on Medicaid enrollees to the
Department of Homeland Security, officials in California and Illinois said on Tuesday.</p>
<p>The records, which include home addresses, could let Immigration and Customs Enforcement (ICE) find
immigrants for deportation, the officials said.</p>
<p>Neither California nor Illinois agreed to share its enrollees' Medicaid data with DHS or with ICE.</p>
</article>
<footer>© A local newsroom</footer>
</body>
</html>
`;

const STORY_TXT = `Medicaid records shared with immigration officials, states warn

Health officials in California and Illinois said the Centers for Medicare & Medicaid Services
gave Medicaid data on millions of enrollees to the Department of Homeland Security.

Advocates fear ICE will use the addresses in that data to find people for deportation.

The Department of Homeland Security said the data sharing was lawful.
`;

const UNRELATED_TXT = `Ice storm closes roads across Illinois

Freezing rain coated highways from Chicago to Springfield overnight, and state crews spread salt.

Forecasters expect the ice to melt by Thursday afternoon.
`;

/** An article dated Sept. 1, 2025 that makes one right, one since-changed and one wrong statement. */
const DATED_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Where the Medicaid data fight stands</title>
<meta property="article:published_time" content="2025-09-01T08:00:00-04:00"></head>
<body>
<article>
<h1>Where the Medicaid data fight stands</h1>
<p>Twenty states sued the Department of Health and Human Services on July 1, 2025, after CMS handed Medicaid
enrollee data to the Department of Homeland Security.</p>
<p>A federal judge has blocked the sharing of Medicaid data with ICE for immigration enforcement.</p>
<p>Homeland Security Secretary Markwayne Mullin said the Medicaid records would help ICE find people for deportation.</p>
</article>
</body>
</html>
`;

interface FileResult {
  file: string;
  detected: boolean;
  score: number;
  reasons: { code: string; count: number; examples: string[] }[];
  annotations: { id: string; kind: string; text: string; start: number; end: number }[];
  published: string | null;
  claims: { id: string; text: string; start: number; end: number; verdict: string; since?: string }[];
  since: { id: string; date: string }[];
}

let dir: string;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const jsonLines = (stdout: string): FileResult[] => stdout.trimEnd().split('\n').map((l) => JSON.parse(l));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'medicaid-cli-'));
  writeFileSync(join(dir, 'story.html'), STORY_HTML);
  writeFileSync(join(dir, 'story.txt'), STORY_TXT);
  writeFileSync(join(dir, 'unrelated.txt'), UNRELATED_TXT);
  writeFileSync(join(dir, 'dated.html'), DATED_HTML);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('annotate --format json', { timeout: 30_000 }, () => {
  let run: ReturnType<typeof cli>;
  let results: FileResult[];
  beforeAll(() => {
    run = cli('annotate', '--format', 'json', 'story.html', 'story.txt', 'unrelated.txt');
    results = run.status === 0 ? jsonLines(run.stdout) : [];
  }, 30_000);

  it('prints one JSON object per file, in order, and exits 0', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(results.map((r) => r.file)).toEqual(['story.html', 'story.txt', 'unrelated.txt']);
    for (const r of results)
      expect(Object.keys(r).sort()).toEqual(['annotations', 'claims', 'detected', 'file', 'published', 'reasons', 'score', 'since']);
  });

  it('recognises both articles and names the story’s agencies and states', () => {
    for (const r of results.slice(0, 2)) {
      expect(r.detected).toBe(true);
      expect(r.score).toBeGreaterThan(0);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(r.reasons.map((x) => x.code)).toEqual(expect.arrayContaining(['medicaid', 'enforcement']));
      for (const reason of r.reasons) {
        expect(reason.count).toBeGreaterThan(0);
        expect(Array.isArray(reason.examples)).toBe(true);
      }
      const texts = r.annotations.map((a) => `${a.id}:${a.text}`);
      expect(texts).toEqual(
        expect.arrayContaining([
          'cms:Centers for Medicare & Medicaid Services',
          'dhs:Department of Homeland Security',
          'ice:ICE',
          'california:California',
          'illinois:Illinois',
        ]),
      );
    }
    expect(results[0].annotations.map((a) => `${a.id}:${a.text}`)).toEqual(
      expect.arrayContaining(['ice:Immigration and Customs Enforcement', 'dhs:DHS']),
    );
  });

  it('gives each annotation exactly id, kind, text and offsets, in reading order', () => {
    for (const r of results.slice(0, 2)) {
      let previous = -1;
      for (const a of r.annotations) {
        expect(Object.keys(a).sort()).toEqual(['end', 'id', 'kind', 'start', 'text']);
        expect(a.start).toBeLessThan(a.end);
        expect(a.end - a.start).toBe(a.text.length);
        expect(a.start).toBeGreaterThanOrEqual(previous);
        previous = a.start;
      }
      expect(r.annotations.find((a) => a.id === 'dhs')?.kind).toBe('agency');
      expect(r.annotations.find((a) => a.id === 'california')?.kind).toBe('state');
    }
  });

  it('gives offsets into the text the engine read (a .txt is rebuilt here the same way)', () => {
    const text = plainPageText(parsePlainText(STORY_TXT)).text;
    for (const a of results[1].annotations) expect(text.slice(a.start, a.end)).toBe(a.text);
  });

  it('does not recognise an unrelated article', () => {
    expect(results[2]).toMatchObject({ detected: false, annotations: [] });
  });
});

describe('annotate (text format, the default)', { timeout: 30_000 }, () => {
  it('summarises each file: recognised or not with its score, why, and each entity with its count', () => {
    const text = cli('annotate', 'story.txt', 'unrelated.txt');
    const json = jsonLines(cli('annotate', '--format', 'json', 'story.txt').stdout)[0];
    expect(text.status).toBe(0);
    const [story, unrelated] = text.stdout.split('\n\n');

    expect(story).toMatch(/^story\.txt\n/);
    expect(story).toContain(`Recognised: yes (score ${json.score.toFixed(2)})`);
    // The popup's English wording, with the count filled in.
    const messages: Record<string, string> = readJson('locales/en.json').reason;
    for (const r of json.reasons) expect(story).toContain(messages[r.code.replace(/-/g, '_')].replace('$1', String(r.count)));
    expect(story).toContain('Mentions Medicaid or its agencies');
    const dhs = json.annotations.filter((a) => a.id === 'dhs').length;
    expect(story).toContain(`Centers for Medicare & Medicaid Services (cms): 1 mention\n`);
    expect(story).toContain(`(dhs): ${dhs} mentions`);

    expect(unrelated).toMatch(/^unrelated\.txt\n/);
    expect(unrelated).toContain('Recognised: no');
    expect(unrelated).toContain('Found: nothing');
  });
});

describe('claim checks', { timeout: 30_000 }, () => {
  let dated: FileResult;
  beforeAll(() => {
    const r = cli('annotate', '--format', 'json', '--today', '2026-11-30', 'dated.html', 'story.txt', 'unrelated.txt');
    expect(r.stderr).toBe('');
    [dated] = jsonLines(r.stdout);
  }, 30_000);

  it("reads the page's publication date", () => {
    expect(dated.published).toBe('2025-09-01');
  });

  it('gives each claim its verdict at that date: agrees, outdated (with since), differs', () => {
    const byId = Object.fromEntries(dated.claims.map((c) => [c.id, c]));
    // The statement is the clause; `part` is what was compared in it.
    const sued = 'Twenty states sued the Department of Health and Human Services on July 1, 2025';
    expect(byId['lawsuit-states-at-filing']).toMatchObject({ verdict: 'agrees', text: sued, part: { kind: 'count', text: 'Twenty states sued' } });
    expect(byId['lawsuit-filing-date']).toMatchObject({ verdict: 'agrees', text: sued, part: { kind: 'day', text: 'July 1, 2025' } });
    expect(byId['court-block-status']).toMatchObject({ verdict: 'outdated', since: '2026-01-06' });
    expect(byId['dhs-secretary']).toMatchObject({ verdict: 'differs', part: { kind: 'holder', text: 'Markwayne Mullin' } });
    for (const c of dated.claims) {
      expect(Object.keys(c).sort()).toEqual(c.since ? ['end', 'id', 'part', 'since', 'start', 'text', 'verdict'] : ['end', 'id', 'part', 'start', 'text', 'verdict']);
      expect(['agrees', 'outdated', 'differs']).toContain(c.verdict);
      expect(c.end - c.start).toBe(c.text.length);
    }
  });

  it('lists the events since publication, oldest first', () => {
    expect(dated.since.map((e) => e.id)).toEqual(expect.arrayContaining(['federal-register-notice-nov-2025', 'ruling-dec-2025']));
    expect(dated.since.map((e) => e.id)).not.toContain('preliminary-injunction-aug-2025');
    expect(dated.since.every((e) => e.date > '2025-09-01')).toBe(true);
    expect([...dated.since].sort((a, b) => a.date.localeCompare(b.date))).toEqual(dated.since);
  });

  it('--published overrides the page: the same "blocked" statement, made in July 2025, was wrong', () => {
    const [r] = jsonLines(cli('annotate', '--format', 'json', '--published', '2025-07-20', '--today', '2026-11-30', 'dated.html').stdout);
    expect(r.published).toBe('2025-07-20');
    expect(r.claims.find((c) => c.id === 'court-block-status')?.verdict).toBe('differs');
    expect(r.since.map((e) => e.id)).toContain('preliminary-injunction-aug-2025');
  });

  it('without a publication date, judges against today only and lists no events', () => {
    const [r] = jsonLines(cli('annotate', '--format', 'json', '--today', '2026-11-30', 'story.txt').stdout);
    expect(r.detected).toBe(true);
    expect(r.published).toBeNull();
    expect(r.since).toEqual([]);
  });

  it('checks nothing on a page that is not coverage', () => {
    const [r] = jsonLines(cli('annotate', '--format', 'json', '--published', '2025-07-20', 'unrelated.txt').stdout);
    expect(r).toMatchObject({ detected: false, claims: [], since: [] });
  });

  it('says it in words in the text format', () => {
    const r = cli('annotate', '--today', '2026-11-30', 'dated.html');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Published: 2025-09-01');
    expect(r.stdout).toContain('"Twenty states sued the Department of Health and Human Services on July 1, 2025" (lawsuit-states-at-filing)\n        compared the count: "Twenty states sued"');
    expect(r.stdout).toContain('(lawsuit-filing-date)\n        compared the day: "July 1, 2025"');
    expect(r.stdout).toContain('agrees: right on 2025-09-01 and still right');
    expect(r.stdout).toMatch(/outdated: right on 2025-09-01, changed 2026-01-06: Since Jan\. 6, 2026/);
    expect(r.stdout).toMatch(/differs: on 2025-09-01 the sources said: Kristi Noem was Secretary of Homeland Security/);
    expect(r.stdout).toMatch(/Since this article:\n {4}2025-11-25 {2}/);
  });

  it('says when the date is unknown', () => {
    expect(cli('annotate', '--today', '2026-11-30', 'story.txt').stdout).toContain('Published: unknown (claims judged against today, 2026-11-30, only)');
  });
});

describe('exit status', { timeout: 30_000 }, () => {
  it('is 1 when a file cannot be read, and the other files are still processed', () => {
    const r = cli('annotate', '--format', 'json', 'story.txt', 'missing.html', 'unrelated.txt');
    expect(r.status).toBe(1);
    expect(jsonLines(r.stdout).map((x) => x.file)).toEqual(['story.txt', 'unrelated.txt']);
    expect(r.stderr).toContain('missing.html');
  });

  it.each([
    ['an unknown flag', ['annotate', '--colour', 'story.txt']],
    ['a bad --format value', ['annotate', '--format', 'xml', 'story.txt']],
    ['--format without a value', ['annotate', 'story.txt', '--format']],
    ['no files', ['annotate', '--format', 'json']],
    ['an unknown command', ['summarise', 'story.txt']],
    ['no command', []],
    ['a --published that is not a day', ['annotate', '--published', '2026-02-30', 'story.txt']],
    ['a --published in another format', ['annotate', '--published', 'January 9, 2026', 'story.txt']],
    ['a --today that is not a date', ['annotate', '--today', 'now', 'story.txt']],
  ])('is 2 on bad usage: %s, with a short usage on stderr', (_, args) => {
    const r = cli(...args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage: medicaid-context annotate');
  });

  it('explains a bad --published value', () => {
    const r = cli('annotate', '--published', '2026-02-30', 'story.txt');
    expect(r.stderr).toContain("--published must be a date as YYYY-MM-DD, not '2026-02-30'");
  });
});

describe('input it cannot handle', { timeout: 30_000 }, () => {
  /** One line on stderr naming the file and the reason, no stack trace; exit 1; other files still read. */
  function refused(file: string, reason: RegExp, ...flags: string[]) {
    const r = cli('annotate', '--format', 'json', ...flags, file, 'story.txt');
    expect(r.status).toBe(1);
    expect(jsonLines(r.stdout).map((x) => x.file)).toEqual(['story.txt']);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^medicaid-context: cannot read ${file}: ${reason.source}`));
    expect(r.stderr).not.toMatch(/\bat \S+:\d+|Error:|FATAL|heap/);
  }

  it('refuses a file over the size limit from its size alone, and --max-size raises the limit', () => {
    // 200 MB on disk costs nothing here: a sparse file. Reading and parsing it took the old CLI past 4 GB.
    const big = join(dir, 'big.html');
    writeFileSync(big, '');
    truncateSync(big, 200 * 1024 * 1024);
    const started = Date.now();
    refused('big.html', /200\.0 MB is over the 32\.0 MB limit \(raise it with --max-size/);
    expect(Date.now() - started).toBeLessThan(20_000);
    const small = cli('annotate', '--max-size', '100', 'story.html');
    expect(small.status).toBe(1);
    expect(small.stderr).toMatch(/^medicaid-context: cannot read story\.html: \d+ bytes is over the 100 bytes limit/);
    expect(cli('annotate', '--format', 'json', '--max-size', '1M', 'story.html').status).toBe(0);
  });

  it('refuses a bad --max-size as bad usage', () => {
    const r = cli('annotate', '--max-size', 'lots', 'story.txt');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--max-size must be a size such as 64M, 500k or 1000000, not 'lots'");
  });

  it('refuses random bytes given as .html, and a .txt with NUL bytes', () => {
    let seed = 7;
    const bytes = Uint8Array.from({ length: 20_000 }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 255);
    writeFileSync(join(dir, 'random.html'), bytes);
    refused('random.html', /not a text file/);
    writeFileSync(join(dir, 'nul.txt'), `Medicaid data\0\0\0 ICE\n`);
    refused('nul.txt', /not a text file/);
  });

  it('refuses text that is not valid UTF-8, rather than reading replacement characters', () => {
    writeFileSync(join(dir, 'latin.html'), Buffer.from('<html><body><p>Medicaid caf\xe9 ICE</p></body></html>', 'latin1'));
    refused('latin.html', /not valid UTF-8 text/);
  });

  it('reads a page in the character set it declares, and UTF-16 with a byte-order mark', () => {
    const story = STORY_HTML.replace('<meta charset="utf-8">', '<meta charset="windows-1252">').replace('a local newsroom', 'caf\xe9');
    writeFileSync(join(dir, 'cp1252.html'), Buffer.from(story, 'latin1'));
    const declared = cli('annotate', '--format', 'json', 'cp1252.html');
    expect(declared.status).toBe(0);
    expect(jsonLines(declared.stdout)[0].detected).toBe(true);
    writeFileSync(join(dir, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(STORY_TXT, 'utf16le')]));
    const utf16 = cli('annotate', '--format', 'json', 'utf16.txt');
    expect(utf16.status).toBe(0);
    expect(jsonLines(utf16.stdout)[0].detected).toBe(true);
  });
});

describe('exports (--format html|w3c|csv|claimreview)', { timeout: 60_000 }, () => {
  const SAMPLE = join(ROOT, 'sample/article.html');
  const run = (format: string, file = SAMPLE, ...more: string[]) => cli('annotate', '--format', format, '--today', '2026-11-30', ...more, file);

  it('writes the sample article’s handout: self-contained, every note, the claims and the timeline', () => {
    const r = run('html');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(r.stdout).not.toMatch(/<script|<link|<img|@import|url\(/i);
    expect(r.stdout).toContain('Medicaid records, immigration agents and a court fight');
    expect(r.stdout).toContain('Published Jan 9, 2026');
    for (const name of ['Kim Brandt', 'Andrew Nixon', 'Privacy Act of 1974', 'Vince Chhabria']) expect(r.stdout).toContain(name);
    expect(r.stdout).toContain('<span class="badge">Outdated</span>');
    expect(r.stdout).toContain('<span class="badge">Differs</span>');
    expect(r.stdout).toContain('data-published="2026-01-09"');
    expect(r.stdout).toContain('Made on Nov 30, 2026');
  });

  it('writes it in Spanish with --lang es', () => {
    const r = run('html', SAMPLE, '--lang', 'es');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/<html lang="es">/);
    expect(r.stdout).toContain('Afirmaciones verificadas');
  });

  it('writes W3C Web Annotation JSON-LD whose selectors address the page’s DOM text', () => {
    const r = run('w3c');
    expect(r.status).toBe(0);
    const coll = JSON.parse(r.stdout);
    expect(coll).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection' });
    expect(coll.total).toBeGreaterThan(40);
    const annos = coll.first.items;
    expect(annos).toHaveLength(coll.total);
    // The sample states no canonical address: the target is the file.
    expect(annos[0].target.source).toBe(pathToFileURL(SAMPLE).href);
    const { document } = parseHTML(readFileSync(SAMPLE, 'utf8'));
    const domText = [...(document.body.textContent ?? '')];
    for (const a of annos) {
      const [quote, position] = a.target.selector;
      expect(domText.slice(position.start, position.end).join('')).toBe(quote.exact);
    }
  });

  it('writes a CSV with a byte-order mark and CRLF line ends, one row per claim checked and per mention', () => {
    const r = run('csv');
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    const json = jsonLines(cli('annotate', '--format', 'json', '--today', '2026-11-30', SAMPLE).stdout)[0];
    expect(r.stdout.match(/\r\nmention,/g)).toHaveLength(json.annotations.length);
    expect(r.stdout.match(/\r\nclaim,/g)).toHaveLength(json.claims.length);
  });

  it('writes ClaimReview drafts, one per checked claim, with the rating in words', () => {
    const r = run('claimreview');
    expect(r.status).toBe(0);
    const reviews = JSON.parse(r.stdout);
    const json = jsonLines(cli('annotate', '--format', 'json', '--today', '2026-11-30', SAMPLE).stdout)[0];
    expect(reviews).toHaveLength(json.claims.length);
    const words: Record<string, string> = { agrees: 'Accurate', outdated: 'Outdated', differs: 'Inaccurate' };
    const byText = new Map(json.claims.map((c) => [c.text, words[c.verdict]]));
    for (const review of reviews) {
      expect(review['@type']).toBe('ClaimReview');
      const claim = [...byText.keys()].find((t) => review.claimReviewed.includes(t));
      expect(review.reviewRating.alternateName).toBe(byText.get(claim!));
    }
  });

  it('exports a .txt article against the text the engine read (no DOM)', () => {
    const r = run('w3c', 'story.txt');
    expect(r.status).toBe(0);
    const coll = JSON.parse(r.stdout);
    const text = [...plainPageText(parsePlainText(STORY_TXT)).text];
    expect(coll.total).toBeGreaterThan(3);
    for (const a of coll.first.items) {
      expect(a.target.source).toBe(pathToFileURL(join(dir, 'story.txt')).href);
      const [quote, position] = a.target.selector;
      expect(text.slice(position.start, position.end).join('')).toBe(quote.exact);
    }
    const csv = run('csv', 'story.txt');
    expect(csv.status).toBe(0);
    // No DOM: no offsets into document.body.textContent.
    expect(csv.stdout.split('\r\n')[1]).toMatch(/^(claim|mention),[a-z0-9-]+,\w+,[^,]+,[^,]+,,,/);
  });

  it('refuses several files for an export format (exit 2), and says why', () => {
    const r = cli('annotate', '--format', 'html', 'story.html', 'story.txt');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--format html exports one file at a time (got 2)');
    expect(r.stderr).toContain('Usage: medicaid-context annotate');
  });

  it('refuses an unknown --lang (exit 2), and exits 1 on a file it cannot read', () => {
    const bad = cli('annotate', '--format', 'csv', '--lang', 'fr', 'story.txt');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--lang must be en or es, not 'fr'");
    const missing = cli('annotate', '--format', 'csv', 'missing.html');
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('cannot read missing.html: no such file');
  });
});

describe('help and version', { timeout: 30_000 }, () => {
  it.each(['--help', '-h'])('%s prints the usage to stdout and exits 0', (flag) => {
    const r = cli(flag);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Usage: medicaid-context annotate [--format json|text] [--published YYYY-MM-DD] [--today YYYY-MM-DD] [--max-size SIZE] FILE...');
    expect(r.stdout).toContain('agrees');
    expect(r.stdout).toContain('left out');
    expect(r.stdout).toContain('medicaid-context annotate --format html|w3c|csv|claimreview [--lang en|es] [--published YYYY-MM-DD] [--today YYYY-MM-DD] [--max-size SIZE] FILE');
    for (const words of ['printable handout', 'W3C Web Annotation', 'byte-order mark', 'ClaimReview', '"Inaccurate"']) expect(r.stdout).toContain(words);
  });

  it('--version prints the package and dataset versions', () => {
    const r = cli('--version');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(readJson('package.json').version);
    expect(r.stdout).toContain(`dataset v${readJson('data/dataset.json').version}`);
  });
});

describe.skipIf(!existsSync(SEED_PATH))('the seed report', () => {
  it('is recognised, with the story’s people, places and agencies', { timeout: 30_000 }, () => {
    const r = cli('annotate', '--format', 'json', SEED_PATH);
    expect(r.status).toBe(0);
    const [result] = jsonLines(r.stdout);
    expect(result.detected).toBe(true);
    const ids = [...new Set(result.annotations.map((a) => a.id))];
    expect(ids).toEqual(expect.arrayContaining(['gavin-newsom', 'andrew-nixon', 'kim-brandt', 'district-of-columbia', 'dhs', 'ice']));
  });
});
