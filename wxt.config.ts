import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { NEWS_MATCHES } from './utils/news-sites';
import { assertNewsSites } from './scripts/lib/coverage-docs';
import { ANNOTATOR_SCRIPT, EXPLAIN_SCRIPT, GATE_SCRIPT, INPUT_SCRIPT } from './utils/annotator-files';

export const GECKO_ID = 'medicaid-data-context@example.org';

/**
 * The scripts that run in news pages (the annotator, and the card UI it imports) use the browser's own
 * extension API rather than webextension-polyfill: Firefox has `browser` with promises, Chrome's `chrome`
 * returns promises in MV3 for every call they make, and their one message listener answers through
 * sendResponse, which both honour. The polyfill weighed a third of the annotator's bundle and its start-up
 * on every page; extension pages and the background keep it. (WXT's polyfill module aliases `wxt/browser`
 * for every build; this undoes that for the page scripts' own lib-mode builds.)
 */
function pageScriptsWithoutPolyfill(): Plugin {
  let pageScript = false;
  return {
    name: 'mdc-page-scripts-without-polyfill',
    enforce: 'pre',
    configResolved(config) {
      const entry = config.build.lib ? String(config.build.lib.entry) : '';
      pageScript = /entrypoints[\\/](gate|annotator|explain)[\\/]/.test(entry);
    },
    resolveId(id, importer) {
      if (pageScript && id === '@wxt-dev/webextension-polyfill/browser') return this.resolve('@wxt-dev/browser', importer, { skipSelf: true });
      return undefined;
    },
  };
}

/**
 * The annotator and the card UI are imported by the gate only on pages they will run on, and there nearly
 * every function they hold runs at once: V8's explicit compile hint (Chrome 136) has each compiled whole with
 * its script rather than one function at a time as each is first called, which parses every function twice
 * (measured: about a quarter less main-thread time for the first pass in a fresh tab; README, Performance).
 * Other engines read it as a comment. The gate, which runs on every page and mostly stops early, keeps lazy
 * compilation (its hint measured no better).
 */
function eagerlyCompiledImports(): Plugin {
  let imported = false;
  return {
    name: 'mdc-eagerly-compiled-imports',
    apply: 'build',
    // After WXT's own generateBundle, which expects the file to open with the script's IIFE.
    enforce: 'post',
    configResolved(config) {
      const entry = config.build.lib ? String(config.build.lib.entry) : '';
      imported = /entrypoints[\\/](annotator|explain)[\\/]/.test(entry);
    },
    generateBundle(_options, bundle) {
      if (!imported) return;
      // After minification, which would drop the comment; it must open the file.
      for (const chunk of Object.values(bundle)) if (chunk.type === 'chunk') chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
    },
  };
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  vite: () => ({
    plugins: [preact(), pageScriptsWithoutPolyfill(), eagerlyCompiledImports()],
    // Parse the bundled dataset with JSON.parse: faster than an object literal for large JSON.
    json: { stringify: true },
  }),
  hooks: {
    // The gate is an unlisted script (see entrypoints/gate/index.ts for why), registered here for the curated
    // news sites at document_idle, after the input hub at document_start (entrypoints/input), whose listeners
    // so come before the page's own. No stylesheet: the
    // highlight styles are inserted by the background only on pages recognised as coverage, for names chosen per
    // page (utils/highlight-styles.ts), so that no page can tell the extension is installed by probing a style.
    'build:manifestGenerated': (wxt, manifest) => {
      // Each listed host is a permission the reader sees at install: the list must stand on the coverage research.
      assertNewsSites();
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        { matches: NEWS_MATCHES, js: [INPUT_SCRIPT], run_at: 'document_start' },
        { matches: NEWS_MATCHES, js: [GATE_SCRIPT], run_at: 'document_idle' },
      ];
      // The annotator, imported by the gate only on pages that might be coverage, and the in-page UI, imported by
      // the annotator on the reader's first use (entrypoints/annotator/own-script.ts). Chrome serves them under
      // a per-session URL, so a page cannot probe for the extension by asking for them.
      const imported = [ANNOTATOR_SCRIPT, EXPLAIN_SCRIPT];
      manifest.web_accessible_resources = (
        wxt.config.manifestVersion === 3 ? [{ resources: imported, matches: ['<all_urls>'], use_dynamic_url: true }] : imported
      ) as typeof manifest.web_accessible_resources;
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Least privilege: see README "Permissions". Host access at install comes only from the content script's
    // news-site matches; any other page is annotated only when the reader asks (the toolbar button, one site
    // granted, or every site granted).
    // contextMenus: "Check this text" on a selection (the text comes with the click; no host access). Firefox
    // knows the permission by this name too (and as `menus`).
    // Firefox (MV2): the listed news sites again as host permissions — the same sites the content script's
    // matches already show at install, so the prompt does not change — because Firefox ESR 140 refuses
    // tabs.insertCSS (the highlight styles) on a site the extension holds only by a content script's match.
    permissions: manifestVersion === 3 ? ['storage', 'activeTab', 'scripting', 'contextMenus'] : ['storage', 'activeTab', 'contextMenus', ...NEWS_MATCHES],
    // Asked for only when the reader chooses every site (first-run page, options, popup), or one site at a time
    // ("Always annotate on this site": `*://host/*`, which this pattern covers).
    ...(manifestVersion === 3 ? { optional_host_permissions: ['*://*/*'] } : { optional_permissions: ['*://*/*'] }),
    action: { default_title: '__MSG_extName__' },
    // The card is shown in the top layer with the Popover API (Chrome 114); highlights need Chrome 105.
    ...(browser !== 'firefox' ? { minimum_chrome_version: '114' } : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // The CSS Custom Highlight API arrived in Firefox 140 (ESR 140); before it nothing could be drawn.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
