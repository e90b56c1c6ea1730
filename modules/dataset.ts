/**
 * Build-time gate for the dataset: a build with a malformed record fails, naming file, record and field.
 * A good build ships the whole dataset as `dataset.json` (and its JSON Schema) at the extension's root, and
 * gives the background the match index (virtual:mdc-match-index) and the content script only the dataset's
 * version (virtual:mdc-dataset-version): the engine runs in the background.
 */
import { addViteConfig, defineWxtModule } from 'wxt/modules';
import { DATASET_VERSION_MODULE, MATCH_INDEX_MODULE, toMatchIndex } from '../data/match-index';
import { publishDataset, publishedSchema } from '../data/publish';
import { loadDataset } from '../data/validate';

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
    const version = '\0' + DATASET_VERSION_MODULE;
    addViteConfig(wxt, () => ({
      plugins: [
        {
          name: 'mdc-match-index',
          resolveId: (id: string) => (id === MATCH_INDEX_MODULE ? resolved : id === DATASET_VERSION_MODULE ? version : undefined),
          // JSON.parse of a string literal: faster to load than the same data as an object literal.
          load: (id: string) =>
            id === resolved
              ? `export default JSON.parse(${JSON.stringify(JSON.stringify(toMatchIndex(loadDataset())))});`
              : id === version
                ? `export default ${JSON.stringify(loadDataset().meta.version)};`
                : undefined,
        },
      ],
    }));
  },
});
