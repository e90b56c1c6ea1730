// @vitest-environment happy-dom
/**
 * Text that is not the story's prose, found without layout: edition lines (engine/edition-lines.ts), links
 * that stand alone on their line, and print lines by class name. What needs layout (hidden, clipped,
 * off-screen text) is held by the end-to-end and real-layout suites (rendered text).
 */
import { describe, expect, it } from 'vitest';
import { BLOCK_SEPARATOR, createEngine, readPageText } from '../../engine';
import { isEditionLine, outsideEditionLines } from '../../engine/edition-lines';
import { isLinkLine } from '../../entrypoints/annotator/rendered';
import { ENTITIES, LEXICON } from '../support/fixtures';

describe('edition lines', () => {
  it('knows a print-edition line in English and Spanish, and not a paragraph of the story', () => {
    for (const line of [
      'A version of this article appears in print on Jan. 9, 2026, Section A, Page 14 of the New York edition with the headline: Medicaid Data Went to ICE.',
      'A version of this article appeared in print on July 2, 2025, in The New York Times International Edition.',
      'Una versión de este artículo apareció en la edición impresa del 10 de enero de 2026.',
    ])
      expect(isEditionLine(line), line).toBe(true);
    for (const line of [
      'Seven states and the district had opened coverage to some adults regardless of immigration status: California, Colorado, Illinois, Minnesota, New York, Oregon and Washington.',
      'The governor of New York said the state would join the suit.',
    ])
      expect(isEditionLine(line), line).toBe(false);
  });

  it('drops the mentions of an edition line only', () => {
    const text = ['New York sued on Tuesday.', 'A version of this article appears in print on Page A14 of the New York edition.', 'New York again.'].join(BLOCK_SEPARATOR);
    const at = (s: string, from = 0) => text.indexOf(s, from);
    const m = (start: number) => ({ id: 'new-york', kind: 'state' as const, start, end: start + 8, text: 'New York', confidence: 'exact' as const });
    const mentions = [m(at('New York')), m(at('New York edition')), m(at('New York again'))];
    expect(outsideEditionLines(text, mentions as never).map((x) => x.start)).toEqual([mentions[0].start, mentions[2].start]);
  });
});

describe('links on a line of their own', () => {
  const link = (html: string) => {
    document.body.innerHTML = html;
    return document.querySelector('a')!;
  };
  it('a related story’s headline, alone in its list item or paragraph, or after "Related:"', () => {
    expect(isLinkLine(link('<ul><li><a href="/x">New York sues over Medicaid data</a></li></ul>'))).toBe(true);
    expect(isLinkLine(link('<p><a href="/x">New York sues over Medicaid data.</a></p>'))).toBe(true);
    expect(isLinkLine(link('<p>Related: <a href="/x">New York sues over Medicaid data</a></p>'))).toBe(true);
    expect(isLinkLine(link('<p>Lea también: <a href="/x">Nueva York demanda</a></p>'))).toBe(true);
  });
  it('not a link inside a sentence, nor the headline', () => {
    expect(isLinkLine(link('<p><a href="/x">Andrew Nixon</a>, the HHS spokesman, said the sharing was lawful.</p>'))).toBe(false);
    expect(isLinkLine(link('<h1><a href="/self">Medicaid records and ICE</a></h1>'))).toBe(false);
  });
});

describe('print lines by class name', () => {
  it('reads a story’s print citation and the edition picker as peripheral', () => {
    document.body.innerHTML = `<article><p>CMS sent the data.</p><p class="story-print-citation">A version appears in print.</p>
      <div class="menu edition-menu"><a href="/">English</a></div></article>`;
    const idx = readPageText(document.body);
    const peripheral: string[] = [];
    for (let i = 0; i < idx.peripheral.length; i += 2) peripheral.push(idx.text.slice(idx.peripheral[i], idx.peripheral[i + 1]));
    expect(peripheral.join('|')).toContain('appears in print');
    expect(peripheral.join('|')).toContain('English');
    expect(peripheral.join('|')).not.toContain('CMS sent');
  });

  it('the engine underlines no name in an edition line inside the story', () => {
    const engine = createEngine(ENTITIES, LEXICON);
    document.body.innerHTML = `<article><h1>Medicaid data shared with ICE</h1>
      <p>CMS gave Medicaid data to DHS and Immigration and Customs Enforcement for deportation, and California sued.</p>
      <p>Medicaid enrollees in California worry about immigration enforcement and deportation.</p>
      <div><p>A version of this article appears in print on Jan. 9, 2026, Section A, Page 14 of the California edition.</p></div></article>`;
    const idx = readPageText(document.body);
    const res = engine.annotate(idx, 'Medicaid data shared with ICE');
    expect(res.detection.detected).toBe(true);
    const edition = idx.text.indexOf('A version');
    expect(res.mentions.filter((m) => m.start >= edition).map((m) => m.text)).toEqual([]);
    expect(res.mentions.some((m) => m.text === 'California')).toBe(true);
  });
});
