/**
 * The extension's own scripts, imported into this isolated world on demand: a dynamic import of a
 * web-accessible file, which the browser parses off the page's main thread. Chrome serves them under a
 * per-session URL (`use_dynamic_url`), so a page cannot probe for them; Firefox under the add-on's
 * per-install origin. A script hands over what it defines through a global of the isolated world, under a
 * symbol, which the page cannot see. `importScript` imports one named file (a literal URL, which Firefox's
 * add-on linter can tell is the extension's own).
 */
export function ownScriptLoader<T>(key: symbol, importScript: () => Promise<unknown>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    const scope = globalThis as unknown as Record<symbol, T | undefined>;
    if (scope[key]) return Promise.resolve(scope[key]!);
    loading ??= importScript()
      .then(() => {
        const api = scope[key];
        if (!api) throw new Error(`${key.description} did not load`);
        return api;
      })
      .catch((e) => {
        loading = null;
        throw e;
      });
    return loading;
  };
}
