/**
 * What the extension's content script costs a page's main thread, read from a Chrome trace taken over the
 * DevTools protocol (playwright-core's CDP session). Used by `npm run bench`.
 *
 * A task counts as the extension's when the content script's own code runs in it: the script's evaluation,
 * a callback whose function lives in the content script (timers, observers, listeners), or promise
 * continuations on a page whose own scripts are blocked (the benchmark serves every page with
 * `script-src 'none'`, so the content script is the only JavaScript there), once the script has been
 * evaluated: the browser runs microtasks of its own while it parses a page, before the script exists, and
 * those tasks are the page's. A task the benchmark itself drives (Runtime.evaluate, to mutate a page) counts
 * only for the content-script callbacks it set off.
 *
 * Each task is measured two ways: wall time (`dur`) and the main thread's CPU time (`tdur`). On a shared
 * machine the first includes time the thread spent descheduled; the benchmark reports CPU time.
 */
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

/** Enough to attribute tasks, without the stack captures that `disabled-by-default-*` categories add. */
const CATEGORIES = ['toplevel', 'devtools.timeline', 'v8', 'v8.execute'];

export async function traceDuring<T>(cdp: CDPSession, run: () => Promise<T>): Promise<{ events: TraceEvent[]; result: T }> {
  const events: TraceEvent[] = [];
  const collect = (e: { value: object[] }) => void events.push(...(e.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES } });
  let result: T;
  try {
    result = await run();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
  }
  return { events, result: result! };
}

export interface TaskCost {
  /** Microseconds since the trace's clock origin. */
  start: number;
  wallMs: number;
  cpuMs: number;
}

/** Content scripts run at document_start, before the page is parsed (their tasks count only where their code runs). */
const EARLY_SCRIPTS = ['/input.js'];

const JS = new Set(['EvaluateScript', 'v8.run', 'FunctionCall', 'RunMicrotasks']);
const mentions = (e: TraceEvent, origin: string) => e.args !== undefined && JSON.stringify(e.args).includes(origin);
const isDevtools = (e: TraceEvent) => e.name === 'Receive mojo message' && JSON.stringify(e.args ?? {}).includes('DevTools');

/** The main-thread tasks in which code from `origin` (a URL prefix: chrome-extension://<id>/, or chrome-extension:// for any) ran, in order. */
export function extensionTasks(events: TraceEvent[], origin: string): TaskCost[] {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && (e.args as { name?: string })?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || !mains.has(key)) continue;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key)!.push(e);
  }
  const out: TaskCost[] = [];
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    if (!list.some((e) => mentions(e, origin))) continue;
    // Evaluated before the trace began (a page already annotated, then changed): every task may be the script's.
    // The input hub (input.js) is evaluated at document_start, before the page is parsed: the parser's tasks
    // after it are still the page's, so the promise rule starts with the first other script (the gate).
    const evaluatedAt = list.find((e) => e.name === 'EvaluateScript' && mentions(e, origin) && !EARLY_SCRIPTS.some((f) => mentions(e, f)))?.ts ?? -Infinity;
    // Top-level tasks, and the events inside each (the list is sorted by start, parents first). The
    // microtask checkpoint that follows a task is part of it, though the trace may show it as a sibling:
    // that is where promise continuations run (a content script's pass, often).
    let task: TraceEvent | undefined;
    let end = 0;
    let cpu = 0;
    let inner: TraceEvent[] = [];
    const close = () => {
      if (!task) return;
      // Before the gate: only a task the extension's own code runs in (the input hub's evaluation, its listeners).
      if (end <= evaluatedAt && !inner.some((e) => JS.has(e.name) && mentions(e, origin))) return;
      const cost = costOf(task, end, cpu, inner, origin);
      if (cost) out.push(cost);
    };
    for (const e of list) {
      if (task && e.ts < end) {
        inner.push(e);
        continue;
      }
      const checkpoint = e.name === 'BlinkScheduler_PerformMicrotaskCheckpoint';
      if (e.name !== 'ThreadControllerImpl::RunTask' && !checkpoint) continue;
      if (task && checkpoint && e.ts - end < 100) {
        end = e.ts + (e.dur ?? 0);
        cpu += e.tdur ?? e.dur ?? 0;
        continue;
      }
      close();
      task = e;
      end = e.ts + (e.dur ?? 0);
      cpu = e.tdur ?? e.dur ?? 0;
      inner = [];
    }
    close();
  }
  return out.sort((a, b) => a.start - b.start);
}

function costOf(task: TraceEvent, end: number, cpu: number, inner: TraceEvent[], origin: string): TaskCost | null {
  if (inner.some(isDevtools)) {
    // Driven by the benchmark: count only the content script's callbacks inside (outermost ones).
    let wall = 0;
    let own = 0;
    let until = -1;
    for (const e of inner) {
      if (e.name !== 'FunctionCall' || e.ts < until || !mentions(e, origin)) continue;
      wall += e.dur ?? 0;
      own += e.tdur ?? 0;
      until = e.ts + (e.dur ?? 0);
    }
    return wall ? { start: task.ts, wallMs: wall / 1000, cpuMs: own / 1000 } : null;
  }
  const ran = inner.some((e) => JS.has(e.name) && (e.name !== 'RunMicrotasks' || ((e.args as { microtask_count?: number })?.microtask_count ?? 1) > 0));
  if (!ran) return null;
  return { start: task.ts, wallMs: (end - task.ts) / 1000, cpuMs: cpu / 1000 };
}

export const sum = (tasks: TaskCost[], key: 'wallMs' | 'cpuMs') => tasks.reduce((s, t) => s + t[key], 0);
export const longest = (tasks: TaskCost[], key: 'wallMs' | 'cpuMs') => tasks.reduce((m, t) => Math.max(m, t[key]), 0);
