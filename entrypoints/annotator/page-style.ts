/**
 * The highlight styles' fallback: the background inserts them with the browser's insertCSS (invisible to the
 * page's CSSOM). Should the browser refuse that, or take the sheet without drawing the highlights with it
 * (checked once: see stylesReachHighlights), a constructed stylesheet adopted by the document draws them — readable by the page, which is
 * why it is only the fallback, and only on a page recognised as coverage.
 */
import { entityKey, highlightCss, styleFamily } from '@/utils/highlight-styles';

export function adoptStyles(names: Record<string, string>): boolean {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(highlightCss(names));
    // Read by index: from a Firefox content script the page's list is not iterable (an Xray of an observable array).
    const list = document.adoptedStyleSheets;
    const sheets: CSSStyleSheet[] = [];
    for (let i = 0; i < (list?.length ?? 0); i++) sheets.push(list[i]!);
    document.adoptedStyleSheets = [...sheets, sheet];
    return true;
  } catch (e) {
    console.debug('[Medicaid Data Context] no highlight styles:', e);
    return false;
  }
}

/**
 * Do the inserted styles reach this page's highlights? A person's highlight, as computed, against a name no
 * rule styles. Asked once, after the browser has restyled the page for the new sheet (then it costs nothing).
 */
export function stylesReachHighlights(names: Record<string, string>, probe: Element = document.documentElement): boolean {
  const name = names[entityKey('person', styleFamily(), false)];
  if (!name) return true;
  const look = (n: string) => {
    const s = getComputedStyle(probe, `::highlight(${n})`);
    return `${s.color} ${s.backgroundColor} ${s.textDecorationLine}`;
  };
  try {
    return look(name) !== look(`h${Math.random().toString(36).slice(2, 10)}x`);
  } catch {
    return true; // a browser that cannot say: trust the insertion
  }
}
