import { performance } from 'node:perf_hooks';

export interface Samples {
  median: number;
  p95: number;
  p99: number;
  max: number;
  runs: number;
  /** Share of samples over one 60 Hz frame plus a quarter (a frame that missed its vsync). */
  late: number;
}

/** An interval this long means a 60 Hz display showed the frame before again. */
export const LATE_MS = 16.7 * 1.25;

export function summarize(values: number[]): Samples {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? NaN, runs: values.length, late: values.filter((v) => v > LATE_MS).length / Math.max(1, values.length) };
}

/**
 * Times a subject and its baseline alternately, after a warm-up, so both see the same
 * machine state: on a shared, noisy machine only a ratio within one run means anything.
 */
export async function compare(subject: () => Promise<unknown> | unknown, baseline: () => Promise<unknown> | unknown, runs = 9, warmup = 2) {
  for (let i = 0; i < warmup; i++) {
    await subject();
    await baseline();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const [fn, into] of i % 2 ? ([[baseline, b], [subject, a]] as const) : ([[subject, a], [baseline, b]] as const)) {
      const start = performance.now();
      await fn();
      into.push(performance.now() - start);
    }
  }
  return { subject: summarize(a), baseline: summarize(b) };
}

export interface Row {
  benchmark: string;
  measure: string;
  value: number;
  unit: string;
  baselineName?: string;
  baseline?: number;
  ratio?: number;
  target?: string;
  met?: boolean;
}

export function printTable(rows: Row[]): void {
  const fmt = (n: number | undefined, unit = '') => (n === undefined ? '' : `${n >= 100 ? n.toFixed(0) : n.toFixed(2)}${unit}`);
  const lines = rows.map((r) => [r.benchmark, r.measure, fmt(r.value, ` ${r.unit}`), r.baselineName ?? '', fmt(r.baseline, r.baseline === undefined ? '' : ` ${r.unit}`), r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×`, r.target ?? '', r.met === undefined ? '' : r.met ? 'met' : 'NOT met']);
  const header = ['benchmark', 'measure', 'value', 'baseline', 'baseline value', 'ratio', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const l of lines) console.log(line(l));
}
