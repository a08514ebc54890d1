import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exportBench } from './export-bench.ts';
import { saveBench } from './save-bench.ts';
import { boardBench } from './board-bench.ts';
import { printTable, type Row } from './harness.ts';

// `npm run bench`: every benchmark, medians and ratios against baselines measured in
// the same run. It reports; it never fails on a slow machine.
const rows: Row[] = [];
const benches: [string, () => Promise<Row[]>][] = [
  ['board, open, memory, bundle', boardBench],
  ['save', saveBench],
  ['export', exportBench],
];
for (const [name, bench] of benches) {
  process.stderr.write(`running ${name}…\n`);
  rows.push(...(await bench()));
}
printTable(rows);
const folder = fileURLToPath(new URL('./results/', import.meta.url));
mkdirSync(folder, { recursive: true });
writeFileSync(`${folder}latest.json`, `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, rows }, null, 2)}\n`);
console.log(`\nResults written to test/bench/results/latest.json`);
