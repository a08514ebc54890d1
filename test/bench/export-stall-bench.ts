import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { createApiService } from '../../electron/services/api-service.ts';
import { WorkshopFile } from '../../electron/services/workshop-file.ts';
import { generateDetailedWorkshop } from '../support/detailed-workshop.ts';
import { tempFolder } from '../support/workshop-fixtures.ts';
import { summarize, type Row } from './harness.ts';

const ROUNDS = 3;

/**
 * How long the service's own thread stops answering while a 10,000-card deck or PDF is
 * made: the longest event-loop delay during the export, against the same measure while
 * idle. A read timed from outside (the rows before) adds its own work and whatever the
 * machine's two cores are busy with; this is the stall alone, which is what the room
 * would feel as a save that waits.
 */
export async function exportStallBench(): Promise<Row[]> {
  const folder = tempFolder('jb-stall-');
  const path = join(folder, 'export-10000.journey');
  WorkshopFile.createFromRecords(path, generateDetailedWorkshop({ stages: 20, stepsPerStage: 5, lanes: 10, cards: 10_000 }), { replaceExisting: true }).close();
  const api = createApiService({ dataFolder: join(folder, 'data'), defaultWorkshopFolder: folder, appVersion: 'bench' });
  await api.call('workshop-open', { path });
  const longestStall = async (work: () => Promise<unknown>) => {
    const histogram = monitorEventLoopDelay({ resolution: 5 });
    histogram.enable();
    await work();
    histogram.disable();
    return histogram.max / 1e6;
  };
  try {
    const idle: number[] = [];
    for (let i = 0; i < ROUNDS; i++) idle.push(await longestStall(() => new Promise((resolve) => setTimeout(resolve, 2000))));
    const quiet = summarize(idle).median;
    const rows: Row[] = [];
    for (const kind of ['pptx', 'pdf'] as const) {
      const stalls: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        stalls.push(
          await longestStall(() => api.call(`export-${kind}`, { path: join(folder, `stall-${i}.${kind}`), jobId: `stall-${kind}-${i}`, theme: 'light', overviews: [], replaceExisting: true })),
        );
      }
      const stall = summarize(stalls).median;
      rows.push({
        benchmark: 'export',
        measure: `longest the service's thread stalls during a 10,000-card ${kind.toUpperCase()} export (median of ${ROUNDS}, worst ${Math.max(...stalls).toFixed(0)} ms)`,
        value: stall,
        unit: 'ms',
        baselineName: 'same, no export',
        baseline: quiet,
        target: '≤ 100 ms',
        met: stall <= 100,
      });
    }
    return rows;
  } finally {
    api.close();
  }
}
