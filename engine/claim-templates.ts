/**
 * The phrase templates in data/claims.json, compiled to regular-expression sources once, at build time.
 * Fact-checkers write phrasings, not regular expressions:
 *
 *   word          a literal word (case-insensitive; accents are folded, so "bloqueó" = "bloqueo")
 *   word*         any word starting with "word" ("sue*" = sue, sued, suing)
 *   (a|b c|d)     one of the alternatives; an alternative may be several words or another template
 *   [a|b]         optional, same inside
 *   ~             up to eight words in between
 *   ,  [,]        a comma, an optional comma
 *   {n} {n+1}     the count the statement makes ("{n+1} states and D.C." counts D.C.; {n+2}: "joined
 *                 California and {n+2} other states" counts the joiner and California)
 *   {date}        a date ("Aug. 12, 2025", "12 de agosto", "in July", "Tuesday", "el lunes")
 *   {person}      a person's name (resolved against the claim's holders)
 *
 * Acronyms written in capitals in a template (ICE, DHS) must be in capitals on the page too.
 */
import { COUNT_PATTERN } from './numbers';
import { DATE_PATTERN, RELATIVE_DATE_PATTERN } from './dates';
import { normalizeForMatch } from './fold';

export type SlotKind = 'n' | 'date' | 'person';

export interface CompiledTemplate {
  /** Regex source for the normalised text (flags `gi`), slots as markers (expandSlots); group 1 is the slot. */
  source: string;
  /**
   * A word the phrase cannot match without (its first required word or alternation), tested on a
   * sentence before the full pattern runs: most sentences mention no DHS secretary and no plaintiff states.
   */
  gate?: string;
  slot?: SlotKind;
  /** Added to the count ({n+1}). */
  add?: number;
  /** Where the slot sits: a name before its title is read backwards from the title. */
  slotFirst?: boolean;
  /** Acronyms that must keep their capitals on the page. */
  acronyms?: string[];
}

export class TemplateError extends Error {}

/** Up to eight words, and punctuation (not letters: "congela" is not "congelará") after the word before. */
const GAP = '[^\\sA-Za-z0-9]*\\s+(?:\\S+\\s+){0,8}?';
const PERSON = "([A-Za-z][A-Za-z'\\-]*\\.?(?:\\s+(?:[A-Za-z][A-Za-z'\\-]*\\.?|[A-Za-z]\\.)){0,4})";
const SLOTS: Record<string, { kind: SlotKind; marker: string; add?: number }> = {
  '{n}': { kind: 'n', marker: '<<n>>' },
  '{n+1}': { kind: 'n', marker: '<<n>>', add: 1 },
  '{n+2}': { kind: 'n', marker: '<<n>>', add: 2 },
  '{date}': { kind: 'date', marker: '<<date>>' },
  '{person}': { kind: 'person', marker: '<<person>>' },
};

/**
 * The spec keeps slots as markers (a count or date pattern is a kilobyte, and a claim has a dozen
 * templates); the page expands them once when it compiles the spec.
 */
const EXPANSIONS: [string, string][] = [
  ['<<n>>', `(${COUNT_PATTERN})`],
  // Relative days last: a written date is preferred where both could be read ("Tuesday, July 1").
  ['<<date>>', `(${DATE_PATTERN}|${RELATIVE_DATE_PATTERN})`],
  ['<<person>>', PERSON],
];

export function expandSlots(source: string): string {
  return EXPANSIONS.reduce((s, [marker, pattern]) => s.split(marker).join(pattern), source);
}

const escape = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

type Token =
  | { t: 'sep' }
  | { t: 'gap' }
  | { t: 'comma'; optional: boolean }
  | { t: 're'; source: string; optional?: boolean }
  | { t: 'slot'; key: string };

/** Split on `|` at the top level of a group's contents. */
function alternatives(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of body) {
    if (ch === '(' || ch === '[') depth++;
    if (ch === ')' || ch === ']') depth--;
    if (ch === '|' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((a) => a.trim());
}

function closing(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '(' || s[i] === '[') depth++;
    if (s[i] === ')' || s[i] === ']') depth--;
    if (depth === 0) return i;
  }
  throw new TemplateError(`unbalanced "${s[open]}"`);
}

function tokenize(s: string, slots: string[], acronyms: Set<string>): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (/\s/.test(ch)) {
      if (tokens.at(-1)?.t !== 'sep') tokens.push({ t: 'sep' });
      i++;
    } else if (ch === '~') {
      tokens.push({ t: 'gap' });
      i++;
    } else if (ch === ',') {
      tokens.push({ t: 'comma', optional: false });
      i++;
    } else if (s.startsWith('[,]', i)) {
      tokens.push({ t: 'comma', optional: true });
      i += 3;
    } else if (ch === '(' || ch === '[') {
      const end = closing(s, i);
      const alts = alternatives(s.slice(i + 1, end));
      if (alts.some((a) => a === '')) throw new TemplateError(`empty alternative in "${s.slice(i, end + 1)}"`);
      const source = `(?:${alts.map((a) => body(a, slots, acronyms)).join('|')})`;
      tokens.push({ t: 're', source, optional: ch === '[' });
      i = end + 1;
    } else if (ch === ')' || ch === ']') {
      throw new TemplateError(`unbalanced "${ch}"`);
    } else if (ch === '{') {
      const end = s.indexOf('}', i);
      const key = s.slice(i, end + 1);
      if (end === -1 || !SLOTS[key]) throw new TemplateError(`unknown slot "${end === -1 ? s.slice(i) : key}" (use {n}, {n+1}, {n+2}, {date} or {person})`);
      slots.push(key);
      tokens.push({ t: 'slot', key });
      i = end + 1;
    } else {
      let j = i;
      while (j < s.length && !/[\s~,()[\]{}|]/.test(s[j])) j++;
      const word = s.slice(i, j);
      if (/^[A-Z]{2,}$/.test(word)) acronyms.add(word);
      const folded = normalizeForMatch(word.normalize('NFC')).toLowerCase();
      const source = folded.endsWith('*') && folded.length > 1 ? `${escape(folded.slice(0, -1))}[a-z]*` : escape(folded);
      tokens.push({ t: 're', source });
      i = j;
    }
  }
  return tokens;
}

/** Join tokens: an optional part takes one adjoining space with it, so "[the] DHS" is "the DHS" or "DHS". */
function join(tokens: Token[]): string {
  let out = '';
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k];
    const next = tokens[k + 1];
    if (tok.t === 'sep') out += '\\s+';
    else if (tok.t === 'gap') {
      out = out.replace(/\\s\+$/, '');
      out += GAP;
      if (next?.t === 'sep') k++;
    } else if (tok.t === 'comma') {
      out = out.replace(/\\s\+$/, '');
      out += tok.optional ? '(?:\\s*,\\s*|\\s+)' : '\\s*,\\s*';
      if (next?.t === 'sep') k++;
    } else if (tok.t === 'slot') out += SLOTS[tok.key].marker;
    else if (tok.optional) {
      if (next?.t === 'sep') {
        out += `(?:${tok.source}\\s+)?`;
        k++;
      } else if (out.endsWith('\\s+')) out = `${out.slice(0, -3)}(?:\\s+${tok.source})?`;
      else out += `(?:${tok.source})?`;
    } else out += tok.source;
  }
  return out;
}

function body(s: string, slots: string[], acronyms: Set<string>): string {
  return join(tokenize(s.trim(), slots, acronyms));
}

/** The first required, slot-free part of a template, as a regex source (the phrase's gate). */
function gateOf(template: string): string | undefined {
  const tokens = tokenize(template.trim(), [], new Set());
  const first = tokens.find((t): t is Extract<Token, { t: 're' }> => t.t === 're' && !t.optional && !t.source.includes('<<'));
  return first && `(?<![A-Za-z0-9])${first.source}`;
}

/** Compile one template; throws TemplateError naming what is wrong. */
export function compileTemplate(template: string): CompiledTemplate {
  // A regular expression's "?" or "+" reads as a literal here and never matches: optional words go in [brackets].
  if (/[)\]]\s*[?+*]/.test(template)) throw new TemplateError('write optional words in [brackets]; "?", "+" and "*" after a group are not template syntax');
  const slots: string[] = [];
  const acronyms = new Set<string>();
  const inner = body(template, slots, acronyms);
  if (slots.length > 1) throw new TemplateError(`more than one slot (${slots.join(', ')})`);
  const source = `(?<![A-Za-z0-9])${inner}(?![A-Za-z0-9])`;
  try {
    new RegExp(expandSlots(source), 'gi');
  } catch (e) {
    throw new TemplateError((e as Error).message);
  }
  const slot = slots[0] ? SLOTS[slots[0]] : undefined;
  const gate = gateOf(template);
  return {
    source,
    ...(gate ? { gate } : {}),
    ...(slot ? { slot: slot.kind } : {}),
    ...(slot?.add ? { add: slot.add } : {}),
    ...(slot && /^\s*\{/.test(template) ? { slotFirst: true } : {}),
    ...(acronyms.size ? { acronyms: [...acronyms] } : {}),
  };
}

/** A list of words or templates as one alternation (context and exclusion lists). */
export function compileAny(words: readonly string[]): string {
  const acronyms = new Set<string>();
  return `(?<![A-Za-z0-9])(?:${words.map((w) => body(w, [], acronyms)).join('|')})(?![A-Za-z0-9])`;
}
