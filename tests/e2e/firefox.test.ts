/** The built Firefox (MV2) extension in real Firefox ESR (FIREFOX selects the binary): see suites.ts. */
import { readerSuites } from './suites';
import { reachSuite } from './reach';

readerSuites('firefox');
reachSuite('firefox');
