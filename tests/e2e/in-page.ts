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
