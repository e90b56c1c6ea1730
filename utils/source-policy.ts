/**
 * Sources the dataset may not cite (checked by data/schema.ts). Kept apart from data/ because it names the
 * hosts in order to refuse them: it is policy, not a citation.
 */
/** Hosts a fact-checker would reject: mirrors, aggregators, content farms, republished copies. */
export const REJECTED_HOSTS = [
  'hillaryclinton.io', 'lexbuild.dev', 'sandiegopost.com', 'usa-today-news.com', 'am1.news', 'parriva.com',
  'factually.co', 'washexam.com', 'iamaware.us', 'executivedisorder.net', 'leadnaija.com', 'einnews.com',
  'friendlywiki.com', 'studylib.net', 'scoopico.com', 'newsn24.de', 'tarbabys.com', 'archive.is', 'archive.ph',
  'ground.news', 'evrimagaci.org', 'us-inquirer.com', 'shorenewsnetwork.com', 'nationaltoday.com',
  'newspub.live', 'crbcnews.com', 'koreadailyus.com', 'wikipedia.org',
  // Republished or rewritten copies of other outlets' reporting: cite the original instead.
  'lincolndailynews.com', 'springfieldnewssun.com', 'freepressdc.org', 'ideastream.org', 'wbhm.org', 'abc7ny.com',
  'tag24.com', 'flowingdata.com', 'newsmax.com', 'thedailybeast.com', 'tampafp.com', 'dailyfly.com',
  'westfaironline.com', 'wispolitics.com', 'visaverge.com', 'mondaq.com', 'keepyourbenefits.org', 'daily8.com',
  'insight-flow.world', 'inkl.com', 'nosible.ai', 'msn.com', 'news.yahoo.com',
  // Partisan rewrites of other outlets' reporting (each relays a story someone else broke, with spin added):
  // cite the outlet that broke it, or the agency's own statement.
  'breitbart.com', 'thefederalist.com', 'voz.us', 'conservativenewsdaily.net', 'gbnews.com', 'dailywire.com',
  'dailycaller.com', 'dailycallernewsfoundation.org', 'hannity.com', 'townhall.com', 'freedomisbackinstyle.com',
  'thepennsylvaniapatriot.com', 'nationalconservativemovement.com',
  // State-media and aggregator rewrites seen relaying this story's wire reports.
  'anews.com.tr', 'newsblog.sbs', 'alltoc.com', 'parallaxnews.io', 'allmind.ai', 'realglobenews.com',
  'particle.news', 'bravennow.com', 'newsar.codejungle.org', 'dnyuz.com', 'devdiscourse.com', 'theactualnews.org',
  'unbiasedpost.com', 'newspage360.com', 'grokipedia.com', 'wikimili.com', 'pubt.io',
  // Republished copies of public-radio stories (member-station pages carrying NPR's text): cite npr.org.
  'kedt.org', 'kyuk.org',
  // Machine transcripts of official meetings: cite the body's own record (e.g. the D.C. Council's LIMS entry).
  'openpublica.com',
  // Social posts are pointers, not sources: cite the statement, filing or report they point to.
  'x.com', 'twitter.com', 'facebook.com', 'instagram.com', 'threads.net', 'bsky.app', 'truthsocial.com',
  'mastodawn.com', 'longform.social',
];
