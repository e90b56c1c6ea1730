/** Functions that run inside a page (passed to Playwright's or Puppeteer's evaluate): demo and tests share them. */

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
