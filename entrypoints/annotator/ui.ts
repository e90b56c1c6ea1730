/** The in-page UI (entrypoints/explain), loaded on the reader's first use: see own-script.ts. */
import type { CardHost } from './card-host';
import type { Presentation } from './presentation';
import type { EXPLAIN_SCRIPT } from '@/utils/annotator-files';
import { ownScriptLoader } from './own-script';

export const EXPLAIN = Symbol.for('medicaid-data-context:explain');

export interface ExplainApi {
  CardHost: typeof CardHost;
  Presentation: typeof Presentation;
}

export const loadExplain = ownScriptLoader<ExplainApi>(EXPLAIN, () =>
  import(/* @vite-ignore */ browser.runtime.getURL('/explain.js' satisfies `/${typeof EXPLAIN_SCRIPT}`)));
