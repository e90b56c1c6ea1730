/**
 * The extension on real layouts (see build.ts), in Chromium and Firefox (CHROMIUM / FIREFOX select the
 * binaries; .ci/run runs both Debian versions of each). Uses ../shared/corpus/pages, so it runs from
 * .ci/run (`npm run test:layouts`), not from `npm test`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENS } from '../../scripts/lib/chromium';
import { serve, type LocalServer } from '../../scripts/lib/serve';
import { REQUIRED_IDS } from '../support/expected';
import { cardProblems } from '../support/geometry';
import { extensionAt, highlightRanges, pageSetup, placeText, scrollPositions, viewportOf } from '../support/in-page';
import { hex } from '../support/pixels';
import { launchReader, type Engine, type Reader } from '../support/reader';
import { AWAY, closeCard, hover, isOpen, open, POLL, readUnderlines, settledCard, stepThroughEveryStop } from '../support/reading';
import { hasCorpus, LAYOUTS, layoutRoutes } from './build';

/** Real pages bring their own noise; what matters here is the extension's. */
const pageNoise = (p: string) => /Failed to load resource|net::ERR_|Content-Security-Policy|downloadable font/i.test(p);

for (const engine of ['chromium', 'firefox'] as Engine[]) {
  describe.skipIf(!hasCorpus)(`${engine === 'chromium' ? 'Chromium' : 'Firefox'} on real layouts`, () => {
    let server: LocalServer;
    let r: Reader;
    beforeAll(async () => {
      server = await serve(layoutRoutes());
      r = await launchReader(engine, { port: server.port, screen: SCREENS.desktop });
      await r.onNewDocument(pageSetup, undefined);
      console.info(`[layouts] ${r.label}`);
    });
    afterAll(async () => {
      await r?.close();
      await server?.close();
    });

    for (const layout of LAYOUTS) {
      describe(`${layout.name}: ${layout.trait}`, () => {
        beforeAll(() => {
          r.problems.length = 0;
        });

        it('recognises the article and annotates every expected entity', async () => {
          await open(r, `/layout/${layout.name}`);
          // A long page may still be in its first pass when the first answer comes.
          await expect.poll(async () => (await r.annotations()).detected, POLL).toBe(true);
          const res = await r.annotations();
          const ids = new Set(res.annotations.map((a) => a.id));
          expect(REQUIRED_IDS.filter((id) => !ids.has(id))).toEqual([]);
        });

        // Item 5.
        it('annotates only the main content and its headline', async () => {
          const ranges = await r.run(highlightRanges, { main: layout.main, exclude: layout.exclude });
          expect(ranges.length).toBeGreaterThan(20);
          expect(ranges.filter((x) => !x.inMain).map((x) => `"${x.text}" in ${x.where}`)).toEqual([]);
        });

        // Items 1 and 6.
        it(`paints underlines a reader can see, at 3:1 against the ${layout.background} page`, async () => {
          const res = await r.annotations();
          const reports = await readUnderlines(r, res);
          const weak = reports
            .filter((x) => x.reading.changed < x.width * 0.5 || x.reading.legible < x.width * 0.3)
            .map((x) => `${x.kind} "${x.text}": ${x.reading.changed} px changed, ${x.reading.legible} at ≥3:1 on ${hex(x.reading.background)} (strongest ${x.reading.strongest ? `${hex(x.reading.strongest.colour)} ${x.reading.strongest.ratio.toFixed(2)}:1` : 'none'})`);
          expect(weak, `${r.label}`).toEqual([]);
        });

        // Items 3 and 5.
        it('at every keyboard stop, places the card beside its mention inside the window, and scrolls nothing but the window', async () => {
          const res = await open(r, `/layout/${layout.name}`);
          const before = await r.run(scrollPositions, undefined);
          const view = await r.run(viewportOf, undefined);
          const problems: string[] = [];
          await closeCard(r);
          await stepThroughEveryStop(r, res, async (s, i) => {
            problems.push(...cardProblems(s, view).map((p) => `stop ${i + 1}: ${p}`));
            const c = s.card!;
            const hit = await r.run(extensionAt, { x: c.left + c.width / 2, y: c.top + c.height / 2 });
            if (!hit.extension) problems.push(`stop ${i + 1}: the page's <${hit.tag}> is on top of the card`);
          });
          await closeCard(r);
          const after = await r.run(scrollPositions, undefined);
          const { window: _w1, ...elementsBefore } = before;
          const { window: _w2, ...elementsAfter } = after;
          expect(problems).toEqual([]);
          expect(elementsAfter, 'elements other than the window scrolled').toEqual(elementsBefore);
        });

        it('opens a card on hover in the middle of the window, beside its mention and on top', async () => {
          await closeCard(r);
          await r.move(AWAY.x, AWAY.y);
          const p = await r.run(placeText, { needle: 'Andrew Nixon', scope: layout.main[0], fraction: 0.5 });
          await hover(r, p.x, p.y);
          const { state } = await settledCard(r, isOpen, 'hover');
          expect(state.id).toBe('andrew-nixon');
          expect(cardProblems(state, await r.run(viewportOf, undefined))).toEqual([]);
          const c = state.card!;
          expect(await r.run(extensionAt, { x: c.left + c.width / 2, y: c.top + c.height / 2 })).toMatchObject({ extension: true });
          await closeCard(r);
        });

        it('logged no errors of its own', () => {
          expect(r.problems.filter((p) => !pageNoise(p))).toEqual([]);
        });
      });
    }
  });
}
