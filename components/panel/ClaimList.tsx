/**
 * The article's checkable statements with their verdicts: the verdict in words, which part of the claim was
 * compared ("the month: July 2025"), the sentence (the claim's clause marked in it, the compared words in
 * bold), what the dataset says for the article's date and for today, when it changed, and the
 * sources behind each value.
 */
import { SourceItems } from '../sources';
import type { Source } from '../../data/schema';
import { partWords } from '../../engine/claim-part';
import { formatDate, localize } from '../format';
import { useEnv } from './context';
import { CopyButtons } from './CopyButtons';
import { valueOf, type ClaimRow } from './model';

const MARK = { agrees: '✓', outdated: '↻', differs: '✗', none: '?' } as const;

/** The sentence, the claim's clause marked in it, and in the clause the words that were compared, in bold. */
function Sentence({ row: { sentence } }: { row: ClaimRow }) {
  const { text, start, end, part } = sentence;
  return (
    <q>
      {text.slice(0, start)}
      <mark>
        {part ? (
          <>
            {text.slice(start, part.start)}
            <strong class="part">{text.slice(part.start, part.end)}</strong>
            {text.slice(part.end, end)}
          </>
        ) : (
          text.slice(start, end)
        )}
      </mark>
      {text.slice(end)}
    </q>
  );
}

export function ClaimItem({ row }: { row: ClaimRow }) {
  const env = useEnv();
  const { t, lang } = env;
  const { check, record, sentence } = row;
  const verdict = check.verdict ?? 'none';
  const then = valueOf(record, check.then);
  const now = valueOf(record, check.now);
  const sources = new Map<string, Source>();
  for (const v of [then, now]) for (const s of v?.sources ?? []) sources.set(s.url ?? s.title, s);
  const same = then && now && check.then!.index === check.now.index;
  const words = partWords(check, lang, t);
  return (
    <article class={`claim verdict-${verdict}`} data-claim={row.index} data-verdict={verdict} aria-labelledby={`claim-${row.index}-verdict`}>
      <p class="verdict" id={`claim-${row.index}-verdict`}>
        <span class="verdict-mark" aria-hidden="true">
          {MARK[verdict]}
        </span>
        {t(`panel.verdict.${verdict}`)}
      </p>
      {words && <p class="part-checked">{t('claimPart.checked', [words])}</p>}
      {record && <p class="muted about">{t('panel.claimAbout', [localize(record.about, lang)])}</p>}
      {row.shown !== null ? (
        <button type="button" class="goto claim-goto" data-goto-claim={row.index} onClick={() => env.show({ claim: row.shown! })}>
          <span class="sr">{`${t('panel.claimShow')}: `}</span>
          <Sentence row={row} />
        </button>
      ) : (
        <p class="claim-text">
          <Sentence row={row} />
        </p>
      )}
      {verdict === 'none' && <p class="muted">{t('panel.verdictNoneHint')}</p>}
      {same ? (
        <p class="value">{t('panel.claimBoth', [localize(now!.statement, lang)])}</p>
      ) : (
        <>
          {then && <p class="value">{t('panel.claimThen', [localize(then.statement, lang)])}</p>}
          {now && <p class="value">{t('panel.claimNow', [localize(now.statement, lang)])}</p>}
        </>
      )}
      {check.since && <p class="since">{t('panel.claimSince', [formatDate(check.since, lang)])}</p>}
      {check.lastConfirmed && <p class="since">{t('claimPart.lastConfirmed', [formatDate(check.lastConfirmed, lang)])}</p>}
      {sources.size > 0 && (
        <details class="sources">
          <summary>{t('panel.sources', [sources.size])}</summary>
          <ul>
            <SourceItems sources={[...sources.values()]} t={t} lang={lang} classes={{ sr: 'sr', meta: 'muted' }} />
          </ul>
        </details>
      )}
      <CopyButtons target={{ claim: row.index }} label={t(`panel.verdict.${verdict}`)} />
    </article>
  );
}

export function ClaimList({ rows, total }: { rows: ClaimRow[]; total: number }) {
  const { t } = useEnv();
  if (!total) return <p class="muted">{t('panel.claimsNone')}</p>;
  if (!rows.length) return <p class="muted">{t('panel.claimsFiltered')}</p>;
  return (
    <ul class="records">
      {rows.map((r) => (
        <li key={r.index}>
          <ClaimItem row={r} />
        </li>
      ))}
    </ul>
  );
}
