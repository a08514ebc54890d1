import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startHost } from '../../electron/host/server.ts';
import { CHROMIUM_ARGS, RENDERER_DIR } from '../e2e/support/app.ts';
import { tempFolder } from '../support/workshop-fixtures.ts';
import { boardBench } from './board-bench.ts';
import { exportBench } from './export-bench.ts';
import { exportResponsivenessBench, exportScaleBench } from './export-scale-bench.ts';
import { openBench } from './open-bench.ts';
import { saveBench } from './save-bench.ts';
import { modelBench } from './model-bench.ts';
import { exportStallBench } from './export-stall-bench.ts';
import { transcriptBench } from './transcript-bench.ts';
import { interviewBench } from './interview-bench.ts';
import { participantBench } from './participant-bench.ts';
import { printTable, type Row } from './harness.ts';

// `npm run bench`: every benchmark, medians and ratios against baselines measured in
// the same run. It reports; it never fails on a slow machine.
// `npm run bench -- board` runs only the benchmarks whose name contains a word given.
const only = process.argv.slice(2);
const folder = tempFolder('jb-bench-');
const host = await startHost({ rendererDir: RENDERER_DIR, dataFolder: join(folder, 'data'), defaultWorkshopFolder: folder });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
const benches: [string, () => Promise<Row[]>][] = [
  ['board', () => boardBench(browser, host.url, folder)],
  ['open, memory, bundle', () => openBench(browser, host.url, folder)],
  ['save', saveBench],
  ['model (delete, commit)', modelBench],
  ['export', exportBench],
  ['export scale', exportScaleBench],
  ['export responsiveness', () => exportResponsivenessBench(host, folder)],
  ['export stall', exportStallBench],
  ['transcript import', transcriptBench],
  ['interview typing, synthesis', () => interviewBench(browser, host.url, folder)],
  ['participant', participantBench],
];
const rows: Row[] = [];
try {
  for (const [name, bench] of benches.filter(([name]) => only.length === 0 || only.some((word) => name.includes(word)))) {
    process.stderr.write(`running ${name}…\n`);
    rows.push(...(await bench()));
  }
} finally {
  await browser.close();
  await host.close();
}
printTable(rows);
const results = fileURLToPath(new URL('./results/', import.meta.url));
mkdirSync(results, { recursive: true });
writeFileSync(`${results}latest.json`, `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, rows }, null, 2)}\n`);
console.log(`\nResults written to test/bench/results/latest.json`);
