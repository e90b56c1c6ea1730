/**
 * Build-time gate for the dataset: a build with a malformed record fails, naming file, record and field;
 * a good build ships the whole dataset as `dataset.json` (and its JSON Schema) at the extension's root.
 */
import { defineWxtModule } from 'wxt/modules';
import { loadDataset } from '../data/validate';
import { publishDataset, publishedSchema } from '../data/publish';

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
  },
});
