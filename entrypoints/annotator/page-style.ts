/**
 * The highlight styles' fallback: the background inserts them with the browser's insertCSS (invisible to the
 * page's CSSOM). Should the browser refuse that, a constructed stylesheet adopted by the document draws them —
 * readable by the page, which is why it is only the fallback, and only on a page recognised as coverage.
 */
import { highlightCss } from '@/utils/highlight-styles';

export function adoptStyles(names: Record<string, string>): boolean {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(highlightCss(names));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return true;
  } catch (e) {
    console.debug('[Medicaid Data Context] no highlight styles:', e);
    return false;
  }
}
