/**
 * schema.org ClaimReview drafts, one per claim check with a verdict, for a fact-checker to complete and
 * publish (Google's Fact Check Explorer and Markup Tool read this vocabulary).
 *
 * A draft, deliberately: `author` and `publisher` carry a placeholder the fact-checker must replace with
 * their organization, and `url` — which Google requires, and which must be the page that publishes the
 * fact check — is absent because only the fact-checker knows it. `datePublished` is the export day; the
 * article under review is `itemReviewed.appearance`.
 *
 * Rating scale (reviewRating: worstRating 1, bestRating 3; the word in alternateName, which is what search
 * results show, in the export's language):
 * - 3 "Accurate": agrees, right when the article was published and still right (or right today when the
 *   article's date is unknown);
 * - 2 "Outdated": right when published, changed since (ratingExplanation says when and what to);
 * - 1 "Inaccurate": differs, not what the sources said when the article was published (or say today).
 * `citation` lists the dataset's sources for the value the verdict rests on.
 */
import type { Verdict } from '../types';
import type { ExportContext } from './index';
import { formatDate, isoDay, judgedClaims, pageUrl, quoter, verdictWords } from './text';

export const RATING_SCALE: Record<Verdict, number> = { agrees: 3, outdated: 2, differs: 1 };
export const BEST_RATING = 3;
export const WORST_RATING = 1;
/** A sentence longer than this is quoted around the claim (Google suggests under 75 characters; fidelity first). */
const CLAIM_SIDE = 200;

type Json = Record<string, unknown>;

export function toClaimReview(ctx: ExportContext): Json[] {
  const { snapshot, t, lang } = ctx;
  const quote = quoter(snapshot.text);
  const date = (iso: string) => formatDate(iso, lang);
  const placeholder = { '@type': 'Organization', name: t('export.placeholder') };
  // Only an address that parses as a web (or a saved file's) URL is the appearance's url, as the parser writes it.
  const url = pageUrl(snapshot.url);
  const appearance: Json = { '@type': 'CreativeWork', ...(url ? { url } : {}), headline: snapshot.title.trim() || url || '' };
  if (snapshot.published) appearance.datePublished = snapshot.published;
  if (snapshot.lang) appearance.inLanguage = snapshot.lang;

  return judgedClaims(snapshot).map(({ claim }) => {
    const words = verdictWords(ctx, claim.check, date);
    const q = quote(claim.start, claim.end, CLAIM_SIDE);
    const sentence = `${q.cutBefore ? '… ' : ''}${q.before}${q.match}${q.after}${q.cutAfter ? ' …' : ''}`;
    const explanation = [words.explanation, words.statement ? t('export.datasetSays', [words.statement]) : ''].filter(Boolean).join(' ');
    const itemReviewed: Json = { '@type': 'Claim', appearance };
    if (snapshot.published) itemReviewed.datePublished = snapshot.published;
    return {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: sentence,
      reviewRating: {
        '@type': 'Rating',
        ratingValue: RATING_SCALE[claim.check.verdict],
        bestRating: BEST_RATING,
        worstRating: WORST_RATING,
        alternateName: t(`verdict.rating.${claim.check.verdict}`),
        ratingExplanation: explanation,
      },
      itemReviewed,
      author: placeholder,
      publisher: placeholder,
      datePublished: isoDay(ctx.generated),
      inLanguage: lang,
      citation: words.sources.map((s) => ({
        '@type': 'CreativeWork',
        ...(s.url ? { url: s.url } : {}),
        name: s.title,
        publisher: { '@type': 'Organization', name: s.publisher },
        ...(s.date ? { datePublished: s.date } : {}),
      })),
    };
  });
}
