/**
 * CSV of what the extension found on a page, for spreadsheets and scripts: one file, one row per claim
 * checked and per mention (`row_type`), each row standing on its own (the article's title, address and date
 * on every row, so rows from several articles can be pasted into one sheet). Written to open cleanly in
 * Excel, LibreOffice and Google Sheets as well as parse under RFC 4180:
 * - UTF-8 with a byte-order mark (without it Excel reads UTF-8 as the local code page: "Noem" survives,
 *   "Departamento de Seguridad Nacional" with accents does not);
 * - CRLF after every record, the last included;
 * - a field with a comma, a double quote, CR or LF is quoted, and its quotes doubled.
 *
 * Formula injection: the page's words, its title and the dataset's text reach cells, and a spreadsheet runs a
 * cell that starts with = + - @ (or a tab or CR) as a formula. Such a text cell gets a leading apostrophe,
 * which spreadsheets show as text and do not evaluate (OWASP's advice). Numbers are written as numbers and
 * never prefixed.
 *
 * Dates are ISO 8601 throughout, at the precision the dataset has them: YYYY-MM-DD, or YYYY-MM where the
 * sources give only the month (never padded to a made-up day). No summaries: a row carries the record's id
 * (to look it up in dataset.json) and its key fact. The columns are CSV_COLUMNS, described in the README.
 */
import type { Entity } from '../../data/schema';
import type { ExportContext } from './index';
import { entityName, judgedClaims, keyFact, localize, opening, pageUrl, titleLines, verdictWords } from './text';

export const CSV_COLUMNS = [
  'row_type',
  'id',
  'kind',
  'name',
  'text',
  'start',
  'end',
  'key_fact',
  'verdict',
  'compared',
  'compared_text',
  'asserted',
  'value_then',
  'value_now',
  'changed_on',
  'as_of',
  'checked',
  'source_url',
  'article_title',
  'article_url',
  'article_published',
] as const;

type Column = (typeof CSV_COLUMNS)[number];
type Cell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: neutralised if a spreadsheet would read it as a formula, quoted if RFC 4180 requires. */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Dates stay ISO in a CSV: what a spreadsheet sorts and a script parses. */
const iso = (d: string) => d;

/**
 * The line a card shows first, in the export's language and with ISO dates: a person's title when the article
 * was written (what they are in the story; where it changed since, the claim rows say so), a law's citation,
 * an event's date, a state's part in the transfer and the lawsuit, an agency's first sentence (its card has no
 * key fact, and its summary opens with what it is).
 */
function keyFactOf(e: Entity, ctx: ExportContext): string {
  const { snapshot, lang, t } = ctx;
  if (e.kind === 'person') return titleLines(e, snapshot.published, snapshot.today, lang, t, iso)[0] ?? '';
  return keyFact(e, lang, t, iso) ?? opening(localize(e.summary, lang));
}

export function toCsv(ctx: ExportContext): string {
  const { snapshot, lang } = ctx;
  const article: Partial<Record<Column, Cell>> = {
    article_title: snapshot.title.trim(),
    article_url: pageUrl(snapshot.url),
    article_published: snapshot.published,
  };
  const rows: Partial<Record<Column, Cell>>[] = [];
  // Claims first, as the handout and the side panel list them: what a fact-checker looks at first.
  for (const { claim } of judgedClaims(snapshot)) {
    const { check } = claim;
    const record = ctx.claims.get(check.id);
    const words = verdictWords(ctx, check, iso);
    const value = record?.values[words.value.index];
    rows.push({
      row_type: 'claim',
      id: check.id,
      kind: record?.kind,
      name: record ? localize(record.about, lang) : undefined,
      text: claim.text,
      start: claim.dom?.start,
      end: claim.dom?.end,
      verdict: check.verdict,
      compared: check.part?.kind,
      compared_text: check.part?.text,
      asserted: check.asserted,
      value_then: check.then?.value,
      value_now: check.now.value,
      changed_on: check.since,
      as_of: value?.asOf ?? check.lastConfirmed,
      checked: record?.verified,
      source_url: words.sources.find((s) => s.url)?.url,
      ...article,
    });
  }
  for (const m of [...snapshot.mentions].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const e = ctx.entities.get(m.id);
    rows.push({
      row_type: 'mention',
      id: m.id,
      kind: m.kind,
      name: e ? entityName(e, lang) : undefined,
      text: m.text,
      start: m.dom?.start,
      end: m.dom?.end,
      key_fact: e ? keyFactOf(e, ctx) : undefined,
      as_of: e?.asOf,
      checked: e?.verified,
      source_url: e?.sources.find((s) => s.url)?.url,
      ...article,
    });
  }
  const lines = [CSV_COLUMNS.join(','), ...rows.map((row) => CSV_COLUMNS.map((c) => csvField(row[c])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
