import type { CDPSession } from '@playwright/test';

/**
 * A Chromium trace of frames, read two ways: the main thread's work in each frame (what must fit in
 * 16 ms for a frame to keep up with the display), and what the longest frames spent that work on.
 * A frame is the time between two `FRAME_MARK`s the page sets in its animation frames (`wheelFrames`).
 */

export const FRAME_MARK = 'reelnotes-frame';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; elementCount?: number; data?: Record<string, unknown>; beginData?: Record<string, unknown> };
}

/** Only the top-level tasks and the marks: cheap enough to leave the frames as they are. */
const WORK = ['toplevel', 'blink.user_timing', '__metadata'];
/** And what each task did: script, style, layout, paint, layerize, commit, as DevTools records them (slower; for naming, not timing). */
const DETAIL = [...WORK, 'devtools.timeline', 'disabled-by-default-devtools.timeline'];

async function trace(cdp: CDPSession, categories: string[], run: () => Promise<unknown>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const collect = (data: { value: object[] }) => events.push(...(data.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories, recordMode: 'recordAsMuchAsPossible' } });
  try {
    await run();
  } finally {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
  }
  return events;
}

interface Task {
  start: number;
  end: number;
}

/** The page's main thread: the one that set the frame marks. Its top-level tasks, outermost only, in order. */
function mainThread(events: TraceEvent[]): { marks: number[]; tasks: Task[]; pid: number; tid: number } {
  const marks = events.filter((event) => event.name === FRAME_MARK && event.cat.includes('blink.user_timing'));
  if (marks.length < 2) throw new Error(`the trace holds ${marks.length} frame marks: did the page set them?`);
  const { pid, tid } = marks[0];
  const tasks: Task[] = [];
  const top = events
    .filter((event) => event.pid === pid && event.tid === tid && event.ph === 'X' && event.cat === 'toplevel' && event.dur !== undefined)
    .sort((a, b) => a.ts - b.ts);
  for (const event of top) {
    const last = tasks.at(-1);
    if (last && event.ts < last.end) continue;
    tasks.push({ start: event.ts, end: event.ts + event.dur! });
  }
  return { marks: marks.map((mark) => mark.ts).sort((a, b) => a - b), tasks, pid, tid };
}

/** Each frame's main-thread work in milliseconds: the parts of its tasks that fall between its two marks. */
function workPerFrame(marks: number[], tasks: Task[]): number[] {
  const work: number[] = [];
  let first = 0;
  for (let i = 1; i < marks.length; i++) {
    const [from, to] = [marks[i - 1], marks[i]];
    while (first < tasks.length && tasks[first].end <= from) first++;
    let busy = 0;
    for (let t = first; t < tasks.length && tasks[t].start < to; t++) busy += Math.min(to, tasks[t].end) - Math.max(from, tasks[t].start);
    work.push(busy / 1000);
  }
  return work;
}

/**
 * Runs `frames` (which must set a `FRAME_MARK` each animation frame) under a light trace: what it returns,
 * and each frame's main-thread work in milliseconds.
 */
export async function traceFrameWork<T>(cdp: CDPSession, frames: () => Promise<T>): Promise<{ result: T; work: number[] }> {
  let result: T | undefined;
  const { marks, tasks } = mainThread(await trace(cdp, WORK, async () => (result = await frames())));
  return { result: result as T, work: workPerFrame(marks, tasks) };
}

/** What one slow frame spent its work on: milliseconds by kind, with the sizes Chromium records. */
export interface FrameBreakdown {
  frame: number;
  workMs: number;
  longestTaskMs: number;
  parts: Record<string, number>;
  /** Elements restyled, objects laid out (or the layout's dirty objects), layers made. */
  sizes: string[];
}

/** Event names grouped as a reader of a profile names them. */
const KIND: Record<string, string> = {
  FunctionCall: 'script',
  EvaluateScript: 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  EventDispatch: 'script',
  RunMicrotasks: 'script',
  'V8.GC_SCAVENGER': 'gc',
  MinorGC: 'gc',
  MajorGC: 'gc',
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  Layout: 'layout',
  PrePaint: 'prepaint',
  Paint: 'paint',
  PaintImage: 'paint',
  Layerize: 'layerize',
  Commit: 'commit',
  UpdateLayer: 'paint',
  HitTest: 'hittest',
  ParseHTML: 'parse'
};

/**
 * Runs `frames` under a detailed trace and names the work of its `count` longest frames: each top-level
 * event of the main thread's known kinds counted once (nested ones of the same kind are inside it).
 */
export async function traceSlowFrames(cdp: CDPSession, frames: () => Promise<unknown>, count: number): Promise<FrameBreakdown[]> {
  const events = await trace(cdp, DETAIL, frames);
  const { marks, tasks, pid, tid } = mainThread(events);
  const work = workPerFrame(marks, tasks);
  const onMain = events.filter((event) => event.pid === pid && event.tid === tid && event.ph === 'X' && event.dur !== undefined);
  const slowest = work
    .map((workMs, frame) => ({ workMs, frame }))
    .sort((a, b) => b.workMs - a.workMs)
    .slice(0, count);
  return slowest.map(({ workMs, frame }) => {
    const [from, to] = [marks[frame], marks[frame + 1]];
    const inside = onMain.filter((event) => event.ts >= from && event.ts < to).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const parts: Record<string, number> = {};
    const sizes: string[] = [];
    const open: Record<string, number> = {};
    for (const event of inside) {
      const kind = KIND[event.name];
      if (!kind) continue;
      const end = event.ts + event.dur!;
      if ((open[kind] ?? 0) > event.ts) continue;
      open[kind] = end;
      parts[kind] = (parts[kind] ?? 0) + event.dur! / 1000;
      if (event.name === 'UpdateLayoutTree' && event.args?.elementCount) sizes.push(`style ${event.args.elementCount} elements`);
      if (event.name === 'Layout' && event.args?.beginData) {
        const begin = event.args.beginData as { dirtyObjects?: number; totalObjects?: number };
        sizes.push(`layout ${begin.dirtyObjects ?? '?'}/${begin.totalObjects ?? '?'} objects`);
      }
    }
    const longestTaskMs = Math.max(
      0,
      ...tasks.filter((task) => task.start < to && task.end > from).map((task) => (task.end - task.start) / 1000)
    );
    return { frame, workMs, longestTaskMs, parts, sizes };
  });
}
