/**
 * The extension's own elements in a page (the card host), marked with a property of the extension's isolated
 * world: every instance of the annotator can tell them apart (and skip them when reading the page), while the
 * page sees a plain <div> with no name, class or attribute of ours to probe for or to style.
 */
export const OWN_UI = Symbol.for('medicaid-data-context:own-ui');

export const markOwn = (el: Element): void => {
  (el as unknown as Record<symbol, boolean>)[OWN_UI] = true;
};

export const isOwnElement = (node: Node): boolean => (node as unknown as Record<symbol, unknown>)[OWN_UI] === true;
