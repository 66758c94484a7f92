/** Timing helpers for the benchmark. Figures, not assertions: nothing here fails a build. */

export interface Timing {
  runs: number;
  p50: number;
  p95: number;
  mean: number;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

export function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: samples.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    mean: samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length)
  };
}

/** Runs `task` once per input after a few warm-up calls, timing each call in milliseconds. */
export async function timeEach<T>(inputs: T[], task: (input: T, i: number) => unknown, warmup = 5): Promise<Timing> {
  for (let i = 0; i < Math.min(warmup, inputs.length); i++) await task(inputs[i], i);
  const samples: number[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const start = performance.now();
    await task(inputs[i], i);
    samples.push(performance.now() - start);
  }
  return summarise(samples);
}

export async function timeOnce(task: () => unknown): Promise<number> {
  const start = performance.now();
  await task();
  return performance.now() - start;
}

/** A small deterministic generator: the same library, byte for byte, on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export interface Row {
  measure: string;
  value: number;
  unit: string;
  /** The same work done the fastest way this machine can, measured in the same run. */
  floor?: number;
  goal?: string;
  met?: boolean;
  note?: string;
}

export const fmt = (n: number | undefined, digits = 2) => (n === undefined || Number.isNaN(n) ? '—' : n.toFixed(digits));

export function printTable(rows: Row[]): void {
  const header = ['measure', 'value', 'floor', 'ratio', 'goal', 'met'];
  const lines = rows.map((r) => [
    r.measure,
    `${fmt(r.value)} ${r.unit}`,
    r.floor === undefined ? '—' : `${fmt(r.floor)} ${r.unit}`,
    r.floor ? fmt(r.value / r.floor) : '—',
    r.goal ?? '—',
    r.met === undefined ? '—' : r.met ? 'yes' : 'NO'
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(line(l));
  for (const r of rows.filter((r) => r.note)) console.log(`  ${r.measure}: ${r.note}`);
}
