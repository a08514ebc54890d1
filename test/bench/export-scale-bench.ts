import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildDeck, deckBytes } from '../../electron/services/exports/deck/build-deck.ts';
import { buildPdf } from '../../electron/services/exports/pdf/build-pdf.ts';
import { TOKEN_HEADER, type RunningHost } from '../../electron/host/server.ts';
import { WorkshopFile } from '../../electron/services/workshop-file.ts';
import { cardsCsv } from '../../shared/exchange/cards-csv.ts';
import type { AnyRecord } from '../../shared/model/records.ts';
import { generateDetailedWorkshop } from '../support/detailed-workshop.ts';
import { compare, summarize, type Row } from './harness.ts';

// The same map at both sizes (20 stages × 3 steps × 12 lanes, tollgates, pain points,
// emotions, a vote): only the number of cards changes, so the ratio shows how an
// export's cost grows with the workshop.
const SHAPE = { stages: 20, stepsPerStage: 3, lanes: 12 };
const SMALL = 1_000;
const LARGE = 10_000;
const ROUNDS = 3;
const workshop = (cards: number) => generateDetailedWorkshop({ ...SHAPE, cards, seed: cards });
// A fresh map every run, as every export request makes one: the indexes are built anew.
const toMap = (records: AnyRecord[]) => Object.fromEntries(records.map((r) => [r.id, r]));

const EXPORTS: [name: string, runs: number, run: (records: AnyRecord[]) => Promise<unknown> | unknown][] = [
  ['cards CSV', 15, (records) => cardsCsv(toMap(records))],
  ['PDF', 3, (records) => buildPdf(toMap(records), { overviews: new Map() })],
  ['PPTX', 5, async (records) => deckBytes((await buildDeck(toMap(records), { theme: 'light', overviews: new Map() })).pptx)],
];

/** Each export at 1,000 and 10,000 cards, as time per card and as the ratio of totals. */
export async function exportScaleBench(): Promise<Row[]> {
  const small = workshop(SMALL);
  const large = workshop(LARGE);
  const rows: Row[] = [];
  for (const [name, runs, run] of EXPORTS) {
    const { subject, baseline } = await compare(() => run(large), () => run(small), runs, 1);
    const perCard = { small: (baseline.median / SMALL) * 1000, large: (subject.median / LARGE) * 1000 };
    const ratio = subject.median / baseline.median;
    rows.push(
      { benchmark: 'export', measure: `${name}, 1,000 cards: time per card (median)`, value: perCard.small, unit: 'µs' },
      { benchmark: 'export', measure: `${name}, 10,000 cards: time per card (median)`, value: perCard.large, unit: 'µs', baselineName: '1,000 cards, per card', baseline: perCard.small, ratio: perCard.large / perCard.small },
      { benchmark: 'export', measure: `${name}: 10,000-card total vs 1,000-card total`, value: subject.median, unit: 'ms', baselineName: '1,000-card total', baseline: baseline.median, ratio, target: '≤ 12×', met: ratio <= 12 },
    );
  }
  return rows;
}

/**
 * How long the service leaves a workshop-read waiting while it exports 10,000 cards:
 * the real HTTP host, a client on another thread reading in a loop. A read of 10,000
 * cards is itself tens of milliseconds of the host's work, so a read's wait is its time
 * less an idle read's median. The longest wait of one export is one unlucky moment on a
 * shared machine, so each export runs three times and the median of their longest
 * waits is the figure; the baseline is the same figure with no export running.
 */
export async function exportResponsivenessBench(host: RunningHost, folder: string): Promise<Row[]> {
  const path = join(folder, 'export-10000.journey');
  WorkshopFile.createFromRecords(path, workshop(LARGE), { replaceExisting: true }).close();
  const call = async (name: string, input: object) => {
    const response = await fetch(`http://127.0.0.1:${host.port}/api/${name}`, { method: 'POST', headers: { [TOKEN_HEADER]: host.token, 'content-type': 'application/json' }, body: JSON.stringify(input) });
    const body = (await response.json()) as { ok: boolean; error?: unknown };
    if (!body.ok) throw new Error(`${name} failed: ${JSON.stringify(body.error)}`);
  };
  const rounds = async (work: (round: number) => Promise<unknown>) => {
    const reads: number[][] = [];
    for (let round = 0; round < ROUNDS; round++) reads.push(await whileReading(host, () => work(round)));
    return reads;
  };
  await call('workshop-open', { path });
  try {
    const idle = await rounds(() => new Promise((resolve) => setTimeout(resolve, 2000)));
    const idleRead = summarize(idle.flat()).median;
    const longestWaits = (reads: number[][]) => reads.map((r) => Math.max(...r) - idleRead);
    const quiet = summarize(longestWaits(idle)).median;
    const during = {
      PPTX: await rounds((n) => call('export-pptx', { path: join(folder, `bench-${n}.pptx`), jobId: `bench-pptx-${n}`, theme: 'light', overviews: [], replaceExisting: true })),
      PDF: await rounds((n) => call('export-pdf', { path: join(folder, `bench-${n}.pdf`), jobId: `bench-pdf-${n}`, overviews: [], replaceExisting: true })),
    };
    return Object.entries(during).map(([name, reads]): Row => {
      const waits = longestWaits(reads);
      const wait = summarize(waits).median;
      return {
        benchmark: 'export',
        measure: `longest a workshop-read waited during a 10,000-card ${name} export (median of ${ROUNDS}, worst ${Math.max(...waits).toFixed(0)} ms)`,
        value: wait,
        unit: 'ms',
        baselineName: `same, no export (a read: ${idleRead.toFixed(0)} ms)`,
        baseline: quiet,
        target: '≤ 100 ms',
        met: wait <= 100,
      };
    });
  } finally {
    await call('workshop-close', {});
  }
}

async function whileReading(host: RunningHost, work: () => Promise<unknown>): Promise<number[]> {
  const probe = new Worker(new URL('./read-probe.ts', import.meta.url), { workerData: { port: host.port, token: host.token, header: TOKEN_HEADER, pauseMs: 5 } });
  const messages: { ready?: boolean; latencies?: number[]; failures?: number }[] = [];
  let wake = () => {};
  probe.on('message', (message) => {
    messages.push(message);
    wake();
  });
  const next = async () => {
    while (messages.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    return messages.shift()!;
  };
  await next();
  try {
    await work();
  } finally {
    probe.postMessage('stop');
  }
  const { latencies, failures } = await next();
  await probe.terminate();
  if (failures) throw new Error(`${failures} workshop-reads failed during the export`);
  return latencies!;
}
