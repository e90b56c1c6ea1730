/**
 * The toolbar popup: controls first (this site's switch, how many underlines are drawn), then the key (every
 * kind and every claim tint, drawn as the page draws them), then the lists, each collapsed to one line: the
 * claims checked, what happened since, what was found (click to go to it) and why the page was recognised.
 * Sized for a popup (popup.css: a fixed width; about 600 px tall with the lists closed). It talks to the page
 * only through the ActiveTab interface, so it can be tested alone.
 */
import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import type { EntityKind, Reason } from '../engine/types';
import type { AnnotationsResponse } from '../utils/messages';
import { UNDERLINE_MODES, type UnderlineMode } from '../utils/setting-values';
import { ENTITY_KINDS, HIGHLIGHT_STYLES, VERDICTS, claimKey, entityKey, styleFamily } from '../utils/highlight-styles';
import { entityById } from '../data';
import type { Event } from '../data/schema';
import { formatDate, underscore } from './format';
import { isListedHost } from '../utils/news-sites';
import { partWords } from '../engine/claim-part';

export interface ActiveTab {
  hostname(): Promise<string | null>;
  annotations(): Promise<AnnotationsResponse | null>;
  reveal(id: string): Promise<void>;
  /** Open the card of the n-th judged claim on the page. */
  showClaim(index: number): Promise<void>;
  /** Inject the content script into this tab (activeTab). False when the browser refuses. */
  annotateHere(): Promise<boolean>;
  isSiteEnabled(hostname: string): Promise<boolean>;
  setSiteEnabled(hostname: string, enabled: boolean): Promise<void>;
  underlineMode(): Promise<UnderlineMode>;
  setUnderlineMode(mode: UnderlineMode): Promise<void>;
  /** Hide or show the underlines on this page; resolves to whether they are hidden now. */
  toggleUnderlines(): Promise<boolean>;
  /** The opt-in to annotate coverage on every site (optional host permission). */
  allSites(): Promise<boolean>;
  /** Must be called straight from the click: the browser asks for the permission. Resolves to the new state. */
  setAllSites(on: boolean): Promise<boolean>;
  /** Open the workbench (side panel / sidebar). Straight from the click: browsers require a user gesture. */
  openWorkbench?(): Promise<boolean>;
  /** Whether this site (not on the list) is always annotated: on the reader's list and granted by the browser. */
  alwaysHere?(hostname: string): Promise<boolean>;
  /** Straight from the click: asks the browser for this one site. Resolves to the new state. */
  setAlwaysHere?(hostname: string, on: boolean): Promise<boolean>;
  /** The options page and the first-run page. */
  openSettings?(): void;
  openFirstRun?(): void;
}

/**
 * "Always annotate on <site>": on a site not on the list, one switch asks the browser for that site alone;
 * the background then registers the content scripts for it, and annotates the page in front of the reader.
 */
function AlwaysHereSwitch({ tab, hostname, onGranted }: { tab: ActiveTab; hostname: string; onGranted: () => void }) {
  const [on, setOn] = useState<boolean | null>(null);
  const [refused, setRefused] = useState(false);
  useEffect(() => {
    if (tab.alwaysHere && /\./.test(hostname) && !isListedHost(hostname)) void tab.alwaysHere(hostname).then(setOn);
  }, [hostname]);
  if (on === null || !tab.setAlwaysHere) return null;
  return (
    <>
      <label class="switch">
        <input
          type="checkbox"
          checked={on}
          data-action="always-here"
          aria-describedby="always-here-hint"
          onChange={async (e) => {
            const input = e.currentTarget as HTMLInputElement;
            const wanted = input.checked;
            const now = await tab.setAlwaysHere!(hostname, wanted);
            input.checked = now;
            setOn(now);
            setRefused(wanted && !now);
            if (now) onGranted();
          }}
        />
        <span>
          <span class="host">{i18n.t('popup.alwaysHere', [hostname])}</span>
          <span id="always-here-hint" class="muted small block">
            {i18n.t('popup.alwaysHereHint')}
          </span>
        </span>
      </label>
      {refused && (
        <p class="muted small" role="status">
          {i18n.t('popup.alwaysRefused', [hostname])}
        </p>
      )}
    </>
  );
}

function SettingsLinks({ tab }: { tab: ActiveTab }) {
  if (!tab.openSettings && !tab.openFirstRun) return null;
  return (
    <p class="links small">
      {tab.openSettings && (
        <button type="button" class="link" data-action="settings" onClick={() => tab.openSettings!()}>
          {i18n.t('popup.settings')}
        </button>
      )}
      {tab.openFirstRun && (
        <>
          {' · '}
          <button type="button" class="link" data-action="first-run" onClick={() => tab.openFirstRun!()}>
            {i18n.t('popup.firstRun')}
          </button>
        </>
      )}
    </p>
  );
}

function WorkbenchButton({ tab, onOpened }: { tab: ActiveTab; onOpened: () => void }) {
  if (!tab.openWorkbench) return null;
  return (
    <button type="button" class="secondary" data-action="workbench" onClick={async () => (await tab.openWorkbench!()) && onOpened()}>
      {i18n.t('panel.open')}
    </button>
  );
}

function AllSitesSwitch({ tab }: { tab: ActiveTab }) {
  const [on, setOn] = useState<boolean | null>(null);
  useEffect(() => {
    void tab.allSites().then(setOn);
  }, []);
  if (on === null) return null;
  return (
    <label class="switch">
      <input
        type="checkbox"
        checked={on}
        aria-describedby="all-sites-hint"
        onChange={async (e) => {
          const input = e.currentTarget as HTMLInputElement;
          const now = await tab.setAllSites(input.checked);
          // If the reader declined the prompt the state did not change, so nothing re-renders: reset the box.
          input.checked = now;
          setOn(now);
        }}
      />
      <span>
        {i18n.t('popup.allSites')}
        <span id="all-sites-hint" class="muted small block">
          {i18n.t('popup.allSitesHint')}
        </span>
      </span>
    </label>
  );
}

const MODE_LABEL = { section: 'popup.modeSection', all: 'popup.modeAll', first: 'popup.modeFirst' } as const;

function ModeChoice({ tab }: { tab: ActiveTab }) {
  const [mode, setMode] = useState<UnderlineMode | null>(null);
  useEffect(() => {
    void tab.underlineMode().then(setMode);
  }, []);
  if (mode === null) return null;
  const choose = async (m: UnderlineMode) => {
    setMode(m);
    await tab.setUnderlineMode(m);
  };
  // A select, not radios: one line of the popup for three choices (the options page lists them all).
  return (
    <label class="mode">
      <span>{i18n.t('popup.underline')}</span>
      <select name="underline-mode" value={mode} onChange={(e) => void choose((e.currentTarget as HTMLSelectElement).value as UnderlineMode)}>
        {UNDERLINE_MODES.map((m) => (
          <option key={m} value={m}>
            {i18n.t(MODE_LABEL[m])}
          </option>
        ))}
      </select>
    </label>
  );
}

const KIND_ORDER: EntityKind[] = ['person', 'agency', 'law', 'state', 'event'];

type State =
  | { status: 'loading' }
  | { status: 'absent'; hostname: string | null; failed: boolean }
  | { status: 'ready'; hostname: string | null; data: AnnotationsResponse; enabled: boolean };

function reasonText(r: Reason): string {
  return i18n.t(`reason.${underscore(r.code)}`, [String(r.count)]);
}

const SYMBOL = { agrees: '✓', outdated: '↻', differs: '✗' } as const;

/** "Since this article": the story's events after the article's date, newest last, with date and source. */
function Since({ data }: { data: AnnotationsResponse }) {
  if (!data.detected) return null;
  if (!data.published)
    return <p class="muted small">{data.publishedIgnored ? i18n.t('popup.dateIgnored', [formatDate(data.publishedIgnored)]) : i18n.t('popup.dateUnknown')}</p>;
  const events = data.since.map((s) => entityById.get(s.id)).filter((e): e is Event => e?.kind === 'event');
  return (
    <details class="list" data-list="since" aria-labelledby="since">
      <summary>
        <h2 id="since">
          {i18n.t('popup.since')} <span class="muted">({i18n.t('popup.publishedOn', [formatDate(data.published)])})</span>
        </h2>
      </summary>
      {events.length === 0 ? (
        <p class="muted">{i18n.t('popup.nothingSince')}</p>
      ) : (
        <ol class="since">
          {events.map((e) => (
            <li key={e.id}>
              <time dateTime={e.date}>{formatDate(e.date)}</time> {data.lang === 'es' && e.nameEs ? e.nameEs : e.name}{' '}
              {e.sources[0] &&
                (e.sources[0].url ? (
                  <a href={e.sources[0].url} target="_blank" rel="noopener noreferrer">
                    {e.sources[0].publisher}
                  </a>
                ) : (
                  <cite title={i18n.t('card.unlinked')}>{e.sources[0].publisher}</cite>
                ))}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}

/** The popup's words through the shared helpers' signature (the browser's language, as the rest of the popup). */
const t = (key: string, subs: (string | number)[] = []) => (i18n.t as (k: string, s?: string[]) => string)(key, subs.map(String));

function Claims({ data, tab, onNavigate }: { data: AnnotationsResponse; tab: ActiveTab; onNavigate: () => void }) {
  if (!data.claims.length) return null;
  const partOf = (c: AnnotationsResponse['claims'][number]) => (c.asserted !== undefined ? partWords({ asserted: c.asserted, part: c.part }, undefined, t) : null);
  return (
    <details class="list" data-list="claims" aria-labelledby="claims">
      <summary>
        <h2 id="claims">
          {i18n.t('popup.claims')} <span class="muted">({data.claims.length})</span>
        </h2>
      </summary>
      <ul class="claims">
        {data.claims.map((c, i) => (
          <li key={`${c.id}-${i}`} class={`verdict-${c.verdict}`}>
            <span class="verdict">
              <span aria-hidden="true">{SYMBOL[c.verdict]}</span> {i18n.t(`popup.verdict.${c.verdict}`)}
            </span>
            {/* What was compared in the clause: "the month: July 2025", never the bare month. */}
            {partOf(c) && <span class="part">{` — ${partOf(c)}`}</span>}{' '}
            <button
              type="button"
              class="link"
              onClick={async () => {
                await tab.showClaim(i);
                onNavigate();
              }}
            >
              “{c.text}”
            </button>
            {c.lastConfirmed && <span class="muted last-confirmed">{` ${t('claimPart.lastConfirmed', [formatDate(c.lastConfirmed)])}`}</span>}
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * The key, drawn as the page draws it: each kind's sample in the very declarations its highlight uses
 * (utils/highlight-styles.ts: wavy for events, a band of colour in Firefox before 153) and each claim tint,
 * in the palette of the popup's own background.
 */
const darkPopup = () => typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
/** A kind's underline as the page draws it, for a sample word in the popup. */
const sampleStyle = (kind: EntityKind) => HIGHLIGHT_STYLES[entityKey(kind, styleFamily(), darkPopup())];

function Key() {
  const family = styleFamily();
  const dark = darkPopup();
  return (
    <section class="key" aria-labelledby="key-title" data-legend>
      <h2 id="key-title">{i18n.t('popup.key')}</h2>
      <ul class="kinds">
        {ENTITY_KINDS.map((k) => (
          <li key={k} data-kind={k}>
            <span class="sample" style={sampleStyle(k)}>
              {i18n.t(`kind.plural.${k}`)}
            </span>{' '}
            <span class="muted">{i18n.t(`card.keyStyle.${k}`)}</span>
          </li>
        ))}
      </ul>
      <p class="tints">
        <span class="muted">{i18n.t('popup.keyClaims')}</span>{' '}
        {VERDICTS.map((v) => (
          <span key={v} class="sample tint" data-verdict={v} style={HIGHLIGHT_STYLES[claimKey(v, dark)]}>
            <span aria-hidden="true">{SYMBOL[v]}</span> {i18n.t(`popup.verdict.${v}`)}
          </span>
        ))}
      </p>
      {family === 'band' && <p class="muted small">{i18n.t('popup.keyBand')}</p>}
    </section>
  );
}

export function PopupApp({ tab, onNavigate = () => window.close() }: { tab: ActiveTab; onNavigate?: () => void }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [hidden, setHidden] = useState(false);

  const load = async () => {
    const hostname = await tab.hostname();
    const data = await tab.annotations();
    if (!data) setState({ status: 'absent', hostname, failed: false });
    else {
      setHidden(data.hidden);
      setState({ status: 'ready', hostname, data, enabled: hostname ? await tab.isSiteEnabled(hostname) : true });
    }
  };
  /** After a grant, the background annotates the page: ask again until it answers (a few seconds at most). */
  const loadSoon = async () => {
    for (let i = 0; i < 20; i++) {
      const data = await tab.annotations();
      if (data) return load();
      await new Promise((r) => setTimeout(r, 150));
    }
  };
  useEffect(() => {
    void load();
  }, []);

  if (state.status === 'loading') return <main class="popup" aria-busy="true" />;

  if (state.status === 'absent')
    return (
      <main class="popup">
        <h1>{i18n.t('extName')}</h1>
        <p>{state.failed ? i18n.t('popup.cannotRun') : i18n.t('popup.unavailable')}</p>
        {!state.failed && (
          <button
            type="button"
            class="primary"
            onClick={async () => {
              const ok = await tab.annotateHere();
              if (ok) await load();
              else setState({ ...state, failed: true });
            }}
          >
            {i18n.t('popup.annotateHere')}
          </button>
        )}
        {!state.failed && state.hostname && <AlwaysHereSwitch tab={tab} hostname={state.hostname} onGranted={() => void loadSoon()} />}
        <div class="buttons">
          <WorkbenchButton tab={tab} onOpened={onNavigate} />
        </div>
        <AllSitesSwitch tab={tab} />
        <Key />
        <SettingsLinks tab={tab} />
        <p class="muted small">{i18n.t('popup.privacy')}</p>
      </main>
    );

  const { data, hostname, enabled } = state;
  const byKind = new Map<EntityKind, Map<string, number>>();
  for (const a of data.annotations) {
    const ids = byKind.get(a.kind) ?? new Map<string, number>();
    ids.set(a.id, (ids.get(a.id) ?? 0) + 1);
    byKind.set(a.kind, ids);
  }
  const status = !enabled ? 'off' : data.detected ? 'yes' : 'no';

  return (
    <main class="popup">
      <h1>{i18n.t('extName')}</h1>
      <p class={`status ${status}`} role="status">
        {status === 'off' ? i18n.t('popup.offHere', [hostname ?? '']) : status === 'yes' ? i18n.t('popup.recognised') : i18n.t('popup.notRecognised')}
      </p>
      {data.blocked && (
        <p class="status blocked" role="alert">
          {i18n.t('popup.blocked')}
        </p>
      )}
      <section class="controls" aria-label={i18n.t('popup.controls')}>
        {hostname && (
          <label class="switch">
            <input
              type="checkbox"
              checked={enabled}
              onChange={async (e) => {
                const on = (e.currentTarget as HTMLInputElement).checked;
                await tab.setSiteEnabled(hostname, on);
                await load();
              }}
            />
            <span class="host">{i18n.t('popup.siteOn', [hostname])}</span>
          </label>
        )}
        {enabled && <ModeChoice tab={tab} />}
        <div class="buttons">
          {enabled && data.annotations.length > 0 && (
            <button
              type="button"
              class="secondary"
              aria-pressed={hidden}
              onClick={async () => setHidden(await tab.toggleUnderlines())}
            >
              {hidden ? i18n.t('popup.showUnderlines') : i18n.t('popup.hideUnderlines')}
            </button>
          )}
          <WorkbenchButton tab={tab} onOpened={onNavigate} />
        </div>
        {hostname && <AlwaysHereSwitch tab={tab} hostname={hostname} onGranted={() => void loadSoon()} />}
        <AllSitesSwitch tab={tab} />
      </section>
      <Key />
      {enabled && <Claims data={data} tab={tab} onNavigate={onNavigate} />}
      {enabled && <Since data={data} />}
      {enabled && data.reasons.length > 0 && (
        <details class="list" data-list="why">
          <summary>{i18n.t('popup.why')}</summary>
          <p class="muted">{i18n.t('popup.score', [data.score.toFixed(2)])}</p>
          <ul class="reasons">
            {data.reasons.map((r) => (
              <li key={r.code}>{reasonText(r)}</li>
            ))}
          </ul>
        </details>
      )}
      {data.annotations.length > 0 && (
        <details class="list" data-list="found" aria-labelledby="found">
          <summary>
            <h2 id="found">
              {i18n.t('popup.entities')} <span class="muted">({i18n.t('popup.mentions', [String(data.annotations.length)])})</span>
            </h2>
          </summary>
          {KIND_ORDER.filter((k) => byKind.has(k)).map((kind) => (
            <section key={kind} class="kind">
              <h3>
                <span class="sample" style={sampleStyle(kind)}>
                  {i18n.t(`kind.plural.${kind}`)}
                </span>{' '}
                <span class="muted">{[...byKind.get(kind)!.values()].reduce((a, b) => a + b, 0)}</span>
              </h3>
              <ul class="entities">
                {[...byKind.get(kind)!].map(([id, count]) => (
                  <li key={id}>
                    <button
                      type="button"
                      class="link"
                      data-entity={id}
                      onClick={async () => {
                        await tab.reveal(id);
                        onNavigate();
                      }}
                    >
                      {entityById.get(id)?.name ?? id}
                    </button>
                    <span class="muted count">×{count}</span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </details>
      )}
      <p class="muted small">{i18n.t('popup.shortcut')}</p>
      <SettingsLinks tab={tab} />
      <p class="muted small">
        {i18n.t('popup.version', [data.version])} · {i18n.t('popup.privacy')}
      </p>
    </main>
  );
}
