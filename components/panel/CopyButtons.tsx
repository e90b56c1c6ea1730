/**
 * Copy a citation of an entity, a claim or the whole page's notes, as plain text or Markdown. The words
 * come from engine/export's citation(), so what is pasted matches the exports. Without a page (a search
 * result on a tab the extension does not run on) an entity still gets the card's plain-text citation.
 */
import { useState } from 'preact/hooks';
import { entityById, dataset } from '../../data';
import type { CitationTarget } from '../../engine/export';
import { formatCitation } from '../format';
import { useEnv } from './context';
import { cite } from './exports';

type Format = 'text' | 'markdown';

export function CopyButtons({ target, label }: { target: CitationTarget; label?: string }) {
  const env = useEnv();
  const { t, ctx } = env;
  const [done, setDone] = useState<Format | null>(null);
  const entity = typeof target === 'object' && 'entity' in target ? entityById.get(target.entity) : undefined;
  const textOf = (format: Format): string | null => {
    if (ctx) return cite(ctx, target, format);
    if (entity && format === 'text') return formatCitation(entity, dataset.meta.version, env.lang, t);
    return null;
  };
  const copy = async (format: Format) => {
    const text = textOf(format);
    if (text === null) return;
    const ok = await env.copy(text);
    setDone(ok ? format : null);
    env.announce(t(ok ? 'panel.copied' : 'panel.copyFailed'));
  };
  const formats: Format[] = ctx ? ['text', 'markdown'] : entity ? ['text'] : [];
  if (!formats.length) return null;
  const page = target === 'page';
  return (
    <span class="copy" role="group" aria-label={label}>
      {formats.map((f) => (
        <button key={f} type="button" class="small-button" data-copy={f} onClick={() => void copy(f)}>
          {done === f
            ? t('panel.copied')
            : t(f === 'text' ? (page ? 'panel.copyPage' : 'panel.copyText') : page ? 'panel.copyPageMarkdown' : 'panel.copyMarkdown')}
        </button>
      ))}
    </span>
  );
}
