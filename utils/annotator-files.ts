/**
 * The scripts that run in news pages, as files of the built extension: the manifest, the toolbar button and the
 * all-sites registration load the gate; the gate imports the annotator on pages that might be coverage, and
 * the annotator the in-page UI on the reader's first use.
 */
export const GATE_SCRIPT = 'gate.js';
/** The input hub, at document_start, before the page's own scripts (entrypoints/input). */
export const INPUT_SCRIPT = 'input.js';
export const ANNOTATOR_SCRIPT = 'annotator.js';
export const EXPLAIN_SCRIPT = 'explain.js';
