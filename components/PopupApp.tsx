/**
 * The toolbar popup: was this page recognised and why, what was found (click to go to it), and the
 * per-site switch. It talks to the page only through the ActiveTab interface, so it can be tested alone.
 */
import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import type { EntityKind, Reason } from '../engine/types';
import type { AnnotationsResponse } from '../utils/messages';
import { entityById } from '../data';
import { underscore } from './format';

export interface ActiveTab {
  hostname(): Promise<string | null>;
  annotations(): Promise<AnnotationsResponse | null>;
  reveal(id: string): Promise<void>;
  /** Inject the content script into this tab (activeTab). False when the browser refuses. */
  annotateHere(): Promise<boolean>;
  isSiteEnabled(hostname: string): Promise<boolean>;
  setSiteEnabled(hostname: string, enabled: boolean): Promise<void>;
  /** The opt-in to annotate coverage on every site (optional host permission). */
  allSites(): Promise<boolean>;
  /** Must be called straight from the click: the browser asks for the permission. Resolves to the new state. */
  setAllSites(on: boolean): Promise<boolean>;
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

const KIND_ORDER: EntityKind[] = ['person', 'agency', 'law', 'state', 'event'];

type State =
  | { status: 'loading' }
  | { status: 'absent'; hostname: string | null; failed: boolean }
  | { status: 'ready'; hostname: string | null; data: AnnotationsResponse; enabled: boolean };

function reasonText(r: Reason): string {
  return i18n.t(`reason.${underscore(r.code)}`, [String(r.count)]);
}

export function PopupApp({ tab, onNavigate = () => window.close() }: { tab: ActiveTab; onNavigate?: () => void }) {
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = async () => {
    const hostname = await tab.hostname();
    const data = await tab.annotations();
    if (!data) setState({ status: 'absent', hostname, failed: false });
    else setState({ status: 'ready', hostname, data, enabled: hostname ? await tab.isSiteEnabled(hostname) : true });
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
        <AllSitesSwitch tab={tab} />
        <p class="muted">{i18n.t('popup.privacy')}</p>
      </main>
    );

  const { data, hostname, enabled } = state;
  const byKind = new Map<EntityKind, Map<string, number>>();
  for (const a of data.annotations) {
    const ids = byKind.get(a.kind) ?? new Map<string, number>();
    ids.set(a.id, (ids.get(a.id) ?? 0) + 1);
    byKind.set(a.kind, ids);
  }

  return (
    <main class="popup">
      <h1>{i18n.t('extName')}</h1>
      <p class={`status ${data.detected ? 'yes' : 'no'}`} role="status">
        {data.detected ? i18n.t('popup.recognised') : i18n.t('popup.notRecognised')}
      </p>
      {data.reasons.length > 0 && (
        <details open={data.detected}>
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
        <section aria-labelledby="found">
          <h2 id="found">
            {i18n.t('popup.entities')} <span class="muted">({i18n.t('popup.mentions', [String(data.annotations.length)])})</span>
          </h2>
          {KIND_ORDER.filter((k) => byKind.has(k)).map((kind) => (
            <section key={kind} class="kind">
              <h3>
                <span class={`swatch swatch-${kind}`} aria-hidden="true" />
                {i18n.t(`kind.plural.${kind}`)} <span class="muted">{[...byKind.get(kind)!.values()].reduce((a, b) => a + b, 0)}</span>
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
                    </button>{' '}
                    <span class="muted">×{count}</span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </section>
      )}
      {!enabled && hostname && <p class="muted">{i18n.t('popup.siteOff', [hostname])}</p>}
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
          {i18n.t('popup.siteOn', [hostname])}
        </label>
      )}
      <AllSitesSwitch tab={tab} />
      <p class="muted small">{i18n.t('popup.shortcut')}</p>
      <p class="muted small">
        {i18n.t('popup.version', [data.version])} · {i18n.t('popup.privacy')}
      </p>
    </main>
  );
}
