/**
 * render: the extension's entries in the page's highlight registry (CSS.highlights), which the page shares
 * and can read, clear or edit. Three things keep what the underlines say the extension's own:
 * - names the page cannot predict: a random name per key per page (HighlightNames), so no page can probe for
 *   the extension with a fixed name, nor learn a mention's kind or a claim's verdict from its highlight's name;
 * - copies: the registry holds a copy of each mark's range, never the range the annotator keeps (and hit-tests
 *   and places cards with), so a page that moves a range it found there moves only the copy;
 * - repair(): the annotator calls it on a timer and after page changes. Entries the page deleted or replaced
 *   (`CSS.highlights.clear()`), ranges it added (its own sentence under the "agrees" tint) or removed, and
 *   copies it moved are put back as they were.
 */
export function supportsHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** Random highlight names for this page, one per key, stable for the page's life. */
export class HighlightNames {
  private readonly names = new Map<string, string>();

  /** The name for a key ("person-on-dark", "claim-agrees"): `h` and random letters and digits. */
  of(key: string): string {
    let name = this.names.get(key);
    if (!name) {
      const bytes = crypto.getRandomValues(new Uint8Array(10));
      name = `h${Array.from(bytes, (b) => (b % 36).toString(36)).join('')}`;
      this.names.set(key, name);
    }
    return name;
  }

  /** Names for these keys, as the background's stylesheet needs them. */
  map(keys: readonly string[]): Record<string, string> {
    return Object.fromEntries(keys.map((k) => [k, this.of(k)]));
  }
}

interface Entry {
  name: string;
  highlight: Highlight;
  priority: number;
  /** The annotator's range → the copy in the registry. */
  copies: Map<Range, Range>;
}

const sameBoundaries = (a: Range, b: Range) =>
  a.startContainer === b.startContainer && a.startOffset === b.startOffset && a.endContainer === b.endContainer && a.endOffset === b.endOffset;

/** Ranges compared in full per repair: a page with tens of thousands of marks is gone through over several. */
const RANGES_PER_REPAIR = 2000;

export class GuardedHighlights {
  private readonly entries = new Map<string, Entry>();
  /** Where the last repair's full comparison stopped (key, and how many of that key's ranges it had done). */
  private cursor = { key: '', done: 0 };

  constructor(private readonly names: HighlightNames) {}

  /** Paint these ranges under a key's highlight (created and registered on first use). */
  add(key: string, ranges: readonly Range[], priority = 0): void {
    if (!supportsHighlights() || !ranges.length) return;
    let entry = this.entries.get(key);
    if (!entry) {
      const copies = new Map(ranges.map((r) => [r, r.cloneRange()]));
      const highlight = new Highlight(...copies.values());
      highlight.priority = priority;
      entry = { name: this.names.of(key), highlight, priority, copies };
      this.entries.set(key, entry);
      CSS.highlights.set(entry.name, highlight);
      return;
    }
    for (const r of ranges) {
      if (entry.copies.has(r)) continue;
      const copy = r.cloneRange();
      entry.copies.set(r, copy);
      entry.highlight.add(copy);
    }
  }

  remove(key: string, ranges: readonly Range[]): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    for (const r of ranges) {
      const copy = entry.copies.get(r);
      if (!copy) continue;
      entry.copies.delete(r);
      entry.highlight.delete(copy);
    }
  }

  /** Stop painting everything (or one key's ranges), and leave the registry as the page had it. */
  clear(key?: string): void {
    if (!supportsHighlights()) return;
    for (const [k, entry] of this.entries) {
      if (key !== undefined && k !== key) continue;
      entry.highlight.clear();
      if (CSS.highlights.get(entry.name) === entry.highlight) CSS.highlights.delete(entry.name);
      this.entries.delete(k);
    }
  }

  /** Ranges painted, over every key. */
  get size(): number {
    let n = 0;
    for (const e of this.entries.values()) n += e.copies.size;
    return n;
  }

  /**
   * Put the registry back as the extension left it; returns how many highlights needed it. Each call looks at
   * every highlight's entry and size (a look-up each), and compares up to RANGES_PER_REPAIR ranges in full
   * (boundaries, and membership), going on where the last call stopped: on most pages all of them, every time.
   */
  repair(): number {
    if (!supportsHighlights()) return 0;
    let repaired = 0;
    let budget = RANGES_PER_REPAIR;
    const keys = [...this.entries.keys()];
    // Start the full comparison where the last one stopped.
    const first = Math.max(0, keys.indexOf(this.cursor.key));
    for (let k = 0; k < keys.length; k++) {
      const key = keys[(first + k) % keys.length];
      const entry = this.entries.get(key)!;
      let touched = false;
      if (CSS.highlights.get(entry.name) !== entry.highlight) {
        CSS.highlights.set(entry.name, entry.highlight);
        touched = true;
      }
      // As many ranges as ours, and each of ours in it: then none is the page's. (Never iterated: Firefox does not
      // let a content script iterate a highlight, a setlike object of the page's document.)
      let intact = entry.highlight.size === entry.copies.size && entry.highlight.priority === entry.priority;
      if (intact && budget > 0) {
        const skip = key === this.cursor.key ? this.cursor.done : 0;
        let i = 0;
        let done = skip;
        for (const [own, copy] of entry.copies) {
          if (i++ < skip) continue;
          if (budget-- <= 0) break;
          done++;
          if (!sameBoundaries(own, copy) || !entry.highlight.has(copy)) {
            intact = false;
            break;
          }
        }
        this.cursor = done >= entry.copies.size ? { key: keys[(first + k + 1) % keys.length], done: 0 } : { key, done };
      }
      if (!intact) {
        // Fresh copies: the old ones are the page's to keep.
        entry.highlight.clear();
        for (const own of entry.copies.keys()) {
          const copy = own.cloneRange();
          entry.copies.set(own, copy);
          entry.highlight.add(copy);
        }
        entry.highlight.priority = entry.priority;
        touched = true;
      }
      if (touched) repaired++;
    }
    return repaired;
  }
}
