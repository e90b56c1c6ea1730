/**
 * Long work in slices: run a generator until a small time budget is spent, then give the main thread back
 * to the page (scheduler.yield where the browser has it, otherwise a macrotask), so no task the extension
 * causes gets long enough to delay a reader's click or scroll.
 */

/** Main-thread time per slice. Long tasks start at 50 ms; stay far below. */
export const SLICE_BUDGET_MS = 8;

type Scheduler = { yield?: () => Promise<void> };

export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    // A message is a macrotask without setTimeout's clamping.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * Drive `steps` to the end in slices; undefined if `signal` aborted meanwhile. A step that yields a Promise
 * waits for it (the thread is the page's meanwhile) and gets its value back.
 */
export async function runInSlices<T>(steps: Generator<void | Promise<unknown>, T, unknown>, signal: AbortSignal, budget = SLICE_BUDGET_MS): Promise<T | undefined> {
  let deadline = performance.now() + budget;
  let answer: unknown;
  for (;;) {
    if (signal.aborted) return undefined;
    const step = steps.next(answer);
    answer = undefined;
    if (step.done) return step.value;
    if (step.value) {
      answer = await step.value;
      deadline = performance.now() + budget;
    } else if (performance.now() >= deadline) {
      await yieldToPage();
      deadline = performance.now() + budget;
    }
  }
}
