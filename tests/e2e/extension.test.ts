/** The built extension in real Chromium (CHROMIUM selects the binary): see suites.ts. */
import { readerSuites } from './suites';
import { reachSuite } from './reach';

readerSuites('chromium');
reachSuite('chromium');
