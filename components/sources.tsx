/**
 * How a source reads wherever the extension cites one (card, claim card, side panel): its title as a link
 * that says it opens a new tab, then publisher and date; and the short form in a card's footer. Plus the
 * copy button both cards share.
 */
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

export function SourceLink({ s, t, lang, classes = CARD }: { s: Source; t: Translate; lang: Lang; classes?: SourceClasses }) {
  return (
    <>
      <a href={s.url} target="_blank" rel="noopener noreferrer">
        {s.title}
        <span class={classes.sr}>{` ${t('card.opensInNewTab')}`}</span>
      </a>
      <span class={classes.meta}>
        {' — '}
        {s.publisher}
        {s.date ? `, ${formatDate(s.date, lang)}` : ''}
      </span>
    </>
  );
}

export function SourceItems({ sources, t, lang, classes }: { sources: readonly Source[]; t: Translate; lang: Lang; classes?: SourceClasses }) {
  return (
    <>
      {sources.map((s) => (
        <li key={s.url}>
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
      <a href={s.url} target="_blank" rel="noopener noreferrer" title={s.title}>
        {s.publisher}
        <span class="mdc-sr">{` ${t('card.opensInNewTab')}`}</span>
      </a>
      {s.date ? `, ${formatDate(s.date, lang)}` : ''}
    </span>
  );
}

/** "Copy citation", saying "Citation copied" once the clipboard took it. */
export function CopyButton({ text, t }: { text: () => string; t: Translate }) {
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
      {copied ? t('card.copied') : t('card.copyCitation')}
    </button>
  );
}
