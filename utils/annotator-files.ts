/** Where the annotator's script and styles are in the built extension: the manifest, the toolbar button and the all-sites registration load the same files. */
export const ANNOTATOR_SCRIPT = 'annotator.js';
export const HIGHLIGHTS_CSS = 'highlights.css';
