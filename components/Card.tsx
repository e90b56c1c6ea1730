/**
 * explain: the card for one mention. Everything it says comes from the dataset record, with the record's
 * "as of" date and its sources; nothing here is a fact of its own.
 */
import { i18n } from '#i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DatedFact, Entity, Source } from '../data/schema';
import { formatCitation, formatDate, localize, underscore } from './format';

export interface CardProps {
  entity: Entity;
  /** The words on the page that were matched. */
  mentionText: string;
  confidence: 'high' | 'probable';
  version: string;
  /** Move focus into the card (keyboard navigation). */
  autoFocus?: boolean;
  onClose: () => void;
}

function SourceList({ sources }: { sources: Source[] }) {
  return (
    <ul class="mdc-sources">
      {sources.map((s) => (
        <li key={s.url}>
          <a href={s.url} target="_blank" rel="noopener noreferrer">
            {s.title}
            <span class="mdc-sr">{` ${i18n.t('card.opensInNewTab')}`}</span>
          </a>
          <span class="mdc-meta">
            {' — '}
            {s.publisher}
            {s.date ? `, ${formatDate(s.date)}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}

function Timeline({ facts }: { facts: DatedFact[] }) {
  const sorted = [...facts].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <section class="mdc-section">
      <h3>{i18n.t('card.timeline')}</h3>
      <ol class="mdc-timeline">
        {sorted.map((f) => (
          <li key={f.date + f.text}>
            <time dateTime={f.date}>{formatDate(f.date)}</time> {localize(f.text)}{' '}
            {f.sources.map((s, i) => (
              <a key={s.url} class="mdc-cite" href={s.url} target="_blank" rel="noopener noreferrer" title={`${s.title} — ${s.publisher}`}>
                [{i + 1}]<span class="mdc-sr">{` ${s.publisher} ${i18n.t('card.opensInNewTab')}`}</span>
              </a>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}

function KindDetails({ entity }: { entity: Entity }) {
  switch (entity.kind) {
    case 'law':
      return (
        <section class="mdc-section">
          <p class="mdc-citation-line">
            <strong>{i18n.t('card.citation')}:</strong> {entity.citation}
          </p>
          <h3>{i18n.t('card.provision')}</h3>
          <p>{localize(entity.provision)}</p>
        </section>
      );
    case 'person': {
      const role = entity.roles[0];
      return (
        <p class="mdc-role">
          {i18n.t('card.titleAtTime', [role.organization ? `${localize(role.title)}, ${localize(role.organization)}` : localize(role.title), formatDate(role.asOf)])}
        </p>
      );
    }
    case 'state':
      return (
        <>
          {entity.program && (
            <section class="mdc-section">
              <h3>{i18n.t('card.program')}</h3>
              <p>
                <strong>{entity.program.name}</strong> — {localize(entity.program.covers)}
              </p>
            </section>
          )}
          <p>{entity.inJune2025Transfer ? i18n.t('card.transferYes') : i18n.t('card.transferNo')}</p>
          <p>{i18n.t(`card.lawsuit.${underscore(entity.lawsuit)}`)}</p>
          {entity.timeline.length > 0 && <Timeline facts={entity.timeline} />}
        </>
      );
    case 'event':
      return (
        <>
          <p class="mdc-role">
            <time dateTime={entity.date}>{formatDate(entity.date)}</time>
          </p>
          {entity.timeline && entity.timeline.length > 0 && <Timeline facts={entity.timeline} />}
        </>
      );
    default:
      return null;
  }
}

export function Card({ entity, mentionText, confidence, version, autoFocus, onClose }: CardProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState(false);
  const titleId = `mdc-title-${entity.id}`;
  const summaryId = `mdc-summary-${entity.id}`;

  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [entity.id, autoFocus]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(formatCitation(entity, version));
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

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
    >
      <div class="mdc-header">
        <span class="mdc-badge">{i18n.t(`kind.${entity.kind}`)}</span>
        <h2 id={titleId}>{entity.name}</h2>
        <button type="button" class="mdc-close" aria-label={i18n.t('card.close')} onClick={onClose}>
          ×
        </button>
      </div>
      {confidence === 'probable' && <p class="mdc-probable">{i18n.t('card.probable', [mentionText])}</p>}
      <p id={summaryId} class="mdc-summary">
        {localize(entity.summary)}
      </p>
      <KindDetails entity={entity} />
      {entity.disagreements?.map((d) => (
        <p key={d.topic} class="mdc-disagreement">
          {i18n.t('card.disagreement', [localize(d.text)])}
        </p>
      ))}
      <section class="mdc-section">
        <h3>{i18n.t('card.sources')}</h3>
        <SourceList sources={entity.sources} />
      </section>
      <div class="mdc-footer">
        <span>{i18n.t('card.asOf', [formatDate(entity.asOf)])}</span>
        <span>{i18n.t('card.dataset', [version])}</span>
        <button type="button" class="mdc-copy" onClick={copy}>
          {copied ? i18n.t('card.copied') : i18n.t('card.copyCitation')}
        </button>
      </div>
    </div>
  );
}
