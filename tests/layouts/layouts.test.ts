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
import { extensionAt, highlightRanges, pageSetup, placeRange, placeText, scrollPositions, underlinesPerScreen, viewportOf } from '../support/in-page';
import { hex } from '../support/pixels';
import { launchReader, type Engine, type Reader } from '../support/reader';
import { AWAY, cardUntil, closeCard, hover, isOpen, open, POLL, readUnderlines, settledCard, stepThroughEveryStop } from '../support/reading';
import { installOwnTaps, OWN_TAPS } from '../e2e/pages';
import { hasCorpus, hasSeed, LAYOUTS, layoutRoutes } from './build';

/** The phone of issue 25's usability pass (Firefox's window cannot be narrower than ~500 CSS px: reader.ts). */
const PHONE = { width: 390, height: 844, deviceScaleFactor: 3, mobile: true };
/** At most this many underlines on a screen by default (entrypoints/annotator/density.ts). */
const PER_SCREEN = 12;

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
      // Every mention underlined for the tests that photograph and hover given names; the density test sets the default.
      await r.setStorage({ underlineMode: 'all' });
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

        // Issue 25, item 2: the sample in this layout, then the seed report in it.
        it(`underlines at most ${PER_SCREEN} on any screen by default, and every expected entity is still found (the sample${hasSeed ? ' and the seed report' : ''})`, async () => {
          await r.setStorage({ underlineMode: null });
          try {
            for (const path of [`/layout/${layout.name}`, ...(hasSeed ? [`/layout-seed/${layout.name}`] : [])]) {
              const res = await open(r, path);
              await expect.poll(async () => (await r.annotations()).detected, POLL).toBe(true);
              const ids = new Set((await r.annotations()).annotations.map((a) => a.id));
              expect(REQUIRED_IDS.filter((id) => !ids.has(id)), path).toEqual([]);
              // Underlines appear as the pass anchors: measured once the count stops changing.
              let last = -1;
              await expect.poll(async () => ((last === (last = (await r.run(underlinesPerScreen, undefined)).total)) ? last : -1), POLL).toBeGreaterThan(0);
              const { most } = await r.run(underlinesPerScreen, undefined);
              console.info(`[layouts] ${r.label} ${path}: at most ${most.count} underlines on a screen (${res.annotations.length} mentions)`);
              expect(most.count, `${path}: ${most.texts.join(', ')}`).toBeLessThanOrEqual(PER_SCREEN);
            }
          } finally {
            await r.setStorage({ underlineMode: 'all' });
          }
        });

        it('logged no errors of its own', () => {
          expect(r.problems.filter((p) => !pageNoise(p))).toEqual([]);
        });
      });
    }
  });

  // Issue 25, item 9: on a phone, a tap on an underline in view opens its card, on every layout, including where
  // the page handles taps itself (it cancels each touchend and makes its own, untrusted, click: OWN_TAPS).
  describe.skipIf(!hasCorpus)(`${engine === 'chromium' ? 'Chromium' : 'Firefox'} on real layouts, a phone with touch`, () => {
    let server: LocalServer;
    let r: Reader;
    beforeAll(async () => {
      server = await serve(layoutRoutes());
      r = await launchReader(engine, { port: server.port, screen: PHONE });
      await r.onNewDocument(pageSetup, undefined);
      await r.onNewDocument(installOwnTaps, OWN_TAPS);
      console.info(`[layouts] ${r.label}, ${r.screen.width}×${r.screen.height} at ${r.screen.deviceScaleFactor}×, touch`);
    });
    afterAll(async () => {
      await r?.close();
      await server?.close();
    });

    for (const layout of LAYOUTS)
      it(`${layout.name}: a tap on each underline in view opens its card`, async () => {
        await open(r, `/layout/${layout.name}`);
        await expect.poll(async () => (await r.annotations()).detected, POLL).toBe(true);
        const first = (await r.run(highlightRanges, {})).findIndex((x) => !x.claim);
        expect(first, 'an underline').toBeGreaterThan(-1);
        await r.run(placeRange, { index: first, fraction: 0.3 });
        // The underlines a reader sees: their first line on the screen (the visual viewport: a page without a mobile
        // layout is shown zoomed out) and not under something of the page's (a paywall banner); first, middle, last.
        const inView = await r.run(() => {
          const v = window.visualViewport!;
          const seen = new Set<AbstractRange>();
          const out: { x: number; y: number; text: string }[] = [];
          for (const [, h] of CSS.highlights as unknown as Map<string, Highlight>) {
            if (h.priority !== 0) continue;
            for (const range of h as unknown as Set<Range>) {
              if (seen.has(range)) continue;
              seen.add(range);
              const b = range.getClientRects()[0];
              if (!b) continue;
              const x = b.left + Math.min(b.width / 2, 30);
              const y = b.top + b.height / 2;
              const onScreen = x > v.offsetLeft + 2 && x < v.offsetLeft + v.width - 2 && y > v.offsetTop + 2 && y < v.offsetTop + v.height - 2;
              const top = onScreen ? document.elementFromPoint(x, y) : null;
              if (top?.contains(range.startContainer)) out.push({ x, y, text: range.toString() });
            }
          }
          return out.sort((a, b) => a.y - b.y || a.x - b.x);
        }, undefined);
        expect(inView.length, 'underlines in view').toBeGreaterThan(0);
        const picks = [...new Set([inView[0], inView[Math.floor(inView.length / 2)], inView[inView.length - 1]])];
        const missed: string[] = [];
        for (const t of picks) {
          await r.tap(t.x, t.y);
          const s = await cardUntil(r, isOpen, `a tap on "${t.text}"`).catch(() => null);
          if (!s || !s.mention?.some((b) => t.x >= b.left - 1 && t.x <= b.left + b.width + 1 && t.y >= b.top - 1 && t.y <= b.top + b.height + 1)) missed.push(`"${t.text}" at ${Math.round(t.x)},${Math.round(t.y)}: ${s ? `card for ${s.id}` : 'no card'}`);
          await closeCard(r);
        }
        expect(missed).toEqual([]);
      });

    it('logged no errors of its own', () => {
      expect(r.problems.filter((p) => !pageNoise(p))).toEqual([]);
    });
  });
}
