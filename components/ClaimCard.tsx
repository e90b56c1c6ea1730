/**
 * explain (claims): the card for a statement the article makes that the dataset can check. The verdict comes
 * first and is stated in words — right then and now, outdated since a date, or not what the sources said —
 * never by colour alone, with exactly which part of the clause was compared ("the month: July 2025") and what
 * the sources say; where it is written, the clause itself and the other values are one click away.
 *
 * Every word of a claim reaches its verdict: when the word the reader rests on, taps or steps to is also a
 * name (a person, an agency, a law…), the same card then explains the name, as its own card opens (the key
 * fact and the opening of the summary; the whole summary, the sources and the rest in the details), compact
 * enough to fit beside the clause it must not cover. One card, one dialog: a screen reader hears the verdict and
 * then the name.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Claim } from '../data/claim-schema';
import type { Entity, Event, Lang, Source } from '../data/schema';
import type { ClaimCheck } from '../engine/types';
import { partWords } from '../engine/claim-part';
import { Details, KeyFact, SinceLine } from './Card';
import { lead } from './PresentationNote';
import { formatCitation, formatDate, localize } from './format';
import { CopyButton, SourceLine } from './sources';
import type { Translate } from './translate';

/** A claim the card explains, with its record. */
export interface CheckedClaim {
  check: ClaimCheck;
  claim: Claim;
}

/** The name under the reader's word, when the word is also a mention: explained after the verdict. */
export interface NamedInClaim {
  entity: Entity;
  mentionText: string;
  confidence: 'high' | 'probable';
  today: string;
  since?: Event[];
}

export interface ClaimCardProps {
  check: ClaimCheck;
  claim: Claim;
  /** Other claims stated by the same words (a clause that gives a count and a date), after the first. */
  more?: CheckedClaim[];
  /** The name the reader's word is part of, if it is one. */
  named?: NamedInClaim;
  lang: Lang;
  t: Translate;
  published: string | null;
  version: string;
  autoFocus?: boolean;
  onClose: () => void;
  /** The word is a link, tapped on a touch screen: the card offers the link. */
  onFollowLink?: () => void;
}

const SYMBOL = { agrees: '✓', outdated: '↻', differs: '✗' } as const;

type Value = Claim['values'][number];

/** A copyable citation of a checked claim: verdict, what was compared, what the sources say, when, where. */
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

/** The value a verdict rests on: then (agrees, differs) or now (outdated: what it changed to). */
function restsOn(check: ClaimCheck, claim: Claim): { value: Value; when: 'then' | 'now' } {
  const then = check.then ? (claim.values[check.then.index] as Value) : undefined;
  const now = claim.values[check.now.index] as Value;
  if (check.verdict === 'outdated' || !then) return { value: now, when: 'now' };
  return { value: then, when: then === now ? 'now' : 'then' };
}

interface Words {
  lang: Lang;
  t: Translate;
  published: string | null;
}

function explanation(check: ClaimCheck, { t, lang }: Words): string {
  if (check.verdict === 'outdated') return t('claim.outdated', [check.since ? formatDate(check.since, lang) : '?']);
  return t(check.verdict === 'differs' ? 'claim.differs' : 'claim.agrees');
}

/**
 * The verdict's lines in the card's body: what was compared, the verdict explained, when a source last confirmed
 * the value; a second claim on the same words says its own verdict first. `statement`: also what the sources say
 * (a card about the claim alone; beside a name it is in the details).
 */
function Verdict({ item, index, ids, statement, words }: { item: CheckedClaim; index: number; ids: { part: string; why: string }; statement: boolean; words: Words }) {
  const { check, claim } = item;
  const { t, lang, published } = words;
  const part = partWords(check, lang, t);
  const verdict = check.verdict!;
  const { value, when } = restsOn(check, claim);
  return (
    <>
      {(part || index > 0) && (
        <p class="mdc-keyfact mdc-part" id={ids.part}>
          {index > 0 && (
            <>
              <span class="mdc-verdict" aria-hidden="true">
                {SYMBOL[verdict]}
              </span>{' '}
              {t(`verdictWord.${verdict}`)}
              {part ? ' · ' : ''}
            </>
          )}
          {part && t('claimPart.checked', [part])}
        </p>
      )}
      <p class="mdc-explanation" id={ids.why}>
        {explanation(check, words)}
      </p>
      {check.lastConfirmed && <p class="mdc-note">{t('claimPart.lastConfirmed', [formatDate(check.lastConfirmed, lang)])}</p>}
      {statement && (
        <p class="mdc-statement">
          <strong>{when === 'then' ? t('claim.then', [published ? formatDate(published, lang) : '']) : t('claim.now')}</strong> {localize(value.statement, lang)}
        </p>
      )}
    </>
  );
}

/** The verdict's details: the clause that was checked, the other value, what the claim is about. */
function VerdictDetails({ item, statement, words }: { item: CheckedClaim; statement: boolean; words: Words }) {
  const { check, claim } = item;
  const { t, lang, published } = words;
  const now = claim.values[check.now.index] as Value;
  const then = check.then ? (claim.values[check.then.index] as Value) : undefined;
  const shown = statement ? restsOn(check, claim).value : undefined;
  const date = (d: string) => formatDate(d, lang);
  return (
    <section class="mdc-section">
      <p class="mdc-quote">
        {t('claim.articleSays')} <q>{check.text}</q>
      </p>
      {then && then !== shown && (
        <p>
          <strong>{t('claim.then', [published ? date(published) : ''])}</strong> {localize(then.statement, lang)}
        </p>
      )}
      {now !== shown && now !== then && (
        <p>
          <strong>{t('claim.now')}</strong> {localize(now.statement, lang)}
        </p>
      )}
      {!check.lastConfirmed && !now.to && now.asOf && <p class="mdc-note">{t('card.lastConfirmedOn', [date(now.asOf)])}</p>}
      <p class="mdc-note">{localize(claim.about, lang)}</p>
    </section>
  );
}

/**
 * The name under the reader's word, after the verdict, as its own card opens but shorter: its name and kind, its
 * key fact (a person's title when the article was written) and the opening of its summary (whole sentences); the
 * whole summary, the rest of the titles, the sources, the dates and "since this article" are in the details.
 */
function Named({ named, titleId, words }: { named: NamedInClaim; titleId: string; words: Words }) {
  const { entity, today } = named;
  const { t, lang, published } = words;
  return (
    <section class="mdc-named" aria-labelledby={titleId}>
      <h3 id={titleId} class="mdc-name">
        {lang === 'es' && entity.nameEs ? entity.nameEs : entity.name}{' '}
        <span class="mdc-kind">
          <span class={`mdc-swatch mdc-swatch-${entity.kind}`} aria-hidden="true" />
          {t(`kind.${entity.kind}`)}
        </span>
      </h3>
      {named.confidence === 'probable' && <p class="mdc-probable">{t('card.probable', [named.mentionText])}</p>}
      <KeyFact entity={entity} published={published} today={today} t={t} lang={lang} compact={1} />
      <p class="mdc-summary">{lead(localize(entity.summary, lang))}</p>
    </section>
  );
}

/** The name's own details: its whole summary (when the card shows only its opening), source and dates, then the card's details. */
function NamedDetails({ named, version, words }: { named: NamedInClaim; version: string; words: Words }) {
  const { entity, today } = named;
  const { t, lang, published } = words;
  const summary = localize(entity.summary, lang);
  return (
    <section class="mdc-section">
      <h3>{lang === 'es' && entity.nameEs ? entity.nameEs : entity.name}</h3>
      {lead(summary) !== summary && <p>{summary}</p>}
      <p class="mdc-note">
        <SourceLine s={entity.sources[0]} t={t} lang={lang} />
        {entity.sources[0] ? ' · ' : ''}
        {t('card.asOf', [formatDate(entity.asOf, lang)])}
        {entity.verified ? ` · ${t('card.checked', [formatDate(entity.verified, lang)])}` : ''}
      </p>
      <Details entity={entity} version={version} t={t} lang={lang} published={published} today={today} shown={1} />
      <p class="mdc-actions mdc-named-actions">
        <CopyButton text={() => formatCitation(entity, version, lang, t)} t={t} label={t('card.copyNamedCitation', [entity.name])} />
      </p>
    </section>
  );
}

export function ClaimCard({ check, claim, more = [], named, lang, t, published, version, autoFocus, onClose, onFollowLink }: ClaimCardProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [check.start, named?.entity.id, autoFocus]);
  if (!check.verdict) return null;
  const items: CheckedClaim[] = [{ check, claim }, ...more.filter((m) => m.check.verdict)];
  const words: Words = { lang, t, published };
  const titleId = `mdc-claim-${check.start}`;
  const ids = (i: number) => ({ part: `${titleId}-part-${i}`, why: `${titleId}-why-${i}` });
  const namedId = named ? `${titleId}-named` : '';
  const first = ids(0);
  const statement = !named;
  const sources = restsOn(check, claim).value.sources;
  return (
    <div
      ref={ref}
      class={`mdc-card mdc-claim mdc-verdict-${check.verdict}${named ? ' mdc-combined' : ''}`}
      role="dialog"
      aria-modal="false"
      aria-labelledby={named ? `${titleId} ${namedId}` : titleId}
      aria-describedby={partWords(check, lang, t) ? `${first.part} ${first.why}` : first.why}
      tabIndex={-1}
      data-claim={claim.id}
      data-verdict={check.verdict}
      {...(named ? { 'data-entity': named.entity.id } : {})}
      lang={lang}
    >
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
        {items.map((item, i) => (
          <Verdict key={item.check.id} item={item} index={i} ids={ids(i)} statement={statement} words={words} />
        ))}
        {!published && <p class="mdc-note">{t('claim.dateUnknown')}</p>}
        {named && <Named named={named} titleId={namedId} words={words} />}
        <details class="mdc-more">
          <summary>{t('card.more')}</summary>
          {items.map((item) => (
            <VerdictDetails key={item.check.id} item={item} statement={statement} words={words} />
          ))}
          {named && <SinceLine since={named.since ?? []} t={t} lang={lang} />}
          {named && <NamedDetails named={named} version={version} words={words} />}
        </details>
      </div>
      <div class="mdc-footer">
        <SourceLine s={sources[0]} t={t} lang={lang} />
        <span class="mdc-dates">{t('card.checked', [formatDate(claim.verified, lang)])}</span>
        <span class="mdc-actions">
          {onFollowLink && (
            <button type="button" class="mdc-button" onClick={onFollowLink}>
              {t('card.followLink')}
            </button>
          )}
          <CopyButton text={() => items.map((x) => formatClaimCitation(x.check, x.claim, lang, t, version)).join('\n\n')} t={t} />
        </span>
      </div>
    </div>
  );
}
