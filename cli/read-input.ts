/**
 * What the CLI accepts as a file, decided before any of it is parsed: a page it cannot handle gets one clear
 * line and the file is skipped, rather than an out-of-memory crash minutes later (a 200 MB page took the
 * parser past 4 GB) or a binary file read as text with no warning.
 *
 * - Size: files above the limit (DEFAULT_MAX_BYTES; `--max-size` raises it) are refused from their size alone,
 *   before a byte is read.
 * - Binary: a NUL byte, or more than a few per cent of control characters, in the first block is not text.
 * - Encoding: UTF-8 (a byte-order mark is dropped), UTF-16 with its byte-order mark, or the charset an HTML
 *   page declares; bytes that are none of these are refused, never turned into replacement characters.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** The largest file read by default: saved news pages with their inline data run to a few megabytes. */
export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

/** How much of a file's start is looked at for binary content and a declared charset. */
const SNIFF_BYTES = 8192;
/** Control characters (other than tab, line feed, form feed, carriage return, escape) tolerated in text. */
const MAX_CONTROL_SHARE = 0.02;

/** A file the CLI will not read, with the reason in words. */
export class InputError extends Error {}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** "64M", "500k", "1g" or plain bytes → bytes; null when it is not a size. */
export function parseSize(value: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  const unit = m ? UNITS[m[2].toLowerCase()] : undefined;
  if (!m || unit === undefined) return null;
  const bytes = Math.round(Number(m[1]) * unit);
  return bytes > 0 ? bytes : null;
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${bytes} bytes`;
}

function looksBinary(head: Uint8Array): boolean {
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27) control++;
  }
  return head.length > 0 && control / head.length > MAX_CONTROL_SHARE;
}

/** The charset an HTML page declares in its first block (`<meta charset>` or http-equiv), lower-cased. */
function declaredCharset(head: Uint8Array): string | null {
  const ascii = new TextDecoder('latin1').decode(head);
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(ascii);
  return m ? m[1].toLowerCase() : null;
}

function decode(bytes: Uint8Array, html: boolean): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (looksBinary(bytes.subarray(0, SNIFF_BYTES))) throw new InputError('not a text file (it holds binary data)');
  const declared = html ? declaredCharset(bytes.subarray(0, SNIFF_BYTES)) : null;
  if (declared && !['utf-8', 'utf8', 'unicode-1-1-utf-8'].includes(declared)) {
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(declared, { fatal: true });
    } catch {
      throw new InputError(`it declares a character set this program does not know (${declared})`);
    }
    try {
      return decoder.decode(bytes);
    } catch {
      throw new InputError(`not valid ${declared} text, the character set it declares`);
    }
  }
  try {
    // ignoreBOM false (the default) drops a UTF-8 byte-order mark.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError('not valid UTF-8 text (save the page as UTF-8, or declare its character set in a <meta charset>)');
  }
}

/** Read a file the CLI can handle, as text; InputError (or a file-system error) otherwise. */
export function readInput(file: string, { maxBytes = DEFAULT_MAX_BYTES, html = false } = {}): string {
  const fd = openSync(file, 'r');
  try {
    const { size } = fstatSync(fd);
    if (size > maxBytes) throw new InputError(`${formatSize(size)} is over the ${formatSize(maxBytes)} limit (raise it with --max-size, e.g. --max-size ${Math.ceil(size / 1024 ** 2)}M)`);
    const bytes = new Uint8Array(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return decode(bytes.subarray(0, read), html);
  } finally {
    closeSync(fd);
  }
}
