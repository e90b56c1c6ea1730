/**
 * Loading the in-page UI (entrypoints/explain) on demand: a dynamic import of the extension's own script,
 * which runs in this isolated world. Chrome serves it as a web-accessible resource under a per-session URL
 * (`use_dynamic_url`), so a page cannot probe for it; Firefox under the add-on's per-install origin.
 */
import type { CardHost } from './card-host';
import type { Presentation } from './presentation';
import { EXPLAIN_SCRIPT } from '@/utils/annotator-files';

export const EXPLAIN = Symbol.for('medicaid-data-context:explain');

export interface ExplainApi {
  CardHost: typeof CardHost;
  Presentation: typeof Presentation;
}

let loading: Promise<ExplainApi> | null = null;

export function loadExplain(): Promise<ExplainApi> {
  const scope = globalThis as unknown as Record<symbol, ExplainApi | undefined>;
  if (scope[EXPLAIN]) return Promise.resolve(scope[EXPLAIN]!);
  loading ??= import(/* @vite-ignore */ browser.runtime.getURL(`/${EXPLAIN_SCRIPT}` as '/explain.js'))
    .then(() => {
      const api = scope[EXPLAIN];
      if (!api) throw new Error('the card UI did not load');
      return api;
    })
    .catch((e) => {
      loading = null;
      throw e;
    });
  return loading;
}
