/**
 * The names a presentation steps through by default: the article's **key names**, at most KEY_NAMES_MAX, so a
 * class discusses a dozen notes rather than every name the article drops. Which names are key comes from
 * what the article does with them and what the dataset says of them, never from a list of names:
 * - people the article **quotes** (reports speaking: "said", "told reporters", "argued", "according to",
 *   "dijo", "según"… in a sentence that names them: `isQuoted`);
 * - every **law** it names (what governs the story);
 * - **agencies** it names at least twice;
 * - **states** the dataset ties to the story's core (their enrollees' data was in the June 2025 transfer, or
 *   they lead the lawsuit), or that it names at least three times;
 * - never events: the presentation's last step is the story's timeline.
 * If more qualify, the most mentioned win (a quoted person or a law counts two mentions more: what was said
 * and what governs are what a class talks about), ties going to the name the article gives first. An article
 * that names KEY_NAMES_MAX names or fewer, or none that qualify, keeps every name. Pure: the page gives the
 * counts and sentences, the background the records.
 */
import type { Entity } from '../data/schema';
import type { EntityKind } from './types';
import { sentences } from './sentences';

export const KEY_NAMES_MAX = 12;

export interface NameUse {
  id: string;
  kind: EntityKind;
  /** How many times the article names it. */
  count: number;
  /** The article reports it speaking (for a person: `isQuoted` on a sentence naming them). */
  quoted: boolean;
  /** Its dataset record, when loaded (a state's part in the transfer and the lawsuit). */
  record?: Entity;
}

/** Mentions a quoted person or a law counts for beyond its own, when more names qualify than can be shown. */
const WEIGHT_BONUS = 2;

function qualifies(use: NameUse): boolean {
  switch (use.kind) {
    case 'person':
      return use.quoted;
    case 'law':
      return true;
    case 'agency':
      return use.count >= 2;
    case 'state': {
      const r = use.record;
      const core = r?.kind === 'state' && (r.inJune2025Transfer || r.lawsuit === 'lead-plaintiff');
      return core || use.count >= 3;
    }
    default:
      return false;
  }
}

const weight = (use: NameUse) => use.count + (use.kind === 'law' || (use.kind === 'person' && use.quoted) ? WEIGHT_BONUS : 0);

/** The key names among `uses` (given in the order the article first names them), as ids. */
export function keyNames(uses: readonly NameUse[], max = KEY_NAMES_MAX): Set<string> {
  if (uses.length <= max) return new Set(uses.map((u) => u.id));
  const candidates = uses.map((use, order) => ({ use, order })).filter(({ use }) => qualifies(use));
  if (!candidates.length) return new Set(uses.map((u) => u.id));
  candidates.sort((a, b) => weight(b.use) - weight(a.use) || a.order - b.order);
  return new Set(candidates.slice(0, max).map(({ use }) => use.id));
}

/**
 * Verbs and phrases that report speech, English and Spanish. Not nouns that share a form ("states", "notes",
 * "calls"): in this story "states" is almost always the noun.
 */
const SPEECH =
  'said|says|say|saying|told|tells|argued|argues|wrote|writes|added|adds|noted|warned|warns|accused|accuses|questioned|questions|stated|asked|asks|testified|explained|explains|insisted|insists|countered|responded|replied|declared|acknowledged|contended|contends|criticized|criticised|praised|urged|urges|complained|maintained|' +
  'dijo|dice|dicen|afirmó|afirma|declaró|declara|aseguró|asegura|señaló|señala|explicó|explica|advirtió|advierte|escribió|sostuvo|sostiene|agregó|añadió|criticó|acusó|preguntó|respondió|indicó|indica|insistió|reconoció';
/** The speech verb after the name ("Nixon, the HHS spokesman, said"), within this many words of the sentence. */
const AFTER_WORDS = 15;
const SPEECH_AFTER = new RegExp(`^(?:\\S+\\s+){0,${AFTER_WORDS}}?(?:${SPEECH})(?![\\p{L}\\p{N}])`, 'iu');
/** Or just before it ("said HHS spokesman Andrew Nixon", "according to Newsom", "según Bonta"). */
const SPEECH_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${SPEECH}|according to|según)\\s+(?:\\S+\\s+){0,3}$`, 'iu');

/** Does the sentence of `text` holding [start, end) report the name there speaking? */
export function isQuoted(text: string, start: number, end: number): boolean {
  const sentence = sentences(text).find(([s, e]) => s <= start && end <= e);
  const [from, to] = sentence ?? [0, text.length];
  const after = text.slice(end, to).replace(/^[\s,;:]+/, '');
  const before = text.slice(from, start);
  return SPEECH_AFTER.test(after) || SPEECH_BEFORE.test(before);
}
