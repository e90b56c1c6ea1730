/** Presentation helpers shared by the card, the popup and exports. No facts live here. */
import type { Entity, Lang, Source } from '../data/schema';
import type { Translate } from './translate';

/** Reader-facing dataset text in the reader's language; English where a translation is missing. */
export const localize = (text: { en: string; es?: string }, lang: Lang = 'en'): string => (lang === 'es' && text.es) || text.en;

/** "2025-06-13" → "Jun 13, 2025" in the reader's language; "2025-07" → "Jul 2025". */
export function formatDate(iso: string, locale?: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d ?? 1));
  return new Intl.DateTimeFormat(locale, d ? { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' } : { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);
}

export function formatSource(s: Source): string {
  return `${s.title}. ${s.publisher}${s.date ? `, ${s.date}` : ''}. ${s.url}`;
}

/** Whole months from one ISO date to another (month-precision dates count from the first). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd = 1] = from.split('-').map(Number);
  const [ty, tm, td = 1] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/** A citation a fact-checker can paste: what the card says, how fresh it is, and where it comes from. */
export function formatCitation(e: Entity, version: string, lang: Lang, t: Translate): string {
  const dates = [t('cite.asOf', [e.asOf]), e.verified ? t('cite.checked', [e.verified]) : ''].filter(Boolean).join(' ');
  const lines = [
    `${lang === 'es' && e.nameEs ? e.nameEs : e.name} — ${localize(e.summary, lang)}`,
    `${dates} ${t('cite.record', [version, e.id])}`,
    ...e.sources.map((s) => t('cite.source', [formatSource(s)])),
  ];
  return lines.join('\n');
}
/** Message keys may only hold [A-Za-z0-9_]; data codes use hyphens ("joined-later"). */
export const underscore = <T extends string>(code: T) => code.replace(/-/g, '_') as T extends `${infer A}-${infer B}` ? `${A}_${B}` : T;
