/**
 * What every part of the workbench shares: the words, the dates it judges by, the export context of the
 * page, and the actions that reach outside the panel (the article tab, the clipboard, a saved file). The
 * panel talks to the article only through ArticleLink, so it can be tested without a browser.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Lang } from '../../data/schema';
import type { ExportContext } from '../../engine/export';
import type { PageSnapshot } from '../../engine/types';
import type { AnnotationsResponse } from '../../utils/messages';
import type { Translate } from '../translate';

/** The article tab the panel follows. Every call resolves to null or false when no content script answers. */
export interface ArticleLink {
  annotations(): Promise<AnnotationsResponse | null>;
  snapshot(): Promise<PageSnapshot | null>;
  /** Scroll the article to a mention (reading-order index) or a claim (index in the snapshot) and open its card. */
  show(target: { mention: number } | { claim: number }): Promise<boolean>;
  /** Start presentation mode in the article: its key names (the default), or every name. */
  present(names?: 'key' | 'all'): Promise<boolean>;
  /** Called when the followed tab changes or finishes loading; returns the unsubscribe. */
  onChange(listener: (why: 'switched' | 'loaded' | 'changed' | 'closed') => void): () => void;
}

export interface PanelEnv {
  t: Translate;
  lang: Lang;
  /** The article's publication date, if the page says. */
  published: string | null;
  today: string;
  /** For citations and exports; null until the page's snapshot arrived (or when there is no page). */
  ctx: ExportContext | null;
  /** Mention counts and first-mention index of the entities the page names. */
  onPage: ReadonlyMap<string, { count: number; first: number }>;
  show(target: { mention: number } | { claim: number }): void;
  copy(text: string): Promise<boolean>;
  save(name: string, type: string, content: string): void;
  /** Say something to screen readers (and show it) in the panel's status line. */
  announce(text: string): void;
}

export const Env = createContext<PanelEnv | null>(null);

export function useEnv(): PanelEnv {
  const env = useContext(Env);
  if (!env) throw new Error('workbench components need the panel environment');
  return env;
}
