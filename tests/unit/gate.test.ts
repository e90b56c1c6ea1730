// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { documentMightBeCoverage, gateDocument, HUGE_PAGE_ELEMENTS, mightBeCoverage } from '../../engine/gate';

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
});
