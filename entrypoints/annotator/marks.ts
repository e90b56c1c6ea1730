/**
 * The anchored mentions on the page (marks), kept in reading order, with the indexes the annotator needs:
 * by text node (hit-testing, and dropping what a DOM change touched) and the first mark of each entity
 * ("first mention only", entity-by-entity stepping).
 */
import type { Mention } from '@/engine';

export interface Mark {
  mention: Mention;
  range: Range;
  /** Every text node the mention touches (a name split across <a> and <b> touches several). */
  nodes: Text[];
  /** The background behind it is dark: its underline takes the light palette. */
  onDark: boolean;
}

/** Does range a start before range b? (Both in the same document.) */
const before = (a: Range, b: Range) => a.compareBoundaryPoints(Range.START_TO_START, b) < 0;

export class Marks {
  private list: Mark[] = [];
  private byNode = new Map<Text, Mark[]>();
  /** How many marks each entity has: the entities named on the page, without a scan of every mark. */
  private perEntity = new Map<string, number>();

  get all(): readonly Mark[] {
    return this.list;
  }

  get size(): number {
    return this.list.length;
  }

  at(i: number): Mark | undefined {
    return this.list[i];
  }

  indexOf(mark: Mark): number {
    return this.list.indexOf(mark);
  }

  clear(): void {
    this.list = [];
    this.byNode = new Map();
    this.perEntity = new Map();
  }

  /** Add marks already in reading order after every existing one (a full pass, slice by slice). */
  append(marks: Mark[]): void {
    for (const m of marks) {
      this.list.push(m);
      this.index(m);
    }
  }

  /** Add marks anywhere in the page (an inserted paragraph): each goes to its place in reading order. */
  insert(marks: Mark[]): void {
    for (const m of marks) {
      // Most often after every other mark (infinite scroll appends): one comparison instead of a search.
      const last = this.list[this.list.length - 1];
      if (!last || before(last.range, m.range)) {
        this.append([m]);
        continue;
      }
      let lo = 0;
      let hi = this.list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (before(this.list[mid].range, m.range)) lo = mid + 1;
        else hi = mid;
      }
      this.list.splice(lo, 0, m);
      this.index(m);
    }
  }

  /** Remove the marks `drop` selects; returns them. */
  remove(drop: (m: Mark) => boolean): Mark[] {
    const gone: Mark[] = [];
    const kept: Mark[] = [];
    for (const m of this.list) (drop(m) ? gone : kept).push(m);
    if (!gone.length) return gone;
    this.list = kept;
    for (const m of gone) {
      const left = (this.perEntity.get(m.mention.id) ?? 1) - 1;
      if (left) this.perEntity.set(m.mention.id, left);
      else this.perEntity.delete(m.mention.id);
      for (const n of m.nodes) {
        const at = this.byNode.get(n);
        if (!at) continue;
        const rest = at.filter((x) => x !== m);
        if (rest.length) this.byNode.set(n, rest);
        else this.byNode.delete(n);
      }
    }
    return gone;
  }

  /**
   * Remove the marks that start in these text nodes (a block about to be read again); returns them. Found
   * through the nodes, not by looking at every mark: a block that is new to the page has none.
   */
  removeStartingIn(nodes: readonly Text[]): Mark[] {
    let found: Set<Mark> | undefined;
    for (const n of nodes)
      for (const m of this.byNode.get(n) ?? []) if (m.nodes[0] === n) (found ??= new Set()).add(m);
    return found ? this.remove((m) => found.has(m)) : [];
  }

  /** The marks touching a text node. */
  onNode(node: Text): readonly Mark[] {
    return this.byNode.get(node) ?? [];
  }

  /** The first mark of each entity, in reading order. */
  firsts(): Mark[] {
    const seen = new Set<string>();
    return this.list.filter((m) => !seen.has(m.mention.id) && (seen.add(m.mention.id), true));
  }

  /** Entities named in full somewhere on the page (licenses their surnames in added text). */
  namedEntities(): Set<string> {
    return new Set(this.perEntity.keys());
  }

  private index(m: Mark): void {
    this.perEntity.set(m.mention.id, (this.perEntity.get(m.mention.id) ?? 0) + 1);
    for (const n of m.nodes) {
      const at = this.byNode.get(n);
      if (at) at.push(m);
      else this.byNode.set(n, [m]);
    }
  }
}
