/**
 * The options page: every setting in one place — where pages are read (the first-run choice), the sites
 * always annotated (each a grant the reader can take back), the sites switched off, how underlines are drawn,
 * and the language of the cards. It talks to the browser only through OptionsApi, so it can be tested alone.
 */
import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import type { CardLang, UnderlineMode } from '../utils/setting-values';
import { hostFromInput } from '../utils/setting-values';
import { isListedHost, NEWS_SITES } from '../utils/news-sites';
import { ReachChoice, type ReachApi } from './ReachChoice';

export interface OptionsApi extends ReachApi {
  alwaysSites(): Promise<{ host: string; granted: boolean }[]>;
  /** Straight from the click: the browser asks for that one site. Resolves to whether it is granted. */
  addAlwaysSite(host: string): Promise<boolean>;
  removeAlwaysSite(host: string): Promise<void>;
  disabledSites(): Promise<string[]>;
  enableSite(host: string): Promise<void>;
  underlineMode(): Promise<UnderlineMode>;
  setUnderlineMode(mode: UnderlineMode): Promise<void>;
  cardLang(): Promise<CardLang>;
  setCardLang(lang: CardLang): Promise<void>;
  openFirstRun(): void;
}

function AlwaysSites({ api, announce }: { api: OptionsApi; announce: (s: string) => void }) {
  const [sites, setSites] = useState<{ host: string; granted: boolean }[] | null>(null);
  const [input, setInput] = useState('');
  const reload = () => void api.alwaysSites().then(setSites);
  useEffect(reload, []);
  return (
    <section aria-labelledby="always-title">
      <h2 id="always-title">{i18n.t('options.always')}</h2>
      {sites && sites.length === 0 && <p class="muted">{i18n.t('options.alwaysNone')}</p>}
      {sites && sites.length > 0 && (
        <ul class="sites" data-list="always">
          {sites.map(({ host, granted }) => (
            <li key={host}>
              <span class="host">{host}</span>
              {!granted && <span class="muted"> — {i18n.t('options.alwaysMissing')}</span>}{' '}
              <button
                type="button"
                class="secondary"
                onClick={async () => {
                  await api.removeAlwaysSite(host);
                  announce(i18n.t('options.removed', [host]));
                  reload();
                }}
              >
                {i18n.t('options.remove', [host])}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="add-site"
        onSubmit={async (e) => {
          e.preventDefault();
          const host = hostFromInput(input);
          if (!host) return announce(i18n.t('options.addInvalid', [input]));
          if (isListedHost(host)) return announce(i18n.t('options.listed', [host]));
          const granted = await api.addAlwaysSite(host);
          announce(i18n.t(granted ? 'options.added' : 'options.refused', [host]));
          if (granted) setInput('');
          reload();
        }}
      >
        <label for="add-site">{i18n.t('options.addLabel')}</label>
        <span class="row">
          <input id="add-site" type="text" inputMode="url" autoComplete="off" spellcheck={false} value={input} onInput={(e) => setInput((e.currentTarget as HTMLInputElement).value)} />
          <button type="submit" class="primary">
            {i18n.t('options.add')}
          </button>
        </span>
      </form>
    </section>
  );
}

function SwitchedOff({ api, announce }: { api: OptionsApi; announce: (s: string) => void }) {
  const [sites, setSites] = useState<string[] | null>(null);
  const reload = () => void api.disabledSites().then(setSites);
  useEffect(reload, []);
  return (
    <section aria-labelledby="off-title">
      <h2 id="off-title">{i18n.t('options.off')}</h2>
      {sites && sites.length === 0 && <p class="muted">{i18n.t('options.offNone')}</p>}
      {sites && sites.length > 0 && (
        <ul class="sites" data-list="off">
          {sites.map((host) => (
            <li key={host}>
              <span class="host">{host}</span>{' '}
              <button
                type="button"
                class="secondary"
                onClick={async () => {
                  await api.enableSite(host);
                  announce(i18n.t('popup.siteOn', [host]));
                  reload();
                }}
              >
                {i18n.t('options.switchOn', [host])}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Radios<T extends string>({ name, legend, value, options, onChange }: { name: string; legend: string; value: T; options: [T, string][]; onChange: (v: T) => void }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map(([v, label]) => (
        <label key={v} class="choice">
          <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} />
          <span>{label}</span>
        </label>
      ))}
    </fieldset>
  );
}

function Display({ api }: { api: OptionsApi }) {
  const [mode, setMode] = useState<UnderlineMode | null>(null);
  const [lang, setLang] = useState<CardLang | null>(null);
  useEffect(() => {
    void api.underlineMode().then(setMode);
    void api.cardLang().then(setLang);
  }, []);
  if (!mode || !lang) return null;
  return (
    <section aria-labelledby="display-title">
      <h2 id="display-title">{i18n.t('options.underlines')}</h2>
      <Radios
        name="underline-mode"
        legend={i18n.t('popup.underline')}
        value={mode}
        options={[
          ['all', i18n.t('popup.modeAll')],
          ['first', i18n.t('popup.modeFirst')],
        ]}
        onChange={(m) => {
          setMode(m);
          void api.setUnderlineMode(m);
        }}
      />
      <Radios
        name="card-lang"
        legend={i18n.t('options.cardLang')}
        value={lang}
        options={[
          ['auto', i18n.t('options.cardLangAuto')],
          ['en', i18n.t('options.cardLangEn')],
          ['es', i18n.t('options.cardLangEs')],
        ]}
        onChange={(l) => {
          setLang(l);
          void api.setCardLang(l);
        }}
      />
    </section>
  );
}

export function OptionsApp({ api }: { api: OptionsApi }) {
  const [message, setMessage] = useState('');
  return (
    <main class="options">
      <h1>{i18n.t('options.title')}</h1>
      <p class="message" role="status" aria-live="polite">
        {message}
      </p>
      <section aria-label={i18n.t('reach.legend')}>
        <ReachChoice api={api} />
        <details>
          <summary>{i18n.t('options.listedSites', [String(NEWS_SITES.length)])}</summary>
          <ul class="listed">
            {NEWS_SITES.map((s) => (
              <li key={s.host}>
                <span class="host">{s.host}</span> — {s.outlet}
              </li>
            ))}
          </ul>
        </details>
      </section>
      <AlwaysSites api={api} announce={setMessage} />
      <SwitchedOff api={api} announce={setMessage} />
      <Display api={api} />
      <p>
        <button type="button" class="link" onClick={() => api.openFirstRun()}>
          {i18n.t('options.firstRun')}
        </button>
      </p>
      <p class="muted small">{i18n.t('popup.privacy')}</p>
    </main>
  );
}
