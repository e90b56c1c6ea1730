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
];
