/**
 * How the underlines and claim tints are drawn: the declarations for each highlight, by key. The page never
 * sees these as names. Each page the extension annotates gets its own random name per key (the annotator's
 * HighlightNames), and the background inserts this stylesheet for those names only once the page is recognised
 * as coverage, with the browser's insertCSS (no <style> element, nothing in document.styleSheets). So a page
 * that is not coverage, or a site the reader switched off, carries no style rule a page could probe, and no
 * page can predict a name to paint its own text with the extension's "agrees" tint.
 *
 * Kinds differ by line style as well as colour (readable without colour vision): people solid, agencies
 * dashed, laws double, states dotted, events wavy. Two palettes keep at least 3:1 contrast with the
 * background: dark lines for light pages (white, beige), light lines for dark ones (black, dark grey). A claim
 * gets a light tint over its clause and a solid marker, of the same two palettes, on the words it compared.
 * The "band" family is for Firefox before 153, which paints a highlight's colours but no underline: the words
 * take the kind's colour over a faint band.
 */
export const ENTITY_KINDS = ['person', 'agency', 'law', 'state', 'event'] as const;
export const VERDICTS = ['agrees', 'outdated', 'differs'] as const;
export type Family = 'line' | 'band';

/** Firefox paints text-decoration on ::highlight() from ESR 153 on (ESR 140 paints none: seen, not documented). */
export const FIRST_FIREFOX_WITH_DECORATIONS = 153;

/** Which family this browser paints with (the page and the popup's key alike). */
export function styleFamily(userAgent = navigator.userAgent): Family {
  const firefox = userAgent.includes('Firefox/') ? userAgent.match(/\bFirefox\/(\d+)/) : null;
  return firefox && Number(firefox[1]) < FIRST_FIREFOX_WITH_DECORATIONS ? 'band' : 'line';
}

/** The key of an entity's highlight: `person`, `person-on-dark`, `person-band`, `person-band-on-dark`. */
export const entityKey = (kind: string, family: Family, onDark: boolean) => `${kind}${family === 'band' ? '-band' : ''}${onDark ? '-on-dark' : ''}`;
/** The key of a claim's tint: `claim-agrees`, `claim-agrees-on-dark`. */
export const claimKey = (verdict: string, onDark: boolean) => `claim-${verdict}${onDark ? '-on-dark' : ''}`;
/** The key of the marker on the words a claim check compared: `claim-part-agrees`, `claim-part-agrees-on-dark`. */
export const claimPartKey = (verdict: string, onDark: boolean) => `claim-part-${verdict}${onDark ? '-on-dark' : ''}`;

const line = (style: string, width: string, color: string, offset = '3px') =>
  `text-decoration: underline ${style} ${width} ${color}; text-underline-offset: ${offset}; text-decoration-skip-ink: none;`;
const band = (color: string, background: string) => `color: ${color}; background-color: ${background};`;
/** A solid marker: its fill contrasts with the page, its text with the fill. */
const marker = (background: string, color: string) => `background-color: ${background}; color: ${color};`;

export const HIGHLIGHT_STYLES: Readonly<Record<string, string>> = {
  person: line('solid', '2px', '#7b2fa8'),
  agency: line('dashed', '2px', '#1d5fc9'),
  law: line('double', '3px', '#8a5200', '2px'),
  state: line('dotted', '3px', '#00756a'),
  event: line('wavy', '1.5px', '#b3261e'),
  'person-on-dark': line('solid', '2px', '#d9a6ff'),
  'agency-on-dark': line('dashed', '2px', '#8fb8ff'),
  'law-on-dark': line('double', '3px', '#ffc766', '2px'),
  'state-on-dark': line('dotted', '3px', '#5fe0cf'),
  'event-on-dark': line('wavy', '1.5px', '#ff9c8f'),
  'person-band': band('#7b2fa8', 'rgba(123, 47, 168, 0.1)'),
  'agency-band': band('#1d5fc9', 'rgba(29, 95, 201, 0.1)'),
  'law-band': band('#8a5200', 'rgba(176, 110, 0, 0.12)'),
  'state-band': band('#00756a', 'rgba(0, 140, 126, 0.1)'),
  'event-band': band('#b3261e', 'rgba(179, 38, 30, 0.1)'),
  'person-band-on-dark': band('#d9a6ff', 'rgba(217, 166, 255, 0.14)'),
  'agency-band-on-dark': band('#8fb8ff', 'rgba(143, 184, 255, 0.14)'),
  'law-band-on-dark': band('#ffc766', 'rgba(255, 199, 102, 0.14)'),
  'state-band-on-dark': band('#5fe0cf', 'rgba(95, 224, 207, 0.14)'),
  'event-band-on-dark': band('#ff9c8f', 'rgba(255, 156, 143, 0.14)'),
  // Claims the dataset judged: a light tint behind the clause, one per verdict (the card says it in words),
  // painted under the entity underlines.
  'claim-agrees': 'background-color: rgba(30, 130, 70, 0.13);',
  'claim-outdated': 'background-color: rgba(200, 140, 0, 0.2);',
  'claim-differs': 'background-color: rgba(200, 40, 30, 0.15);',
  'claim-agrees-on-dark': 'background-color: rgba(110, 220, 150, 0.22);',
  'claim-outdated-on-dark': 'background-color: rgba(255, 200, 80, 0.25);',
  'claim-differs-on-dark': 'background-color: rgba(255, 130, 120, 0.25);',
  // ...and a solid marker on the words the check compared (the month, the count, the name), at least 4.8:1 against
  // white, beige and light-grey pages (dark fills, white text) and black and dark-grey ones (light fills, near-black
  // text): a light tint alone can vanish on a page of nearly its colour. Painted above the underlines, so its
  // text colour wins where a name is the compared part.
  'claim-part-agrees': marker('#1b6b3a', '#ffffff'),
  'claim-part-outdated': marker('#8a4b00', '#ffffff'),
  'claim-part-differs': marker('#a4161a', '#ffffff'),
  'claim-part-agrees-on-dark': marker('#8fe0a8', '#111111'),
  'claim-part-outdated-on-dark': marker('#ffcf70', '#111111'),
  'claim-part-differs-on-dark': marker('#ffa39a', '#111111'),
};

/** A highlight name the stylesheet may carry: what HighlightNames makes, nothing a message could smuggle CSS in. */
export const HIGHLIGHT_NAME = /^h[a-z0-9]{7,15}$/;

/** The stylesheet for a page's names (key → name); keys without a style and names of another shape are left out. */
export function highlightCss(names: Readonly<Record<string, string>>): string {
  const rules: string[] = [];
  const forced: string[] = [];
  const forcedMarkers: string[] = [];
  for (const [key, name] of Object.entries(names)) {
    const style = HIGHLIGHT_STYLES[key];
    if (!style || !HIGHLIGHT_NAME.test(name)) continue;
    rules.push(`::highlight(${name}) { ${style} }`);
    if (key.startsWith('claim-part-')) forcedMarkers.push(`::highlight(${name})`);
    else if (!key.startsWith('claim-') && !key.includes('-band')) forced.push(`::highlight(${name})`);
  }
  // Forced-colours modes: underlines in the system's link colour, markers in its highlight colours.
  if (forced.length) rules.push(`@media (forced-colors: active) { ${forced.join(', ')} { text-decoration-color: LinkText; } }`);
  if (forcedMarkers.length) rules.push(`@media (forced-colors: active) { ${forcedMarkers.join(', ')} { background-color: Highlight; color: HighlightText; } }`);
  return rules.join('\n');
}
