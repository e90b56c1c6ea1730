/**
 * explain (claims): the card for a statement the article makes that the dataset can check. The verdict is
 * stated in words — right then and now, outdated since a date, or not what the sources said — never by
 * colour alone, with exactly which part of the clause was compared ("the month: July 2025"), what the
 * sources say and where it is written.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Claim } from '../data/claim-schema';
import type { Lang, Source } from '../data/schema';
import type { ClaimCheck } from '../engine/types';
import { partWords } from '../engine/claim-part';
import { formatDate, localize } from './format';
import { CopyButton, SourceLine } from './sources';
import type { Translate } from './translate';

export interface ClaimCardProps {
  check: ClaimCheck;
  claim: Claim;
  lang: Lang;
  t: Translate;
  published: string | null;
  version: string;
  autoFocus?: boolean;
  onClose: () => void;
}

const SYMBOL = { agrees: '✓', outdated: '↻', differs: '✗' } as const;

type Value = Claim['values'][number];

/** A copyable citation of a checked claim: verdict, what the sources say, when, where. */
export function formatClaimCitation(check: ClaimCheck, claim: Claim, lang: Lang, t: Translate, version: string): string {
  const value = claim.values[check.now.index] as Value;
  const then = check.then ? (claim.values[check.then.index] as Value) : undefined;
  const words = partWords(check, lang, t);
  const lines = [
    `${t(`verdictWord.${check.verdict ?? 'agrees'}`)}${words ? ` (${words})` : ''}: “${check.text}”`,
    ...(check.lastConfirmed ? [t('claimPart.lastConfirmed', [check.lastConfirmed])] : []),
    ...(then && then !== value ? [localize(then.statement, lang)] : []),
    localize(value.statement, lang),
    `${t('cite.checked', [claim.verified])} ${t('cite.record', [version, claim.id])}`,
    ...value.sources.map((s: Source) => t('cite.source', [`${s.title}. ${s.publisher}${s.date ? `, ${s.date}` : ''}.${s.url ? ` ${s.url}` : ''}`])),
  ];
  return lines.join('\n');
}

export function ClaimCard({ check, claim, lang, t, published, version, autoFocus, onClose }: ClaimCardProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [check.start, autoFocus]);
  if (!check.verdict) return null;
  const now = claim.values[check.now.index] as Value;
  const then = check.then ? (claim.values[check.then.index] as Value) : undefined;
  const titleId = `mdc-claim-${check.start}`;
  const partId = `${titleId}-part`;
  const explanationId = `${titleId}-why`;
  const words = partWords(check, lang, t);
  const date = (d: string) => formatDate(d, lang);
  const explanation =
    check.verdict === 'agrees'
      ? t('claim.agrees')
      : check.verdict === 'outdated'
        ? t('claim.outdated', [check.since ? date(check.since) : '?'])
        : t('claim.differs');
  const sources = (check.verdict === 'differs' && then ? then : now).sources;
  return (
    <div ref={ref} class={`mdc-card mdc-claim mdc-verdict-${check.verdict}`} role="dialog" aria-modal="false" aria-labelledby={titleId} aria-describedby={words ? `${partId} ${explanationId}` : explanationId} tabIndex={-1} data-claim={claim.id} data-verdict={check.verdict} lang={lang}>
      <div class="mdc-header">
        <span class="mdc-badge">{t('claim.badge')}</span>
        <h2 id={titleId}>
          <span class="mdc-verdict" aria-hidden="true">
            {SYMBOL[check.verdict]}
          </span>{' '}
          {t(`verdictWord.${check.verdict}`)}
        </h2>
        <button type="button" class="mdc-close" aria-label={t('card.close')} onClick={onClose}>
          ×
        </button>
      </div>
      <div class="mdc-body">
        {words && (
          <p class="mdc-keyfact mdc-part" id={partId}>
            {t('claimPart.checked', [words])}
          </p>
        )}
        <p class={words ? 'mdc-explanation' : 'mdc-keyfact'} id={explanationId}>
          {explanation}
        </p>
        {check.lastConfirmed && <p class="mdc-note">{t('claimPart.lastConfirmed', [date(check.lastConfirmed)])}</p>}
        <p class="mdc-quote">
          {t('claim.articleSays')} <q>{check.text}</q>
        </p>
        {then && then !== now && (
          <p>
            <strong>{t('claim.then', [published ? date(published) : ''])}</strong> {localize(then.statement, lang)}
          </p>
        )}
        <p>
          <strong>{t('claim.now')}</strong> {localize(now.statement, lang)}
        </p>
        {!check.lastConfirmed && !now.to && now.asOf && <p class="mdc-note">{t('card.lastConfirmedOn', [date(now.asOf)])}</p>}
        {!published && <p class="mdc-note">{t('claim.dateUnknown')}</p>}
        <p class="mdc-note">{localize(claim.about, lang)}</p>
      </div>
      <div class="mdc-footer">
        <SourceLine s={sources[0]} t={t} lang={lang} />
        <span class="mdc-dates">{t('card.checked', [date(claim.verified)])}</span>
        <span class="mdc-actions">
          <CopyButton text={() => formatClaimCitation(check, claim, lang, t, version)} t={t} />
        </span>
      </div>
    </div>
  );
}
