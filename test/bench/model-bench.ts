import { performance } from 'node:perf_hooks';
import { applyChange, changeFrom } from '../../shared/change/change.ts';
import { dependentsOf, stagesOf, journeysOf, type RecordMap } from '../../shared/model/document.ts';
import type { AnyRecord, Card } from '../../shared/model/records.ts';
import { generateWorkshop } from '../support/generate-workshop.ts';
import { summarize, type Row } from './harness.ts';

/**
 * The editor's own work on a big map, in plain Node (no drawing): deleting a stage with
 * everything under it, and committing one edited card. Each is timed on a fresh record
 * map, so the per-map indexes are built inside the measurement, as after a real edit.
 */
export async function modelBench(): Promise<Row[]> {
  const records: RecordMap = Object.fromEntries(generateWorkshop({ stages: 20, stepsPerStage: 5, lanes: 10, cards: 10_000 }).map((r) => [r.id, r]));
  const cards = Object.values(records).filter((r): r is Card => r.type === 'card');
  const stage = stagesOf(records, journeysOf(records)[0]!.id)[3]!;

  const deletes: number[] = [];
  const commits: number[] = [];
  const copies: number[] = [];
  for (let i = 0; i < 41; i++) {
    const fresh: RecordMap = { ...records };
    let start = performance.now();
    const removed = changeFrom(fresh, { remove: [...dependentsOf(fresh, stage.id), stage] });
    applyChange(fresh, removed);
    deletes.push(performance.now() - start);

    const card = cards[(i * 241) % cards.length]!;
    const edit = changeFrom(fresh, { put: [{ ...card, text: `${card.text} (edited ${i})` } as AnyRecord] });
    start = performance.now();
    applyChange(fresh, edit);
    commits.push(performance.now() - start);

    // The baseline: one copy of the whole record map, what a commit used to cost.
    start = performance.now();
    void { ...fresh };
    copies.push(performance.now() - start);
  }
  const del = summarize(deletes);
  const commit = summarize(commits);
  const copy = summarize(copies);
  return [
    { benchmark: 'delete a stage, 10,000 cards', measure: 'median (dependents + change + apply)', value: del.median, unit: 'ms', target: '≤ 16 ms', met: del.median <= 16 },
    { benchmark: 'one commit, 10,000 cards', measure: 'median (apply one card edit)', value: commit.median, unit: 'ms', baselineName: 'copy the record map', baseline: copy.median, ratio: commit.median / copy.median, target: '≤ 2 ms', met: commit.median <= 2 },
  ];
}
