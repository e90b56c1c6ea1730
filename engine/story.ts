/**
 * Which part of a recognised page is the story. Readers come for the article and its headline; photo
 * credits, comment threads, news streams and "most read" rails around it often name the same places and
 * people ("The New York Times", "President-elect Donald Trump" in a 2016 stream) and must not be annotated.
 *
 * The story is the candidate container (<article>, <main>, role=main, an article-body class) that holds the
 * most of the page's mentions — the innermost on a tie — plus the page's first headline; peripheral spans
 * inside it (figures, credits, rails) stay out. A page with no such container keeps all its non-peripheral
 * text.
 */
import { firstNotBefore } from './collections';
import { inSpans } from './detect';
import type { Mention, PageText } from './types';

/** Mentions with start in [a, b). */
const countIn = (starts: number[], a: number, b: number) =>
  firstNotBefore(starts.length, (i) => starts[i] < b) - firstNotBefore(starts.length, (i) => starts[i] < a);

export interface Story {
  /** Sorted, disjoint [start, end) spans of the story (before peripheral spans are taken out). */
  spans: number[];
  /** Index into `page.main` of the chosen container, or -1 when the page has none. */
  container: number;
}

export function findStory(page: PageText, mentions: readonly Mention[]): Story {
  const main = page.main ?? [];
  const starts = mentions.filter((m) => !inSpans(page.peripheral, m.start)).map((m) => m.start);
  let best = -1;
  let bestCount = 0;
  for (let i = 0; i < main.length; i += 2) {
    const n = countIn(starts, main[i], main[i + 1]);
    const size = main[i + 1] - main[i];
    if (n > bestCount || (n === bestCount && n > 0 && size < main[best * 2 + 1] - main[best * 2])) {
      best = i / 2;
      bestCount = n;
    }
  }
  if (best === -1) return { spans: [0, page.text.length], container: -1 };
  const spans: [number, number][] = [[main[best * 2], main[best * 2 + 1]]];
  // The headline: the first <h1> on the page, and any inside the story.
  const h = page.headlines ?? [];
  for (let i = 0; i < h.length; i += 2) if (i === 0 || (h[i] >= spans[0][0] && h[i + 1] <= spans[0][1])) spans.push([h[i], h[i + 1]]);
  spans.sort((a, b) => a[0] - b[0]);
  const merged: number[] = [];
  for (const [s, e] of spans) {
    const last = merged.length - 1;
    if (last > 0 && s <= merged[last]) merged[last] = Math.max(merged[last], e);
    else merged.push(s, e);
  }
  return { spans: merged, container: best };
}

/** Keep the mentions a reader should see underlined: in the story, outside peripheral spans. */
export function inStory(page: PageText, story: Story, mentions: Mention[]): Mention[] {
  return mentions.filter((m) => inSpans(story.spans, m.start) && !inSpans(page.peripheral, m.start));
}
