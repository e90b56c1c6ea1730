/**
 * The first-run choice, shared by the first-run page and the options page: where the extension reads pages by
 * itself — the news sites on its list (default), every site (the browser asks for the permission: the request
 * comes straight from the reader's click, as Firefox requires), or only when the reader clicks.
 */
import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import type { Reach } from '../utils/setting-values';
import { REACHES } from '../utils/setting-values';
import { NEWS_SITES } from '../utils/news-sites';

export interface ReachApi {
  reach(): Promise<Reach>;
  /** Straight from the click: choosing every site asks the browser first. Resolves to the choice now in force. */
  setReach(reach: Reach): Promise<Reach>;
}

const LABEL = { listed: 'reach.listed', all: 'reach.all', click: 'reach.click' } as const;
const HINT = { listed: 'reach.listedHint', all: 'reach.allHint', click: 'reach.clickHint' } as const;

export function ReachChoice({ api }: { api: ReachApi }) {
  const [reach, setReach] = useState<Reach | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    void api.reach().then(setReach);
  }, []);
  if (reach === null) return null;
  return (
    <fieldset class="reach">
      <legend>{i18n.t('reach.legend')}</legend>
      {REACHES.map((r) => (
        <label key={r} class="choice">
          <input
            type="radio"
            name="reach"
            value={r}
            checked={reach === r}
            aria-describedby={`reach-${r}-hint`}
            onChange={async (e) => {
              const input = e.currentTarget as HTMLInputElement;
              const now = await api.setReach(r);
              setReach(now);
              // Declined: the radio the reader clicked must not stay checked.
              input.checked = now === r;
              setMessage(now === r ? i18n.t('reach.saved', [i18n.t(LABEL[r])]) : i18n.t('reach.refused'));
            }}
          />
          <span>
            <strong>{i18n.t(LABEL[r])}</strong>
            <span id={`reach-${r}-hint`} class="hint">
              {r === 'listed' ? i18n.t('reach.listedHint', [String(NEWS_SITES.length)]) : i18n.t(HINT[r])}
            </span>
          </span>
        </label>
      ))}
      <p class="message" role="status" aria-live="polite">
        {message}
      </p>
    </fieldset>
  );
}
