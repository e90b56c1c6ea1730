// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Lifetime } from '../../entrypoints/annotator/lifetime';
import { MAX_WAIT_MS, QUIET_MS, watchPage, type PageChanges } from '../../entrypoints/annotator/watcher';

/** Let the page's mutation records reach the observer, then move the clock on. */
async function advance(ms: number): Promise<void> {
  await Promise.resolve();
  await vi.advanceTimersByTimeAsync(ms);
}

describe('the page watcher', () => {
  let life: Lifetime;
  let batches: PageChanges[];
  const paragraph = (text: string) => Object.assign(document.createElement('p'), { textContent: text });

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    document.body.innerHTML = '<article></article>';
    life = new Lifetime();
    batches = [];
    watchPage(life, (node) => (node as Element).localName === 'medicaid-data-context', (changes) => batches.push(changes));
  });
  afterEach(() => {
    life.end();
    vi.useRealTimers();
  });

  it('hands over a burst of changes once the page has been quiet, in one batch', async () => {
    const article = document.querySelector('article')!;
    for (let i = 0; i < 5; i++) {
      article.append(paragraph(`Paragraph ${i}`));
      await advance(QUIET_MS / 3);
    }
    expect(batches).toHaveLength(0);
    await advance(QUIET_MS);
    expect(batches).toHaveLength(1);
    expect(batches[0].added).toHaveLength(5);
  });

  it('hands over changes on a page that never stops changing at the longest wait, holding one timer at a time', async () => {
    const article = document.querySelector('article')!;
    let mostTimers = 0;
    for (let elapsed = 0; elapsed < 3 * MAX_WAIT_MS; elapsed += 40) {
      article.append(paragraph(`Tick ${elapsed}`));
      await advance(40);
      mostTimers = Math.max(mostTimers, life.pendingTimers);
    }
    // A change every 40 ms is never quiet for QUIET_MS: without the longest wait nothing would ever be handed over.
    expect(batches.length).toBeGreaterThanOrEqual(2);
    expect(batches.length).toBeLessThanOrEqual(3);
    expect(batches.reduce((n, b) => n + b.added.length, 0)).toBeGreaterThan(40);
    expect(mostTimers).toBe(1);
  });

  it('leaves the extension’s own element out, and hands over nothing once its lifetime has ended', async () => {
    document.body.append(document.createElement('medicaid-data-context'));
    await advance(QUIET_MS * 2);
    expect(batches).toHaveLength(0);
    document.querySelector('article')!.append(paragraph('After the end'));
    await Promise.resolve();
    life.end();
    await advance(MAX_WAIT_MS * 2);
    expect(batches).toHaveLength(0);
    expect(life.pendingTimers).toBe(0);
  });
});

describe('a lifetime’s timers', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs a timer once, never a cancelled one, and keeps nothing of either', () => {
    const life = new Lifetime();
    const ran: string[] = [];
    for (let i = 0; i < 1000; i++) life.timeout(() => ran.push('kept'), 10)();
    life.timeout(() => ran.push('run'), 10);
    expect(life.pendingTimers).toBe(1);
    vi.advanceTimersByTime(20);
    expect(ran).toEqual(['run']);
    expect(life.pendingTimers).toBe(0);
  });

  it('drops its pending timers when it ends, and starts none after', () => {
    const life = new Lifetime();
    const ran: string[] = [];
    life.timeout(() => ran.push('before the end'), 10);
    life.end();
    life.timeout(() => ran.push('after the end'), 10);
    vi.advanceTimersByTime(20);
    expect(ran).toEqual([]);
    expect(life.pendingTimers).toBe(0);
  });
});
