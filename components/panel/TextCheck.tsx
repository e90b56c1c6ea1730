/**
 * "Check text": the side panel's box for text from anywhere — typed, pasted, or sent with the "Check this
 * text" menu item on a selection (a social post, a newsletter, a PDF in the browser's viewer, a page the
 * extension does not read). The background checks it (recognition, entities named, claims with verdicts);
 * nothing touches any page.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { claims as claimRecords, entityById } from '../../data';
import type { Claim } from '../../data/claim-schema';
import type { TextCheckAnswer } from '../../utils/text-check';
import { formatDate, localize } from '../format';
import { useEnv } from './context';
import { sentenceAround, valueOf } from './model';

const CLAIMS: ReadonlyMap<string, Claim> = new Map(claimRecords.map((c) => [c.id, c]));
const MARK = { agrees: '✓', outdated: '↻', differs: '✗' } as const;

export interface TextChecker {
  check(text: string, published: string | null): Promise<TextCheckAnswer | null>;
  /** Calls `listener` with text the reader sent from the menu (now, if some is waiting, and later). */
  onMenuText(listener: (text: string) => void): () => void;
}

function Result({ answer }: { answer: TextCheckAnswer }) {
  const { t, lang } = useEnv();
  const named = [...new Map(answer.mentions.map((m) => [m.id, m])).values()].map((m) => entityById.get(m.id)).filter((e) => e !== undefined);
  return (
    <div class="check-result" data-detected={answer.detection.detected}>
      <p class={`status ${answer.detection.detected ? 'yes' : 'no'}`}>{t(answer.detection.detected ? 'check.recognised' : 'check.notRecognised')}</p>
      <p class="muted small">
        {answer.published
          ? t('check.judgedAt', [formatDate(answer.published, lang)])
          : answer.ignored
            ? `${t('check.ignored', [formatDate(answer.ignored, lang)])} ${t('check.undated')}`
            : t('check.undated')}
      </p>
      {answer.truncated && <p class="muted small">{t('check.truncated', [answer.text.length])}</p>}
      <h3 id="check-claims">{t('check.claims')}</h3>
      {answer.claims.length === 0 ? (
        <p class="muted">{t('check.noClaims')}</p>
      ) : (
        <ul class="records" aria-labelledby="check-claims">
          {answer.claims.map((c, i) => {
            const record = CLAIMS.get(c.id);
            const sentence = sentenceAround(answer.text, c.start, c.end);
            const then = valueOf(record, c.then);
            const now = valueOf(record, c.now);
            return (
              <li key={`${c.id}-${i}`}>
                <article class={`claim verdict-${c.verdict}`} data-verdict={c.verdict} aria-labelledby={`check-claim-${i}`}>
                  <p class="verdict" id={`check-claim-${i}`}>
                    <span class="verdict-mark" aria-hidden="true">
                      {MARK[c.verdict!]}
                    </span>
                    {t(`panel.verdict.${c.verdict}`)}
                  </p>
                  {record && <p class="muted about">{t('panel.claimAbout', [localize(record.about, lang)])}</p>}
                  <p class="claim-text">
                    <q>
                      {sentence.text.slice(0, sentence.start)}
                      <mark>{sentence.text.slice(sentence.start, sentence.end)}</mark>
                      {sentence.text.slice(sentence.end)}
                    </q>
                  </p>
                  {then && c.then!.index !== c.now.index && <p class="value">{t('panel.claimThen', [localize(then.statement, lang)])}</p>}
                  {now && <p class="value">{t('check.says', [localize(now.statement, lang)])}</p>}
                  {c.since && <p class="since">{t('panel.claimSince', [formatDate(c.since, lang)])}</p>}
                </article>
              </li>
            );
          })}
        </ul>
      )}
      <h3 id="check-entities">{t('check.entities')}</h3>
      {named.length === 0 ? (
        <p class="muted">{t('check.noEntities')}</p>
      ) : (
        <ul class="check-entities" aria-labelledby="check-entities">
          {named.map((e) => (
            <li key={e.id} data-entity={e.id}>
              <strong>{lang === 'es' && e.nameEs ? e.nameEs : e.name}</strong> — {localize(e.summary, lang)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function TextCheck({ checker, today }: { checker: TextChecker; today: string }) {
  const { t, announce } = useEnv();
  const [text, setText] = useState('');
  const [date, setDate] = useState('');
  const [fromMenu, setFromMenu] = useState(false);
  const [answer, setAnswer] = useState<TextCheckAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const section = useRef<HTMLElement>(null);

  const run = async (value: string, published: string | null) => {
    if (!value.trim()) return announce(t('check.empty'));
    setBusy(true);
    const result = await checker.check(value, published);
    setBusy(false);
    setAnswer(result);
    if (result) announce(`${t(result.detection.detected ? 'check.recognised' : 'check.notRecognised')} ${t('check.claims')}: ${result.claims.length}`);
  };

  useEffect(
    () =>
      checker.onMenuText((sent) => {
        setText(sent);
        setFromMenu(true);
        setDate('');
        section.current?.scrollIntoView({ block: 'start' });
        section.current?.focus();
        void run(sent, null);
      }),
    [checker],
  );

  return (
    <section id="check" aria-labelledby="check-title" tabIndex={-1} ref={section} aria-busy={busy}>
      <h2 id="check-title">{t('check.title')}</h2>
      {fromMenu && <p class="muted small">{t('check.fromMenu')}</p>}
      <form
        class="check-form"
        onSubmit={(e) => {
          e.preventDefault();
          setFromMenu(false);
          void run(text, date || null);
        }}
      >
        <label for="check-text">{t('check.label')}</label>
        <textarea id="check-text" rows={5} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
        <label for="check-date">{t('check.date')}</label>
        <input id="check-date" type="date" min="2025-06-01" max={today} value={date} onInput={(e) => setDate((e.currentTarget as HTMLInputElement).value)} />
        <button type="submit" class="button primary" data-action="check-text">
          {t('check.submit')}
        </button>
      </form>
      {answer && <Result answer={answer} />}
    </section>
  );
}
