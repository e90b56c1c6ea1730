/**
 * CSV of the page's mentions, one row each, for spreadsheets and scripts. Written to open cleanly in Excel,
 * LibreOffice and Google Sheets as well as parse under RFC 4180:
 * - UTF-8 with a byte-order mark (without it Excel reads UTF-8 as the local code page: "Noem" survives,
 *   "Departamento de Seguridad Nacional" with accents does not);
 * - CRLF after every record, the last included;
 * - a field with a comma, a double quote, CR or LF is quoted, and its quotes doubled.
 *
 * Formula injection: the mention text and the summaries come from a web page and the dataset, and a
 * spreadsheet runs a cell that starts with = + - @ (or a tab or CR) as a formula. Such a text cell gets a
 * leading apostrophe, which spreadsheets show as text and do not evaluate (OWASP's advice). Numbers are
 * written as numbers and never prefixed.
 *
 * Columns: id, name, kind, text, start, end (offsets into the extension's reading of the page,
 * PageSnapshot.text), dom_start, dom_end (offsets into document.body.textContent; empty when the mention was
 * not located in the DOM), summary (export language), as_of, checked, source_url (the record's first
 * source). Offsets count UTF-16 code units, as JavaScript's String.prototype.slice does.
 */
import type { ExportContext } from './index';
import { entityName, localize } from './text';

export const CSV_COLUMNS = ['id', 'name', 'kind', 'text', 'start', 'end', 'dom_start', 'dom_end', 'summary', 'as_of', 'checked', 'source_url'] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: neutralised if a spreadsheet would read it as a formula, quoted if RFC 4180 requires. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(ctx: ExportContext): string {
  const { snapshot, lang } = ctx;
  const rows: (string | number | null | undefined)[][] = [[...CSV_COLUMNS]];
  for (const m of [...snapshot.mentions].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const e = ctx.entities.get(m.id);
    rows.push([
      m.id,
      e ? entityName(e, lang) : undefined,
      m.kind,
      m.text,
      m.start,
      m.end,
      m.dom?.start,
      m.dom?.end,
      e ? localize(e.summary, lang) : undefined,
      e?.asOf,
      e?.verified,
      e?.sources[0]?.url,
    ]);
  }
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
