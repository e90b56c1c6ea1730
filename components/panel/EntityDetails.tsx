/**
 * One dataset record as the workbench shows it: the card's content laid flat — the key fact (the title
 * held then and now, a law's citation, a state's place in the story), the summary, how fresh it is and
 * its sources — with a way to the article when the page names it, and citations to copy.
 */
import type { Entity } from '../../data/schema';
import { KeyFact } from '../Card';
import { formatDate, localize } from '../format';
import { useEnv } from './context';
import { CopyButtons } from './CopyButtons';

export const displayName = (e: Entity, lang: string) => (lang === 'es' && e.nameEs ? e.nameEs : e.name);

export function EntityDetails({ entity, headingLevel = 3, tag }: { entity: Entity; headingLevel?: 3 | 4; tag?: string }) {
  const env = useEnv();
  const { t, lang, published, today } = env;
  const seen = env.onPage.get(entity.id);
  const name = displayName(entity, lang);
  const Heading = `h${headingLevel}` as 'h3' | 'h4';
  return (
    <article class={`record kind-${entity.kind}`} data-entity={entity.id} aria-label={name}>
      <Heading class="record-head">
        <span class={`swatch swatch-${entity.kind}`} aria-hidden="true" />
        {seen ? (
          <button type="button" class="goto" data-goto={entity.id} onClick={() => env.show({ mention: seen.first })}>
            {name}
            <span class="sr">{` — ${t('panel.show')}`}</span>
          </button>
        ) : (
          <span class="record-name">{name}</span>
        )}
        {seen && (
          <span class="count" title={t('panel.mentionCount', [seen.count])}>
            <span aria-hidden="true">×{seen.count}</span>
            <span class="sr">{t('panel.mentionCount', [seen.count])}</span>
          </span>
        )}
      </Heading>
      {tag && <p class="tag">{tag}</p>}
      <div class="keyfact">
        <KeyFact entity={entity} published={published} today={today} t={t} lang={lang} />
      </div>
      <p class="summary">{localize(entity.summary, lang)}</p>
      <p class="dates">
        {t('card.asOf', [formatDate(entity.asOf, lang)])} · {t('card.checked', [formatDate(entity.verified, lang)])}
      </p>
      <details class="sources">
        <summary>{t('panel.sources', [entity.sources.length])}</summary>
        <ul>
          {entity.sources.map((s) => (
            <li key={s.url}>
              <a href={s.url} target="_blank" rel="noopener noreferrer">
                {s.title}
                <span class="sr">{` ${t('card.opensInNewTab')}`}</span>
              </a>
              <span class="muted">
                {' — '}
                {s.publisher}
                {s.date ? `, ${formatDate(s.date, lang)}` : ''}
              </span>
            </li>
          ))}
        </ul>
      </details>
      <CopyButtons target={{ entity: entity.id }} label={name} />
    </article>
  );
}
