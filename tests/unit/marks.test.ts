// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { Mention } from '../../engine/types';
import { Marks, type Mark } from '../../entrypoints/annotator/marks';

/** A mark over the first `length` characters of a text node. */
function markOn(node: Text, id: string, start = 0, length = 4): Mark {
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, start + length);
  const mention: Mention = { id, kind: 'agency', start, end: start + length, text: node.data.slice(start, start + length), confidence: 'high' };
  return { mention, range, nodes: [node], onDark: false };
}

const textOf = (p: Element) => p.firstChild as Text;
const ids = (marks: readonly Mark[]) => marks.map((m) => m.mention.id);

describe('the marks on a page', () => {
  let paragraphs: HTMLParagraphElement[];

  beforeEach(() => {
    document.body.innerHTML = '<article><p>CMS shared data.</p><p>DHS asked for it.</p><p>ICE got access.</p></article>';
    paragraphs = [...document.querySelectorAll('p')];
  });

  it('keeps reading order when marks are inserted after, between and before the others', () => {
    const marks = new Marks();
    const [first, second, third] = paragraphs.map(textOf);
    marks.insert([markOn(second, 'dhs')]);
    marks.insert([markOn(third, 'ice')]); // after every mark: appended text
    marks.insert([markOn(first, 'cms')]); // before every mark
    marks.insert([markOn(second, 'dhs-late', 4, 5)]); // between two marks
    expect(ids(marks.all)).toEqual(['cms', 'dhs', 'dhs-late', 'ice']);
  });

  it('knows which entities are named, as marks come and go', () => {
    const marks = new Marks();
    const [first, second] = paragraphs.map(textOf);
    marks.append([markOn(first, 'cms'), markOn(second, 'cms', 0, 3), markOn(second, 'dhs', 4, 5)]);
    expect([...marks.namedEntities()].sort()).toEqual(['cms', 'dhs']);
    marks.remove((m) => m.nodes[0] === second);
    // One mark of CMS is left: it is still named; DHS is not.
    expect([...marks.namedEntities()]).toEqual(['cms']);
    marks.clear();
    expect(marks.namedEntities().size).toBe(0);
  });

  it('removes the marks that start in a block read again, and only those', () => {
    const marks = new Marks();
    const [first, second, third] = paragraphs.map(textOf);
    marks.append([markOn(first, 'cms'), markOn(second, 'dhs'), markOn(third, 'ice')]);
    const gone = marks.removeStartingIn([second]);
    expect(ids(gone)).toEqual(['dhs']);
    expect(ids(marks.all)).toEqual(['cms', 'ice']);
    expect(marks.onNode(second)).toEqual([]);
    // A block new to the page has none.
    const fresh = document.createTextNode('Medicaid');
    expect(marks.removeStartingIn([fresh])).toEqual([]);
    expect(marks.size).toBe(2);
  });

  it('leaves a mark that only ends in a block read again (it starts in another)', () => {
    const marks = new Marks();
    const [first, second] = paragraphs.map(textOf);
    const spanning = markOn(first, 'cms');
    spanning.nodes = [first, second];
    marks.append([spanning]);
    expect(marks.removeStartingIn([second])).toEqual([]);
    expect(marks.removeStartingIn([first])).toEqual([spanning]);
    expect(marks.onNode(second)).toEqual([]);
  });
});
