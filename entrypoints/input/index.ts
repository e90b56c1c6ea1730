/**
 * The first of the extension's scripts in a news page, registered at document_start, before any script of the
 * page's own: it installs the input hub (entrypoints/annotator/input-hub.ts), whose listeners on window then come
 * before anything the page adds, so no page can swallow the reader's input before the extension hears it. It
 * does nothing else; the gate follows at document_idle, in a task of its own, and finds the hub in the isolated
 * world's global scope.
 */
import { inputHub } from '../annotator/input-hub';

export default defineUnlistedScript({
  globalName: false,
  main() {
    inputHub();
  },
});
