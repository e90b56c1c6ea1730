/**
 * Where the content script runs without any action from the reader: news outlets that covered the story
 * (English and Spanish). Everywhere else it runs only when the reader clicks the toolbar button
 * (activeTab). Keep this list short: each entry is a host permission the reader grants at install.
 */
export const NEWS_SITES = [
  'apnews.com', 'nytimes.com', 'washingtonpost.com', 'npr.org', 'reuters.com', 'politico.com', 'axios.com',
  'thehill.com', 'kffhealthnews.org', 'statnews.com', 'propublica.org', 'wired.com', 'cnn.com', 'nbcnews.com',
  'cbsnews.com', 'abcnews.go.com', 'pbs.org', 'usatoday.com', 'latimes.com', 'calmatters.org',
  'chicagotribune.com', 'seattletimes.com', 'theguardian.com', 'bbc.com', 'foxnews.com', 'newsweek.com',
  'bloomberg.com', 'wsj.com', 'univision.com', 'telemundo.com', 'laopinion.com', 'elpais.com',
];

export const NEWS_MATCHES = NEWS_SITES.flatMap((host) => [`*://${host}/*`, `*://*.${host}/*`]);
