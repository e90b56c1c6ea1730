/** The annotator (entrypoints/annotator), loaded by the gate on a page that might be coverage: see own-script.ts. */
import type { Annotator } from '../annotator/annotator';
import { ownScriptLoader } from '../annotator/own-script';
import type { ANNOTATOR_SCRIPT } from '@/utils/annotator-files';

export const ANNOTATOR = Symbol.for('medicaid-data-context:annotator');

export interface AnnotatorApi {
  Annotator: typeof Annotator;
}

export const loadAnnotator = ownScriptLoader<AnnotatorApi>(ANNOTATOR, () =>
  import(/* @vite-ignore */ browser.runtime.getURL('/annotator.js' satisfies `/${typeof ANNOTATOR_SCRIPT}`)));
