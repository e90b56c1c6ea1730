/**
 * W3C Web Annotation Data Model (Recommendation, 23 February 2017) JSON-LD: the page's mentions as
 * annotations that Hypothesis and other annotators can import and re-anchor.
 *
 * Shape: one AnnotationCollection (`total`, and every annotation embedded in its `first` AnnotationPage; no
 * page when there is nothing to list, since a page must hold at least one item). Each mention is one
 * Annotation:
 * - motivation `identifying`: the annotation says which record of the dataset the words name;
 * - bodies: a SpecificResource (purpose `identifying`) whose source is the record,
 *   `urn:medicaid-data-context:dataset:<version>:<record id>` (the dataset has no web address, and a made-up
 *   one would resolve to nothing); a TextualBody (purpose `describing`) with the record's name, summary and
 *   dates in the export's language; one SpecificResource (purpose `linking`) per source the record cites;
 * - target: a SpecificResource on the page URL with a TextQuoteSelector (exact, prefix, suffix) and a
 *   TextPositionSelector (start, end).
 *
 * Which text the selectors address: when the snapshot located the mention in the page's DOM, they address
 * `document.body.textContent` (what annotators anchor against), counted in Unicode code points as the model
 * requires. Otherwise (a plain-text file, or a node that vanished) they address the extension's own reading
 * of the page (`PageSnapshot.text`, whose blocks are separated by one character; that character is written
 * as a line break in prefix and suffix): the quote still re-anchors, the positions are only meaningful
 * against that reading. A DOM span from an older snapshot without code-point offsets gets no position
 * selector rather than UTF-16 positions that would be wrong after an emoji.
 *
 * Ids are stable (a hash of page URL, dataset version, record and offsets), so exporting the same page
 * twice gives the same ids.
 */
import type { Entity } from '../../data/schema';
import type { ExportContext } from './index';
import { codePointOffsets, engineContext, entityName, isoDay, localize, pageUrl, PRODUCT, stableHash } from './text';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const URN = 'urn:medicaid-data-context';
/** Context kept on each side of an engine-text quote (as the DOM locator keeps). */
const QUOTE_CONTEXT = 32;

export const recordUrn = (version: string, id: string): string => `${URN}:dataset:${version}:${id}`;

type Json = Record<string, unknown>;

/** xsd:dateTime in UTC, as the model asks for `created`; a bare day is taken as its start. */
function dateTime(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return `${iso}T00:00:00Z`;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? `${isoDay(iso)}T00:00:00Z` : d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function toWebAnnotation(ctx: ExportContext): Json {
  const { snapshot, t, lang } = ctx;
  const created = dateTime(ctx.generated);
  const generator = { id: `${URN}:software`, type: 'Software', name: `${PRODUCT} (dataset v${snapshot.version})` };
  const enginePoints = codePointOffsets(snapshot.text);
  const collectionId = `${URN}:${stableHash('collection', snapshot.url, snapshot.version)}`;
  // The target must be an IRI: the page's address as the URL parser writes it, or a name for a page without one.
  const source = pageUrl(snapshot.url) ?? `${URN}:page:${stableHash('page', snapshot.url)}`;
  const mentions = [...snapshot.mentions].sort((a, b) => a.start - b.start || a.end - b.end);

  const items = mentions.map((m) => {
    const e: Entity | undefined = ctx.entities.get(m.id);
    const selectors: Json[] = [];
    if (m.dom) {
      selectors.push({ type: 'TextQuoteSelector', exact: m.dom.exact ?? m.text, prefix: m.dom.prefix, suffix: m.dom.suffix });
      if (m.dom.codePoints) selectors.push({ type: 'TextPositionSelector', start: m.dom.codePoints.start, end: m.dom.codePoints.end });
    } else {
      const { prefix, suffix } = engineContext(snapshot.text, m, QUOTE_CONTEXT);
      selectors.push(
        { type: 'TextQuoteSelector', exact: m.text, prefix, suffix },
        { type: 'TextPositionSelector', start: enginePoints(m.start), end: enginePoints(m.end) },
      );
    }
    const body: Json[] = [{ type: 'SpecificResource', purpose: 'identifying', source: { id: recordUrn(snapshot.version, m.id), type: 'Dataset' } }];
    if (e) {
      const dates = `${t('cite.asOf', [e.asOf])} ${t('cite.checked', [e.verified])}`;
      body.push({
        type: 'TextualBody',
        purpose: 'describing',
        value: `${entityName(e, lang)}: ${localize(e.summary, lang)} ${dates}`,
        format: 'text/plain',
        language: lang,
      });
      for (const s of e.sources) if (s.url) body.push({ type: 'SpecificResource', purpose: 'linking', source: s.url });
    }
    return {
      '@context': ANNO_CONTEXT,
      id: `${URN}:${stableHash('annotation', snapshot.url, snapshot.version, m.id, m.start, m.end)}`,
      type: 'Annotation',
      motivation: 'identifying',
      created,
      generator,
      body,
      target: { type: 'SpecificResource', source, selector: selectors },
    };
  });

  const collection: Json = {
    '@context': ANNO_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label: t('export.collectionLabel', [snapshot.title.trim() || snapshot.url]),
    total: items.length,
  };
  if (items.length) collection.first = { id: `${collectionId}:page-1`, type: 'AnnotationPage', partOf: collectionId, startIndex: 0, items };
  return collection;
}
