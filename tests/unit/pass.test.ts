// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { HUGE_PAGE_ELEMENTS } from '../../engine/gate';
import type { Annotated, PageTextIndex } from '../../engine';
import { runPassNow, type PassEngine, type PassOptions } from '../../entrypoints/annotator/pass';
import { ToneReader } from '../../entrypoints/annotator/tone';

/** An engine that records what it was given and finds nothing. */
function spyEngine() {
  const seen: PageTextIndex[] = [];
  const engine: PassEngine = {
    // eslint-disable-next-line require-yield
    *steps(page) {
      seen.push(page);
      return { detection: { detected: false, score: 0, reasons: [] }, mentions: [], story: null } as unknown as Annotated;
    },
  };
  return { engine, seen };
}

const options = (gated?: PassOptions['gated']): PassOptions => ({ isOwnUi: () => false, tone: new ToneReader(), onMarks: () => {}, gated });

describe('the first pass after the gate', () => {
  beforeEach(() => {
    document.title = 'Weather';
    document.body.innerHTML = '<p>Rain in Seattle.</p>';
  });

  it('gates a page itself when nobody gated it: a page that is not coverage goes no further', () => {
    const { engine, seen } = spyEngine();
    runPassNow(document, engine, options());
    expect(seen).toHaveLength(0);
  });

  it('takes the gate at its word when the gate found text that may be coverage (it does not read the page twice)', () => {
    const { engine, seen } = spyEngine();
    runPassNow(document, engine, options('text'));
    expect(seen).toHaveLength(1);
    expect(seen[0].text).toContain('Rain in Seattle.');
  });

  it('still gates what it reads when the gate only found the page too big to read at once', () => {
    const { engine, seen } = spyEngine();
    runPassNow(document, engine, options('huge'));
    expect(seen).toHaveLength(0);
    document.body.innerHTML = `<p>CMS gave Medicaid data to ICE.</p>${'<span>x</span>'.repeat(HUGE_PAGE_ELEMENTS + 1)}`;
    runPassNow(document, engine, options('huge'));
    expect(seen).toHaveLength(1);
  });
});
