/**
 * The story as a dated, vertical timeline: the dataset's events in order, each with its date and source,
 * and the article's publication date marked where it falls, so what happened after the article stands out.
 * Shown in the side panel and as the presentation's timeline step (the handout prints its own static copy).
 */
import type { Event, Lang } from '../data/schema';
import { formatDate, localize } from './format';
import { MaybeLink } from './sources';
import type { Translate } from './translate';

export interface StoryTimelineProps {
  events: Event[];
  /** The article's publication date (ISO), or null when unknown. */
  published: string | null;
  lang: Lang;
  t: Translate;
  /** Include each event's summary (the side panel); the presentation shows names only, in large type. */
  summaries?: boolean;
}

const day = (d: string) => (d.length === 7 ? `${d}-01` : d);

export function StoryTimeline({ events, published, lang, t, summaries = false }: StoryTimelineProps) {
  const sorted = [...events].sort((a, b) => day(a.date).localeCompare(day(b.date)));
  const markAt = published ? sorted.findIndex((e) => day(e.date) > published) : -1;
  const items = sorted.map((e) => {
    const first = e.sources[0];
    return (
      <li key={e.id} class={`mdc-event${published && day(e.date) > published ? ' mdc-after' : ''}`} data-event={e.id}>
        <time dateTime={e.date}>{formatDate(e.date, lang)}</time>
        <span class="mdc-event-name">{lang === 'es' && e.nameEs ? e.nameEs : e.name}</span>
        {summaries && <span class="mdc-event-summary">{localize(e.summary, lang)}</span>}
        {first && (
          <MaybeLink class="mdc-event-source" url={first.url} t={t}>
            {first.publisher}
          </MaybeLink>
        )}
      </li>
    );
  });
  if (published) {
    const marker = (
      <li key="published" class="mdc-published" data-published={published}>
        <time dateTime={published}>{formatDate(published, lang)}</time>
        <span class="mdc-event-name">{t('timeline.published')}</span>
      </li>
    );
    items.splice(markAt === -1 ? items.length : markAt, 0, marker);
  }
  return (
    <ol class="mdc-story" aria-label={t('timeline.title')}>
      {items}
    </ol>
  );
}
