/**
 * Build-time gate for the dataset: a build with a malformed record fails, naming file, record and field.
 * A good build ships the whole dataset as `dataset.json` (and its JSON Schema) at the extension's root, and
 * gives the content script only its match index (virtual:mdc-match-index).
 */
import { addViteConfig, defineWxtModule } from 'wxt/modules';
import { MATCH_INDEX_MODULE, toMatchIndex } from '../data/match-index';
import { publishDataset, publishedSchema } from '../data/publish';
import { loadDataset } from '../data/validate';
import type { MatchIndex } from '../data/match-index';

/**
 * The match index as a module. JSON.parse of a string literal loads faster than the same data as an object
 * literal; and it runs only when something first reads the index's data (its version is there at once), so a
 * content script that builds its engine only after the Medicaid gate passes never parses it on other pages.
 */
export function matchIndexModule(index: MatchIndex): string {
  const { version, ...data } = index;
  return [
    `const json = ${JSON.stringify(JSON.stringify(data))};`,
    'let data;',
    'const read = () => (data ??= JSON.parse(json));',
    `export default { version: ${JSON.stringify(version)}, get lexicon() { return read().lexicon; }, get entities() { return read().entities; }, get matcher() { return read().matcher; } };`,
  ].join('\n');
}

export default defineWxtModule({
  name: 'dataset',
  setup(wxt) {
    wxt.hook('build:before', () => {
      loadDataset(); // throws DatasetError listing every problem
    });
    wxt.hook('build:publicAssets', (_, files) => {
      files.push({ relativeDest: 'dataset.json', contents: publishDataset(loadDataset()) });
      files.push({ relativeDest: 'dataset.schema.json', contents: publishedSchema() });
    });
    const resolved = '\0' + MATCH_INDEX_MODULE;
    addViteConfig(wxt, () => ({
      plugins: [
        {
          name: 'mdc-match-index',
          resolveId: (id: string) => (id === MATCH_INDEX_MODULE ? resolved : undefined),
          load: (id: string) => (id === resolved ? matchIndexModule(toMatchIndex(loadDataset())) : undefined),
        },
      ],
    }));
  },
});
