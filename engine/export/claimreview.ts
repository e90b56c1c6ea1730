/**
 * schema.org ClaimReview drafts, one per distinct claim check with a verdict, for a fact-checker to complete and
 * publish (Google's Fact Check Explorer and Markup Tool read this vocabulary).
 *
 * What is reviewed is exactly what was checked: `claimReviewed` is the statement the check judged — the clause
 * that states the claim (the check's span), not the whole sentence around it — and the rating's explanation
 * says which part of it was compared ("the month: July 2025") and, where it applies, when a source last
 * confirmed the value.
 *
 * One review per claim: the same claim record with the same asserted value and the same verdict, stated more
 * than once in the article, is one review; its explanation lists every occurrence ("The article states this 2
 * times: …"). The same claim asserting another value, or judged otherwise, is a review of its own.
 *
 * A draft, deliberately: `author` and `publisher` carry a placeholder the fact-checker must replace with
 * their organization. `url` is the reviewed article's address, so that each draft says which page it is about
 * (schema.org and Google read ClaimReview's `url` as the page that publishes the fact check: the fact-checker
 * replaces it with that page when publishing). It is left out when the page's address does not parse as a web
 * or file URL. `datePublished` is the export day; the article under review is also `itemReviewed.appearance`.
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
import { formatDate, isoDay, judgedClaims, pageUrl, verdictWords, type CheckedClaim } from './text';

export const RATING_SCALE: Record<Verdict, number> = { agrees: 3, outdated: 2, differs: 1 };
export const BEST_RATING = 3;
export const WORST_RATING = 1;

type Json = Record<string, unknown>;

/** The article's claims with a verdict, in page order, one group per claim, asserted value and verdict. */
export function distinctClaims(claims: readonly CheckedClaim[]): CheckedClaim[][] {
  const groups = new Map<string, CheckedClaim[]>();
  for (const c of claims) {
    const key = `${c.check.id}\u0000${c.check.asserted}\u0000${c.check.verdict}`;
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  return [...groups.values()];
}

export function toClaimReview(ctx: ExportContext): Json[] {
  const { snapshot, t, lang } = ctx;
  const date = (iso: string) => formatDate(iso, lang);
  const placeholder = { '@type': 'Organization', name: t('export.placeholder') };
  // Only an address that parses as a web (or a saved file's) URL is given, as the parser writes it.
  const url = pageUrl(snapshot.url);
  const appearance: Json = { '@type': 'CreativeWork', ...(url ? { url } : {}), headline: snapshot.title.trim() || url || '' };
  if (snapshot.published) appearance.datePublished = snapshot.published;
  if (snapshot.lang) appearance.inLanguage = snapshot.lang;

  return distinctClaims(judgedClaims(snapshot).map(({ claim }) => claim)).map((group) => {
    const claim = group[0];
    const words = verdictWords(ctx, claim.check, date);
    const clean = (text: string) => text.replace(/\s+/g, ' ').trim();
    const explanation = [
      words.part ? t('claimPart.checked', [words.part]) + '.' : '',
      words.explanation,
      words.confirmed ?? '',
      words.statement ? t('export.datasetSays', [words.statement]) : '',
      group.length > 1 ? t('export.occurrences', [group.length, group.map((c) => `“${clean(c.check.text)}”`).join('; ')]) : '',
    ].filter(Boolean);
    const itemReviewed: Json = { '@type': 'Claim', appearance };
    if (snapshot.published) itemReviewed.datePublished = snapshot.published;
    return {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      ...(url ? { url } : {}),
      claimReviewed: clean(claim.check.text),
      reviewRating: {
        '@type': 'Rating',
        ratingValue: RATING_SCALE[claim.check.verdict],
        bestRating: BEST_RATING,
        worstRating: WORST_RATING,
        alternateName: t(`verdict.rating.${claim.check.verdict}`),
        ratingExplanation: explanation.join(' '),
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
