/**
 * How a source reads wherever the extension cites one (card, claim card, side panel): its title as a link
 * that says it opens a new tab, then publisher and date; and the short form in a card's footer. Plus the
 * copy button both cards share.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Lang, Source } from '../data/schema';
import { formatDate } from './format';
import type { Translate } from './translate';

/** Class names differ between the card's shadow root (`mdc-` prefixed) and extension pages. */
export interface SourceClasses {
  sr: string;
  meta: string;
}
const CARD: SourceClasses = { sr: 'mdc-sr', meta: 'mdc-meta' };

/**
 * A link to a source's address, which opens a new tab; for an original report cited by headline alone (the
 * dataset's `unlinked` sources) the same words, not a link, and what a reader looking it up needs to know.
 */
export function MaybeLink({ url, class: className, title, t, children }: { url?: string; class?: string; title?: string; t: Translate; children: ComponentChildren }) {
  if (!url)
    return (
      <span class={className} title={title ? `${title} — ${t('card.unlinked')}` : t('card.unlinked')}>
        {children}
      </span>
    );
  return (
    <a class={className} href={url} target="_blank" rel="noopener noreferrer" title={title}>
      {children}
      <span class="mdc-sr">{` ${t('card.opensInNewTab')}`}</span>
    </a>
  );
}

export function SourceLink({ s, t, lang, classes = CARD }: { s: Source; t: Translate; lang: Lang; classes?: SourceClasses }) {
  return (
    <>
      {s.url ? (
        <a href={s.url} target="_blank" rel="noopener noreferrer">
          {s.title}
          <span class={classes.sr}>{` ${t('card.opensInNewTab')}`}</span>
        </a>
      ) : (
        <cite>{s.title}</cite>
      )}
      <span class={classes.meta}>
        {' — '}
        {s.publisher}
        {s.date ? `, ${formatDate(s.date, lang)}` : ''}
        {s.url ? '' : ` (${t('card.unlinked')})`}
      </span>
    </>
  );
}

export function SourceItems({ sources, t, lang, classes }: { sources: readonly Source[]; t: Translate; lang: Lang; classes?: SourceClasses }) {
  return (
    <>
      {sources.map((s) => (
        <li key={s.url ?? s.title}>
          <SourceLink s={s} t={t} lang={lang} classes={classes} />
        </li>
      ))}
    </>
  );
}

/** A card's footer line: "Source: <publisher>, <date>", the publisher linking to the document. */
export function SourceLine({ s, t, lang }: { s: Source | undefined; t: Translate; lang: Lang }) {
  if (!s) return null;
  return (
    <span class="mdc-source-line">
      {t('card.source')}{' '}
      <MaybeLink url={s.url} title={s.title} t={t}>
        {s.publisher}
      </MaybeLink>
      {s.date ? `, ${formatDate(s.date, lang)}` : ''}
    </span>
  );
}

/** "Copy citation", saying "Citation copied" once the clipboard took it. */
export function CopyButton({ text, t, label }: { text: () => string; t: Translate; label?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text());
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <button type="button" class="mdc-button mdc-copy" onClick={copy}>
      {copied ? t('card.copied') : (label ?? t('card.copyCitation'))}
    </button>
  );
}
