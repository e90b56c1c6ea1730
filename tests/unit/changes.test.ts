// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { planChanges } from '../../entrypoints/annotator/changes';
import type { PageChanges } from '../../entrypoints/annotator/watcher';

const notOwn = () => false;
const none = (): PageChanges => ({ edited: [], added: [], removed: [] });

describe('what a batch of page changes means for the annotations', () => {
  let article: HTMLElement;
  beforeEach(() => {
    document.body.innerHTML = '<article><p id="a">CMS shared Medicaid data with ICE.</p><p id="b">The states sued.</p></article>';
    article = document.querySelector('article')!;
  });

  it('reads an appended paragraph on its own, and does not revisit recognition', () => {
    const p = Object.assign(document.createElement('p'), { textContent: 'Homeland Security declined to comment.' });
    article.append(p);
    const plan = planChanges({ ...none(), added: [p] }, notOwn);
    expect(plan.units).toEqual([p]);
    expect(plan.recheck).toBe(false);
  });

  it('revisits recognition when story words leave the page', () => {
    const p = document.getElementById('a')!;
    p.remove();
    expect(planChanges({ ...none(), removed: [p] }, notOwn).recheck).toBe(true);
    // A paragraph without them can go without a second look.
    const q = document.getElementById('b')!;
    q.remove();
    expect(planChanges({ ...none(), removed: [q] }, notOwn).recheck).toBe(false);
  });

  it('does not revisit recognition when a paragraph is rewritten and keeps its story words', () => {
    const p = document.getElementById('a')!;
    const old = p.firstChild!;
    p.textContent = 'CMS shared Medicaid data with ICE in June.';
    const plan = planChanges({ ...none(), removed: [old], added: [p.firstChild!] }, notOwn);
    expect(plan.units).toEqual([p]);
    expect(plan.recheck).toBe(false);
  });

  it('revisits recognition when a rewrite drops a story word, even if others stay', () => {
    const p = document.getElementById('a')!;
    const old = p.firstChild!;
    p.textContent = 'CMS shared Medicaid data.';
    expect(planChanges({ ...none(), removed: [old], added: [p.firstChild!] }, notOwn).recheck).toBe(true);
  });

  it('weighs an edit in place by what the text said before and says now', () => {
    const text = document.getElementById('a')!.firstChild as Text;
    const before = text.data;
    text.data = 'CMS shared Medicaid data with ICE, records show.';
    expect(planChanges({ ...none(), edited: [{ node: text, before }] }, notOwn)).toMatchObject({ recheck: false, units: [text.parentElement] });
    text.data = 'CMS shared data.';
    expect(planChanges({ ...none(), edited: [{ node: text, before }] }, notOwn).recheck).toBe(true);
  });

  it('counts what was added and removed again within the batch on both sides', () => {
    const p = Object.assign(document.createElement('p'), { textContent: 'Medicaid and ICE, briefly.' });
    // Added, then taken away before the batch was handed over: the page is as it was.
    expect(planChanges({ ...none(), added: [p], removed: [p] }, notOwn)).toMatchObject({ recheck: false, units: [] });
  });
});
