/**
 * Functions that run inside the page under test (passed to Playwright's or Puppeteer's evaluate), shared
 * by the Chromium and Firefox suites so both check exactly the same things.
 */

/** Install before any page script: record every DOM mutation after parsing, in the page's own world. */
export const recordMutations = () => {
  const w = window as unknown as { __mutations: string[] };
  w.__mutations = [];
  document.addEventListener('DOMContentLoaded', () => {
    new MutationObserver((records) => {
      for (const r of records) {
        const describe = (n: Node) => (n.nodeType === 1 ? (n as Element).tagName : `#${n.nodeName}`);
        w.__mutations.push(
          `${r.type} on ${describe(r.target)}${r.attributeName ? `[${r.attributeName}]` : ''}` +
            [...r.addedNodes].map((n) => ` +${describe(n)}`).join('') +
            [...r.removedNodes].map((n) => ` -${describe(n)}`).join(''),
        );
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
};

export const recordedMutations = () => (window as unknown as { __mutations: string[] }).__mutations;

/** The extension may add its one host element (and set attributes on it); anything else is a change to the page. */
export const HOST_ADDED = 'childList on BODY +MEDICAID-DATA-CONTEXT';
export const foreignMutations = (mutations: string[]) =>
  mutations.filter((m) => m !== HOST_ADDED && !m.startsWith('attributes on MEDICAID-DATA-CONTEXT'));

/** Scroll the first occurrence of `needle` in the article into view; return the centre of its box. */
export const centreOfText = (needle: string) => {
  const walker = document.createTreeWalker(document.querySelector('article') ?? document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const i = (n as Text).data.indexOf(needle);
    if (i === -1) continue;
    const range = document.createRange();
    range.setStart(n, i);
    range.setEnd(n, i + needle.length);
    range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
    const r = range.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }
  throw new Error(`"${needle}" is not on the page`);
};
