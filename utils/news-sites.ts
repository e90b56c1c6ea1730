/**
 * Where the content script runs without any action from the reader: news outlets where coverage of the story
 * ran, each with why it is on the list. Everywhere else it runs only when the reader asks (the toolbar
 * button, "Always annotate on this site", or the opt-in for every site).
 *
 * Grounded in docs/coverage/hosts.md (where 181 real reports on the story were found, November–December
 * 2026): `reports` are that research's row numbers in docs/coverage/reports.md. Only outlets that published
 * or licensed the story are listed — never the spun, mirrored, machine-translated or AI-rewritten copies
 * (hosts.md sections 3 and 4), which stay reachable through the toolbar button and the opt-ins. No Yahoo or MSN
 * page on the story was found, so portals are not listed.
 *
 * Keep it short: every host here is a permission the browser shows at install (README, "Privacy and
 * permissions"), and adding one to a released version makes Chrome disable the extension until the reader
 * accepts the new host. `checkNewsSites` (run by the build and the unit tests) holds the rules.
 */

export interface NewsSite {
  /** The outlet's registrable host: the list covers it and every subdomain (www., noticias., …). */
  host: string;
  outlet: string;
  lang: 'en' | 'es';
  /** Why it is on the list, in a sentence a reader could check. */
  why: string;
  /** Rows of docs/coverage/reports.md that show it carried the story (absent for the first list's outlets not read there). */
  reports?: string[];
}

const FIRST_LIST = 'On the first list (before the coverage research): a major outlet for national health and immigration news.';

export const NEWS_SITES: readonly NewsSite[] = [
  // ——— The first list. Where the research found the outlet's own reporting on the story (read through the copies
  // others made of it), it says so; the others were not read there (paywalls, or not in the corpus searched).
  { host: 'apnews.com', outlet: 'The Associated Press', lang: 'en', why: 'Broke the story (June 13, 2025) and carried its follow-ups; its copy ran on member papers, stations and dozens of copies read.', reports: ['R4', 'R20', 'R24', 'R82'] },
  { host: 'nytimes.com', outlet: 'The New York Times', lang: 'en', why: FIRST_LIST },
  { host: 'washingtonpost.com', outlet: 'The Washington Post', lang: 'en', why: 'Its report on the story was summarised by others (NCJA).', reports: ['R176'] },
  { host: 'npr.org', outlet: 'NPR', lang: 'en', why: 'Its stories on the transfer ran on member stations (KYUK, WBHM, Ideastream).', reports: ['R47', 'R72', 'R74'] },
  { host: 'reuters.com', outlet: 'Reuters', lang: 'en', why: 'Its reports on the story were rewritten by others.', reports: ['R102', 'R118'] },
  { host: 'politico.com', outlet: 'Politico', lang: 'en', why: 'Reported the story (Tyler Katzenberger); quoted and rewritten by others.', reports: ['R41', 'R45', 'R79', 'R99'] },
  { host: 'axios.com', outlet: 'Axios', lang: 'en', why: FIRST_LIST },
  { host: 'thehill.com', outlet: 'The Hill', lang: 'en', why: 'Reported the story (Nathaniel Weixel); copied by others.', reports: ['R7', 'R15'] },
  { host: 'kffhealthnews.org', outlet: 'KFF Health News', lang: 'en', why: 'Reported the story in English and Spanish; republished under licence and copied.', reports: ['R48', 'R50', 'R124', 'R125'] },
  { host: 'statnews.com', outlet: 'STAT', lang: 'en', why: FIRST_LIST },
  { host: 'propublica.org', outlet: 'ProPublica', lang: 'en', why: FIRST_LIST },
  { host: 'wired.com', outlet: 'WIRED', lang: 'en', why: 'Its report on the data ICE could use was copied on at least five hosts; the dataset cites it.', reports: ['R88', 'R89', 'R90', 'R91', 'R93'] },
  { host: 'cnn.com', outlet: 'CNN', lang: 'en', why: FIRST_LIST },
  { host: 'nbcnews.com', outlet: 'NBC News', lang: 'en', why: 'Its report on the story was copied by others.', reports: ['R32'] },
  { host: 'cbsnews.com', outlet: 'CBS News', lang: 'en', why: 'Reported the story; the dataset cites it.', reports: ['R158'] },
  { host: 'abcnews.go.com', outlet: 'ABC News', lang: 'en', why: FIRST_LIST },
  { host: 'pbs.org', outlet: 'PBS', lang: 'en', why: FIRST_LIST },
  { host: 'usatoday.com', outlet: 'USA TODAY', lang: 'en', why: 'Its report on the story was copied by others.', reports: ['R42'] },
  { host: 'latimes.com', outlet: 'Los Angeles Times', lang: 'en', why: FIRST_LIST },
  { host: 'calmatters.org', outlet: 'CalMatters', lang: 'en', why: FIRST_LIST },
  { host: 'chicagotribune.com', outlet: 'Chicago Tribune', lang: 'en', why: 'Reported the Illinois side of the story; rewritten by others.', reports: ['R167'] },
  { host: 'seattletimes.com', outlet: 'The Seattle Times', lang: 'en', why: FIRST_LIST },
  { host: 'theguardian.com', outlet: 'The Guardian', lang: 'en', why: 'Its report on the story was copied and aggregated.', reports: ['R101', 'R127'] },
  { host: 'bbc.com', outlet: 'BBC', lang: 'en', why: FIRST_LIST },
  { host: 'foxnews.com', outlet: 'Fox News (and noticias.foxnews.com)', lang: 'en', why: 'Reported the story in English and Spanish; the most copied and machine-translated of the outlets read.', reports: ['R46', 'R53', 'R54', 'R56', 'R111'] },
  { host: 'newsweek.com', outlet: 'Newsweek', lang: 'en', why: FIRST_LIST },
  { host: 'bloomberg.com', outlet: 'Bloomberg', lang: 'en', why: FIRST_LIST },
  { host: 'wsj.com', outlet: 'The Wall Street Journal', lang: 'en', why: FIRST_LIST },
  { host: 'univision.com', outlet: 'Univision', lang: 'es', why: 'Spanish-language network; its coverage was seen through copies.', reports: ['R114'] },
  { host: 'telemundo.com', outlet: 'Telemundo', lang: 'es', why: 'Spanish-language network; reported the December order, cited by El Imparcial.', reports: ['R155'] },
  { host: 'laopinion.com', outlet: 'La Opinión', lang: 'es', why: 'Los Angeles Spanish-language daily; covered the story.', reports: ['R68'] },
  { host: 'elpais.com', outlet: 'El País', lang: 'es', why: FIRST_LIST },

  // ——— Added from the coverage research (docs/coverage/hosts.md, section 5, in its order).
  { host: 'lanacion.com.ar', outlet: 'La Nación (Argentina)', lang: 'es', why: 'More Spanish reports on the story than any other host read: the AP en español feed and its own explainers.', reports: ['R18', 'R70', 'R146', 'R149', 'R153'] },
  { host: 'eldiariony.com', outlet: 'El Diario NY', lang: 'es', why: 'New York Spanish daily; covered the July agreement and the August injunction.', reports: ['R69', 'R112'] },
  { host: 'elnuevodia.com', outlet: 'El Nuevo Día (Puerto Rico)', lang: 'es', why: 'Puerto Rico’s largest paper; runs AP en español in full (the August injunction).', reports: ['R24'] },
  { host: 'laraza.com', outlet: 'La Raza (Chicago)', lang: 'es', why: 'Chicago Spanish weekly; the Illinois angle on the injunction.', reports: ['R21'] },
  { host: 'lawandcrime.com', outlet: 'Law&Crime', lang: 'en', why: 'Its December 29 order story was the one most copied by others.', reports: ['R95'] },
  { host: 'washingtonexaminer.com', outlet: 'Washington Examiner', lang: 'en', why: 'National; the July filing and the December order (its main host).', reports: ['R14'] },
  { host: 'washexam.com', outlet: 'Washington Examiner (short domain)', lang: 'en', why: 'The Washington Examiner’s own short domain, where its December order story was read.', reports: ['R14'] },
  { host: 'sfchronicle.com', outlet: 'San Francisco Chronicle', lang: 'en', why: 'California’s lead paper on the July 1 filing in San Francisco (seen through copies).', reports: ['R44'] },
  { host: 'stateline.org', outlet: 'Stateline (States Newsroom)', lang: 'en', why: 'Origin of the 2026 “22 states and D.C.” and motion-to-enforce stories republished by local sites.', reports: ['R73', 'R78'] },
  { host: 'kff.org', outlet: 'KFF', lang: 'en', why: 'Policy pages on the transfer state the data fields and the notice’s dates.', reports: ['R49', 'R178'] },
  { host: 'theepochtimes.com', outlet: 'The Epoch Times', lang: 'en', why: 'National; a detailed December order story.', reports: ['R76'] },
  { host: 'newsmax.com', outlet: 'Newsmax', lang: 'en', why: 'National; the December order with the DHS spokesperson’s title.', reports: ['R98'] },
  { host: 'thedailybeast.com', outlet: 'The Daily Beast', lang: 'en', why: 'National; the June transfer and the DHS spokesperson’s departure.', reports: ['R3', 'R121'] },
  { host: 'cibercuba.com', outlet: 'CiberCuba', lang: 'es', why: 'Large Spanish-language audience in Florida; the December order with its counts.', reports: ['R19'] },
  { host: 'elimparcial.com', outlet: 'El Imparcial (Mexico)', lang: 'es', why: 'Mexican daily; the July lawsuit and the December order.', reports: ['R155', 'R171'] },
  { host: 'semana.com', outlet: 'Semana (Colombia)', lang: 'es', why: 'Colombian weekly; the July agreement and the December order in Spanish.', reports: ['R71'] },
  { host: 'elcomercio.pe', outlet: 'El Comercio (Peru)', lang: 'es', why: 'Its U.S. service (Mag) explained the December order and the Medi-Cal freeze to U.S. Latinos.', reports: ['R65', 'R147'] },
  { host: 'abc7chicago.com', outlet: 'ABC7 Chicago', lang: 'en', why: 'ABC-owned station; ran AP’s June 13 story under an Illinois headline.', reports: ['R1', 'R164'] },
  { host: 'nprillinois.org', outlet: 'NPR Illinois', lang: 'en', why: 'Illinois public radio (Capitol News Illinois): the end of the state’s program for immigrant adults.', reports: ['R140'] },
  { host: 'wglt.org', outlet: 'WGLT', lang: 'en', why: 'Illinois public radio (Capitol News Illinois): the attorney general joining the suit.', reports: ['R168'] },
  // AP copy on local sites (hosts.md sections 1 and 2): a station and a newsroom that run the wire's text as is.
  { host: 'wtop.com', outlet: 'WTOP (Washington, D.C.)', lang: 'en', why: 'AP member station; ran AP’s June story (cited by an aggregator, not read directly).', reports: ['R1'] },
  { host: 'fortworthreports.org', outlet: 'Fort Worth Report', lang: 'en', why: 'Republishes AP under AP’s byline; ran the August injunction story.', reports: ['R82'] },
];

export const NEWS_HOSTS: readonly string[] = NEWS_SITES.map((s) => s.host);

/** The content scripts' match patterns: each host and its subdomains, over http and https. */
export const NEWS_MATCHES = NEWS_HOSTS.flatMap((host) => [`*://${host}/*`, `*://*.${host}/*`]);

/** Whether the list covers a hostname (the host itself or a subdomain of it). */
export function isListedHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  return NEWS_HOSTS.some((host) => h === host || h.endsWith(`.${host}`));
}

const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * What makes the list sound, as messages (empty when sound): real hostnames, each once and none covered by
 * another, a reason for each, report rows that exist, and none of the hosts the research says never to list.
 */
export function checkNewsSites(sites: readonly NewsSite[], neverList: readonly string[], knownReports: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const s of sites) {
    const at = `news site ${s.host}`;
    if (!HOSTNAME.test(s.host)) problems.push(`${at}: not a lowercase hostname`);
    if (seen.has(s.host)) problems.push(`${at}: listed twice`);
    seen.add(s.host);
    const parent = sites.find((o) => o !== s && s.host.endsWith(`.${o.host}`));
    if (parent) problems.push(`${at}: already covered by ${parent.host}`);
    if (s.why.trim().length < 20) problems.push(`${at}: needs a reason`);
    if (!s.outlet.trim()) problems.push(`${at}: needs the outlet's name`);
    for (const r of s.reports ?? []) if (!knownReports.has(r)) problems.push(`${at}: report ${r} is not in docs/coverage/reports.md`);
    const banned = neverList.find((n) => n === s.host || n.endsWith(`.${s.host}`) || s.host.endsWith(`.${n}`));
    if (banned) problems.push(`${at}: ${banned} is a copy or a non-news host (docs/coverage/hosts.md): never on the list`);
  }
  return problems;
}
