/**
 * The background does no work of its own: the content script annotates, the popup asks it. It exists so
 * the extension has a service worker (MV3) / event page (Firefox) for browser events and tests.
 */
export default defineBackground(() => {});
