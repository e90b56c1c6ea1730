/** The tag name of the extension's one element in a page (its card host): the annotator skips it when reading. */
export const HOST_TAG = 'medicaid-data-context';
