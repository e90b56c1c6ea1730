/**
 * explain: the card for one mention. Compact, so that it fits beside its mention without scrolling: the key
 * fact (for a person, the title when the article was written and now) and the one-paragraph summary first, with
 * its source; the details (the rest of a person's titles, provision, program, timeline, every source, the
 * underline key) one click away; the dates and the copy button always in view at the bottom. Everything it states comes from the dataset record; the words
 * around it come from locales/ in the page's language.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { DatedFact, Entity, Event, Lang, Person, Source } from '../data/schema';
import { formatCitation, formatDate, localize, monthsBetween, underscore } from './format';
import { roleStory, titleLines } from './roles';
import { CopyButton, MaybeLink, SourceItems, SourceLine } from './sources';
import type { Translate } from './translate';

export interface CardProps {
  entity: Entity;
  /** The words on the page that were matched. */
  mentionText: string;
  confidence: 'high' | 'probable';
  version: string;
  lang: Lang;
  t: Translate;
  /** The article's publication date (ISO), or null when the page does not say. */
  published: string | null;
  /** Today (ISO), for "now" and for how long ago the record was checked. */
  today: string;
  /** Move focus into the card (keyboard navigation). */
  autoFocus?: boolean;
  onClose: () => void;
  /** A linked mention tapped on a touch screen: the card offers the link. */
  onFollowLink?: () => void;
  /** The story's events after the article's date, oldest first ("since this article"). */
  since?: Event[];
}

/** "Since this article": what happened after the article was written, one click away in every card. */
export function SinceLine({ since, t, lang }: { since: Event[]; t: Translate; lang: Lang }) {
  if (!since.length) return null;
  return (
    <details class="mdc-since">
      <summary>{t('card.since', [since.length])}</summary>
      <ol>
        {since.map((e) => (
          <li key={e.id}>
            <time dateTime={e.date}>{formatDate(e.date, lang)}</time> {lang === 'es' && e.nameEs ? e.nameEs : e.name}
            {e.sources[0] && (
              <>
                {' — '}
                <MaybeLink url={e.sources[0].url} t={t}>
                  {e.sources[0].publisher}
                </MaybeLink>
              </>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** A record checked longer ago than this may no longer be right: the card says so. */
export const STALE_AFTER_MONTHS = 6;

const KIND_ORDER = ['person', 'agency', 'law', 'state', 'event'] as const;

function Timeline({ facts, t, lang }: { facts: DatedFact[]; t: Translate; lang: Lang }) {
  const sorted = [...facts].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <section class="mdc-section">
      <h3>{t('card.timeline')}</h3>
      <ol class="mdc-timeline">
        {sorted.map((f) => (
          <li key={f.date + f.text.en}>
            <time dateTime={f.date}>{formatDate(f.date, lang)}</time> {localize(f.text, lang)}{' '}
            {f.sources.map((s, i) => (
              <MaybeLink key={s.url ?? s.title} class="mdc-cite" url={s.url} title={`${s.title} — ${s.publisher}`} t={t}>
                [{i + 1}]<span class="mdc-sr">{` ${s.publisher}`}</span>
              </MaybeLink>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A compact key fact shows this many of a person's title lines: the first (the title when the article was written) and the last (now). */
const COMPACT_TITLE_LINES = 2;

const personTitleLines = (person: Person, published: string | null, today: string, t: Translate, lang: Lang) =>
  titleLines(person, published, today, { lang, t, date: (d) => formatDate(d, lang) });

/**
 * A compact key fact: a successor's line is about someone else (it goes to the details); of the rest, the first
 * (the title when the article was written) and the last (now), when there are more than two.
 */
function compactLines(lines: string[], t: Translate, most: 1 | 2 = COMPACT_TITLE_LINES): string[] {
  const [announced, by] = [t('card.successorAnnounced', ['\u0000', '\u0000']).split('\u0000')[0], t('card.successor', ['\u0000']).split('\u0000')[0]];
  const own = lines.filter((l) => !(announced && l.startsWith(announced)) && !(by && l.startsWith(by)));
  if (most === 1) return own.slice(0, 1);
  return own.length > COMPACT_TITLE_LINES ? [own[0], own[own.length - 1]] : own;
}

/** Does a compact key fact leave some of a person's title lines out (for the card's details)? */
export function hiddenTitleLines(entity: Entity, published: string | null, today: string, t: Translate, lang: Lang, most: 1 | 2 = COMPACT_TITLE_LINES): boolean {
  if (entity.kind !== 'person') return false;
  const all = personTitleLines(entity, published, today, t, lang);
  return compactLines(all, t, most).length < all.length;
}

/**
 * The person's title when the article was written and, when it differs, now; a title held today with its term
 * or last confirmation and the day it was checked; "last confirmed" where unsure (engine/roles.ts). Compact (the
 * card): the first line and the last, the rest in the card's details.
 */
function Titles({ person, published, today, t, lang, compact, class: className = 'mdc-keyfact' }: { person: Person; published: string | null; today: string; t: Translate; lang: Lang; compact?: boolean | 1; class?: string }) {
  const { then, now } = roleStory(person, published, today);
  const all = personTitleLines(person, published, today, t, lang);
  const lines = compact ? compactLines(all, t, compact === 1 ? 1 : COMPACT_TITLE_LINES) : all;
  return (
    <p class={className}>
      {lines.map((l, i) => (
        <span key={i} class="mdc-line">
          {l}
        </span>
      ))}
      {!then && !published && now && <span class="mdc-line mdc-note">{t('card.articleDateUnknown')}</span>}
    </p>
  );
}

/** `compact`: a person's title then and now (true), or then only (1); the rest is in the card's details. */
export function KeyFact({ entity, published, today, t, lang, compact }: { entity: Entity; published: string | null; today: string; t: Translate; lang: Lang; compact?: boolean | 1 }) {
  switch (entity.kind) {
    case 'person':
      return <Titles person={entity} published={published} today={today} t={t} lang={lang} compact={compact} />;
    case 'law':
      return <p class="mdc-keyfact">{entity.citation}</p>;
    case 'event':
      return (
        <p class="mdc-keyfact">
          <time dateTime={entity.date}>{formatDate(entity.date, lang)}</time>
        </p>
      );
    case 'state':
      return (
        <p class="mdc-keyfact">
          {entity.inJune2025Transfer ? t('card.transferYes') : t('card.transferNo')} {t(`card.lawsuit.${underscore(entity.lawsuit)}`)}
        </p>
      );
    default:
      return null;
  }
}

/** Everything a card keeps behind its "details" disclosure: the rest of a record, every source, the key. */
export function Details({ entity, version, t, lang, published, today, shown = COMPACT_TITLE_LINES }: { entity: Entity; version: string; t: Translate; lang: Lang; published: string | null; today: string; shown?: 1 | 2 }) {
  return (
    <>
      {entity.kind === 'person' && hiddenTitleLines(entity, published, today, t, lang, shown) && (
        <section class="mdc-section">
          <h3>{t('card.titles')}</h3>
          <Titles person={entity} published={published} today={today} t={t} lang={lang} class="mdc-titles" />
        </section>
      )}
      {entity.kind === 'law' && (
        <section class="mdc-section">
          <h3>{t('card.provision')}</h3>
          <p>{localize(entity.provision, lang)}</p>
        </section>
      )}
      {entity.kind === 'state' && entity.program && (
        <section class="mdc-section">
          <h3>{t('card.program')}</h3>
          <p>
            <strong>{entity.program.name}</strong> — {localize(entity.program.covers, lang)}
          </p>
        </section>
      )}
      {'timeline' in entity && entity.timeline && entity.timeline.length > 0 && <Timeline facts={entity.timeline} t={t} lang={lang} />}
      {entity.disagreements?.map((d) => (
        <p key={d.topic} class="mdc-disagreement">
          {t('card.disagreement', [localize(d.text, lang)])}
        </p>
      ))}
      <section class="mdc-section">
        <h3>{t('card.sources')}</h3>
        <ul class="mdc-sources">
          <SourceItems sources={entity.sources} t={t} lang={lang} />
        </ul>
      </section>
      <section class="mdc-section">
        <h3>{t('card.key')}</h3>
        <ul class="mdc-key">
          {KIND_ORDER.map((k) => (
            <li key={k}>
              <span class={`mdc-swatch mdc-swatch-${k}`} aria-hidden="true" />
              {t(`kind.plural.${k}`)}
              <span class="mdc-meta"> — {t(`card.keyStyle.${k}`)}</span>
            </li>
          ))}
        </ul>
        <p class="mdc-meta">{t('card.keyKeys')}</p>
      </section>
      <p class="mdc-meta mdc-version">{t('card.dataset', [version])}</p>
    </>
  );
}

export function Card({ entity, mentionText, confidence, version, lang, t, published, today, autoFocus, onClose, onFollowLink, since = [] }: CardProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = `mdc-title-${entity.id}`;
  const summaryId = `mdc-summary-${entity.id}`;
  const first = entity.sources[0];
  const checked = entity.verified;
  const stale = checked !== undefined && monthsBetween(checked, today) > STALE_AFTER_MONTHS;

  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [entity.id, autoFocus]);

  return (
    <div
      ref={ref}
      class={`mdc-card mdc-kind-${entity.kind}`}
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      aria-describedby={summaryId}
      tabIndex={-1}
      data-entity={entity.id}
      lang={lang}
    >
      <div class="mdc-header">
        <span class="mdc-badge">
          <span class={`mdc-swatch mdc-swatch-${entity.kind}`} aria-hidden="true" />
          {t(`kind.${entity.kind}`)}
        </span>
        <h2 id={titleId}>{lang === 'es' && entity.nameEs ? entity.nameEs : entity.name}</h2>
        <button type="button" class="mdc-close" aria-label={t('card.close')} onClick={onClose}>
          ×
        </button>
        <SinceLine since={since} t={t} lang={lang} />
      </div>
      <div class="mdc-body">
        {confidence === 'probable' && <p class="mdc-probable">{t('card.probable', [mentionText])}</p>}
        <KeyFact entity={entity} published={published} today={today} t={t} lang={lang} compact />
        <p id={summaryId} class="mdc-summary">
          {localize(entity.summary, lang)}
        </p>
        <details class="mdc-more">
          <summary>{t('card.more')}</summary>
          <Details entity={entity} version={version} t={t} lang={lang} published={published} today={today} />
        </details>
      </div>
      <div class="mdc-footer">
        <SourceLine s={first} t={t} lang={lang} />
        <span class="mdc-dates">
          {t('card.asOf', [formatDate(entity.asOf, lang)])}
          {checked && ` · ${t('card.checked', [formatDate(checked, lang)])}`}
        </span>
        {stale && <span class="mdc-stale">{t('card.mayHaveChanged')}</span>}
        <span class="mdc-actions">
          {onFollowLink && (
            <button type="button" class="mdc-button" onClick={onFollowLink}>
              {t('card.followLink')}
            </button>
          )}
          <CopyButton text={() => formatCitation(entity, version, lang, t)} t={t} />
        </span>
      </div>
    </div>
  );
}
