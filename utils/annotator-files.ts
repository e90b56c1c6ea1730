/** Where the annotator's script and styles are in the built extension: the manifest, the toolbar button and the all-sites registration load the same files. */
export const ANNOTATOR_SCRIPT = 'annotator.js';
export const HIGHLIGHTS_CSS = 'highlights.css';
/** The in-page UI (card, presentation), imported by the annotator on recognised pages only. */
export const EXPLAIN_SCRIPT = 'explain.js';
