/**
 * The workbench, for fact-checkers and teachers: everything the extension found in the article at once —
 * what the page was recognised as and why, the claims with their verdicts, the entities by kind, a search
 * over the whole dataset, the story's timeline with the article's date marked, presentation mode, exports
 * and citations. It follows the article tab through an ArticleLink and reads the dataset directly (an
 * extension page has it bundled), so it can be tested without a browser.
 */
import { i18n } from '#i18n';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { claims as claimRecords, dataset, entityById } from '../data';
import type { Claim } from '../data/claim-schema';
import type { Event, Lang } from '../data/schema';
import { eventsSince } from '../engine/since';
import type { PageSnapshot, Reason } from '../engine/types';
import type { AnnotationsResponse } from '../utils/messages';
import { formatDate, underscore } from './format';
import { ClaimList } from './panel/ClaimList';
import { Env, type ArticleLink, type PanelEnv } from './panel/context';
import { DatasetSearch } from './panel/DatasetSearch';
import { EntityList } from './panel/EntityList';
import { ExportBar } from './panel/ExportBar';
import { copyText, exportContext, saveFile } from './panel/exports';
import { KIND_ORDER, VERDICT_ORDER, claimRows, filterKinds, filterVerdict, groupByKind, type KindFilter, type VerdictFilter } from './panel/model';
import { StoryTimeline } from './StoryTimeline';
import { TextCheck, type TextChecker } from './panel/TextCheck';
import type { Translate } from './translate';

export type { ArticleLink } from './panel/context';

const CLAIMS: ReadonlyMap<string, Claim> = new Map(claimRecords.map((c) => [c.id, c]));
const EVENTS = dataset.entities.filter((e): e is Event => e.kind === 'event');

/** UI words through the browser's i18n, in the shape shared components and exports take. */
const uiT: Translate = (key, subs) => (i18n.t as unknown as (k: string, s?: string[]) => string)(key, subs?.map(String));

type State =
  | { status: 'loading' }
  | { status: 'absent' }
  | { status: 'closed' }
  | { status: 'ready'; annotations: AnnotationsResponse; snapshot: PageSnapshot | null };

export interface SidePanelProps {
  link: ArticleLink;
  /** The language of dataset text (the browser's: the panel is the reader's tool, whatever the article's language). */
  lang: Lang;
  today: string;
  copy?: (text: string) => Promise<boolean>;
  save?: (name: string, type: string, content: string) => void;
  /** Checks text from anywhere (the box, and the "Check this text" menu item); absent in tests that need none. */
  checker?: TextChecker;
}

function Recognition({ data, t }: { data: AnnotationsResponse; t: Translate }) {
  if (!data.enabled) return <p class="status off">{t('panel.off')}</p>;
  return (
    <>
      <p class={`status ${data.detected ? 'yes' : 'no'}`}>{t(data.detected ? 'popup.recognised' : 'popup.notRecognised')}</p>
      {data.reasons.length > 0 && (
        <details class="why" open={data.detected}>
          <summary>{t('popup.why')}</summary>
          <p class="muted">{t('popup.score', [data.score.toFixed(2)])}</p>
          <ul>
            {data.reasons.map((r: Reason) => (
              <li key={r.code}>{t(`reason.${underscore(r.code)}`, [r.count])}</li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

interface FilterProps {
  kind: KindFilter;
  verdict: VerdictFilter;
  /** The verdicts worth offering ("no verdict" only when some claim has none). */
  verdicts: readonly Exclude<VerdictFilter, 'all'>[];
  setKind: (k: KindFilter) => void;
  setVerdict: (v: VerdictFilter) => void;
  t: Translate;
}

function Filters({ kind, verdict, verdicts, setKind, setVerdict, t }: FilterProps) {
  return (
    <fieldset class="filters">
      <legend>{t('panel.filters')}</legend>
      <label>
        {t('panel.filterVerdict')}
        <select name="verdict" value={verdict} onChange={(e) => setVerdict((e.currentTarget as HTMLSelectElement).value as VerdictFilter)}>
          <option value="all">{t('panel.all')}</option>
          {verdicts.map((v) => (
            <option key={v} value={v}>
              {t(`panel.verdict.${v}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('panel.filterKind')}
        <select name="kind" value={kind} onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as KindFilter)}>
          <option value="all">{t('panel.all')}</option>
          {KIND_ORDER.map((k) => (
            <option key={k} value={k}>
              {t(`kind.plural.${k}`)}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}

function Timeline({ published, lang, today, t }: { published: string | null; lang: Lang; today: string; t: Translate }) {
  const since = published ? eventsSince(EVENTS, published, today) : [];
  return (
    <>
      {published ? (
        <p class="muted">{since.length ? t('panel.sinceCount', [since.length]) : t('timeline.nothingSince')}</p>
      ) : (
        <p class="muted">{t('timeline.unknownDate')}</p>
      )}
      <StoryTimeline events={EVENTS} published={published} lang={lang} t={t} summaries />
    </>
  );
}

export function SidePanelApp({ link, lang, today, copy = copyText, save = saveFile, checker }: SidePanelProps) {
  const t = uiT;
  const [state, setState] = useState<State>({ status: 'loading' });
  const [busy, setBusy] = useState(false);
  const [kind, setKind] = useState<KindFilter>('all');
  const [verdict, setVerdict] = useState<VerdictFilter>('all');
  const [message, setMessage] = useState('');
  const [presenting, setPresenting] = useState(false);
  const [names, setNames] = useState<'key' | 'all'>('key');
  const loads = useRef(0);

  const load = async () => {
    const run = ++loads.current;
    setBusy(true);
    const annotations = await link.annotations();
    if (run !== loads.current) return;
    if (!annotations) {
      setState({ status: 'absent' });
      setBusy(false);
      return;
    }
    setState({ status: 'ready', annotations, snapshot: null });
    const snapshot = annotations.enabled ? await link.snapshot() : null;
    if (run !== loads.current) return;
    setState({ status: 'ready', annotations, snapshot });
    setBusy(false);
  };

  useEffect(() => {
    void load();
    return link.onChange((why) => {
      if (why === 'closed') {
        loads.current++;
        setState({ status: 'closed' });
        return;
      }
      // A page that changed under the panel (a live blog, a single-page app) keeps its presentation going.
      if (why !== 'changed') setPresenting(false);
      void load();
    });
  }, [link]);

  const snapshot = state.status === 'ready' ? state.snapshot : null;
  const annotations = state.status === 'ready' ? state.annotations : null;
  const published = snapshot?.published ?? annotations?.published ?? null;
  const ctx = useMemo(
    () => (snapshot ? exportContext(snapshot, { entities: entityById, claims: CLAIMS, events: EVENTS }, lang, t) : null),
    [snapshot, lang],
  );
  const onPage = useMemo(() => {
    const seen = new Map<string, { count: number; first: number }>();
    annotations?.annotations.forEach((a, i) => {
      const s = seen.get(a.id);
      if (s) s.count++;
      else seen.set(a.id, { count: 1, first: i });
    });
    return seen;
  }, [annotations]);

  const env: PanelEnv = {
    t,
    lang,
    published,
    today,
    ctx,
    onPage,
    show: (target) => void link.show(target),
    copy,
    save,
    announce: setMessage,
  };

  const groups = annotations ? groupByKind(annotations.annotations, entityById) : [];
  const rows = snapshot ? claimRows(snapshot, CLAIMS, annotations?.claims ?? []) : [];
  const hasPage = state.status === 'ready' && state.annotations.enabled;

  return (
    <Env.Provider value={env}>
      <main class="panel" aria-busy={busy}>
        <header>
          <h1>
            {t('extName')} <span class="muted">· {t('panel.title')}</span>
          </h1>
          {state.status === 'loading' && <p class="muted">{t('panel.loading')}</p>}
          {state.status === 'absent' && <p class="status no">{t('panel.noPage')}</p>}
          {state.status === 'closed' && <p class="status no">{t('panel.tabClosed')}</p>}
          {snapshot && (
            <p class="article">
              <cite>{snapshot.title}</cite>
              <span class="muted"> · {published
                  ? t('panel.published', [formatDate(published, lang)])
                  : annotations?.publishedIgnored
                    ? t('panel.publishedIgnored', [formatDate(annotations.publishedIgnored, lang)])
                    : t('panel.publishedUnknown')}</span>
            </p>
          )}
          {annotations && <Recognition data={annotations} t={t} />}
          <div class="button-row">
            {hasPage && groups.length > 0 && (
              <button
                type="button"
                class="button primary"
                data-action="present"
                aria-describedby="present-hint"
                onClick={async () => {
                  const ok = await link.present(names);
                  setPresenting(ok);
                  setMessage(ok ? t('panel.presentHint') : t('panel.presentFailed'));
                }}
              >
                {t('present.start')}
              </button>
            )}
            {hasPage && groups.length > 0 && (
              <label class="inline-select">
                {t('panel.presentNames')}{' '}
                <select name="present-names" value={names} onChange={(e) => setNames((e.currentTarget as HTMLSelectElement).value === 'all' ? 'all' : 'key')}>
                  <option value="key">{t('panel.presentKey')}</option>
                  <option value="all">{t('panel.presentAll')}</option>
                </select>
              </label>
            )}
            {state.status !== 'closed' && (
              <button type="button" class="button" data-action="refresh" onClick={() => void load()}>
                {t('panel.refresh')}
              </button>
            )}
          </div>
          {hasPage && groups.length > 0 && (
            <p id="present-hint" class={`muted small${presenting ? ' emphasis' : ''}`}>
              {t('panel.presentHint')}
            </p>
          )}
          <p class="message" role="status" aria-live="polite">
            {message}
          </p>
          <nav aria-label={t('panel.sections')}>
            <ul>
              {hasPage && (
                <>
                  <li>
                    <a href="#claims">{t('panel.claims')}</a>
                  </li>
                  <li>
                    <a href="#entities">{t('panel.entities')}</a>
                  </li>
                </>
              )}
              {checker && (
                <li>
                  <a href="#check">{t('check.title')}</a>
                </li>
              )}
              <li>
                <a href="#search">{t('panel.search')}</a>
              </li>
              <li>
                <a href="#timeline">{t('panel.timeline')}</a>
              </li>
              {ctx && (
                <li>
                  <a href="#export">{t('panel.export')}</a>
                </li>
              )}
            </ul>
          </nav>
        </header>

        {hasPage && (
          <>
            <Filters kind={kind} verdict={verdict} verdicts={VERDICT_ORDER.filter((v) => v !== 'none' || rows.some((r) => r.check.verdict === null))} setKind={setKind} setVerdict={setVerdict} t={t} />
            <p class="muted small">{t('panel.hint')}</p>
            <section id="claims" aria-labelledby="claims-title" tabIndex={-1}>
              <h2 id="claims-title">
                {t('panel.claims')} <span class="muted">({rows.length})</span>
              </h2>
              {snapshot ? <ClaimList rows={filterVerdict(rows, verdict)} total={rows.length} /> : <p class="muted">{t('panel.loading')}</p>}
            </section>
            <section id="entities" aria-labelledby="entities-title" tabIndex={-1}>
              <h2 id="entities-title">
                {t('panel.entities')} <span class="muted">({t('panel.mentionCount', [annotations!.annotations.length])})</span>
              </h2>
              <EntityList groups={filterKinds(groups, kind)} total={groups.length} />
            </section>
          </>
        )}

        {checker && <TextCheck checker={checker} today={today} />}

        <section id="search" aria-labelledby="search-title" tabIndex={-1}>
          <h2 id="search-title">{t('panel.search')}</h2>
          <DatasetSearch />
        </section>

        <section id="timeline" aria-labelledby="timeline-title" tabIndex={-1}>
          <h2 id="timeline-title">{t('timeline.title')}</h2>
          <Timeline published={published} lang={lang} today={today} t={t} />
        </section>

        {ctx && (
          <section id="export" aria-labelledby="export-title" tabIndex={-1}>
            <h2 id="export-title">{t('panel.export')}</h2>
            <ExportBar />
          </section>
        )}
        <footer class="muted small">
          {t('popup.version', [annotations?.version ?? dataset.meta.version])} · {t('popup.privacy')}
        </footer>
      </main>
    </Env.Provider>
  );
}
