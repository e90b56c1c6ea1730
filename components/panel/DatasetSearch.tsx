/**
 * A search over the whole dataset — names, aliases and summaries, English and Spanish — for records the
 * article may not name: a teacher preparing a lesson, a fact-checker checking a name the matcher missed.
 */
import { useState } from 'preact/hooks';
import { dataset } from '../../data';
import { useEnv } from './context';
import { EntityDetails } from './EntityDetails';
import { MIN_QUERY, fold, searchDataset } from './model';

/** Results shown at once; more words narrow them. */
const MAX_RESULTS = 25;

export function DatasetSearch() {
  const env = useEnv();
  const { t } = env;
  const [query, setQuery] = useState('');
  const hits = searchDataset(dataset.entities, query);
  const searched = fold(query).length >= MIN_QUERY;
  return (
    <div class="search">
      <label for="dataset-search">{t('panel.searchLabel')}</label>
      <input
        id="dataset-search"
        type="search"
        autoComplete="off"
        spellcheck={false}
        value={query}
        aria-describedby="search-count"
        onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
      />
      <p id="search-count" class="muted" role="status">
        {searched ? (hits.length ? t('panel.searchResults', [hits.length]) : t('panel.searchNone', [query.trim()])) : ''}
        {hits.length > MAX_RESULTS ? ` ${t('panel.searchMore', [MAX_RESULTS])}` : ''}
      </p>
      {hits.length > 0 && (
        <ul class="records search-results">
          {hits.slice(0, MAX_RESULTS).map(({ entity }) => (
            <li key={entity.id}>
              <EntityDetails entity={entity} tag={t(env.onPage.has(entity.id) ? 'panel.onPage' : 'panel.notOnPage')} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
