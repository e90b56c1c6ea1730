// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { documentMightBeCoverage, gateDocument, gateText, HUGE_PAGE_CHARS, HUGE_PAGE_ELEMENTS, INLINE_CODE_BUDGET, mightBeCoverage } from '../../engine/gate';

describe('the gate on a live document', () => {
  const page = (title: string, html: string) => {
    document.title = title;
    document.body.innerHTML = html;
    return document;
  };

  it('turns away a page that does not name both Medicaid and immigration enforcement', () => {
    expect(documentMightBeCoverage(page('Budget', '<p>Medicaid enrollment rose in Ohio.</p>'))).toBe(false);
    expect(documentMightBeCoverage(page('Border', '<p>ICE detained 40 people.</p>'))).toBe(false);
    expect(documentMightBeCoverage(page('Weather', '<p>Rain in Seattle.</p>'))).toBe(false);
    expect(gateDocument(page('Weather', '<p>Rain in Seattle.</p>'))).toBe('no');
  });

  it('lets through a page that names both, in its text or its title', () => {
    expect(documentMightBeCoverage(page('News', '<p>CMS gave Medicaid data to ICE.</p>'))).toBe(true);
    expect(documentMightBeCoverage(page('Medicaid data and deportations', '<p>What the states say.</p>'))).toBe(true);
    expect(documentMightBeCoverage(page('Noticias', '<p>Datos de Medi-Cal y el Departamento de Seguridad Nacional.</p>'))).toBe(true);
    // What it found goes to the annotator's first pass, which then need not read the page to find it out again.
    expect(gateDocument(page('News', '<p>CMS gave Medicaid data to ICE.</p>'))).toBe('text');
  });

  it('lets a page too big to read at once through unread (the pass gates what its sliced walk reads)', () => {
    const doc = page('Archive', '<span></span>'.repeat(HUGE_PAGE_ELEMENTS + 1));
    expect(mightBeCoverage(doc.body.textContent ?? '', doc.title)).toBe(false);
    expect(documentMightBeCoverage(doc)).toBe(true);
    expect(gateDocument(doc)).toBe('huge');
  });

  it('calls a page huge by its characters too: a few hundred very long paragraphs are read in slices', () => {
    const paragraph = `<p>${'CMS gave Medicaid data on enrollees to ICE, the states said. '.repeat(160)}</p>`;
    const dense = page('Medicaid data', paragraph.repeat(Math.ceil(HUGE_PAGE_CHARS / 9000) + 10));
    expect(dense.body.getElementsByTagName('*').length).toBeLessThan(HUGE_PAGE_ELEMENTS / 10);
    expect(gateDocument(dense)).toBe('huge');
    // The same words in a page a tenth the size: read at once.
    expect(gateDocument(page('Medicaid data', paragraph.repeat(10)))).toBe('text');
    // And a long page that cannot be coverage is still turned away.
    expect(gateDocument(page('Weather', `<p>${'Rain in Seattle. '.repeat(70_000)}</p>`))).toBe('no');
  });

  describe('a body that is mostly inline code (news sites inline their data as JSON)', () => {
    // JSON of the kind a news site inlines: it names the story's words, but no reader sees them.
    const json = (chars: number) => {
      const entry = '{"headline":"Medicaid data and ICE","tag":"immigration"},';
      return `[${entry.repeat(Math.ceil(chars / entry.length))}{}]`;
    };

    it('leaves big scripts and styles out of what it reads, so their words do not let the page through', () => {
      const doc = page('Scores', `<p>The game went to overtime.</p><script type="application/json">${json(INLINE_CODE_BUDGET)}</script><style>.x{}</style>`);
      expect(mightBeCoverage(doc.body.textContent ?? '', doc.title)).toBe(true); // what textContent alone would say
      expect(gateText(doc.body)).toBe('The game went to overtime..x{}');
      expect(gateDocument(doc)).toBe('no');
    });

    it('still finds the story in the prose around them', () => {
      const doc = page('News', `<p>CMS gave Medicaid data to ICE.</p><script>${json(INLINE_CODE_BUDGET)}</script><p>More.</p>`);
      expect(gateText(doc.body)).toBe('CMS gave Medicaid data to ICE.More.');
      expect(gateDocument(doc)).toBe('text');
    });

    it('reads a body with little inline code as textContent does, code included (one native read)', () => {
      const doc = page('Scores', `<p>The game.</p><script>${json(2_000)}</script>`);
      expect(gateText(doc.body)).toBe(doc.body.textContent);
      // At worst a little code lets a page through to the annotator's read, which skips all code.
      expect(gateDocument(doc)).toBe('text');
    });
  });
});
