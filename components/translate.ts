/**
 * UI strings for a chosen language. The toolbar popup and the side panel follow the browser's language
 * (WXT i18n); a card follows the page it explains — a Spanish article gets a Spanish card even in an English
 * browser — so its strings come from the same locale files (locales/*.json), picked by language.
 */
import type { Lang } from '../data/schema';

type Tree = { [key: string]: string | Tree };
export type Translate = (key: string, subs?: (string | number)[]) => string;

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (!node || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** A translator over message trees, first match wins (the language, then English). */
export function translator(...trees: Tree[]): Translate {
  return (key, subs = []) => {
    for (const tree of trees) {
      const text = lookup(tree, key);
      if (text !== undefined) return text.replace(/\$(\d)/g, (_, n) => String(subs[Number(n) - 1] ?? ''));
    }
    return key;
  };
}

/** The reader's language for a page: the page's own, else the browser's; Spanish or English. */
export function pageLanguage(pageLang: string | null | undefined, browserLang: string | null | undefined): Lang {
  const pick = (l: string | null | undefined) => (l ? (l.toLowerCase().startsWith('es') ? 'es' : l.toLowerCase().startsWith('en') ? 'en' : null) : null);
  return pick(pageLang) ?? pick(browserLang) ?? 'en';
}
