import { performance } from 'node:perf_hooks';
import { applyChange, changeFrom } from '../../shared/change/change.ts';
import { cardsIn, dependentsOf, journeysOf, recordsOfType, stagesOf, type RecordMap } from '../../shared/model/document.ts';
import { recordMapOf } from '../../shared/model/record-map.ts';
import type { AnyRecord, Card } from '../../shared/model/records.ts';
import { recordCommit } from '../../renderer/src/editor/history.ts';
import type { HistoryEntry } from '../../renderer/src/editor/editor-state.ts';
import { generateWorkshop } from '../support/generate-workshop.ts';
import { summarize, type Row } from './harness.ts';

/**
 * The editor's own work on a big map, in plain Node (no drawing): deleting a stage with
 * everything under it, and committing one edited card as `Editor.commit` does — the
 * next record map, the undo entry, and the indexes the board reads right after (the
 * card list and the edited cell). Commits run one after another on the map the last
 * one made, as typing does, so the figure includes the map's periodic compaction.
 */
export async function modelBench(): Promise<Row[]> {
  const list = generateWorkshop({ stages: 20, stepsPerStage: 5, lanes: 10, cards: 10_000 });
  const loaded = recordMapOf(list);
  const cards = list.filter((r): r is Card => r.type === 'card');
  const stage = stagesOf(loaded, journeysOf(loaded)[0]!.id)[3]!;

  const deletes: number[] = [];
  for (let i = 0; i < 41; i++) {
    // A fresh map each time, so the indexes a delete needs are built inside the measure.
    const fresh = recordMapOf(list);
    const start = performance.now();
    const removed = changeFrom(fresh, { remove: [...dependentsOf(fresh, stage.id), stage] });
    applyChange(fresh, removed);
    deletes.push(performance.now() - start);
  }

  let map: RecordMap = loaded;
  let undo: HistoryEntry[] = [];
  recordsOfType(map, 'card');
  const commits: number[] = [];
  const copies: number[] = [];
  const plain = Object.fromEntries(list.map((r) => [r.id, r]));
  for (let i = 0; i < 501; i++) {
    const card = map[cards[(i * 241) % cards.length]!.id] as Card;
    const edit = changeFrom(map, { put: [{ ...card, text: `${card.text} (edited ${i})` } as AnyRecord] });
    const start = performance.now();
    map = applyChange(map, edit);
    undo = recordCommit(undo, edit, i % 10 === 0 ? undefined : `typing ${card.id}`);
    recordsOfType(map, 'card');
    cardsIn(map, card.stepId, card.laneId);
    commits.push(performance.now() - start);

    // The baseline: one copy of the whole record map as a plain object, what a commit used to cost.
    if (i % 10 === 0) {
      const copyStart = performance.now();
      void { ...plain };
      copies.push(performance.now() - copyStart);
    }
  }
  const del = summarize(deletes);
  const commit = summarize(commits);
  const copy = summarize(copies);
  return [
    { benchmark: 'delete a stage, 10,000 cards', measure: 'median (dependents + change + apply)', value: del.median, unit: 'ms', target: '≤ 16 ms', met: del.median <= 16 },
    { benchmark: 'one commit, 10,000 cards', measure: `median of 501 (apply + undo + indexes; p95 ${commit.p95.toFixed(2)} ms)`, value: commit.median, unit: 'ms', baselineName: 'copy the record map', baseline: copy.median, ratio: commit.median / copy.median, target: '≤ 2 ms', met: commit.median <= 2 },
  ];
}
