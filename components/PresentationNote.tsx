/**
 * Presentation mode's note: one entity (or the story's timeline) at a time, in type large enough to read
 * from the back of a classroom, with where we are in the article and how to move on. Everything it says
 * comes from the dataset record, like the card.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Entity, Event, Lang } from '../data/schema';
import { KeyFact } from './Card';
import { formatDate, localize } from './format';
import { StoryTimeline } from './StoryTimeline';
import type { Translate } from './translate';

interface Common {
  lang: Lang;
  t: Translate;
  /** 1-based position and number of steps. */
  position: number;
  steps: number;
  published: string | null;
  today: string;
  onPrevious: () => void;
  onNext: () => void;
  onExit: () => void;
}

function Nav({ t, position, steps, onPrevious, onNext, onExit }: Common) {
  return (
    <div class="mdc-footer mdc-present-nav">
      <span class="mdc-progress">{t('present.position', [position, steps])}</span>
      <span class="mdc-keys">{t('present.keys')}</span>
      <span class="mdc-actions">
        <button type="button" class="mdc-button" onClick={onPrevious} disabled={position <= 1}>
          ←
        </button>
        <button type="button" class="mdc-button" onClick={onNext} disabled={position >= steps}>
          →
        </button>
        <button type="button" class="mdc-button" onClick={onExit}>
          {t('present.exit')}
        </button>
      </span>
    </div>
  );
}

/** The opening of a summary, whole sentences up to about two projector lines' worth: the room reads, then listens. */
export function lead(text: string, max = 200): string {
  const parts = text.split(/(?<=[.!?])\s+(?=[A-ZÁÉÍÓÚÑ¿¡"“(])/);
  let out = parts[0];
  for (const p of parts.slice(1)) {
    if (out.length + 1 + p.length > max) break;
    out += ` ${p}`;
  }
  return out;
}

function useFocus(key: string) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [key]);
  return ref;
}

export function PresentationNote(props: Common & { entity: Entity }) {
  const { entity, lang, t, published, today } = props;
  const ref = useFocus(entity.id);
  const first = entity.sources[0];
  return (
    <div ref={ref} class={`mdc-card mdc-kind-${entity.kind}`} role="dialog" aria-modal="false" aria-labelledby="mdc-present-title" tabIndex={-1} data-entity={entity.id} lang={lang}>
      <div class="mdc-header">
        <span class="mdc-badge">
          <span class={`mdc-swatch mdc-swatch-${entity.kind}`} aria-hidden="true" />
          {t(`kind.${entity.kind}`)}
        </span>
        <h2 id="mdc-present-title">{lang === 'es' && entity.nameEs ? entity.nameEs : entity.name}</h2>
      </div>
      <div class="mdc-body" tabIndex={0} role="region" aria-label={t('present.note')}>
        <KeyFact entity={entity} published={published} today={today} t={t} lang={lang} />
        <p class="mdc-summary">{lead(localize(entity.summary, lang))}</p>
        {first && (
          <p class="mdc-source-line">
            {t('card.source')} {first.publisher}
            {first.date ? `, ${formatDate(first.date, lang)}` : ''} · {t('card.asOf', [formatDate(entity.asOf, lang)])}
          </p>
        )}
      </div>
      <Nav {...props} />
    </div>
  );
}

export function PresentationTimeline(props: Common & { events: Event[] }) {
  const { events, lang, t, published } = props;
  const ref = useFocus('timeline');
  // On a screen too small for the whole story, the publication date is what must be seen: scroll to it.
  useEffect(() => {
    const body = ref.current?.querySelector<HTMLElement>('.mdc-body');
    const marker = body?.querySelector<HTMLElement>('.mdc-published');
    if (!body || !marker || body.scrollHeight <= body.clientHeight) return;
    const b = body.getBoundingClientRect();
    const m = marker.getBoundingClientRect();
    if (m.top < b.top || m.bottom > b.bottom) body.scrollTop += m.top - b.top - (b.height - m.height) / 2;
  }, [published]);
  return (
    <div ref={ref} class="mdc-card mdc-timeline-step" role="dialog" aria-modal="false" aria-labelledby="mdc-present-title" tabIndex={-1} data-step="timeline" lang={lang}>
      <div class="mdc-header">
        <h2 id="mdc-present-title">{t('timeline.title')}</h2>
      </div>
      <div class="mdc-body" tabIndex={0} role="region" aria-label={t('timeline.title')}>
        {!published && <p class="mdc-note">{t('timeline.unknownDate')}</p>}
        <StoryTimeline events={events} published={published} lang={lang} t={t} />
      </div>
      <Nav {...props} />
    </div>
  );
}
